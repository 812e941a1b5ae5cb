/**
 * Fused multiply-add in plain JavaScript doubles: round(a * b + c) with ONE rounding, as the
 * x86 FMA instructions that glibc's log is compiled with compute it.
 *
 * a * b is split exactly into ph + pl (Dekker), c + ph exactly into th + tl (Knuth's TwoSum);
 * the exact result is th + tl + pl. Adding the small tails first (v = tl + pl, rounded) and
 * then th + v is right except when th + v falls exactly halfway between two doubles while the
 * tails' rounding error says which side the exact sum is on. That tie is detected and fixed,
 * which gives the same results as Boldo & Melquiond's round-to-odd emulation (IEEE TC 2008)
 * without touching the bits. Valid when nothing overflows or underflows, as in log.ts.
 */

const SPLITTER = 134217729; // 2**27 + 1, Veltkamp's splitting constant for 53-bit doubles

/** The rounding error of p = round(a * b): a * b - p exactly (Dekker's product with Veltkamp splits). */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** round(a * b + c) with a single rounding to nearest-even. */
export function fma(a: number, b: number, c: number): number {
  const ph = a * b;
  const pl = productError(a, b, ph);

  const th = c + ph;
  let t = th - c;
  const tl = c - (th - t) + (ph - t);

  const v = tl + pl;
  t = v - tl;
  const err = tl - (v - t) + (pl - t);
  const s = th + v;
  if (err === 0) return s;

  // th + v = s + e2 exactly; a tie iff s + 2 * e2 is the neighbouring double.
  t = s - th;
  const e2 = th - (s - t) + (v - t);
  if (e2 === 0) return s;
  const other = s + 2 * e2;
  if (other - s !== 2 * e2) return s;
  return err > 0 === e2 > 0 ? other : s;
}
