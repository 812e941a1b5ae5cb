/**
 * The morph link preview, "A + B = mix": the from-face and to-face (300/628 of the height) at the
 * left, the midpoint face (512/628) at the right edge, a drawn `+` and `=` in the gaps, on white.
 * Proportions are the original CheckFace's; drawn here in plain RGB, encoded once as JPEG.
 */
import type { Rgb8 } from '../engine/types.ts';
import { encodeImage, type EncodedImage } from './image.ts';

/** An axis-aligned rectangle in pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where everything goes in a link preview of a given width. */
export interface LinkPreviewLayout {
  width: number;
  height: number;
  /** Side of the from-face and to-face: render them at exactly this size. */
  faceSize: number;
  /** Side of the midpoint face: render it at exactly this size. */
  mixSize: number;
  from: Rect;
  to: Rect;
  mix: Rect;
  /** Black bars: two for the `+`, two for the `=`. */
  bars: Rect[];
}

const STANDARD_HEIGHT = 628;
const STANDARD_WIDTH = 1200;

/** Height of a link preview: round(628 * width / 1200), the og:image ratio 1.91:1. */
export function linkPreviewHeight(width: number): number {
  return Math.round((STANDARD_HEIGHT * width) / STANDARD_WIDTH);
}

/** Layout of a `width`-wide link preview (pure; the face sizes tell the caller what to render). */
export function linkPreviewLayout(width: number): LinkPreviewLayout {
  const height = linkPreviewHeight(width);
  const scale = height / STANDARD_HEIGHT;
  const faceSize = Math.round(300 * scale);
  const mixSize = Math.round(512 * scale);
  const gap = (width - 2 * faceSize - mixSize) / 2; // one gap for the `+`, one for the `=`
  const faceTop = Math.floor((height - faceSize) / 2);
  const from = { x: 0, y: faceTop, width: faceSize, height: faceSize };
  const to = { x: Math.floor(faceSize + gap), y: faceTop, width: faceSize, height: faceSize };
  const mix = { x: width - mixSize, y: Math.floor((height - mixSize) / 2), width: mixSize, height: mixSize };

  const stroke = Math.max(1, Math.round(6 * scale));
  const arm = 14 * scale; // half the length of each bar
  const cy = height / 2;
  const plusX = faceSize + gap / 2;
  const equalsX = width - mixSize - gap / 2;
  const equalsOffset = Math.round(0.6 * arm);
  const bar = (cx: number, y: number, w: number, h: number): Rect => {
    const x0 = Math.round(cx - w / 2);
    const y0 = Math.round(y - h / 2);
    return { x: x0, y: y0, width: Math.max(1, Math.round(cx + w / 2) - x0), height: Math.max(1, Math.round(y + h / 2) - y0) };
  };
  const bars = [
    bar(plusX, cy, 2 * arm, stroke),
    bar(plusX, cy, stroke, 2 * arm),
    bar(equalsX, cy - equalsOffset, 2 * arm, stroke),
    bar(equalsX, cy + equalsOffset, 2 * arm, stroke),
  ];
  return { width, height, faceSize, mixSize, from, to, mix, bars };
}

/** Draws the link preview; `from` and `to` must be `faceSize` square and `mix` `mixSize` square. */
export function composeLinkPreview(from: Rgb8, to: Rgb8, mix: Rgb8, width: number): Rgb8 {
  const layout = linkPreviewLayout(width);
  const { height } = layout;
  const data = new Uint8Array(width * height * 3).fill(255);
  const canvas = { width, height, data };
  blit(canvas, from, layout.from, 'from');
  blit(canvas, to, layout.to, 'to');
  blit(canvas, mix, layout.mix, 'mix');
  for (const r of layout.bars) fillBlack(canvas, r);
  return canvas;
}

/** The link preview as a JPEG (what og:image consumers handle best). */
export async function encodeLinkPreview(from: Rgb8, to: Rgb8, mix: Rgb8, width: number): Promise<EncodedImage> {
  return encodeImage(composeLinkPreview(from, to, mix, width), 'jpg');
}

function blit(canvas: Rgb8, img: Rgb8, at: Rect, name: string): void {
  if (img.width !== at.width || img.height !== at.height) {
    throw new RangeError(`${name} face is ${img.width}x${img.height}, the layout needs ${at.width}x${at.height}`);
  }
  const row = img.width * 3;
  for (let y = 0; y < img.height; y++) {
    canvas.data.set(img.data.subarray(y * row, (y + 1) * row), ((at.y + y) * canvas.width + at.x) * 3);
  }
}

function fillBlack(canvas: Rgb8, r: Rect): void {
  for (let y = Math.max(0, r.y); y < Math.min(canvas.height, r.y + r.height); y++) {
    const start = (y * canvas.width + Math.max(0, r.x)) * 3;
    const end = (y * canvas.width + Math.min(canvas.width, r.x + r.width)) * 3;
    if (end > start) canvas.data.fill(0, start, end);
  }
}
