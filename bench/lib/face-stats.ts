/** Pairwise Euclidean distance statistics of face descriptors. */

export interface PairStats { pairs: number; min: number; p1: number; p5: number; median: number; below04: number }

/** Min, percentiles, median and the share below 0.4 of all pairwise distances. */
export function pairwiseStats(d: readonly Float32Array[]): PairStats {
  const dist: number[] = [];
  for (let i = 0; i < d.length; i++) {
    for (let j = i + 1; j < d.length; j++) {
      const a = d[i]!, b = d[j]!;
      let s = 0;
      for (let k = 0; k < a.length; k++) s += (a[k]! - b[k]!) ** 2;
      dist.push(Math.sqrt(s));
    }
  }
  const sorted = Float64Array.from(dist).sort();
  const q = (f: number): number => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? NaN;
  let below = 0;
  for (const v of sorted) if (v < 0.4) below++;
  return { pairs: sorted.length, min: sorted[0] ?? NaN, p1: q(0.01), p5: q(0.05), median: q(0.5), below04: below / Math.max(1, sorted.length) };
}
