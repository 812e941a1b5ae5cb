/** Tiny generated frames for the encoder tests, and helpers to decode what the encoders produce. */
import type { Rgb8 } from '../../gpu-fn/src/engine/types.ts';

/** A frame of one colour. */
export function solid(width: number, height: number, rgb: readonly [number, number, number]): Rgb8 {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(rgb, i);
  return { width, height, data };
}

/** A smooth frame: red grows left to right, green top to bottom, blue fixed (`blue`). */
export function gradient(width: number, height: number, blue = 128): Rgb8 {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = Math.round((255 * x) / Math.max(1, width - 1));
      data[o + 1] = Math.round((255 * y) / Math.max(1, height - 1));
      data[o + 2] = blue;
    }
  }
  return { width, height, data };
}

/** Mean and maximum absolute difference between two equally long pixel buffers. */
export function pixelError(a: Uint8Array, b: Uint8Array): { mean: number; max: number } {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    if (d > max) max = d;
  }
  return { mean: sum / a.length, max };
}

/** The RGB pixel at (x, y). */
export function pixelAt(img: Rgb8, x: number, y: number): number[] {
  const o = (y * img.width + x) * 3;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
}

/** Runs a bundled ffmpeg tool on a file and returns its stdout. */
export async function runTool(tool: 'ffmpeg' | 'ffprobe', args: string[]): Promise<Buffer> {
  const { execFile } = await import('node:child_process');
  const bin = tool === 'ffmpeg' ? (await import('@ffmpeg-installer/ffmpeg')).default.path : (await import('@ffprobe-installer/ffprobe')).default.path;
  return new Promise((resolve, reject) => {
    execFile(bin, args, { encoding: 'buffer', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${tool} failed: ${stderr.toString()}`));
      else resolve(stdout);
    });
  });
}

/** Writes bytes to a fresh temporary file and returns its path and a cleanup function. */
export async function tempFile(bytes: Uint8Array, ext: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'checkface-test-'));
  const path = join(dir, `file.${ext}`);
  await writeFile(path, bytes);
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** ffprobe's view of the first video stream of a file (frames counted by decoding); container fields prefixed `format_`. */
export async function probeVideo(path: string): Promise<Record<string, string>> {
  const out = await runTool('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream:format=format_name,duration', '-of', 'flat', path]);
  const fields: Record<string, string> = {};
  for (const line of out.toString().split('\n')) {
    const m = /^(streams\.stream\.0|format)\.(\w+)="?([^"]*)"?$/.exec(line.trim());
    if (m) fields[m[1] === 'format' ? `format_${m[2]}` : m[2]!] = m[3]!;
  }
  return fields;
}
