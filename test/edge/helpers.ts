/** Helpers for Worker tests: requests to the Worker in workerd, and gpu-fn call counts. */
import { exports } from 'cloudflare:workers';
import { inject } from 'vitest';

/** Sends a request to the Worker under test. */
export function edge(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://edge.test${path}`, init));
}

/** How many times each gpu-fn route has been called so far (by every test file). */
export async function gpuCalls(): Promise<Record<string, number>> {
  const res = await fetch(`${inject('gpuFnUrl')}/__calls`);
  return (await res.json()) as Record<string, number>;
}

/** The JSON error body of a response. */
export async function errorOf(res: Response): Promise<{ code: string; message: string; param?: string }> {
  return ((await res.json()) as { error: { code: string; message: string; param?: string } }).error;
}

/** POSTs JSON to the Worker. */
export function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return edge(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}
