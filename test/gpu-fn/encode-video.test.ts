import { describe, expect, it } from 'vitest';
import { encodeMp4, videoSize } from '../../gpu-fn/src/encode/video.ts';
import { gradient, pixelAt, pixelError, probeVideo, runTool, solid, tempFile } from './encode-fixtures.ts';

/** Top-level MP4 box types in file order. */
function topLevelBoxes(mp4: Uint8Array): string[] {
  const view = new DataView(mp4.buffer, mp4.byteOffset, mp4.byteLength);
  const types: string[] = [];
  for (let pos = 0; pos + 8 <= mp4.length; ) {
    let size = view.getUint32(pos);
    if (size === 1) size = Number(view.getBigUint64(pos + 8));
    types.push(String.fromCharCode(...mp4.subarray(pos + 4, pos + 8)));
    if (size < 8) break;
    pos += size;
  }
  return types;
}

describe('encodeMp4', () => {
  const frames = Array.from({ length: 12 }, (_, i) => gradient(32, 24, i * 20));

  it('is H.264 yuv420p with every frame, the right size and duration = frames / fps, moov first', async () => {
    const mp4 = await encodeMp4(frames, 8, 500);
    const boxes = topLevelBoxes(mp4);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat')); // faststart
    const file = await tempFile(mp4, 'mp4');
    try {
      const s = await probeVideo(file.path);
      expect(s.codec_name).toBe('h264');
      expect(s.pix_fmt).toBe('yuv420p');
      expect([s.width, s.height]).toEqual(['32', '24']);
      expect(s.nb_read_frames).toBe('12');
      expect(Number(s.duration)).toBeCloseTo(12 / 8, 3);
      expect(s.r_frame_rate).toBe('8/1');
    } finally {
      await file.remove();
    }
  });

  it('decodes back to the frames within lossy tolerance', async () => {
    const colour = solid(32, 24, [200, 60, 40]);
    const mp4 = await encodeMp4([colour, colour, colour], 10, 1000);
    const file = await tempFile(mp4, 'mp4');
    try {
      // the video is tagged BT.709; this ffmpeg ignores tags when converting, so say it
      const raw = await runTool('ffmpeg', ['-v', 'error', '-i', file.path, '-frames:v', '1', '-vf', 'scale=in_color_matrix=bt709:in_range=tv', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
      expect(pixelError(new Uint8Array(raw), colour.data).max).toBeLessThanOrEqual(6);
    } finally {
      await file.remove();
    }
  });

  it('pads odd sizes to even ones by repeating the last row and column', async () => {
    expect(videoSize(301, 300)).toEqual({ width: 302, height: 300 });
    expect(videoSize(15, 9)).toEqual({ width: 16, height: 10 });
    const mp4 = await encodeMp4([gradient(15, 9), gradient(15, 9, 30), gradient(15, 9, 60)], 3, 100);
    const file = await tempFile(mp4, 'mp4');
    try {
      const s = await probeVideo(file.path);
      expect([s.width, s.height, s.nb_read_frames]).toEqual(['16', '10', '3']);
      expect(Number(s.duration)).toBeCloseTo(1, 3);
      // the added column repeats the last one (bright red), not black
      const raw = await runTool('ffmpeg', ['-v', 'error', '-i', file.path, '-frames:v', '1', '-vf', 'scale=in_color_matrix=bt709:in_range=tv', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
      const decoded = { width: 16, height: 10, data: new Uint8Array(raw) };
      for (const y of [0, 5, 9]) expect(pixelAt(decoded, 15, y)[0]).toBeGreaterThan(200);
    } finally {
      await file.remove();
    }
  });

  it('writes the same bytes for the same frames', async () => {
    const a = await encodeMp4(frames.slice(0, 4), 16, 300);
    const b = await encodeMp4(frames.slice(0, 4), 16, 300);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses frames of different sizes', async () => {
    await expect(encodeMp4([solid(4, 4, [0, 0, 0]), solid(6, 4, [0, 0, 0])], 10, 100)).rejects.toThrow(RangeError);
  });
});
