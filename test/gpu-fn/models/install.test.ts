/** `install`: download from a local HTTP server, checksum verified, nothing half-written left behind. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../../gpu-fn/src/models/bundle.ts';
import { FFHQ, installModel, type ModelSource } from '../../../gpu-fn/src/models/install.ts';
import { reference, TINY_PKL } from './fixture.ts';

const pkl = readFileSync(TINY_PKL);
let server: Server;
let base: string;
let modelsDir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ffhq.pkl') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': pkl.length });
      res.end(pkl);
    } else if (req.url === '/cut.pkl') {
      // Promises the whole file, sends a third, then drops the connection.
      res.writeHead(200, { 'content-length': pkl.length });
      res.write(pkl.subarray(0, pkl.length / 3), () => res.destroy());
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
beforeEach(async () => { modelsDir = await mkdtemp(join(tmpdir(), 'checkface-install-')); });
afterEach(() => rm(modelsDir, { recursive: true, force: true }));

const source = (path: string, sha256 = reference.pkl.sha256): ModelSource => ({ ...FFHQ, id: 'ffhq', url: `${base}${path}`, sha256 });

/** Every file left under modelsDir, relative. */
async function leftovers(): Promise<string[]> {
  return (await readdir(modelsDir, { recursive: true })).map(String).sort();
}

describe('installModel', () => {
  it('pins NVIDIA\'s own address for FFHQ', () => {
    expect(FFHQ.url).toBe('https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/ffhq.pkl');
    expect(FFHQ.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(FFHQ.licence).toMatch(/NVIDIA Source Code License-NC/);
  });

  it('downloads, verifies the checksum, shows the licence and imports', async () => {
    const lines: string[] = [];
    const m = await installModel(source('/ffhq.pkl'), { modelsDir, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/NVIDIA Source Code License-NC/);
    expect(m.source).toMatchObject({ file: 'ffhq.pkl', sha256: createHash('sha256').update(pkl).digest('hex'), bytes: pkl.length });
    expect(m.licence).toMatch(/non-commercial/);
    await expect(loadBundle(modelsDir, 'ffhq')).resolves.toMatchObject({ manifest: { id: 'ffhq' } });
    // The downloaded pickle is not kept once imported.
    expect(await leftovers()).toEqual(['.downloads', 'ffhq', 'ffhq/manifest.json', 'ffhq/mapping.onnx', 'ffhq/synthesis.onnx']);
    await expect(installModel(source('/ffhq.pkl'), { modelsDir })).rejects.toThrow(/already installed.*--force/);
  });

  it('refuses a file whose checksum does not match and keeps nothing', async () => {
    const wrong = 'ab'.repeat(32);
    await expect(installModel(source('/ffhq.pkl', wrong), { modelsDir })).rejects.toThrow(new RegExp(`checksum mismatch.*expected ${wrong}`));
    expect(await leftovers()).toEqual(['.downloads']);
  });

  it('refuses an interrupted download and keeps nothing', async () => {
    await expect(installModel(source('/cut.pkl'), { modelsDir })).rejects.toThrow(/interrupted|ended after/);
    expect(await leftovers()).toEqual(['.downloads']);
  });

  it('reports HTTP errors', async () => {
    await expect(installModel(source('/missing.pkl'), { modelsDir })).rejects.toThrow(/HTTP 404/);
    expect(await leftovers()).toEqual(['.downloads']);
  });
});
