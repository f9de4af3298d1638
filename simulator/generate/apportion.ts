// Turning a total and weights into integer counts that add up to the total exactly.

/**
 * Largest-remainder apportionment: each share gets the floor of its quota, and the units left
 * over go to the largest remainders (ties to the earlier share). No chance involved, so a
 * profile's split of a total by kind reads the same every run.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error('cannot apportion over weights that are all zero');
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, remainder: q - Math.floor(q) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/**
 * Systematic rounding: slot i gets ⌊C_i + offset⌋ − ⌊C_(i−1) + offset⌋ where C is the running
 * quota, so every slot gets the floor or ceiling of its quota and the counts sum to the total.
 * Used instead of largest remainder for spreading events over days: with a few events and
 * hundreds of near-equal days, largest remainder would put them on the same days every run,
 * while a seeded offset in [0, 1) spreads them in proportion to the weights.
 */
export function systematicRound(total: number, weights: ArrayLike<number>, offset: number): Int32Array {
  const counts = new Int32Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] ?? 0;
  if (total === 0) return counts;
  if (!(sum > 0)) throw new Error('cannot apportion over weights that are all zero');
  let running = 0;
  let previous = Math.floor(offset);
  for (let i = 0; i < weights.length; i++) {
    running += weights[i] ?? 0;
    // Once every weight is in, running is sum exactly (same additions, same order), and the
    // quota is the total exactly, so no rounding error can lose or add an event at the end.
    const quota = running === sum ? total : (total * running) / sum;
    const reached = Math.floor(quota + offset);
    counts[i] = reached - previous;
    previous = reached;
  }
  return counts;
}
