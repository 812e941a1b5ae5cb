/** Reading NVIDIA snapshot pickles: hyper-parameters and weights out, unsupported networks refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatorFromModule, parseSnapshot, readGenerator } from '../../../gpu-fn/src/models/snapshot.ts';
import { PersistentModule } from '../../../gpu-fn/src/models/torch.ts';
import { maxAbsDiff, readNpy, reference, TINY_PKL } from './fixture.ts';

const bytes = new Uint8Array(readFileSync(TINY_PKL));

function tinyGenerator(): PersistentModule {
  return (parseSnapshot(bytes) as Map<string, unknown>).get('G_ema') as PersistentModule;
}

function sub(m: PersistentModule, ...path: string[]): PersistentModule {
  return path.reduce((acc, name) => (acc.state.get('_modules') as Map<string, PersistentModule>).get(name)!, m);
}

describe('readGenerator on stylegan2-tiny', () => {
  const spec = readGenerator(bytes);

  it('reads the hyper-parameters from the pickle', () => {
    const g = reference.generator;
    expect(spec.hyper).toMatchObject({
      zDim: g.z_dim, wDim: g.w_dim, numWs: g.num_ws, resolution: g.img_resolution, imgChannels: 3,
      mappingLayers: g.mapping_layers, wAvgBeta: g.w_avg_beta, architecture: 'skip', convClamp: null, numFp16Res: 0,
      channels: g.channels, params: g.params,
    });
  });

  it('reads w_avg bit for bit and the per-layer gains stored on each layer', () => {
    expect(maxAbsDiff(spec.wAvg, readNpy('w_avg.npy'))).toBe(0);
    expect(spec.mapping.map((l) => [l.weightGain, l.biasGain, l.activation])).toEqual([
      [0.01 / Math.sqrt(512), 0.01, 'lrelu'],
      [0.01 / Math.sqrt(64), 0.01, 'lrelu'],
    ]);
    const b32 = spec.blocks[3]!;
    expect(b32.conv0!.affine.weightGain).toBe(0.125);
    expect(b32.torgb.weightGain).toBeCloseTo(1 / Math.sqrt(8), 15);
    expect(b32.conv0!.actGain).toBeCloseTo(Math.SQRT2, 15);
  });

  it('assigns ws to layers as NVIDIA does (a ToRGB shares its w with the next conv0)', () => {
    const idx = spec.blocks.map((b) => [b.conv0?.wIndex ?? null, b.conv1.wIndex, b.torgb.wIndex]);
    expect(idx).toEqual([[null, 0, 1], [1, 2, 3], [3, 4, 5], [5, 6, 7]]);
  });

  it('builds the [1,3,3,1] resample filter, normalised', () => {
    const f = spec.blocks[1]!.resampleFilter;
    expect(f.shape).toEqual([4, 4]);
    expect(f.data[0]).toBeCloseTo(1 / 64, 7);
    expect(f.data[5]).toBeCloseTo(9 / 64, 7);
  });
});

describe('unsupported input is refused with a message naming the problem', () => {
  it('a truncated pickle', () => {
    expect(() => readGenerator(bytes.subarray(0, 400_000))).toThrow(/cannot read the pickle: .*truncated/);
  });

  it('a file that is not a pickle', () => {
    expect(() => readGenerator(new TextEncoder().encode('<html>not found</html>'))).toThrow(/not a pickle/);
    expect(() => readGenerator(new Uint8Array(0))).toThrow(/not a pickle/);
  });

  it('a pickle that is not a snapshot', () => {
    // protocol 4: EMPTY_DICT, MEMOIZE, STOP
    expect(() => readGenerator(new Uint8Array([0x80, 4, 0x7d, 0x94, 0x2e]))).toThrow(/has no "G_ema" network/);
    // protocol 4: EMPTY_LIST, STOP
    expect(() => readGenerator(new Uint8Array([0x80, 4, 0x5d, 0x2e]))).toThrow(/not a StyleGAN2 snapshot/);
  });

  it('a pickle of another network (the fixture\'s discriminator)', () => {
    expect(() => readGenerator(bytes, 'D')).toThrow(/"D" is a Discriminator, not a StyleGAN2 Generator/);
  });

  it('a conditional network', () => {
    const g = tinyGenerator();
    g.state.set('c_dim', 10);
    expect(() => generatorFromModule(g)).toThrow(/conditional network \(c_dim 10\)/);
  });

  it('a non-skip architecture', () => {
    const g = tinyGenerator();
    sub(g, 'synthesis', 'b16').state.set('architecture', 'resnet');
    expect(() => generatorFromModule(g)).toThrow(/b16 uses the "resnet" architecture; only "skip"/);
  });

  it('a StyleGAN3 generator', () => {
    const g = tinyGenerator();
    (sub(g, 'synthesis').state.get('_modules') as Map<string, unknown>).set('input', new PersistentModule('SynthesisInput', new Map()));
    expect(() => generatorFromModule(g)).toThrow(/StyleGAN3/);
  });

  it('a tensor of the wrong shape', () => {
    const g = tinyGenerator();
    const params = sub(g, 'synthesis', 'b8', 'conv1').state.get('_parameters') as Map<string, { shape: number[] }>;
    params.get('bias')!.shape = [31];
    expect(() => generatorFromModule(g)).toThrow(/b8\.conv1\.bias has shape \[31\], expected \[32\]/);
  });
});
