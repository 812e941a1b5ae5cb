/** Latent maths: numpy-exact qlatents from values and seeds, and Python-exact number printing. */
export { RandomState } from './randn.ts';
export { MT19937 } from './mt19937.ts';
export { QLATENT_SIZE, qlatentFromSeed, qlatentFromValue, seedFromValue } from './seed.ts';
export { sha256, sha256Hex } from './sha256.ts';
export { pyFloat, pyJsonNumbers } from './pyjson.ts';
export { glibcLog } from './log.ts';
export { lerp, truncate } from './truncate.ts';
