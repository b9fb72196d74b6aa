import { GrafanaTheme2, Threshold, ThresholdsConfig } from '@grafana/data';
import { color } from 'd3-color';

import { Status, StatusCode } from '../model/sla';
import { sortedThresholds } from '../model/thresholds';

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
    const { steps } = drawableThresholds(theme, palette, thresholds);
    const n = steps.length;
    const byName = (name: string) => theme.visualization.getColorByName(name);
    // The base step is OK, the last step over SLA, the one before it a warning when there is a step between them.
    // Without thresholds (or with a lone base step, which would paint breaches OK) the missing ones are the defaults.
    colors[Status.OK] = n > 0 ? steps[0].color : byName(THRESHOLD_DEFAULTS[Status.OK]);
    colors[Status.Warning] = n >= 3 ? steps[n - 2].color : byName(THRESHOLD_DEFAULTS[Status.Warning]);
    colors[Status.Breach] = n >= 2 ? steps[n - 1].color : byName(THRESHOLD_DEFAULTS[Status.Breach]);
  }
  return colors;
}

type ThresholdStatus = typeof Status.OK | typeof Status.Warning | typeof Status.Breach;

/** Grafana's own threshold colours: what the thresholds palette uses where a step is missing or its colour unusable. */
const THRESHOLD_DEFAULTS: Record<ThresholdStatus, string> = {
  [Status.OK]: 'green',
  [Status.Warning]: 'orange',
  [Status.Breach]: 'red',
};

/** A threshold step whose colour is no colour (a typo such as "redd", or one carried over by the migration). */
export interface UnusableColor {
  /** The step's value (-Infinity for the base step) and colour as saved. */
  value: number;
  color: unknown;
  /** The state the step colours, and the palette's colour drawn instead. */
  status: ThresholdStatus;
  used: string;
}

/**
 * The threshold steps in ascending order (sortThresholds, as the model's field has them), each colour resolved
 * through the theme to a CSS colour the canvas can draw. A colour that is none falls back to the palette's colour of
 * the state its step colours — never transparent cells and an empty legend swatch — and is listed in `unusable` so
 * that the footer can say so.
 */
export function drawableThresholds(
  theme: GrafanaTheme2,
  palette: PaletteId,
  thresholds: ThresholdsConfig | undefined
): { steps: Threshold[]; unusable: UnusableColor[] } {
  const sorted = sortedThresholds(thresholds)?.steps ?? [];
  const n = sorted.length;
  const unusable: UnusableColor[] = [];
  const steps = sorted.map((step, i) => {
    const resolved = typeof step.color === 'string' ? theme.visualization.getColorByName(step.color) : undefined;
    if (resolved !== undefined && color(resolved) !== null) {
      return { ...step, color: resolved };
    }
    // Steps between the base and the warning step are warnings too, for lack of a state of their own.
    const status = i === 0 ? Status.OK : i === n - 1 ? Status.Breach : Status.Warning;
    const used =
      palette === 'thresholds' ? theme.visualization.getColorByName(THRESHOLD_DEFAULTS[status]) : ACCESSIBLE[status];
    unusable.push({ value: step.value, color: step.color, status, used });
    return { ...step, color: used };
  });
  return { steps, unusable };
}
