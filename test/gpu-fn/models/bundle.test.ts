/** Bundles on disk: manifest contents, altered files and missing models refused, CLI round trip. */
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../../gpu-fn/src/engine/load.ts';
import { listBundles, loadBundle, sha256 } from '../../../gpu-fn/src/models/bundle.ts';
import { runModelCli } from '../../../gpu-fn/src/models/cli.ts';
import { BUNDLE_FORMAT } from '../../../gpu-fn/src/models/manifest.ts';
import { readNpy, reference, TINY_PKL } from './fixture.ts';

let modelsDir: string;

async function cli(...args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runModelCli([...args, '--models-dir', modelsDir], (l) => lines.push(l));
  return { code, text: lines.join('\n') };
}

beforeAll(async () => {
  modelsDir = await mkdtemp(join(tmpdir(), 'checkface-bundles-'));
  const r = await cli('import', TINY_PKL, '--id', 'tiny');
  expect(r).toMatchObject({ code: 0 });
  expect(r.text).toMatch(/CHECKFACE_MODEL=tiny/);
});

afterAll(() => rm(modelsDir, { recursive: true, force: true }));

describe('model bundles', () => {
  it('writes a manifest with source, hyper-parameters, w_avg and graph checksums', async () => {
    const { manifest, mapping, synthesis } = await loadBundle(modelsDir, 'tiny');
    expect(manifest).toMatchObject({
      format: BUNDLE_FORMAT,
      id: 'tiny',
      source: { file: 'tiny.pkl', sha256: reference.pkl.sha256, bytes: reference.pkl.bytes, network: 'G_ema' },
      hyper: { zDim: 512, wDim: 64, numWs: 8, resolution: 32, mappingLayers: 2 },
    });
    expect(manifest.wAvg).toEqual(Array.from(readNpy('w_avg.npy')));
    expect(manifest.files['mapping.onnx']!.sha256).toBe(sha256(mapping));
    expect(manifest.files['synthesis.onnx']!.sha256).toBe(sha256(synthesis));
  });

  it('lists installed models, the built-in one first', async () => {
    const r = await cli('list');
    expect(r.text).toMatch(/builtin[\s\S]*tiny +version sg2-34a26bbc0348 +32px/);
    expect((await listBundles(modelsDir)).models.map((m) => m.id)).toEqual(['tiny']);
  });

  it('refuses a missing model by name', async () => {
    await expect(loadEngine({ model: 'ffhq', modelsDir })).rejects.toThrow(/model "ffhq" is not installed/);
    await expect(loadEngine({ model: '../etc', modelsDir })).rejects.toThrow(/invalid model id/);
  });

  it('refuses a bundle whose graph was altered, naming the file', async () => {
    await cli('import', TINY_PKL, '--id', 'altered');
    const file = join(modelsDir, 'altered', 'synthesis.onnx');
    const bytes = await readFile(file);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 1;
    await writeFile(file, bytes);
    await expect(loadEngine({ model: 'altered', modelsDir })).rejects.toThrow(/model "altered": synthesis\.onnx was altered or damaged \(sha256/);
    await expect(cli('verify', 'altered')).rejects.toThrow(/synthesis\.onnx was altered/);
    expect((await cli('verify', 'tiny')).text).toMatch(/all files match/);
  });

  it('refuses a damaged manifest', async () => {
    await cli('import', TINY_PKL, '--id', 'badmanifest');
    await writeFile(join(modelsDir, 'badmanifest', 'manifest.json'), '{"format":"something-else"}');
    await expect(loadEngine({ model: 'badmanifest', modelsDir })).rejects.toThrow(/not a CheckFace bundle manifest \(format/);
    expect((await cli('list')).text).toMatch(/badmanifest +BROKEN/);
  });

  it('imports only generators: the snapshot\'s discriminator is refused', async () => {
    await expect(cli('import', TINY_PKL, '--id', 'disc', '--network', 'D')).rejects.toThrow(/"D" is a Discriminator, not a StyleGAN2 Generator/);
    expect((await listBundles(modelsDir)).models.map((m) => m.id)).not.toContain('disc');
  });

  it('refuses to overwrite an installed model unless forced', async () => {
    await expect(cli('import', TINY_PKL, '--id', 'tiny')).rejects.toThrow(/already installed/);
    expect((await cli('import', TINY_PKL, '--id', 'tiny', '--force')).code).toBe(0);
  });
});
