import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FACE_MODEL, W_AVG, faceSvg, idPrefixFor, mapping } from '../../shared/face/index.ts';
import { TRAIT_NAMES, setTrait, traitsFromWs, type TraitName } from '../../shared/face/traits.ts';
import { truncate } from '../../shared/latent/truncate.ts';

const { zDim, wDim, numWs } = FACE_MODEL;

/** Seeded standard normals (mulberry32 + Box-Muller), independent of the model's own constants. */
function normals(seed: number, count = zDim): Float64Array {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const z = new Float64Array(count);
  for (let i = 0; i < count; i++) z[i] = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return z;
}

const served = (seed: number): Float32Array => truncate(mapping(normals(seed)), W_AVG, numWs, 0.7, 8);

async function pixels(svg: string, size = 64): Promise<Buffer> {
  return sharp(Buffer.from(svg)).resize(size, size, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}

describe('built-in face model: mapping', () => {
  it('maps z to numWs x wDim with the same w in every entry', () => {
    const ws = mapping(normals(1));
    expect(ws.length).toBe(numWs * wDim);
    expect(W_AVG.length).toBe(wDim);
    for (let i = 1; i < numWs; i++) expect(Array.from(ws.subarray(i * wDim, (i + 1) * wDim))).toEqual(Array.from(ws.subarray(0, wDim)));
  });

  it('normalises z and preserves its length: |w - w_avg|^2 = wDim', () => {
    for (const scale of [0.5, 1, 3]) {
      const z = normals(2).map((v) => v * scale);
      const ws = mapping(z);
      let ss = 0;
      for (let j = 0; j < wDim; j++) ss += (ws[j]! - W_AVG[j]!) ** 2;
      expect(ss).toBeCloseTo(wDim, 0);
    }
  });

  it('maps the zero latent to the average face and nearby z to nearby w', () => {
    expect(Array.from(mapping(new Float64Array(zDim)).subarray(0, wDim))).toEqual(Array.from(W_AVG));
    const z = normals(3), dz = normals(4).map((v) => v * 1e-3);
    const a = mapping(z), b = mapping(z.map((v, i) => v + dz[i]!));
    let d = 0;
    for (let j = 0; j < wDim; j++) d = Math.max(d, Math.abs(a[j]! - b[j]!));
    expect(d).toBeLessThan(0.02);
    expect(d).toBeGreaterThan(0);
  });
});

describe('built-in face model: traits', () => {
  it('keeps every trait inside (-1, 1), even for absurd w', () => {
    const cases = [served(5), new Float32Array(numWs * wDim).fill(1e9), new Float32Array(numWs * wDim).fill(-1e9), new Float32Array(numWs * wDim).fill(Number.NaN)];
    for (const ws of cases) {
      const t = traitsFromWs(ws);
      for (const name of TRAIT_NAMES) expect(Math.abs(t[name])).toBeLessThanOrEqual(1);
      const svg = faceSvg(ws, { size: 50 });
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it('truncation pulls coarse and middle traits toward the average face, leaves fine ones', () => {
    const raw = mapping(normals(6));
    const before = traitsFromWs(raw);
    const after = traitsFromWs(truncate(Float32Array.from(raw), W_AVG, numWs, 0.7, 8));
    const average = traitsFromWs(truncate(Float32Array.from(raw), W_AVG, numWs, 0, 8));
    for (const name of ['headW', 'yaw', 'eyeSep', 'noseLen', 'mouthW'] as const) {
      expect(Math.abs(after[name])).toBeLessThan(Math.abs(before[name]));
      expect(Math.sign(after[name])).toBe(Math.sign(before[name]));
      expect(average[name]).toBeCloseTo(0, 5);
    }
    for (const name of ['skin', 'hairTone', 'iris', 'bgHue'] as const) expect(after[name]).toBe(before[name]);
  });
});

describe('built-in face model: drawing', () => {
  it('is deterministic: the same ws give byte-identical SVG', () => {
    const a = faceSvg(served(7), { size: 300 });
    const b = faceSvg(Float32Array.from(served(7)), { size: 300 });
    expect(a).toBe(b);
  });

  it('draws different faces for different z', () => {
    const svgs = new Set(Array.from({ length: 40 }, (_, i) => faceSvg(served(100 + i), { size: 300 })));
    expect(svgs.size).toBe(40);
  });

  it('produces an SVG that sharp rasterises at the requested size', async () => {
    for (const size of [10, 300, 1024]) {
      const svg = faceSvg(served(8), { size });
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain(`width="${size}" height="${size}" viewBox="0 0 100 100"`);
      const meta = await sharp(Buffer.from(svg)).metadata();
      expect([meta.width, meta.height]).toEqual([size, size]);
    }
  });

  it('prefixes every element id, defines every referenced id, and never repeats one', () => {
    const svg = faceSvg(served(9), { size: 100, idPrefix: 'card3' });
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith('card3-')).toBe(true);
    for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
    // Default prefixes come from ws, so two faces inlined on one page do not clash.
    const other = faceSvg(served(10), { size: 100 });
    const otherIds = new Set([...other.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
    expect(idPrefixFor(served(9))).not.toBe(idPrefixFor(served(10)));
    for (const id of [...faceSvg(served(9), { size: 100 }).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!)) expect(otherIds.has(id)).toBe(false);
  });

  it('is continuous: a small step in w is a small change of picture, a morph has no jumps', async () => {
    const a = served(11), b = served(12);
    const frame = (t: number): Float32Array => a.map((v, i) => v + (b[i]! - v) * t);
    const whole = meanAbsDiff(await pixels(faceSvg(a, { size: 64 })), await pixels(faceSvg(b, { size: 64 })));
    expect(whole).toBeGreaterThan(8);
    let worst = 0;
    const steps = 40;
    let prev = await pixels(faceSvg(frame(0), { size: 64 }));
    for (let k = 1; k <= steps; k++) {
      const cur = await pixels(faceSvg(frame(k / steps), { size: 64 }));
      worst = Math.max(worst, meanAbsDiff(prev, cur));
      prev = cur;
    }
    // Uniform steps of 1/40: no single step may carry more than a fraction of the whole change.
    expect(worst).toBeLessThan(whole / 10);
    const tiny = a.map((v, i) => v + (i % 7 === 0 ? 1e-3 : 0));
    expect(meanAbsDiff(await pixels(faceSvg(a, { size: 64 })), await pixels(faceSvg(tiny, { size: 64 })))).toBeLessThan(0.2);
  });

  it('fades discrete looks (glasses, beard, baldness, long hair, fringe, curly puff) in instead of switching them', async () => {
    const base = served(13);
    setTrait(base, 'makeup', -0.9);
    setTrait(base, 'hairLen', -0.9);
    for (const name of ['glasses', 'beard', 'bald', 'hairLen', 'fringe', 'puff'] as TraitName[]) {
      const at = async (v: number): Promise<Buffer> => {
        const ws = Float32Array.from(base);
        setTrait(ws, name, v);
        return pixels(faceSvg(ws, { size: 64 }));
      };
      const steps = 90;
      const first = await at(-0.95);
      const whole = meanAbsDiff(first, await at(0.95));
      expect(whole, name).toBeGreaterThan(0.2);
      let worst = 0, prev = first;
      for (let k = 1; k <= steps; k++) {
        const cur = await at(-0.95 + (1.9 * k) / steps);
        worst = Math.max(worst, meanAbsDiff(prev, cur));
        prev = cur;
      }
      expect(worst, name).toBeLessThan(whole / 4);
    }
  });
});
