/** From a request's value/seed/guid to the latent it names. */
import { ApiError } from '../../../shared/errors.ts';
import { qlatentFromSeed, seedFromValue } from '../../../shared/latent/index.ts';
import type { LatentSource } from '../../../shared/params.ts';
import type { LatentStore } from './latents.ts';

/** A latent ready to render, with a canonical key naming it in caches and ETags. */
export type Resolved =
  | { kind: 'z'; z: ArrayLike<number>; seed?: number; key: string }
  | { kind: 'w'; w: number[][]; key: string };

/** Resolves a source; an unknown guid is a 404 naming `param`. */
export async function resolveLatent(source: LatentSource, store: LatentStore, param = 'guid'): Promise<Resolved> {
  if (source.kind === 'guid') {
    const stored = await store.get(source.guid);
    if (!stored) throw new ApiError('LATENT_NOT_FOUND', `${param} ${source.guid} is not a registered latent`, param);
    const key = `guid:${source.guid}`;
    return 'qlatent' in stored.latent ? { kind: 'z', z: stored.latent.qlatent, key } : { kind: 'w', w: stored.latent.dlatent, key };
  }
  const seed = source.kind === 'seed' ? source.seed : seedFromValue(source.value);
  // Drawn only when needed: a cache hit never pays for the 512 normal draws.
  let z: Float64Array | undefined;
  return {
    kind: 'z',
    get z() {
      return (z ??= qlatentFromSeed(seed));
    },
    seed,
    key: `seed:${seed}`,
  };
}

/** The JSON form gpu-fn takes for a latent. */
export function latentBody(r: Resolved): { z: number[] } | { w: number[][] } {
  return r.kind === 'z' ? { z: Array.from(r.z) } : { w: r.w };
}
