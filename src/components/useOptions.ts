import { useMemo, useState } from 'react';

import { normalizeOptions } from '../options/normalize';
import { StableSections } from '../options/stable';
import { PingmeshOptions } from '../options/types';
import { optionNoticeText } from '../text/options';

export interface PanelOptions {
  /** Valid, typed, and a section keeps its identity while its values stay the same. */
  options: PingmeshOptions;
  /** One footer line per stored option value that could not be used. */
  notices: string[];
}

/** The panel's options as it uses them: the stored JSON through the one normaliser (options/normalize.ts). */
export function useOptions(raw: unknown): PanelOptions {
  // The previous sections, kept across renders without causing one (not React state).
  const [sections] = useState(() => new StableSections());
  return useMemo(() => {
    const { options, notices } = normalizeOptions(raw);
    return { options: sections.keep(options), notices: notices.map(optionNoticeText) };
  }, [raw, sections]);
}
