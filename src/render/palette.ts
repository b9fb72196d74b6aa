import { GrafanaTheme2, ThresholdsConfig } from '@grafana/data';

import { Status, StatusCode } from '../model/sla';

/** `accessible`: separable under colour-vision deficiencies and in greyscale. `thresholds`: the field's threshold colours. */
export type PaletteId = 'accessible' | 'thresholds';
export const DEFAULT_PALETTE: PaletteId = 'accessible';

type ValueStatus = Exclude<StatusCode, typeof Status.Self | typeof Status.NotProbed>;

/**
 * Found by a search maximising the smallest pairwise CIELAB ΔE under normal vision and Machado-2009 protan, deutan
 * and tritan simulation (severity 1), and the smallest L* gap so that a greyscale print still separates them.
 * palette.test.ts re-checks the margins. Theme-independent: a state reads the same on dark and light dashboards.
 */
const ACCESSIBLE: Record<ValueStatus, string> = {
  [Status.OK]: '#6BAED6',
  [Status.Warning]: '#F0E442',
  [Status.Breach]: '#E8602C',
  [Status.Failed]: '#2B0A3D',
  [Status.NoData]: '#6E6E6E',
  [Status.Stale]: '#B8C4A8',
  [Status.Invalid]: '#7B3294',
};

/** Marks drawn over cells: whichever of the two contrasts more with the fill (see marks.ts `inkFor`). */
export const MARK_INK = { dark: '#121212', light: '#F7F7F7' } as const;

/**
 * CSS colour per status. Self and Not probed sit just off the panel background (nothing was expected there), in
 * both themes; the value states come from the palette.
 */
export function statusColors(
  theme: GrafanaTheme2,
  palette: PaletteId = DEFAULT_PALETTE,
  thresholds?: ThresholdsConfig
): Record<StatusCode, string> {
  const panel = theme.colors.background.primary;
  const colors: Record<StatusCode, string> = {
    ...ACCESSIBLE,
    [Status.Self]: theme.colors.emphasize(panel, 0.05),
    [Status.NotProbed]: theme.colors.emphasize(panel, 0.14),
  };
  if (palette === 'thresholds') {
    const t = thresholdColors(theme, thresholds);
    colors[Status.OK] = t.ok;
    colors[Status.Warning] = t.warning;
    colors[Status.Breach] = t.breach;
  }
  return colors;
}

/**
 * Grafana's threshold colours: the base step is OK, the last step over SLA, the one before it a warning when there
 * is a step between them. Without thresholds (or with a lone base step, which would paint breaches OK) the missing
 * ones fall back to Grafana's green / orange / red.
 */
function thresholdColors(theme: GrafanaTheme2, thresholds?: ThresholdsConfig) {
  const byName = (name: string) => theme.visualization.getColorByName(name);
  // Saved dashboards keep the base step's value as null; Grafana sorts steps when it processes field config, but the
  // raw config may not have been.
  const steps = [...(thresholds?.steps ?? [])].sort((a, b) => stepValue(a.value) - stepValue(b.value));
  const n = steps.length;
  return {
    ok: byName(n > 0 ? steps[0].color : 'green'),
    warning: byName(n >= 3 ? steps[n - 2].color : 'orange'),
    breach: byName(n >= 2 ? steps[n - 1].color : 'red'),
  };
}

function stepValue(v: number | null | undefined): number {
  return v == null || Number.isNaN(v) ? -Infinity : v;
}
