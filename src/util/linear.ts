/** A linear map from `domain` onto `range`, clamped to the domain, with its inverse (a pixel back to a value). */
export interface Linear {
  (value: number): number;
  invert(position: number): number;
}

export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): Linear {
  const span = d1 - d0;
  const clamp = (t: number) => Math.max(0, Math.min(1, t));
  const map = ((v: number) => r0 + (span === 0 ? 0.5 : clamp((v - d0) / span)) * (r1 - r0)) as Linear;
  map.invert = (p: number) => d0 + (r1 === r0 ? 0.5 : clamp((p - r0) / (r1 - r0))) * span;
  return map;
}
