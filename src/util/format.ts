/** Whole counts and option values in the user's locale (the browser's, as Grafana's own `locale` unit formats them). */
let numbers: Intl.NumberFormat | undefined;

export function formatCount(n: number): string {
  numbers ??= new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 });
  return numbers.format(n);
}
