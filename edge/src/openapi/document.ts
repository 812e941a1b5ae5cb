/** The OpenAPI 3.1 document of the API, generated from the same zod schemas the routes validate with. */
import { z } from 'zod';
import { ERRORS, type ErrorCode } from '../../../shared/errors.ts';
import { apiPaths } from './paths.ts';
import { inputJsonSchema } from './schema.ts';

const errorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]).describe('Machine-readable reason.'),
    message: z.string().describe('What went wrong, for people; names the parameter and what it allows.'),
    param: z.string().optional().describe('The offending parameter, when one is to blame.'),
  }),
});

const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

let built: Record<string, unknown> | undefined;

/** The whole document (built once per isolate: the schemas never change while it runs). */
export function openApiDocument(): Record<string, unknown> {
  built ??= {
    openapi: '3.1.0',
    info: {
      title: 'CheckFace API',
      version: '1.0.0',
      summary: 'Any text, usually a hash, to a memorable face; and morphs between faces.',
      description:
        'The same text always gives the same face, and different text a clearly different one, so people can compare checksums at a glance. Open: no keys, CORS for every origin. Every error is JSON: `{"error": {"code", "message", "param"}}`. Human-readable docs: /docs/.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'faces', description: 'Single faces.' },
      { name: 'morphs', description: 'Morphs between two faces: frames, animations, videos, previews.' },
      { name: 'latents', description: 'The numbers behind a face, and registering your own.' },
      { name: 'pages', description: 'HTML pages made for sharing: links to them unfurl into previews in chat apps.' },
      { name: 'service', description: 'Health and this document.' },
    ],
    paths: apiPaths(),
    components: {
      schemas: { Error: inputJsonSchema(errorBody) },
      responses: {
        InvalidParam: errorResponse('A parameter is malformed or out of range (code INVALID_PARAM); the message names it and its allowed range.'),
        InvalidBody: errorResponse('The body is not a latent of an accepted shape (code INVALID_BODY).'),
        LatentNotFound: errorResponse('No latent is registered under that guid (code LATENT_NOT_FOUND).'),
        PayloadTooLarge: errorResponse('The body is too large (code PAYLOAD_TOO_LARGE).'),
        UnsupportedMediaType: errorResponse('The body is not application/json (code UNSUPPORTED_MEDIA_TYPE).'),
        RangeNotSatisfiable: errorResponse('The Range header is malformed or beyond the end (code RANGE_NOT_SATISFIABLE).'),
        Busy: errorResponse('The renderer is busy (code BUSY); retry after the given number of seconds.', {
          'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
        }),
        NotImplemented: errorResponse('The served model cannot do this (code NOT_IMPLEMENTED), e.g. encode photos without an image encoder.'),
        Timeout: errorResponse('The renderer did not answer in time (code UPSTREAM_TIMEOUT); retrying usually works.'),
      },
    },
  };
  return built;
}
