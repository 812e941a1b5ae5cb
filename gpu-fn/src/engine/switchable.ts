/** The engine gpu-fn serves, switchable at run time: a model that fails to load never replaces it. */
import type { Engine, ModelInfo, Rgb8, Truncation } from './types.ts';

export class SwitchableEngine implements Engine {
  #current: Engine;

  constructor(initial: Engine) {
    this.#current = initial;
  }

  /** The engine serving right now (a batch keeps using the one it started with). */
  get current(): Engine {
    return this.#current;
  }

  get info(): ModelInfo {
    return this.#current.info;
  }

  get encode(): Engine['encode'] {
    const e = this.#current;
    return e.encode ? e.encode.bind(e) : undefined;
  }

  map(z: Float64Array | Float32Array, batch: number, t: Truncation): Promise<Float32Array> {
    return this.#current.map(z, batch, t);
  }

  synthesize(ws: Float32Array, batch: number, size: number): Promise<Rgb8[]> {
    return this.#current.synthesize(ws, batch, size);
  }

  /** Serves `next` from now on; the previous engine is closed once its in-flight work is surely done. */
  switchTo(next: Engine, graceMs = 60_000): void {
    const previous = this.#current;
    this.#current = next;
    if (previous !== next && previous.close) setTimeout(() => void previous.close?.(), graceMs).unref();
  }

  async close(): Promise<void> {
    await this.#current.close?.();
  }
}
