/** Parsing render bodies with zod; failures answer in the shared error shape. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../../../shared/errors.ts';

/** Parses the JSON body with `schema`; 400 naming the first bad field. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError('INVALID_BODY', 'body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw ApiError.fromIssues(parsed.error.issues, 'INVALID_BODY', 'body');
  return parsed.data;
}

/** A 200 carrying encoded media. */
export function media(body: Uint8Array, contentType: string): Response {
  // Encoders return Node Buffers over plain ArrayBuffers, never SharedArrayBuffers.
  return new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': contentType, 'Content-Length': String(body.byteLength) } });
}
