import { useMemo } from 'react';

import { SLA_OPTION_KEYS, SlaConfigResult, SlaOptions, slaConfigOf } from '../model/slaOptions';
import { PingmeshOptions } from '../options/types';

/**
 * The panel's SLA, keyed on the SLA options' values: other option changes (start level, sort…) keep the same object,
 * so nothing re-judges a million cells for them.
 */
export function useSlaConfig(options: PingmeshOptions): SlaConfigResult {
  const slaKey = JSON.stringify(SLA_OPTION_KEYS.map((k) => options[k]));
  return useMemo(
    () => slaConfigOf(Object.fromEntries(SLA_OPTION_KEYS.map((k, i) => [k, JSON.parse(slaKey)[i]])) as SlaOptions),
    [slaKey]
  );
}
