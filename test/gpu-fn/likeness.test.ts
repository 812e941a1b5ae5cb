import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../gpu-fn/src/app.ts';
import { BuiltinEngine } from '../../gpu-fn/src/engine/builtin.ts';
import { correlation } from '../../gpu-fn/src/engine/likeness/calibrate.ts';
import { calibration, encodeLikeness } from '../../gpu-fn/src/engine/likeness/index.ts';
import { FACE_MODEL, W_AVG, faceSvg, mapping } from '../../shared/face/index.ts';
import { prng } from '../../shared/face/mapping.ts';
import { traitsFromWs, type TraitName } from '../../shared/face/traits.ts';
import { truncate } from '../../shared/latent/truncate.ts';
import type { ApiError } from '../../shared/errors.ts';

const SECRET = 'likeness-secret';
const demo = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
const photo = (n: number) => readFileSync(path.join(demo, `sample${n}.jpg`));

/** A served face (z from a seed the calibration never used), as a PNG file, and its true traits. */
async function drawnFace(i: number) {
  const rnd = prng(0x7a11 + i * 31);
  const z = Array.from({ length: FACE_MODEL.zDim }, () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()));
  const ws = truncate(mapping(z), W_AVG, FACE_MODEL.numWs, 0.7, 8);
  const png = await sharp(Buffer.from(faceSvg(ws, { size: 400 }))).png().toBuffer();
  return { png, traits: traitsFromWs(ws) };
}


describe('built-in model photo encoder (likeness)', () => {
  it('was calibrated on the face model that is served', () => {
    expect(calibration.model).toBe(`${FACE_MODEL.id}@${FACE_MODEL.version}`);
    expect(calibration.faces).toBeGreaterThanOrEqual(300);
    expect(calibration.recovery).toHaveLength(calibration.traits.length);
    expect(calibration.weights).toHaveLength(calibration.features.length);
  });

  it('reads its own drawings back: proportions and colours follow the true traits', async () => {
    const truth: Record<string, number[]> = {}, found: Record<string, number[]> = {};
    // The traits that tell faces apart most, and colours; finer traits are read back less surely.
    const checked: TraitName[] = ['eyeSep', 'noseLen', 'mouthW', 'skin', 'bgHue'];
    let detected = 0;
    for (let i = 0; i < 16; i++) {
      const face = await drawnFace(i);
      const out = await encodeLikeness(face.png, true);
      // The detector misses a few drawn faces, as the face benchmarks show; those are not read back.
      if (!out.didAlign) continue;
      detected++;
      const traits = traitsFromWs(Float32Array.from(out.dlatent.flat()));
      for (const name of checked) {
        (truth[name] ??= []).push(face.traits[name]);
        (found[name] ??= []).push(traits[name]);
      }
    }
    expect(detected).toBeGreaterThanOrEqual(13);
    for (const name of checked) expect(correlation(truth[name]!, found[name]!), name).toBeGreaterThan(0.6);
  }, 120_000);

  it('finds the largest face in a group photo when asked to align; is deterministic', async () => {
    const aligned = await encodeLikeness(photo(1), true);
    expect(aligned.didAlign).toBe(true);
    expect(aligned.dlatent).toHaveLength(FACE_MODEL.numWs);
    for (const row of aligned.dlatent) {
      expect(row).toHaveLength(FACE_MODEL.wDim);
      expect(row.every(Number.isFinite)).toBe(true);
    }
    expect(await encodeLikeness(photo(1), true)).toEqual(aligned);
    const unaligned = await encodeLikeness(photo(1), false);
    expect(unaligned.didAlign).toBe(false);
    expect(unaligned.dlatent).not.toEqual(aligned.dlatent);
  }, 60_000);

  it('reads greyscale and transparent pictures too', async () => {
    const grey = await sharp(photo(3)).toColourspace('b-w').png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    expect((await encodeLikeness(grey, true)).didAlign).toBe(true);
    const alpha = await sharp(photo(3)).ensureAlpha(0.5).png().toBuffer();
    expect((await sharp(alpha).metadata()).channels).toBe(4);
    expect((await encodeLikeness(alpha, true)).didAlign).toBe(true);
  }, 60_000);

  it('tells different people apart', async () => {
    const a = traitsFromWs(Float32Array.from((await encodeLikeness(photo(2), true)).dlatent.flat()));
    const b = traitsFromWs(Float32Array.from((await encodeLikeness(photo(5), true)).dlatent.flat()));
    const differing = (Object.keys(a) as TraitName[]).filter((k) => Math.abs(a[k] - b[k]) > 0.1);
    expect(differing.length).toBeGreaterThan(5);
  }, 60_000);

  it('encodes one photo at a time and turns away more than 8 waiting with 503', async () => {
    const plain = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#a08070' } }).png().toBuffer();
    const results = await Promise.allSettled(Array.from({ length: 11 }, () => encodeLikeness(plain, true)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(((r as PromiseRejectedResult).reason as ApiError).status).toBe(503);
  }, 60_000);

  it('answers /v1/encode with a dlatent, and 400 naming usrimg for bytes that are not a usable picture', async () => {
    const app = createApp({ secret: SECRET, engine: new BuiltinEngine() });
    const post = (body: Uint8Array<ArrayBuffer>) => app.request('/v1/encode?tryalign=true', { method: 'POST', body, headers: { Authorization: `Bearer ${SECRET}` } });
    const ok = await post(new Uint8Array(photo(3)));
    expect(ok.status).toBe(200);
    const json = (await ok.json()) as { did_align: boolean; dlatent: number[][] };
    expect(json.did_align).toBe(true);
    expect(json.dlatent).toHaveLength(18);
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer();
    const svg = new TextEncoder().encode(faceSvg(truncate(mapping(new Array(512).fill(0.1)), W_AVG, 18, 0.7, 8), { size: 300 }));
    for (const bad of [new TextEncoder().encode('not an image at all'), new Uint8Array(tiny), svg]) {
      const res = await post(bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe('usrimg');
    }
  }, 60_000);
});
