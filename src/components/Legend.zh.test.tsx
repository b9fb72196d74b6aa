import { createTheme } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import React from 'react';

import zh from '../locales/zh-Hans/netobs-pingmesh-panel.json';
import { STATUS_COUNT, Status } from '../model/sla';
import { statusColors } from '../render/palette';
import { Legend } from './Legend';

beforeAll(async () => {
  // What Grafana does before the plugin loads: the shared i18next already runs in the user's language, with the
  // plugin's bundle added under its id.
  await i18next.init({
    lng: 'zh-Hans',
    fallbackLng: 'en-US',
    resources: { 'zh-Hans': { 'netobs-pingmesh-panel': zh } },
    showSupportNotice: false,
  });
  await initPluginTranslations('netobs-pingmesh-panel');
});

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
