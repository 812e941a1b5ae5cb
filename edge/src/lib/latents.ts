/** Registered latents in Workers KV: the only module that touches the LATENTS binding. */

/** A latent as registered: a qlatent z (zDim numbers) or a dlatent w (numWs x wDim). */
export type Latent = { qlatent: number[] } | { dlatent: number[][] };

export interface StoredLatent {
  /** Storage format version, so later formats can still read today's entries. */
  v: 1;
  latent: Latent;
  type?: string;
  created: string;
}

const key = (guid: string) => `latent:${guid}`;

/** Registered latents, keyed by random UUID. Entries are never overwritten or expired. */
export class LatentStore {
  readonly #kv: KVNamespace;
  constructor(kv: KVNamespace) {
    this.#kv = kv;
  }

  /** Stores a latent under a new random UUID and returns the UUID. */
  async register(latent: Latent, type?: string): Promise<string> {
    const guid = crypto.randomUUID();
    const entry: StoredLatent = { v: 1, latent, created: new Date().toISOString(), ...(type !== undefined ? { type } : {}) };
    await this.#kv.put(key(guid), JSON.stringify(entry));
    return guid;
  }

  /** The latent registered under `guid`, or null when there is none. */
  async get(guid: string): Promise<StoredLatent | null> {
    return this.#kv.get<StoredLatent>(key(guid.toLowerCase()), { type: 'json', cacheTtl: 86400 });
  }

  /** Stores a value under a content key (e.g. an uploaded file's hash) so repeats find the same guid. */
  async aliasGet(alias: string): Promise<string | null> {
    return this.#kv.get(`alias:${alias}`);
  }

  /** Remembers `guid` for a content key. */
  async aliasPut(alias: string, guid: string): Promise<void> {
    await this.#kv.put(`alias:${alias}`, guid);
  }
}
