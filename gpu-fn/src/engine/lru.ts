/** A byte-bounded least-recently-used map of rendered pictures. */
import type { Rgb8 } from './types.ts';

export class FrameLru {
  readonly #max: number;
  #bytes = 0;
  readonly #map = new Map<string, Rgb8>();

  /** Keeps at most `maxBytes` of pixels; 0 disables it. */
  constructor(maxBytes: number) {
    this.#max = maxBytes;
  }

  /** The picture for `key`, marking it recently used. */
  get(key: string): Rgb8 | undefined {
    const img = this.#map.get(key);
    if (img) {
      this.#map.delete(key);
      this.#map.set(key, img);
    }
    return img;
  }

  /** Remembers a picture, evicting the least recently used beyond the byte limit. */
  set(key: string, img: Rgb8): void {
    if (img.data.byteLength > this.#max || this.#map.has(key)) return;
    this.#map.set(key, img);
    this.#bytes += img.data.byteLength;
    for (const [k, v] of this.#map) {
      if (this.#bytes <= this.#max) break;
      this.#map.delete(k);
      this.#bytes -= v.data.byteLength;
    }
  }
}
