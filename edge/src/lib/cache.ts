/** The Cache API behind one small class: rendered media keyed by canonical request and model. */

const ORIGIN = 'https://render-cache.checkface.invalid';

export class RenderCache {
  readonly #cache: Cache;
  constructor(cache: Cache) {
    this.#cache = cache;
  }

  /** The cached answer for `key`, if any. */
  async get(key: string): Promise<Response | undefined> {
    return this.#cache.match(`${ORIGIN}/${key}`);
  }

  /** Stores a successful answer; only 200s ever reach here. */
  async put(key: string, res: Response): Promise<void> {
    await this.#cache.put(`${ORIGIN}/${key}`, res);
  }
}
