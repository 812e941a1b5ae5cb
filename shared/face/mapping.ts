/**
 * The mapping network of the built-in model: z -> w, like StyleGAN2's (normalise z, transform,
 * broadcast to every ws entry). The transform is a fixed orthogonal one (random signs,
 * permutations and Walsh-Hadamard rounds from constants), so every w coordinate is a smooth,
 * roughly standard-normal function of z and nearby z give nearby w.
 */

export const Z_DIM = 512;
export const W_DIM = 512;
export const NUM_WS = 18;
const ROUNDS = 3;

/** mulberry32: a tiny deterministic PRNG (the model's constants; benchmarks' reproducible latents). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Round { signs: Float64Array; perm: Uint16Array }

const rounds: Round[] = (() => {
  const rnd = prng(0xc4ecf ^ 0x5eed);
  const out: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const signs = new Float64Array(W_DIM).map(() => (rnd() < 0.5 ? -1 : 1));
    const perm = new Uint16Array(W_DIM).map((_, i) => i);
    for (let i = W_DIM - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    out.push({ signs, perm });
  }
  return out;
})();

/** In-place orthonormal fast Walsh-Hadamard transform. */
function hadamard(v: Float64Array): void {
  for (let h = 1; h < v.length; h *= 2) {
    for (let i = 0; i < v.length; i += 2 * h) {
      for (let j = i; j < i + h; j++) {
        const a = v[j]!, b = v[j + h]!;
        v[j] = a + b;
        v[j + h] = a - b;
      }
    }
  }
  const s = 1 / Math.sqrt(v.length);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * s;
}

/** The average face: the w every trait is measured from (w_avg of StyleGAN2). */
export const W_AVG: Float32Array = (() => {
  const rnd = prng(0xa7e2a9e);
  return new Float32Array(W_DIM).map(() => (rnd() - 0.5) * 0.8);
})();

/** Mapping: z (Z_DIM numbers) -> ws (NUM_WS x W_DIM, row-major), untruncated. */
export function mapping(z: ArrayLike<number>): Float32Array {
  let v = new Float64Array(Z_DIM);
  let ss = 0;
  for (let i = 0; i < Z_DIM; i++) {
    const x = Number(z[i] ?? 0);
    v[i] = Number.isFinite(x) ? x : 0;
    ss += v[i]! * v[i]!;
  }
  // StyleGAN2 normalises z to unit RMS first (with the same epsilon).
  const norm = 1 / Math.sqrt(ss / Z_DIM + 1e-8);
  for (let i = 0; i < Z_DIM; i++) v[i] = v[i]! * norm;
  for (const { signs, perm } of rounds) {
    const next = new Float64Array(W_DIM);
    for (let i = 0; i < W_DIM; i++) next[i] = v[perm[i]!]! * signs[i]!;
    hadamard(next);
    v = next;
  }
  const ws = new Float32Array(NUM_WS * W_DIM);
  for (let j = 0; j < W_DIM; j++) ws[j] = W_AVG[j]! + v[j]!;
  for (let i = 1; i < NUM_WS; i++) ws.copyWithin(i * W_DIM, 0, W_DIM);
  return ws;
}
