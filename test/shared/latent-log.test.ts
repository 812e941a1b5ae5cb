import { describe, expect, it } from 'vitest';
import { fma } from '../../shared/latent/fma.ts';
import { glibcLog } from '../../shared/latent/log.ts';
import { bitsOf, fromHex, golden } from './latent-golden.ts';

/** x = m * 2**e exactly, for a finite double. */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  return [bits >> 63n ? -m : m, exponent === 0 ? -1074 : exponent - 1075];
}

/** round-to-nearest-even(a * b + c) computed with exact big integers: the reference for fma. */
function exactFma(a: number, b: number, c: number): number {
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  let sum = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (sum === 0n) return 0;
  const negative = sum < 0n;
  if (negative) sum = -sum;
  const shift = Math.max(0, sum.toString(2).length - 53);
  let q = sum >> BigInt(shift);
  if (shift > 0) {
    const rest = sum - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  }
  const value = Number(q) * 2 ** (e + shift);
  return negative ? -value : value;
}

/** A small deterministic generator so failures are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fma', () => {
  it('rounds a * b + c once, like the hardware instruction (checked against exact big-integer arithmetic)', () => {
    const random = lcg(1);
    const signed = () => (random() - 0.5) * 2 ** Math.floor(random() * 80 - 40);
    let mismatches = 0;
    for (let i = 0; i < 50_000; i++) {
      const a = signed();
      const b = signed();
      // Half the cases cancel most of a * b, where a double rounding would show.
      const c = i % 2 ? signed() : -(a * b) * (1 + (random() - 0.5) * 2 ** -40) + signed() * 2 ** -60;
      if (fma(a, b, c) !== exactFma(a, b, c)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('survives the double-rounding trap: a * b + c landing next to a midpoint', () => {
    // th = c + RN(a * b) is exactly halfway between two doubles; only the tiny a * b tail decides.
    expect(fma(1 + 2 ** -30, 1 - 2 ** -30, 2 ** 53 + 2)).toBe(2 ** 53 + 2);
    const random = lcg(2);
    let checked = 0;
    for (let i = 0; checked < 20_000; i++) {
      const a = (random() + 0.5) * (random() < 0.5 ? -1 : 1);
      const b = random() + 0.5;
      const [m, e] = decompose(a * b);
      if ((m & 1n) === 0n || exactFma(a, b, -(a * b)) === 0) continue; // needs an odd last bit and a tail
      // c = N * 2^(e+1) with a 53-bit N: c + a*b is then an exact midpoint at c's precision.
      const n = 2 ** 52 + Math.floor(random() * 2 ** 52);
      const c = n * 2 ** (e + 1) * (random() < 0.5 ? -1 : 1);
      expect(fma(a, b, c), `${a} * ${b} + ${c}`).toBe(exactFma(a, b, c));
      checked++;
    }
  });

  it('differs from a * b + c where the separate roundings show', () => {
    const a = 1 + 2 ** -30;
    expect(fma(a, a, -1)).toBe(2 ** -29 + 2 ** -60);
    expect(a * a - 1).toBe(2 ** -29);
  });
});

describe("glibcLog equals the C library's log that numpy called", () => {
  it(`on ${golden.logs.length} inputs, including 300 where glibc is not correctly rounded`, () => {
    for (const [xHex, yHex] of golden.logs) {
      const x = fromHex(xHex);
      expect(bitsOf(glibcLog(x)), xHex).toBe(bitsOf(fromHex(yHex)));
    }
  });

  it('is exact at 1 and at powers of two', () => {
    expect(glibcLog(1)).toBe(0);
    expect(glibcLog(0.5)).toBe(-Math.LN2);
    expect(glibcLog(2 ** -104)).toBe(-104 * Math.LN2);
  });
});
