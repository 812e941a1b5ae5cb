/**
 * The render queue in front of an engine: identical requests in flight are rendered once,
 * recently rendered pictures are kept (so frames shared between morphs render once),
 * different ones arriving within `waitMs` share one model run (up to `batchSize`), and beyond
 * `limit` waiting jobs callers get a 503 with Retry-After instead of an ever-growing backlog.
 */
import { ApiError } from '../../../shared/errors.ts';
import { FrameLru } from './lru.ts';
import { SwitchableEngine } from './switchable.ts';
import type { Engine, Rgb8, Truncation } from './types.ts';

/** One picture to render: a z (mapped and truncated here) or ws used as given, at `size` px. */
export type RenderJob = { z: Float64Array | Float32Array; size: number } | { ws: Float32Array; size: number };

interface Pending {
  job: RenderJob;
  resolve: (img: Rgb8) => void;
  reject: (err: unknown) => void;
}

export interface QueueOptions {
  batchSize: number;
  waitMs: number;
  limit: number;
  truncation: Truncation;
  /** Bytes of recently rendered pictures kept for reuse. */
  keepBytes: number;
}

/** Cheap exact identity of a job: its size and the bytes of its latent. */
function jobKey(model: string, job: RenderJob): string {
  const arr = 'z' in job ? job.z : job.ws;
  const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i]!, 0x5bd1e995);
  }
  return `${model}:${'z' in job ? 'z' : 'w'}${arr.BYTES_PER_ELEMENT}:${job.size}:${arr.length}:${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

export class RenderQueue {
  readonly #engine: Engine;
  readonly #opts: QueueOptions;
  #waiting: Pending[] = [];
  #inflight = new Map<string, Promise<Rgb8>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #recent: FrameLru;

  constructor(engine: Engine, opts: QueueOptions) {
    this.#engine = engine;
    this.#opts = opts;
    this.#recent = new FrameLru(opts.keepBytes);
  }

  /** Jobs waiting or being rendered. */
  get depth(): number {
    return this.#inflight.size;
  }

  /** Renders one picture, sharing work with identical and concurrent requests. */
  render(job: RenderJob): Promise<Rgb8> {
    const { id, version } = this.#engine.info;
    const key = jobKey(`${id}@${version}`, job);
    const recent = this.#recent.get(key);
    if (recent) return Promise.resolve(recent);
    const same = this.#inflight.get(key);
    if (same) return same;
    if (this.#inflight.size >= this.#opts.limit) {
      return Promise.reject(new ApiError('BUSY', 'the renderer is busy; try again shortly', undefined, { 'Retry-After': '1' }));
    }
    const p = new Promise<Rgb8>((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
    })
      .then((img) => {
        this.#recent.set(key, img);
        return img;
      })
      .finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, p);
    this.#schedule();
    return p;
  }

  /** Renders several pictures (frames of a morph) as one group. */
  renderAll(jobs: RenderJob[]): Promise<Rgb8[]> {
    return Promise.all(jobs.map((j) => this.render(j)));
  }

  #schedule(): void {
    if (this.#waiting.length >= this.#opts.batchSize) {
      this.#flush();
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => this.#flush(), this.#opts.waitMs);
    }
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#waiting.length) {
      const batch = this.#waiting.splice(0, this.#opts.batchSize);
      void this.#run(batch);
    }
  }

  async #run(batch: Pending[]): Promise<void> {
    // The whole batch runs on one engine, even if the served model is switched meanwhile.
    const engine = this.#engine instanceof SwitchableEngine ? this.#engine.current : this.#engine;
    // One model run per size; z jobs are mapped together first.
    const bySize = new Map<number, Pending[]>();
    for (const p of batch) bySize.set(p.job.size, [...(bySize.get(p.job.size) ?? []), p]);
    for (const [size, group] of bySize) {
      try {
        const ws = await this.#wsOf(engine, group.map((p) => p.job));
        const images = await engine.synthesize(ws, group.length, size);
        group.forEach((p, i) => p.resolve(images[i]!));
      } catch (err) {
        for (const p of group) p.reject(err);
      }
    }
  }

  async #wsOf(engine: Engine, jobs: RenderJob[]): Promise<Float32Array> {
    const { id, zDim, numWs, wDim } = engine.info;
    const per = numWs * wDim;
    // Shapes were checked against the model when the request came in; a model switch since can change them.
    if (jobs.some((j) => ('z' in j ? j.z.length !== zDim : j.ws.length !== per))) {
      throw new ApiError('LATENT_INCOMPATIBLE', `the served model changed to ${id} while this request waited; its latent no longer fits, try again`);
    }
    const out = new Float32Array(jobs.length * per);
    const zIdx = jobs.flatMap((j, i) => ('z' in j ? [i] : []));
    if (zIdx.length) {
      const z = new Float64Array(zIdx.length * zDim);
      zIdx.forEach((i, k) => z.set((jobs[i] as { z: Float64Array }).z, k * zDim));
      const mapped = await engine.map(z, zIdx.length, this.#opts.truncation);
      zIdx.forEach((i, k) => out.set(mapped.subarray(k * per, (k + 1) * per), i * per));
    }
    jobs.forEach((j, i) => {
      if ('ws' in j) out.set(j.ws, i * per);
    });
    return out;
  }
}
