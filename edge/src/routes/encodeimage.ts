/** POST /api/encodeimage/: a photo to a registered dlatent (needs a model with an image encoder). */
import { Hono } from 'hono';
import { ApiError } from '../../../shared/errors.ts';
import { encodeimageForm, LIMITS } from '../../../shared/params.ts';
import { readLimited } from '../lib/body.ts';
import { invalidParam, methodNotAllowed } from '../lib/errors.ts';
import { sha256Hex } from '../lib/http.ts';
import type { EdgeEnv } from '../lib/services.ts';

export const encodeimage = new Hono<EdgeEnv>()
  .post('/', async (c) => {
    const type = c.req.header('Content-Type') ?? '';
    if (!type.toLowerCase().startsWith('multipart/form-data')) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be multipart/form-data with fields usrimg and tryalign');
    const bytes = await readLimited(c, LIMITS.uploadBytes + 64 * 1024);
    let form: FormData;
    try {
      form = await new Request('http://form.invalid/', { method: 'POST', body: bytes, headers: { 'Content-Type': type } }).formData();
    } catch {
      throw new ApiError('INVALID_BODY', 'body is not valid multipart/form-data');
    }
    const file = form.get('usrimg');
    if (!file || typeof file === 'string') throw new ApiError('INVALID_PARAM', 'usrimg must be an image file', 'usrimg');
    if (file.size > LIMITS.uploadBytes) throw new ApiError('PAYLOAD_TOO_LARGE', `usrimg must be at most ${LIMITS.uploadBytes} bytes`, 'usrimg');
    const tryalignRaw = form.get('tryalign');
    const parsed = encodeimageForm.safeParse(typeof tryalignRaw === 'string' ? { tryalign: tryalignRaw } : {});
    if (!parsed.success) throw invalidParam(parsed.error);
    const { tryalign } = parsed.data;

    const { latents, gpu } = c.var.services;
    const image = new Uint8Array(await file.arrayBuffer());
    const model = await gpu.model();
    // The same file with the same tryalign gives the same guid, as the original did.
    const alias = `encode:${model.id}@${model.version}:${tryalign}:${await sha256Hex(image)}`;
    const known = await latents.aliasGet(alias);
    if (known) {
      const stored = await latents.get(known.split(' ')[0]!);
      if (stored) return c.json({ did_align: known.endsWith(' aligned'), guid: known.split(' ')[0] });
    }
    const res = await gpu.renderBytes(`/v1/encode?tryalign=${tryalign}`, image, file.type || 'application/octet-stream');
    const out = (await res.json()) as { did_align: boolean; dlatent: number[][] };
    const guid = await latents.register({ dlatent: out.dlatent }, 'encodeimage');
    await latents.aliasPut(alias, `${guid}${out.did_align ? ' aligned' : ''}`);
    return c.json({ did_align: out.did_align, guid });
  })
  .all('/', methodNotAllowed('POST'));
