/** ffmpeg lives here (and only here): H.264 MP4 morphs from raw RGB frames. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import type { Rgb8 } from '../engine/types.ts';

const FFMPEG = ffmpegInstaller.path;

/** Options for `encodeMp4`. */
export interface Mp4Options {
  /** x264 preset (default `veryfast`: measured ~2x faster than `medium` at 50 x 300 px, same bitrate). */
  preset?: string;
  /** Kill ffmpeg after this long (default 60 s). */
  timeoutMs?: number;
}

/**
 * Size of the encoded video: yuv420p needs even sides, so an odd side grows by one pixel, a
 * copy of the last row or column (invisible, nothing cropped): dim 301 gives a 302 x 302 video.
 */
export function videoSize(width: number, height: number): { width: number; height: number } {
  return { width: width + (width % 2), height: height + (height % 2) };
}

/** Copies a frame into `out` at the even video size, repeating the last column and row if needed. */
function padToEven(frame: Rgb8, out: Buffer): Buffer {
  const { width, height } = videoSize(frame.width, frame.height);
  const srcRow = frame.width * 3;
  const dstRow = width * 3;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(y, frame.height - 1);
    out.set(frame.data.subarray(sy * srcRow, (sy + 1) * srcRow), y * dstRow);
    if (width > frame.width) out.copyWithin(y * dstRow + srcRow, y * dstRow + srcRow - 3, y * dstRow + srcRow);
  }
  return out;
}

/**
 * Encodes frames as an H.264 MP4 (yuv420p, BT.709, `+faststart`) at `fps` and `kbitrate` kbit/s.
 * The same frames give the same bytes: fixed thread count, bitexact flags, no metadata.
 */
export async function encodeMp4(frames: readonly Rgb8[], fps: number, kbitrate: number, opts: Mp4Options = {}): Promise<Uint8Array> {
  const first = frames[0];
  if (!first) throw new RangeError('a video needs at least one frame');
  if (frames.some((f) => f.width !== first.width || f.height !== first.height)) throw new RangeError('all frames must have the same size');
  const size = videoSize(first.width, first.height);
  const dir = await mkdtemp(join(tmpdir(), 'checkface-mp4-'));
  const file = join(dir, 'morph.mp4'); // faststart rewrites the file, so it cannot go to a pipe
  try {
    const args = [
      '-hide_banner', '-loglevel', 'error', '-nostdin',
      '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${size.width}x${size.height}`, '-framerate', String(fps), '-i', 'pipe:0',
      '-vf', 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p',
      '-c:v', 'libx264', '-preset', opts.preset ?? 'veryfast', '-b:v', `${kbitrate}k`, '-threads', '2',
      '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709',
      '-movflags', '+faststart', '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact',
      '-f', 'mp4', '-y', file,
    ];
    await runFfmpeg(args, frames, size, opts.timeoutMs ?? 60_000);
    const mp4 = await readFile(file);
    return new Uint8Array(mp4.buffer, mp4.byteOffset, mp4.length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs ffmpeg, streaming the frames into its stdin with backpressure. */
function runFfmpeg(args: string[], frames: readonly Rgb8[], size: { width: number; height: number }, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    const closed = once(child, 'close').catch(() => {}); // a spawn 'error' is reported by the handler above
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
    child.stdin.on('error', () => {}); // EPIPE when ffmpeg dies early; 'close' reports why
    void (async () => {
      for (const f of frames) {
        // write() keeps a reference until flushed, so a padded frame needs its own buffer
        const chunk = f.width === size.width && f.height === size.height ? f.data : padToEven(f, Buffer.allocUnsafe(size.width * size.height * 3));
        if (!child.stdin.write(chunk)) await Promise.race([once(child.stdin, 'drain').catch(() => {}), closed]);
        if (child.exitCode !== null || child.signalCode !== null) return;
      }
      child.stdin.end();
    })().catch(() => child.kill('SIGKILL'));
  });
}
