import { Icon, useStyles2 } from '@grafana/ui';
import React from 'react';

import { TEST_IDS } from '../testIds';
import { getStyles } from './MatrixView.styles';
import { SearchBar } from './SearchBar';
import { useSearch } from './useSearch';

interface Props {
  /** A data problem (failed or partial query). */
  banner?: string;
  /** The search box, when shown. */
  search?: ReturnType<typeof useSearch>;
  width: number;
}

/** Above the matrix: the data banner on the left, the search box on the right. */
export function Toolbar({ banner, search, width }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <>
      {banner && (
        <div className={styles.banner} role="alert" data-testid={TEST_IDS.dataIssue} title={banner}>
          <Icon name="exclamation-triangle" />
          <span>{banner}</span>
        </div>
      )}
      {search && (
        <SearchBar
          query={search.query}
          hits={search.hits.length}
          index={Math.min(search.hitIndex, Math.max(0, search.hits.length - 1))}
          width={width}
          onQuery={search.onQuery}
          onStep={search.step}
        />
      )}
    </>
  );
}
