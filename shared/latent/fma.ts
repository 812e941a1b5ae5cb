/**
 * Fused multiply-add in plain JavaScript doubles: round(a * b + c) with ONE rounding, as the
 * x86 FMA instructions that glibc's log is compiled with compute it.
 *
 * Method (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums: proved algorithms
 * using rounding to odd", IEEE TC 2008): split a * b exactly into ph + pl (Dekker), add c to
 * ph exactly (Knuth's TwoSum), round the two small tails to odd, then round once to nearest.
 * Valid when nothing overflows or underflows, which holds for every call made by log.ts.
 */

const SPLITTER = 134217729; // 2**27 + 1, Veltkamp's splitting constant for 53-bit doubles

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// Index of the low 32-bit word of a double in `words` (platform byte order).
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** round(a * b + c) with a single rounding to nearest-even. */
export function fma(a: number, b: number, c: number): number {
  const ph = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - ph + ah * bl + al * bh + al * bl;

  const th = c + ph;
  let z = th - c;
  const tl = c - (th - z) + (ph - z);

  let v = tl + pl;
  z = v - tl;
  const err = tl - (v - z) + (pl - z);
  if (err !== 0) v = roundToOdd(v, err);
  return th + v;
}

/** The neighbour of `v` (or `v` itself) with an odd last bit, on the side of `v + err`. */
function roundToOdd(v: number, err: number): number {
  bits[0] = v;
  const lo = words[LOW]!;
  if ((lo & 1) !== 0) return v;
  if (err > 0 === v > 0) {
    words[LOW] = lo | 1; // even -> one ulp up in magnitude; cannot carry
  } else if (lo !== 0) {
    words[LOW] = lo - 1;
  } else {
    words[LOW] = 0xffffffff;
    words[1 - LOW] = words[1 - LOW]! - 1;
  }
  return bits[0]!;
}
