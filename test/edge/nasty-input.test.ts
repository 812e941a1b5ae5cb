/** No input makes a 500: every endpoint, fed malformed and hostile parameters, answers 2xx-4xx. */
import { describe, expect, it } from 'vitest';
import { edge } from './helpers.ts';

const ENDPOINTS = ['/api/face/', '/api/hashdata/', '/api/morphframe/', '/api/gif/', '/api/webp/', '/api/mp4/', '/api/linkpreview/', '/face', '/morph', '/oembed'];

const NASTY = [
  'value=%FF%FE',
  'value=%E0%A4%A',
  'value=%00%00',
  `value=${'x'.repeat(8193)}`,
  'seed=99999999999999999999999',
  'seed=0x10',
  'seed=%20%201',
  'seed=1&seed=-1',
  'guid=00000000-0000-0000-0000-000000000000%00',
  'guid=../../etc/passwd',
  'dim=1e3',
  'dim=Infinity',
  'dim=NaN',
  'dim=-0',
  'format=../../x',
  'format=',
  'num_frames=3&frame_num=2&linear=',
  'from_seed=&to_seed=',
  'from_guid=%7B%7D',
  'width=1400.5',
  'fps=1e2',
  'kbitrate=%2B100',
  'url=javascript:alert(1)',
  'url=http://%zz',
  'maxwidth=0&url=/face?value=a',
  '%=%',
  '&&&==',
];

describe('hostile input never makes a 500', () => {
  for (const path of ENDPOINTS) {
    it(`${path} answers every nasty query with a status below 500`, async () => {
      for (const qs of NASTY) {
        const res = await edge(`${path}?${qs}`);
        expect(res.status, `${path}?${qs.slice(0, 60)}`).toBeLessThan(500);
        if (res.status >= 400) {
          const body = (await res.json()) as { error?: { code?: string; message?: string } };
          expect(body.error?.code, `${path}?${qs.slice(0, 60)}`).toMatch(/^[A-Z_]+$/);
        } else {
          await res.arrayBuffer();
        }
      }
    });
  }

  it('answers odd paths and methods without a 500', async () => {
    for (const [method, path] of [
      ['GET', '/api/'],
      ['GET', '/api//'],
      ['GET', '/api/%FF'],
      ['DELETE', '/api/face/'],
      ['PUT', '/api/registerlatent/'],
      ['PATCH', '/status/'],
      ['GET', '/api/face/../hashdata/'],
    ] as const) {
      const res = await edge(path, { method });
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      await res.arrayBuffer();
    }
  });
});
