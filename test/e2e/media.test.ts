/** Morph media decoded as a client would: sharp for images, ffprobe for video. */
import ffprobe from '@ffprobe-installer/ffprobe';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPreviewLayout } from '../../gpu-fn/src/encode/linkpreview.ts';
import { startService, type Service } from '../helpers/service.ts';

let svc: Service;
beforeAll(async () => {
  svc = await startService();
}, 90_000);
afterAll(() => svc?.stop());

const get = async (path: string) => {
  const res = await fetch(`${svc.url}${path}`);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

/** Raw RGB pixels of an image (or of page `page` of an animation). */
async function pixels(bytes: Buffer, page = 0): Promise<Buffer> {
  return sharp(bytes, { page }).removeAlpha().raw().toBuffer();
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

function probe(bytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'cf-probe-'));
  const file = join(dir, 'v.mp4');
  writeFileSync(file, bytes);
  const out = execFileSync(ffprobe.path, ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' });
  return JSON.parse(out) as { streams: Record<string, string | number>[]; format: Record<string, string> };
}

const morph = 'from_value=alpha&to_value=omega';

describe('GIF and WebP morphs', () => {
  it('is a looping GIF with num_frames frames of dim px at 1/fps each', async () => {
    const { res, bytes } = await get(`/api/gif/?${morph}&dim=64&num_frames=8&fps=10`);
    expect(res.headers.get('Content-Type')).toBe('image/gif');
    const meta = await sharp(bytes, { pages: -1 }).metadata();
    expect([meta.format, meta.width, meta.pageHeight, meta.pages, meta.loop]).toEqual(['gif', 64, 64, 8, 0]);
    expect(meta.delay).toEqual(Array(8).fill(100));
  });

  it('starts at the from face and shows morphframe k as frame k', async () => {
    const { bytes: gif } = await get(`/api/gif/?${morph}&dim=64&num_frames=8&fps=10`);
    const { bytes: face } = await get('/api/face/?value=alpha&dim=64&format=png');
    expect(meanAbsDiff(await pixels(gif, 0), await pixels(face))).toBeLessThan(4);
    for (const k of [2, 5]) {
      const { bytes: frame } = await get(`/api/morphframe/?${morph}&dim=64&num_frames=8&frame_num=${k}&format=png`);
      expect(meanAbsDiff(await pixels(gif, k), await pixels(frame))).toBeLessThan(4);
    }
    // Frames of a morph differ from each other: it really moves.
    expect(meanAbsDiff(await pixels(gif, 0), await pixels(gif, 4))).toBeGreaterThan(5);
  });

  it('is an animated, looping WebP at /api/webp/', async () => {
    const { res, bytes } = await get(`/api/webp/?${morph}&dim=48&num_frames=6&fps=12`);
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    const meta = await sharp(bytes, { pages: -1 }).metadata();
    expect([meta.format, meta.width, meta.pageHeight, meta.pages, meta.loop]).toEqual(['webp', 48, 48, 6, 0]);
  });
});

describe('MP4 morphs', () => {
  it('is H.264 yuv420p with num_frames frames lasting num_frames / fps', async () => {
    const { res, bytes } = await get(`/api/mp4/?${morph}&dim=64&num_frames=10&fps=20`);
    expect(res.headers.get('Content-Type')).toBe('video/mp4');
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    const info = probe(bytes);
    const v = info.streams[0]!;
    expect([v.codec_name, v.pix_fmt, v.width, v.height, Number(v.nb_read_frames)]).toEqual(['h264', 'yuv420p', 64, 64, 10]);
    expect(Number(info.format.duration)).toBeCloseTo(0.5, 2);
    // faststart: the moov atom comes before mdat.
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('serves byte ranges (206) and refuses malformed ones (416)', async () => {
    const path = `/api/mp4/?${morph}&dim=32&num_frames=4&fps=8`;
    const { bytes: whole } = await get(path);
    const part = await fetch(`${svc.url}${path}`, { headers: { Range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe(`bytes 0-99/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(0, 100));
    const tail = await fetch(`${svc.url}${path}`, { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(whole.subarray(whole.length - 10));
    for (const bad of ['bytes=abc', `bytes=${whole.length + 5}-`, 'items=0-1']) {
      const r = await fetch(`${svc.url}${path}`, { headers: { Range: bad } });
      expect(r.status).toBe(416);
      expect(r.headers.get('Content-Range')).toBe(`bytes */${whole.length}`);
    }
  });

  it('embeds the video in a looping, muted HTML page with embed_html=true', async () => {
    const { res, bytes } = await get(`/api/mp4/?${morph}&embed_html=true`);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const html = bytes.toString();
    const src = /<video[^>]*src="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(/<video[^>]*\bloop\b[^>]*\bmuted\b/);
    expect(src).toBeDefined();
    const video = await fetch(`${svc.url}${src!.replaceAll('&amp;', '&')}`);
    expect(video.headers.get('Content-Type')).toBe('video/mp4');
  });
});

describe('link preview', () => {
  it('is A + B = mix on white, with the midpoint equal to the middle of a linear morph', async () => {
    const width = 600;
    const layout = linkPreviewLayout(width);
    const { res, bytes } = await get(`/api/linkpreview/?${morph}&width=${width}`);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([600, Math.round((628 * 600) / 1200)]);
    const raw = await pixels(bytes);
    // White background: the top-left corner is clear of faces and signs.
    expect(Math.min(raw[0]!, raw[1]!, raw[2]!)).toBeGreaterThanOrEqual(250);
    const mix = layout.mix;
    const crop = await sharp(bytes).extract({ left: mix.x, top: mix.y, width: mix.width, height: mix.height }).removeAlpha().raw().toBuffer();
    const { bytes: mid } = await get(`/api/morphframe/?${morph}&linear=true&num_frames=5&frame_num=2&dim=${mix.width}&format=png`);
    expect(meanAbsDiff(crop, await pixels(mid))).toBeLessThan(4);
  });
});

describe('mixing a registered dlatent with a value', () => {
  it('morphs in w between a guid dlatent and a value', async () => {
    const w = Array.from({ length: 18 }, (_, r) => Array.from({ length: 512 }, (_, i) => Math.sin(i * 0.37 + r) * 0.8));
    const reg = await fetch(`${svc.url}/api/registerlatent/`, { method: 'POST', body: JSON.stringify({ latent: w }), headers: { 'Content-Type': 'application/json' } });
    const guid = await reg.text();
    const { bytes } = await get(`/api/gif/?from_guid=${guid}&to_value=omega&dim=32&num_frames=4`);
    const meta = await sharp(bytes, { pages: -1 }).metadata();
    expect(meta.pages).toBe(4);
    const { bytes: frame } = await get(`/api/morphframe/?from_guid=${guid}&to_value=omega&dim=32&num_frames=4&frame_num=0&format=png`);
    const { bytes: face } = await get(`/api/face/?guid=${guid}&dim=32&format=png`);
    expect(meanAbsDiff(await pixels(frame), await pixels(face))).toBeLessThan(1);
  });
});
