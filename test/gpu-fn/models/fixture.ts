/** The stylegan2-tiny fixture: NVIDIA-format snapshot plus reference outputs from NVIDIA's code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/stylegan2-tiny');
export const TINY_PKL = join(FIXTURE_DIR, 'tiny.pkl');

export interface FixtureCase {
  name: string;
  inputs: { seeds: number[]; truncation_psi: number; truncation_cutoff: number | null };
  files: { z?: string; ws: string; img_f32: string; img_u8: string };
}

export interface Reference {
  pkl: { sha256: string; bytes: number };
  generator: { z_dim: number; w_dim: number; num_ws: number; img_resolution: number; mapping_layers: number; w_avg_beta: number; channels: Record<string, number>; params: number };
  tolerances: { ws_max_abs: number; img_f32_max_abs: number; img_u8_max_abs: number };
  cases: FixtureCase[];
}

export const reference: Reference = JSON.parse(readFileSync(join(FIXTURE_DIR, 'reference.json'), 'utf8'));

/** Reads a fixture .npy (v1.0, little-endian, C order) as a typed array. */
export function readNpy(file: string): Float64Array | Float32Array | Uint8Array {
  const b = readFileSync(join(FIXTURE_DIR, file));
  if (b.subarray(0, 6).toString('latin1') !== '\x93NUMPY') throw new Error(`${file} is not .npy`);
  const headerLen = b.readUInt16LE(8);
  const header = b.subarray(10, 10 + headerLen).toString('latin1');
  const raw = new Uint8Array(b.subarray(10 + headerLen)); // copy: aligned for typed arrays
  if (header.includes("'<f8'")) return new Float64Array(raw.buffer);
  if (header.includes("'<f4'")) return new Float32Array(raw.buffer);
  if (header.includes("'|u1'")) return raw;
  throw new Error(`${file}: unsupported dtype in ${header}`);
}

/** Largest absolute element-wise difference. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
