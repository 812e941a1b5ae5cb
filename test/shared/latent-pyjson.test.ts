import { describe, expect, it } from 'vitest';
import { pyFloat, pyJsonNumbers, qlatentFromSeed } from '../../shared/latent/index.ts';
import { fromHex, golden } from './latent-golden.ts';

describe('pyFloat prints like Python repr(float)', () => {
  it(`for ${golden.reprs.length} doubles: tiny, huge, integral, -0.0, 0.1 + 0.2, exponent boundaries`, () => {
    for (const [hex, repr] of golden.reprs) expect(pyFloat(fromHex(hex)), hex).toBe(repr);
  });

  it('uses exponent form below 1e-4 and from 1e16, as Python does', () => {
    expect(pyFloat(0.0001)).toBe('0.0001');
    expect(pyFloat(0.00009)).toBe('9e-05');
    expect(pyFloat(9999999999999998)).toBe('9999999999999998.0');
    expect(pyFloat(1e16)).toBe('1e+16');
    expect(pyFloat(-2.5e-300)).toBe('-2.5e-300');
  });

  it('refuses non-finite numbers, which JSON cannot carry', () => {
    expect(() => pyFloat(Number.NaN)).toThrow(RangeError);
    expect(() => pyFloat(Infinity)).toThrow(RangeError);
  });
});

describe('pyJsonNumbers', () => {
  it("prints a qlatent byte for byte as Python's compact json.dumps", () => {
    for (const c of golden.json) {
      expect(pyJsonNumbers(qlatentFromSeed(c.seed))).toBe(c.compact);
    }
  });

  it('prints an empty list', () => {
    expect(pyJsonNumbers([])).toBe('[]');
  });
});
