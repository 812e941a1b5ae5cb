/**
 * `install`: downloads a published snapshot, verifies its sha256, then imports it. The download
 * goes to a `.part` file that is renamed only after the checksum matches, so a half or wrong file
 * is never used and never left behind.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BundleError, readManifest } from './bundle.ts';
import { importSnapshot } from './import.ts';
import type { Manifest } from './manifest.ts';

/** A network we know how to fetch. */
export interface ModelSource {
  id: string;
  url: string;
  sha256: string;
  fileName: string;
  /** Licence note stored in the manifest and shown before downloading. */
  licence: string;
}

const NVIDIA_NC =
  'NVIDIA Source Code License-NC: non-commercial use only (research or evaluation). ' +
  'Full text: https://github.com/NVlabs/stylegan2-ada-pytorch/blob/main/LICENSE.txt. ' +
  'Copyright (c) 2021, NVIDIA Corporation.';

/**
 * NVIDIA's FFHQ 1024 px StyleGAN2 (config-f) as published with stylegan2-ada-pytorch. NVIDIA
 * publishes no checksum; this sha256 (381,624,121 bytes) is the one several independent public
 * projects pin for this URL.
 */
export const FFHQ: ModelSource = {
  id: 'ffhq',
  url: 'https://nvlabs-fi-cdn.nvidia.com/stylegan2-ada-pytorch/pretrained/ffhq.pkl',
  sha256: 'a205a346e86a9ddaae702e118097d014b7b8bd719491396a162cca438f2f524c',
  fileName: 'ffhq.pkl',
  licence: NVIDIA_NC,
};

export const KNOWN_SOURCES: Record<string, ModelSource> = { ffhq: FFHQ };

/** A download failed or did not match its checksum; nothing was kept. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

/** Streams `url` to `dest` via `dest.part-*`, hashing on the way; renames only if sha256 matches. */
export async function downloadVerified(url: string, sha256: string, dest: string, onProgress?: (bytes: number, total: number | null) => void): Promise<void> {
  const part = `${dest}.part-${process.pid}`;
  try {
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'follow' });
    } catch (e) {
      throw new DownloadError(`cannot download ${url}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
    }
    if (!res.ok || !res.body) throw new DownloadError(`cannot download ${url}: HTTP ${res.status}`);
    const total = Number(res.headers.get('content-length')) || null;
    const hash = createHash('sha256');
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        onProgress?.(bytes, total);
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), meter, createWriteStream(part));
    } catch (e) {
      throw new DownloadError(`download of ${url} was interrupted after ${bytes} bytes: ${(e as Error).message}`);
    }
    if (total !== null && bytes !== total) throw new DownloadError(`download of ${url} ended after ${bytes} of ${total} bytes`);
    const actual = hash.digest('hex');
    if (actual !== sha256.toLowerCase()) {
      throw new DownloadError(`checksum mismatch for ${url}: got sha256 ${actual}, expected ${sha256}; the file was discarded`);
    }
    await rename(part, dest);
  } finally {
    await rm(part, { force: true });
  }
}

export interface InstallOptions {
  modelsDir: string;
  replace?: boolean;
  log?: (line: string) => void;
}

/** Shows the licence, downloads and verifies the snapshot, imports it as bundle `source.id`. */
export async function installModel(source: ModelSource, opts: InstallOptions): Promise<Manifest> {
  const log = opts.log ?? (() => {});
  if (!opts.replace && (await readManifest(opts.modelsDir, source.id).then(() => true, () => false))) {
    throw new BundleError(`model "${source.id}" is already installed in ${join(opts.modelsDir, source.id)}; pass --force to reinstall it`);
  }
  log(`Model "${source.id}" comes under this licence:\n  ${source.licence}`);
  const downloads = join(opts.modelsDir, '.downloads');
  await mkdir(downloads, { recursive: true });
  const file = join(downloads, source.fileName);
  log(`Downloading ${source.url}`);
  let lastPct = -10;
  await downloadVerified(source.url, source.sha256, file, (bytes, total) => {
    const pct = total ? Math.floor((100 * bytes) / total) : -1;
    if (pct >= lastPct + 10) {
      lastPct = pct;
      log(`  ${(bytes / 1e6).toFixed(1)} MB${total ? ` of ${(total / 1e6).toFixed(1)} MB` : ''}`);
    }
  });
  log(`sha256 verified (${source.sha256}); importing`);
  try {
    return await importSnapshot(file, { modelsDir: opts.modelsDir, id: source.id, licence: source.licence, replace: opts.replace });
  } finally {
    // The bundle holds everything we need; the pickle is only kept while importing.
    await rm(file, { force: true });
  }
}
