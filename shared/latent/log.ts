/**
 * The natural logarithm exactly as glibc (2.28 and later) computes it on x86-64 CPUs with FMA,
 * which is what numpy's legacy gauss gets from C's log() on Linux. Neither V8's Math.log nor a
 * correctly rounded log agrees with it on every input (glibc is off by one ulp about once in
 * 1,000 calls), so the same table, polynomials and order of fused operations are replayed here.
 * The constants come from the system's libm (scripts/golden/extract-glibc-log-table.py).
 */
import { fma, productError } from './fma.ts';
import { A, B, INVC_LOGC, LN2_HI, LN2_LO } from './log-table.ts';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;


const [A0, A1, A2, A3, A4] = A;
const [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = B;

/** glibc's log(x) for a positive, finite, normal double x (the only inputs randn needs). */
export function glibcLog(x: number): number {
  if (!(x > 2.2250738585072014e-308 && x < Infinity)) return Math.log(x); // outside randn's domain
  bits[0] = x;
  const hi = words[HIGH]!;
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) return logNearOne(x);

  // x = 2^k * z with z in [0x1.6p-1, 0x1.6p0); the top bits of z pick the subinterval i.
  const tmp = (hi - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 0x7f;
  const k = tmp >> 20;
  words[HIGH] = hi - (tmp & 0xfff00000);
  const z = bits[0]!;
  const invc = INVC_LOGC[2 * i]!;
  const logc = INVC_LOGC[2 * i + 1]!;

  // k * LN2_HI is exact (LN2_HI has 42 significant bits), so this fma is a plain addition.
  const w = k * LN2_HI + logc;
  const r = reduce(z, invc);
  const p1 = fma(r, A2, A1);
  const h = r + w;
  const r2 = r * r;
  // k * LN2_LO (49 significant bits) is exact for |k| < 16, i.e. for x > 2**-15 or so.
  const lo = k > -16 && k < 16 ? k * LN2_LO + (w - h + r) : fma(k, LN2_LO, w - h + r);
  const q = fma(fma(r, A4, A3), r2, p1);
  const y = fma(r * r2, q, fma(r2, A0, lo));
  return y + h;
}

/** fma(z, invc, -1): z * invc lies within 1/256 of 1, so subtracting 1 from its rounded value is exact. */
function reduce(z: number, invc: number): number {
  const p = z * invc;
  return p - 1.0 + productError(z, invc, p);
}

/** log(x) for 0x1.ep-1 <= x < 0x1.09p0, where glibc uses a long polynomial in r = x - 1. */
function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const q1 = fma(r2, B3, fma(r, B2, B1));
  const q2 = fma(r2, B6, fma(r, B5, B4));
  const q3 = fma(r3, B10, fma(r2, B9, fma(r, B8, B7)));
  const poly = fma(fma(q3, r3, q2), r3, q1);

  // r - r*r/2 as hiPart + lo with r split in a high half (rhi) and the rest (rlo), rounding
  // where glibc rounds: products by 2**27 and by B0 = -0.5 are exact, rhi * rhi is rounded.
  const big = r * 134217728;
  const rhi = r + big - big;
  const rlo = r - rhi;
  const halfSq = B0 * (rhi * rhi);
  const hiPart = r + halfSq;
  const lo = fma(B0 * rlo, r + rhi, r - hiPart + halfSq);
  return hiPart + fma(poly, r3, lo);
}
