/** Every endpoint of the API as OpenAPI path items, parameters taken from shared/params.ts. */
import type { z } from 'zod';
import { faceQuery, gifQuery, hashdataQuery, LIMITS, linkpreviewQuery, morphframeQuery, mp4Query, oembedQuery, registerLatentBody, webpQuery } from '../../../shared/params.ts';
import { inputJsonSchema, queryParameters, type JsonSchema } from './schema.ts';
import { describeOembedParam, describeParam } from './words.ts';

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
const IMAGE_TYPES = ['image/jpeg', 'image/webp', 'image/png', 'image/svg+xml'];
const binary = { type: 'string', contentMediaType: 'application/octet-stream' };
const content = (types: string[], schema: JsonSchema = binary) => Object.fromEntries(types.map((t) => [t, { schema }]));

/** Errors any parameterised GET can answer with. */
const GET_ERRORS = { '400': ref('InvalidParam'), '404': ref('LatentNotFound'), '503': ref('Busy'), '504': ref('Timeout') };

function getOp(tag: string, summary: string, description: string, query: z.ZodType, ok: Record<string, unknown>) {
  return {
    get: {
      tags: [tag],
      summary,
      description: `${description} HEAD is answered wherever GET is.`,
      parameters: queryParameters(query, describeParam),
      responses: { '200': ok, '304': { description: 'Not modified: the If-None-Match ETag still names this response.' }, ...GET_ERRORS },
    },
  };
}

/** An HTML page people share; `omit` leaves out parameters the page ignores. */
function page(summary: string, description: string, query: z.ZodType, omit: string[] = []) {
  const parameters = queryParameters(query, describeParam).filter((p) => !omit.includes(p.name));
  return {
    get: {
      tags: ['pages'],
      summary,
      description,
      parameters,
      responses: { '200': { description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } }, '400': ref('InvalidParam'), '404': ref('LatentNotFound') },
    },
  };
}

const morphNote = 'From and to can each be a value, a seed or a guid, mixed freely.';
const latentJson = inputJsonSchema(registerLatentBody(512, 18, 512));

/** Gives every operation an operationId from its method and path (getApiFace, postApiRegisterlatent, getMorph…), for code generators. */
function withOperationIds(paths: Record<string, Record<string, Record<string, unknown>>>) {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) op.operationId = method + path.split(/[^a-z]+/i).filter(Boolean).map(cap).join('');
  }
  return paths;
}

/** The `paths` object of the OpenAPI document. */
export function apiPaths(): Record<string, unknown> {
  return withOperationIds({
    '/status/': {
      get: {
        tags: ['service'],
        summary: 'Is the service up?',
        description: 'Answers 200 with the served model once the edge and the renderer can both answer.',
        responses: {
          '200': {
            description: 'The service is up.',
            content: content(['application/json'], { type: 'object', properties: { status: { const: 'ok' }, model: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' } } } } }),
          },
          '503': ref('Busy'),
        },
      },
    },
    '/api/face/': getOp('faces', 'One face', 'The face for a value, seed or guid, as a square picture. Cached forever: the same request always gives the same bytes.', faceQuery, {
      description: 'The picture, in the requested format.',
      content: content(IMAGE_TYPES),
    }),
    '/api/hashdata/': getOp('latents', 'The latent behind a face', 'The latent a value, seed or guid stands for, numbers printed exactly as the original service printed them.', hashdataQuery, {
      description: '`{"qlatent": [512 numbers], "seed": N}` for a value or seed; `{"qlatent": [...]}` or `{"dlatent": [[...], ...]}` for a guid, as registered.',
      content: content(['application/json'], {
        type: 'object',
        properties: { qlatent: { type: 'array', items: { type: 'number' } }, seed: { type: 'integer', minimum: LIMITS.seed.min, maximum: LIMITS.seed.max }, dlatent: { type: 'array', items: { type: 'array', items: { type: 'number' } } } },
      }),
    }),
    '/api/morphframe/': getOp('morphs', 'One frame of a morph', `A single frame of the morph between two faces, e.g. its midpoint. ${morphNote}`, morphframeQuery, {
      description: 'The frame, in the requested format.',
      content: content(IMAGE_TYPES),
    }),
    '/api/gif/': getOp('morphs', 'A morph as a looping GIF', `An animated GIF that morphs from one face to the other and back, looping forever. ${morphNote}`, gifQuery, {
      description: 'The animated GIF.',
      content: content(['image/gif']),
    }),
    '/api/webp/': getOp('morphs', 'A morph as a looping animated WebP', `The same morph as /api/gif/, as an animated WebP (smaller, full colour). ${morphNote}`, webpQuery, {
      description: 'The animated WebP.',
      content: content(['image/webp']),
    }),
    '/api/mp4/': {
      get: {
        ...getOp('morphs', 'A morph as an H.264 video', `An MP4 (H.264) of the looping morph. Byte ranges are served (Safari needs them). ${morphNote}`, mp4Query, {}).get,
        responses: {
          '200': { description: 'The whole video, or with embed_html=true an HTML page playing it.', content: { ...content(['video/mp4']), 'text/html': { schema: { type: 'string' } } } },
          '206': { description: 'Part of the video, as the Range header asked.', content: content(['video/mp4']) },
          '304': { description: 'Not modified.' },
          '416': ref('RangeNotSatisfiable'),
          ...GET_ERRORS,
        },
      },
    },
    '/api/linkpreview/': getOp('morphs', 'A link preview of a morph', `A wide white picture reading "from + to = mix": both faces and their midpoint, made to be the preview image of a shared morph link. ${morphNote}`, linkpreviewQuery, {
      description: 'The preview, a JPEG.',
      content: content(['image/jpeg']),
    }),
    '/api/registerlatent/': {
      post: {
        tags: ['latents'],
        summary: 'Register a latent',
        description: `Stores a latent (512 numbers, a qlatent; or num_ws arrays of 512 numbers, a dlatent, num_ws being the served model's, 18 for a 1024 px StyleGAN2) and answers with a guid to use in guid parameters. Bodies up to ${LIMITS.bodyBytes} bytes.`,
        requestBody: { required: true, content: { 'application/json': { schema: latentJson } } },
        responses: {
          '200': { description: 'The new guid, as plain text.', content: { 'text/plain': { schema: { type: 'string', format: 'uuid' } } } },
          '400': ref('InvalidBody'),
          '413': ref('PayloadTooLarge'),
          '415': ref('UnsupportedMediaType'),
        },
      },
    },
    '/api/encodeimage/': {
      post: {
        tags: ['latents'],
        summary: 'Encode a photo as a latent',
        description: `Turns the face in a photo into a registered dlatent and answers its guid. The same file with the same tryalign always gives the same guid. The built-in model answers the built-in face most like the photo (proportions and colours read from its landmarks); a model without an image encoder answers 501. Uploads up to ${LIMITS.uploadBytes} bytes.`,
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', required: ['usrimg'], properties: { usrimg: { type: 'string', contentMediaType: 'image/*' }, tryalign: { type: 'string', enum: ['true', 'false'], default: 'false' } } },
            },
          },
        },
        responses: {
          '200': { description: 'The guid and whether the face was aligned.', content: content(['application/json'], { type: 'object', properties: { did_align: { type: 'boolean' }, guid: { type: 'string', format: 'uuid' } } }) },
          '400': ref('InvalidParam'),
          '413': ref('PayloadTooLarge'),
          '415': ref('UnsupportedMediaType'),
          '501': ref('NotImplemented'),
        },
      },
    },
    '/oembed': {
      get: {
        tags: ['pages'],
        summary: 'oEmbed for share pages',
        description: 'oEmbed (type photo) for a /face or /morph page: the face, or the link preview of a morph, sized within maxwidth and maxheight. Only format=json is served (xml answers 501).',
        parameters: queryParameters(oembedQuery, describeOembedParam),
        responses: {
          '200': { description: 'The oEmbed response.', content: content(['application/json'], { type: 'object', properties: { version: { const: '1.0' }, type: { const: 'photo' }, url: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' }, title: { type: 'string' } } }) },
          '400': ref('InvalidParam'),
          '404': { description: 'The url is not a CheckFace share page.' },
          '501': { description: 'A format other than json was asked for.' },
        },
      },
    },
    '/api/queue/': {
      get: {
        tags: ['service'],
        summary: 'How busy is the renderer?',
        description: 'How many renders are waiting right now, as the original service reported it.',
        responses: { '200': { description: 'The queue length.', content: content(['application/json'], { type: 'object', properties: { queue: { type: 'integer', minimum: 0 } } }) } },
      },
    },
    '/face': page('A share page for one face', 'An HTML page showing one face, carrying Open Graph and Twitter card tags and oEmbed discovery, so a pasted link unfurls into the face.', hashdataQuery),
    '/morph': page('A share page for a morph', 'An HTML page playing a morph, carrying Open Graph tags (the link preview as og:image, the MP4 as og:video) and oEmbed discovery.', linkpreviewQuery, ['width']),
    '/openapi.json': {
      get: {
        tags: ['service'],
        summary: 'This document',
        description: 'The OpenAPI 3.1 description of the API, generated from the schemas the service validates requests with.',
        responses: { '200': { description: 'This document.', content: content(['application/json'], { type: 'object' }) } },
      },
    },
  });
}
