/** Turns an NVIDIA StyleGAN2 snapshot pickle into an installed model bundle. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { buildMappingGraph, buildSynthesisGraph } from '../inference/stylegan2-graph.ts';
import { checkModelId, sha256, writeBundle } from './bundle.ts';
import { BUNDLE_FORMAT, UNKNOWN_LICENCE, type Manifest } from './manifest.ts';
import { readGenerator } from './snapshot.ts';

export interface ImportOptions {
  modelsDir: string;
  /** Bundle id; defaults to the file name without `.pkl`. */
  id?: string;
  /** Licence note shown to users; defaults to a note that the licence is the source's. */
  licence?: string;
  /** Replace an installed bundle with the same id. */
  replace?: boolean;
  /** Which network of the snapshot to import (default G_ema, the averaged generator). */
  network?: string;
}

/** The id a file would get: its name without extension, reduced to id characters. */
export function defaultModelId(file: string): string {
  return basename(file).replace(/\.pkl$/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 64) || 'model';
}

/** Imports snapshot bytes as bundle `id`; the bundle's version derives from the source's sha256. */
export async function importSnapshotBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions): Promise<Manifest> {
  const id = checkModelId(opts.id ?? defaultModelId(fileName));
  const network = opts.network ?? 'G_ema';
  const spec = readGenerator(bytes, network);
  const sourceSha = sha256(bytes);
  return writeBundle(
    opts.modelsDir,
    {
      format: BUNDLE_FORMAT,
      id,
      version: `sg2-${sourceSha.slice(0, 12)}`,
      createdAt: new Date().toISOString(),
      licence: opts.licence ?? UNKNOWN_LICENCE,
      source: { file: basename(fileName), sha256: sourceSha, bytes: bytes.length, network },
      hyper: spec.hyper,
      wAvg: Array.from(spec.wAvg),
    },
    { 'mapping.onnx': buildMappingGraph(spec), 'synthesis.onnx': buildSynthesisGraph(spec) },
    opts.replace,
  );
}

/** Reads a `.pkl` file and imports it (see importSnapshotBytes). */
export async function importSnapshot(file: string, opts: ImportOptions): Promise<Manifest> {
  const bytes = new Uint8Array(await readFile(file));
  return importSnapshotBytes(bytes, file, opts);
}
