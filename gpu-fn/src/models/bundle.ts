/**
 * Model bundles on disk: `<modelsDir>/<id>/` holding manifest.json, mapping.onnx and synthesis.onnx.
 * Bundles are written to a temporary directory and renamed into place, and every graph file is
 * checked against the manifest's sha256 when loaded.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GRAPH_FILES, MANIFEST_FILE, manifestSchema, modelIdSchema, type Manifest } from './manifest.ts';

/** A bundle is missing, damaged or of another format; the message names the problem. */
export class BundleError extends Error {
  override name = 'BundleError';
}

/** Hex sha256 of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Validates a model id, throwing a BundleError that says what ids may look like. */
export function checkModelId(id: string): string {
  const r = modelIdSchema.safeParse(id);
  if (!r.success) throw new BundleError(`invalid model id ${JSON.stringify(id)}: ${r.error.issues[0]?.message}`);
  return r.data;
}

/** A loaded, verified bundle. */
export interface Bundle {
  dir: string;
  manifest: Manifest;
  mapping: Uint8Array;
  synthesis: Uint8Array;
}

/** Writes a bundle atomically; refuses to replace an existing one unless `replace`. */
export async function writeBundle(
  modelsDir: string,
  manifest: Omit<Manifest, 'files'>,
  graphs: Record<(typeof GRAPH_FILES)[number], Uint8Array>,
  replace = false,
): Promise<Manifest> {
  const id = checkModelId(manifest.id);
  const dir = join(modelsDir, id);
  const exists = await readFile(join(dir, MANIFEST_FILE)).then(() => true, () => false);
  if (exists && !replace) throw new BundleError(`model "${id}" is already installed in ${dir}; pass --force to replace it`);
  await mkdir(modelsDir, { recursive: true });
  const tmp = join(modelsDir, `.${id}.tmp-${process.pid}-${Date.now()}`);
  const full: Manifest = { ...manifest, files: {} };
  try {
    await mkdir(tmp);
    for (const name of GRAPH_FILES) {
      await writeFile(join(tmp, name), graphs[name]);
      full.files[name] = { sha256: sha256(graphs[name]), bytes: graphs[name].length };
    }
    await writeFile(join(tmp, MANIFEST_FILE), `${JSON.stringify(full, null, 2)}\n`);
    if (exists) await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return full;
}

/** Reads and validates a bundle's manifest. */
export async function readManifest(modelsDir: string, id: string): Promise<Manifest> {
  checkModelId(id);
  const path = join(modelsDir, id, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new BundleError(`model "${id}" is not installed (no ${path}); run \`npm run model -- list\``);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BundleError(`model "${id}": ${path} is not valid JSON; re-import the model`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleError(`model "${id}": ${path} is not a CheckFace bundle manifest (${issue?.path.join('.') || 'root'}: ${issue?.message}); re-import the model`);
  }
  if (parsed.data.id !== id) throw new BundleError(`model "${id}": its manifest says id "${parsed.data.id}"`);
  return parsed.data;
}

/** Loads a bundle and verifies every graph file against the manifest's checksums. */
export async function loadBundle(modelsDir: string, id: string): Promise<Bundle> {
  checkModelId(id);
  const manifest = await readManifest(modelsDir, id);
  const dir = join(modelsDir, id);
  const graphs: Partial<Record<string, Uint8Array>> = {};
  for (const name of GRAPH_FILES) {
    const expected = manifest.files[name];
    if (!expected) throw new BundleError(`model "${id}": the manifest lists no ${name}; re-import the model`);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(join(dir, name)));
    } catch {
      throw new BundleError(`model "${id}": ${join(dir, name)} is missing; re-import the model`);
    }
    const actual = sha256(bytes);
    if (actual !== expected.sha256) {
      throw new BundleError(`model "${id}": ${name} was altered or damaged (sha256 ${actual}, manifest says ${expected.sha256}); re-import the model`);
    }
    graphs[name] = bytes;
  }
  return { dir, manifest, mapping: graphs['mapping.onnx']!, synthesis: graphs['synthesis.onnx']! };
}

/** Manifests of every installed bundle, plus the directories that are not valid bundles. */
export async function listBundles(modelsDir: string): Promise<{ models: Manifest[]; broken: { id: string; problem: string }[] }> {
  const entries = await readdir(modelsDir, { withFileTypes: true }).catch(() => []);
  const models: Manifest[] = [];
  const broken: { id: string; problem: string }[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    try {
      models.push(await readManifest(modelsDir, e.name));
    } catch (err) {
      broken.push({ id: e.name, problem: (err as Error).message });
    }
  }
  return { models: models.sort((a, b) => a.id.localeCompare(b.id)), broken };
}
