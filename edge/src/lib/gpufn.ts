/** The one place the edge talks to gpu-fn: plain HTTPS with a shared secret, failures mapped to 502/503/504. */
import { ApiError, ERRORS, type ErrorCode } from '../../../shared/errors.ts';
import type { Config } from '../env.ts';

/** What gpu-fn reports about the model it serves (see gpu-fn/src/engine/types.ts). */
export interface GpuModel {
  id: string;
  version: string;
  kind: string;
  zDim: number;
  wDim: number;
  numWs: number;
  resolution: number;
}

/** How long a model answer is trusted before asking again; a model switch shows within this. */
const MODEL_TTL_MS = 30_000;
let modelMemo: { url: string; at: number; model: GpuModel } | undefined;
/** When the request now asking gpu-fn for the model started; others wait at most REFRESH_WAIT_MS for it. */
let refreshingSince: number | undefined;
const REFRESH_WAIT_MS = 5_000;

export interface GpuFn {
  /** The served model, memoised per isolate so cache hits never reach gpu-fn. */
  model(): Promise<GpuModel>;
  /** How many renders gpu-fn has waiting or running. */
  queue(): Promise<{ queue: number }>;
  /** POSTs raw bytes (an uploaded image) to gpu-fn. */
  renderBytes(path: string, body: Uint8Array, contentType: string): Promise<Response>;
  /** POSTs a render job; answers gpu-fn's successful response or throws an ApiError. */
  render(path: string, body: unknown): Promise<Response>;
}

/** A gpu-fn client bound to one configuration. */
export function gpuFnOf(config: Config, fetcher: typeof fetch = fetch): GpuFn {
  async function call(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${config.gpuFnSecret}`);
    let res: Response;
    try {
      const live = await fetcher(`${config.gpuFnUrl}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.timeout(config.gpuFnTimeoutMs),
      });
      // The deadline covers the body too: read it here, so a late body is a 504, not a stray throw.
      const body = live.status === 204 || live.status === 304 ? null : await live.arrayBuffer();
      res = new Response(body, live);
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      if (timeout) throw new ApiError('UPSTREAM_TIMEOUT', 'the face renderer did not answer in time; try again', undefined, { 'Retry-After': '5' });
      throw new ApiError('BUSY', 'the face renderer is unavailable; try again shortly', undefined, { 'Retry-After': '5' });
    }
    if (res.ok) {
      const served = res.headers.get('X-Model');
      if (served && modelMemo && served !== `${modelMemo.model.id}@${modelMemo.model.version}`) modelMemo = undefined;
      return res;
    }
    // gpu-fn speaks the same error shape; pass its 4xx and busy answers through, hide the rest.
    const body = await res.text();
    let parsed: { error?: { code?: string; message?: string; param?: string } } = {};
    try {
      parsed = JSON.parse(body);
    } catch {
      /* not our shape: treated as an upstream failure below */
    }
    const retry = res.headers.get('Retry-After') ?? '2';
    if (res.status === 503) throw new ApiError('BUSY', parsed.error?.message ?? 'the face renderer is busy; try again shortly', undefined, { 'Retry-After': retry });
    // The caller's own mistakes (4xx, but not our secret) and "not implemented" pass through as they are.
    const code = parsed.error?.code;
    const passes = code && code in ERRORS && ((res.status >= 400 && res.status < 500 && res.status !== 401) || res.status === 501);
    if (passes) throw new ApiError(code as ErrorCode, parsed.error?.message ?? 'invalid request', parsed.error?.param);
    console.error('gpu-fn answered', res.status, body.slice(0, 200));
    throw new ApiError('UPSTREAM_FAILED', 'the face renderer failed; try again shortly', undefined, { 'Retry-After': retry });
  }

  return {
    async model() {
      const now = Date.now();
      const memo = modelMemo?.url === config.gpuFnUrl ? modelMemo : undefined;
      if (memo && now - memo.at < MODEL_TTL_MS) return memo.model;
      // Past its time, one request asks gpu-fn again while the others go on with the answer they
      // have, so a busy isolate never sends gpu-fn a burst of identical questions.
      if (memo && refreshingSince !== undefined && now - refreshingSince < REFRESH_WAIT_MS) return memo.model;
      refreshingSince = now;
      try {
        const res = await call('/v1/model', { method: 'GET' });
        const model = (await res.json()) as GpuModel;
        modelMemo = { url: config.gpuFnUrl, at: now, model };
        return model;
      } finally {
        refreshingSince = undefined;
      }
    },
    async queue() {
      const res = await call('/v1/queue', { method: 'GET' });
      return (await res.json()) as { queue: number };
    },
    renderBytes(path, body, contentType) {
      return call(path, { method: 'POST', body, headers: { 'Content-Type': contentType } });
    },
    render(path, body) {
      return call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    },
  };
}

/** Forgets the memoised model (tests switch gpu-fn between runs). */
export function forgetModel(): void {
  modelMemo = undefined;
  refreshingSince = undefined;
}
