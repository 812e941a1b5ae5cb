/** The colours of a face: skin, hair, eyes, lips, clothes, background, all continuous in the traits. */
import { clamp, hsl, mix, ramp, smoothstep, type Rgb } from './svg.ts';
import type { Traits } from './traits.ts';

const SKIN: Rgb[] = [
  [96, 60, 44], [122, 80, 56], [148, 100, 68], [170, 116, 78], [198, 142, 102], [220, 166, 126], [236, 190, 156], [246, 212, 186], [250, 226, 208],
];
const HAIR: Rgb[] = [
  [22, 17, 15], [45, 32, 24], [80, 55, 36], [120, 86, 55], [160, 122, 78], [204, 168, 108], [230, 212, 168],
];
const IRIS: Rgb[] = [
  [58, 34, 20], [96, 60, 30], [128, 98, 52], [92, 118, 70], [98, 128, 150], [70, 112, 170], [130, 168, 206],
];

export interface Palette {
  skin: Rgb; hair: Rgb; brow: Rgb; iris: Rgb; lip: Rgb; shirt: Rgb; bg: Rgb; bg2: Rgb; frame: Rgb; blush: Rgb;
  /** 0 = darkest skin .. 1 = lightest. */
  light: number;
}

/** Unit interval from a trait in (-1, 1). */
export function unit(x: number): number {
  return clamp((x + 1) / 2, 0, 1);
}

/** The palette of a face. */
export function paletteFor(t: Traits): Palette {
  const light = unit(t.skin * 1.1 + 0.12);
  let skin = ramp(SKIN, light);
  // Undertone: olive/golden versus rosy, strongest in the middle of the range.
  const u = t.undertone * 0.08 * (1 - Math.abs(light - 0.55));
  skin = [skin[0] * (1 + u * 0.3), skin[1] * (1 + u * 0.4), skin[2] * (1 - u * 1.2)];
  // Lighter hair and eyes are rarer on darker skin.
  const fair = smoothstep(0.2, 0.8, light);
  let hair = ramp(HAIR, unit(t.hairTone) * (0.35 + 0.65 * fair));
  hair = mix(hair, [150, 62, 30], smoothstep(0.45, 0.9, t.hairRed) * 0.8 * (0.3 + 0.7 * fair));
  // Dark hair on dark skin keeps the head outline readable, as in photos.
  hair = mix(hair, [16, 12, 11], (1 - fair) * 0.5);
  const age = unit(t.age);
  hair = mix(hair, mix([150, 148, 145], [226, 224, 220], unit(t.grey)), smoothstep(0.8, 1, age) * 0.85);
  const brow = mix(hair, [30, 22, 18], 0.5 + 0.35 * unit(t.browTone));
  const iris = ramp(IRIS, unit(t.iris) * (0.35 + 0.65 * fair));
  const lipBase: Rgb = mix([196, 96, 96], [122, 56, 52], 1 - light);
  const lip = mix(mix(skin, lipBase, 0.55 + 0.2 * unit(t.lipTint)), [178, 40, 60], smoothstep(0.5, 0.9, t.makeup) * 0.7);
  const blush = mix([230, 110, 110], [150, 60, 50], 1 - light);
  const shirt = hsl(unit(t.shirtHue) * 360, 0.25 + 0.35 * unit(t.bgHue2), 0.22 + 0.5 * unit(t.shirtLight));
  // Backgrounds keep away from skin hues and contrast with the skin's lightness, so the head stands out.
  const bgH = 70 + unit(t.bgHue) * 250;
  const bgL = 0.82 - 0.3 * light + 0.1 * t.bgLight;
  const bg = hsl(bgH, 0.25 + 0.3 * unit(t.bgHue2), bgL);
  const bg2 = hsl(bgH + 20, 0.3 + 0.3 * unit(t.bgHue2), bgL - 0.2);
  const frame = mix([20, 20, 24], [150, 110, 70], unit(t.frameTone));
  return { skin, hair, brow, iris, lip, shirt, bg, bg2, frame, blush, light };
}
