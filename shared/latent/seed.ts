/** The original CheckFace's identity derivation: text -> seed -> qlatent (z, 512 doubles). */
import { RandomState } from './randn.ts';
import { sha256 } from './sha256.ts';

/** Number of doubles in a qlatent (StyleGAN2's z). */
export const QLATENT_SIZE = 512;

/** `int(sha256(utf8(value)).hexdigest(), 16) % 10**8`, as the original service computed it. */
export function seedFromValue(value: string): number {
  // Horner's rule over the big-endian digest, reduced mod 1e8 at each step; 256 * (1e8 - 1)
  // + 255 stays far below 2**53, so every step is exact in doubles.
  let seed = 0;
  for (const byte of sha256(new TextEncoder().encode(value))) seed = (seed * 256 + byte) % 100_000_000;
  return seed;
}

/** `numpy.random.RandomState(seed).randn(512)`, bit for bit. */
export function qlatentFromSeed(seed: number): Float64Array {
  return new RandomState(seed).randn(QLATENT_SIZE);
}

/** The qlatent the original service used for a text value. */
export function qlatentFromValue(value: string): Float64Array {
  return qlatentFromSeed(seedFromValue(value));
}
