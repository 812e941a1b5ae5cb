/**
 * Rendered media keyed by canonical request and model: the Cache API, with a small in-isolate
 * LRU in front so the hottest faces (an avatar on a busy page) skip even the cache lookup.
 */

const ORIGIN = 'https://render-cache.checkface.invalid';
const HOT_BYTES = 24 * 1024 * 1024;
const HOT_ITEM_BYTES = 512 * 1024;

interface Hot {
  body: ArrayBuffer;
  headers: [string, string][];
}

// Module scope: lives as long as the isolate, shared by its requests.
const hot = new Map<string, Hot>();
let hotBytes = 0;

function remember(key: string, item: Hot): void {
  if (item.body.byteLength > HOT_ITEM_BYTES || hot.has(key)) return;
  hot.set(key, item);
  hotBytes += item.body.byteLength;
  for (const [k, v] of hot) {
    if (hotBytes <= HOT_BYTES) break;
    hot.delete(k);
    hotBytes -= v.body.byteLength;
  }
}

export class RenderCache {
  readonly #cache: Cache;
  constructor(cache: Cache) {
    this.#cache = cache;
  }

  /** The cached answer for `key`, if any. */
  async get(key: string): Promise<Response | undefined> {
    const item = hot.get(key);
    if (item) {
      hot.delete(key);
      hot.set(key, item);
      // Copies: a Response may take ownership of the buffer it is given.
      return new Response(item.body.slice(0), { headers: item.headers });
    }
    const res = await this.#cache.match(`${ORIGIN}/${key}`);
    if (!res) return undefined;
    const body = await res.arrayBuffer();
    const headers = [...res.headers];
    remember(key, { body: body.slice(0), headers });
    return new Response(body, { headers });
  }

  /** Stores a successful answer; only 200s ever reach here. */
  async put(key: string, body: ArrayBuffer, headers: Record<string, string>): Promise<void> {
    remember(key, { body: body.slice(0), headers: Object.entries(headers) });
    await this.#cache.put(`${ORIGIN}/${key}`, new Response(body.slice(0), { headers }));
  }
}
