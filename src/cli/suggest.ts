/**
 * "Did you mean ...?" for mistyped names: the known name closest in edit distance, when it
 * is close enough to be a plausible typo.
 */

/** Levenshtein distance between two strings (case-insensitive). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length];
}

/**
 * The known name most like `name` — a prefix match, or within about a third of its length
 * in edits — or undefined when none is close.
 *
 * @example
 * closestName('vogels-cuba', ['vogels2005-cuba', 'ahmad2016-sdr']); // 'vogels2005-cuba'
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (name.length >= 3 && candidate.toLowerCase().startsWith(name.toLowerCase())) return candidate;
    const d = editDistance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.ceil(name.length / 3)) ? best : undefined;
}
