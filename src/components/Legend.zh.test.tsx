import { createTheme } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import React from 'react';

import { STATUS_COUNT, Status } from '../model/sla';
import { statusColors } from '../render/palette';
import { Legend } from './Legend';
import { inSimplifiedChinese } from './testPanel';

beforeAll(inSimplifiedChinese);

it('renders the legend in Simplified Chinese', () => {
  const counts = new Uint32Array(STATUS_COUNT);
  counts[Status.OK] = 5;
  counts[Status.Warning] = 1;
  render(<Legend counts={counts} colors={statusColors(createTheme())} thresholds={['x']} width={600} />);
  expect(screen.getByRole('list', { name: '主机对状态' })).toBeInTheDocument();
  expect(screen.getByText('警告')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'SLA 阈值' })).toHaveTextContent('SLA');
  expect(screen.getByText('正常').closest('li')).toHaveAttribute('title', expect.stringMatching(/^正常：5 /));
});
