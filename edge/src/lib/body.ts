/** Reading request bodies with a size limit and a content type check. */
import type { Context } from 'hono';
import { ApiError } from '../../../shared/errors.ts';

/** Reads the body as bytes, refusing more than `limit` bytes (413) before reading it all. */
export async function readLimited(c: Context, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('Content-Length') ?? NaN);
  const tooLarge = () => new ApiError('PAYLOAD_TOO_LARGE', `body must be at most ${limit} bytes`);
  if (declared > limit) throw tooLarge();
  const reader = c.req.raw.body?.getReader();
  if (!reader) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Parses a JSON body: 415 unless the content type is JSON, 400 when it does not parse. */
export async function readJson(c: Context, limit: number): Promise<unknown> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
  }
  const bytes = await readLimited(c, limit);
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    const why = /\b(NaN|Infinity)\b/.test(text) ? ': NaN and Infinity are not numbers in JSON; latents must be finite' : '';
    throw new ApiError('INVALID_BODY', `body is not valid JSON${why}`);
  }
}
