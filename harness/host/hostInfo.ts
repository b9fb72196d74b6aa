import { version as reactVersion } from 'react';

/** Which host variant this page was built as (harness/hosts.ts; webpack's DefinePlugin fills it in). */
declare const __HARNESS_HOST__: { id: string; grafana: string } | undefined;

const built = typeof __HARNESS_HOST__ === 'undefined' ? { id: '12.4', grafana: '12.4.10' } : __HARNESS_HOST__;

export const HOST_INFO = { ...built, react: reactVersion };
