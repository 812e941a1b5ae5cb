/** GET /openapi.json: the API's OpenAPI 3.1 document. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { methodNotAllowed } from '../lib/errors.ts';
import { openApiDocument } from '../openapi/document.ts';

export const openapi = new Hono<AppEnv>()
  .get('/', (c) => {
    // Short-lived: the document changes with each deploy, and it is cheap to build.
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(openApiDocument());
  })
  .all('/', methodNotAllowed('GET, HEAD'));
