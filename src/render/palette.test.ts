import { GrafanaTheme2, ThresholdsConfig, ThresholdsMode, createTheme } from '@grafana/data';
import { RGBColor, lab, rgb } from 'd3-color';

import { Status, StatusCode } from '../model/sla';
import { drawableThresholds, statusColors } from './palette';

type Matrix = [number[], number[], number[]];

/** Machado, Oliveira & Fernandes 2009, severity 1.0, applied to linear RGB. */
const CVD: Record<string, Matrix> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (v: number) => {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

function simulate(css: string, m: Matrix): RGBColor {
  const c = rgb(css);
  const l = [toLinear(c.r), toLinear(c.g), toLinear(c.b)];
  const [r, g, b] = m.map((row) => toSrgb(row[0] * l[0] + row[1] * l[1] + row[2] * l[2]));
  return rgb(r, g, b);
}

/** CIE76 ΔE. */
function deltaE(a: string | RGBColor, b: string | RGBColor): number {
  const toLab = (c: string | RGBColor) => (typeof c === 'string' ? lab(c) : lab(c));
  const x = toLab(a);
  const y = toLab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

const VALUE_STATES: StatusCode[] = [
  Status.OK,
  Status.Warning,
  Status.Breach,
  Status.Failed,
  Status.NoData,
  Status.Stale,
  Status.Invalid,
];
const pairs = <T>(xs: T[]) => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b] as const));

const themes: Array<[string, GrafanaTheme2]> = [
  ['dark', createTheme({ colors: { mode: 'dark' } })],
  ['light', createTheme({ colors: { mode: 'light' } })],
];

describe.each(themes)('accessible palette on the %s theme', (_, theme) => {
  const colors = statusColors(theme, 'accessible');

  it('gives every status a parsable colour', () => {
    for (const code of Object.values(Status)) {
      expect(Number.isNaN(rgb(colors[code]).r)).toBe(false);
    }
  });

  it('separates the value states under normal vision', () => {
    for (const [a, b] of pairs(VALUE_STATES)) {
      expect({ a, b, dE: deltaE(colors[a], colors[b]) >= 15 }).toEqual({ a, b, dE: true });
    }
  });

  it.each(Object.keys(CVD))('separates the value states under %s simulation', (kind) => {
    for (const [a, b] of pairs(VALUE_STATES)) {
      const dE = deltaE(simulate(colors[a], CVD[kind]), simulate(colors[b], CVD[kind]));
      expect({ a, b, ok: dE >= 10 }).toEqual({ a, b, ok: true });
    }
  });

  it('separates the value states in greyscale (L*)', () => {
    for (const [a, b] of pairs(VALUE_STATES)) {
      const dL = Math.abs(lab(colors[a]).l - lab(colors[b]).l);
      expect({ a, b, ok: dL >= 8 }).toEqual({ a, b, ok: true });
    }
  });

  it('keeps Not probed and Self just off the panel background, apart, and far from every value state', () => {
    const panel = theme.colors.background.primary;
    const quiet = [colors[Status.NotProbed], colors[Status.Self]];
    expect(deltaE(quiet[0], quiet[1])).toBeGreaterThanOrEqual(3);
    for (const q of quiet) {
      expect(deltaE(q, panel)).toBeGreaterThanOrEqual(3);
      for (const v of VALUE_STATES) {
        expect({ v, ok: deltaE(q, colors[v]) >= 15 }).toEqual({ v, ok: true });
      }
    }
  });

  it('is the default palette', () => {
    expect(statusColors(theme)).toEqual(colors);
  });
});

describe('thresholds palette', () => {
  const theme = createTheme({ colors: { mode: 'dark' } });
  const byName = (name: string) => theme.visualization.getColorByName(name);
  const accessible = statusColors(theme, 'accessible');
  const steps = (...s: Array<[number, string]>) => ({
    mode: ThresholdsMode.Absolute,
    steps: s.map(([value, color]) => ({ value, color })),
  });

  it('uses Grafana’s green / orange / red without thresholds', () => {
    for (const t of [undefined, steps()]) {
      const c = statusColors(theme, 'thresholds', t);
      expect([c[Status.OK], c[Status.Warning], c[Status.Breach]]).toEqual([
        byName('green'),
        byName('orange'),
        byName('red'),
      ]);
    }
  });

  it('maps 2 steps to OK and over SLA, with Grafana’s orange as the warning', () => {
    const c = statusColors(theme, 'thresholds', steps([-Infinity, 'blue'], [10, 'purple']));
    expect(c[Status.OK]).toBe(byName('blue'));
    expect(c[Status.Breach]).toBe(byName('purple'));
    expect(c[Status.Warning]).toBe(byName('orange'));
  });

  it('maps 3 steps to OK, warning, over SLA', () => {
    const c = statusColors(theme, 'thresholds', steps([-Infinity, 'green'], [1, 'yellow'], [2, 'red']));
    expect([c[Status.OK], c[Status.Warning], c[Status.Breach]]).toEqual([
      byName('green'),
      byName('yellow'),
      byName('red'),
    ]);
  });

  it('maps 5 steps: base, second to last, last', () => {
    const c = statusColors(
      theme,
      'thresholds',
      steps([-Infinity, 'green'], [1, 'blue'], [2, 'yellow'], [3, 'orange'], [4, 'dark-red'])
    );
    expect([c[Status.OK], c[Status.Warning], c[Status.Breach]]).toEqual([
      byName('green'),
      byName('orange'),
      byName('dark-red'),
    ]);
  });

  it('resolves named colours and passes CSS colours through', () => {
    const c = statusColors(theme, 'thresholds', steps([-Infinity, 'semi-dark-green'], [5, '#ff00aa']));
    expect(c[Status.OK]).toBe(byName('semi-dark-green'));
    expect(c[Status.OK]).toMatch(/^#|^rgb/);
    expect(c[Status.OK]).not.toBe('semi-dark-green');
    expect(c[Status.Breach]).toBe('#ff00aa');
  });

  it('orders unsorted steps, with a null base value first', () => {
    const t = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: 5, color: 'red' },
        { value: null as unknown as number, color: 'green' },
      ],
    };
    const c = statusColors(theme, 'thresholds', t);
    expect([c[Status.OK], c[Status.Breach]]).toEqual([byName('green'), byName('red')]);
  });

  it('never paints over SLA with the OK colour when only a base step is set', () => {
    const c = statusColors(theme, 'thresholds', steps([-Infinity, 'green']));
    expect(c[Status.OK]).toBe(byName('green'));
    expect(c[Status.Breach]).toBe(byName('red'));
  });

  it('keeps the accessible colours for the states that are not a threshold', () => {
    const c = statusColors(theme, 'thresholds', steps([-Infinity, 'green'], [1, 'red']));
    for (const s of [Status.Failed, Status.NoData, Status.Stale, Status.Invalid, Status.NotProbed, Status.Self]) {
      expect(c[s]).toBe(accessible[s]);
    }
  });

  // Broke: "redd" went through getColorByName unchecked, so over-SLA cells were drawn transparent and the legend
  // swatch was empty.
  it('draws a colour that is none ("redd") in the palette’s colour of its state, and lists it', () => {
    const t = steps([-Infinity, 'green'], [10, 'orange'], [25, 'redd']);
    const c = statusColors(theme, 'thresholds', t);
    expect(c[Status.Breach]).toBe(byName('red'));
    expect(c[Status.OK]).toBe(byName('green'));
    const { unusable, steps: drawn } = drawableThresholds(theme, 'thresholds', t);
    expect(unusable).toEqual([{ value: 25, color: 'redd', status: Status.Breach, used: byName('red') }]);
    expect(drawn.map((s) => s.color)).toEqual([byName('green'), byName('orange'), byName('red')]);
    // The accessible palette's own colour for the state, where that palette is drawn.
    expect(drawableThresholds(theme, 'accessible', t).unusable[0].used).toBe(accessible[Status.Breach]);
  });

  it('treats a colour that is no string (a number, null from a migration) as none', () => {
    const t = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: null, color: 42 },
        { value: 5, color: null },
      ],
    };
    const { unusable } = drawableThresholds(theme, 'thresholds', t as unknown as ThresholdsConfig);
    expect(unusable.map((u) => [u.status, u.used])).toEqual([
      [Status.OK, byName('green')],
      [Status.Breach, byName('red')],
    ]);
  });
});
