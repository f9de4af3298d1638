// Splits a column's panels, in order, over the screens stacked in that column, so that no panel
// straddles the seam between two screens and the fullest screen holds as little as possible.

/** Splits `weights` into `parts` contiguous runs (some may be empty), minimising the largest sum. */
export function splitInOrder(weights: readonly number[], parts: number): number[][] {
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`panel rows: parts must be a positive integer, got ${parts}`);
  const n = weights.length;
  const prefix = [0];
  for (const weight of weights) prefix.push(prefix[prefix.length - 1]! + weight);
  const sum = (from: number, to: number) => prefix[to]! - prefix[from]!;
  // best[k][i]: the least largest sum splitting the first i weights into k runs; cut[k][i]: where the last run starts.
  const best = Array.from({ length: parts + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut = Array.from({ length: parts + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let k = 1; k <= parts; k++) {
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= i; j++) {
        const value = Math.max(best[k - 1]![j]!, sum(j, i));
        if (value < best[k]![i]!) {
          best[k]![i] = value;
          cut[k]![i] = j;
        }
      }
    }
  }
  const runs: number[][] = [];
  let end = n;
  for (let k = parts; k >= 1; k--) {
    const start = cut[k]![end]!;
    runs.unshift(Array.from({ length: end - start }, (_, i) => start + i));
    end = start;
  }
  return runs;
}
