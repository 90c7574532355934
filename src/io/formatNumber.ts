/**
 * Numbers for people: five significant digits in the everyday range, exponent notation
 * for very large or very small magnitudes, and a dash for values that are not finite
 * (stored as null in result.json). Used by reports and the command-line summary.
 */

/**
 * Formats a metric or parameter value for display.
 *
 * @example
 * formatNumber(5.123456); // '5.1235'
 * formatNumber(3e-7);     // '3.000e-7'
 * formatNumber(null);     // '—'
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(5)));
  return value.toExponential(3).replace('e+', 'e');
}
