/**
 * "Did you mean" suggestions for misspelled config keys and enum values.
 *
 * Written here rather than taken from a package: it is ~40 lines, runs on a handful of short
 * keys, and a dependency would have to be vetted for the pure kiosk-config layer (no `node:`).
 */

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein restricted to adjacent transpositions):
 * the number of single-character inserts, deletes, substitutions or swaps that turn `a` into `b`.
 * A swap counts as one edit because transposed letters ("sacnners") are the commonest typo.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (two back for the transposition) instead of a full matrix.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/** Lower case without separators, so `vendor_id`, `Vendor-ID` and `vendorId` compare equal. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The candidate the user most likely meant by `input`, or null when none is close enough.
 * Close enough: a few edits for the key's length, or one name containing the other
 * (`idleTimeout` -> `idle`), since people often guess a longer or shorter name for a group.
 */
export function suggest(input: string, candidates: readonly string[]): string | null {
  const typed = fold(input);
  if (typed === '') return null;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(typed, fold(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  if (best !== null && bestDistance <= allowed) return best;

  // No near spelling: fall back to containment, preferring the longest (most specific) match.
  if (typed.length < 3) return null;
  let contained: string | null = null;
  for (const candidate of candidates) {
    const folded = fold(candidate);
    if (folded.length < 3) continue;
    if (
      (typed.includes(folded) || folded.includes(typed)) &&
      (contained === null || candidate.length > contained.length)
    ) {
      contained = candidate;
    }
  }
  return contained;
}
