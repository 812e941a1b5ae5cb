/** Gradient definitions: the shading comes from gradients and soft-edged shapes, never from blur filters. */
import type { Ctx } from './context.ts';
import { hex, mix, op, shade, type Rgb } from './svg.ts';

function radial(id: string, stops: [number, Rgb, number][], cx = 0.5, cy = 0.5, r = 0.5): string {
  const s = stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${hex(c)}"${a < 1 ? ` stop-opacity="${op(a)}"` : ''}/>`).join('');
  return `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${s}</radialGradient>`;
}

function linear(id: string, stops: [number, Rgb, number][], x2 = 0, y2 = 1): string {
  const s = stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${hex(c)}"${a < 1 ? ` stop-opacity="${op(a)}"` : ''}/>`).join('');
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${s}</linearGradient>`;
}

/** The shared gradients of one face. */
export function defs({ c, id, t }: Ctx): string {
  const dark = mix(shade(c.skin, 0.5), [60, 20, 30], 0.25);
  return [
    linear(`${id}-bg`, [[0, c.bg, 1], [1, c.bg2, 1]]),
    radial(`${id}-sk`, [[0, shade(c.skin, 1.06 + 0.08 * (1 - c.light)), 1], [0.55, c.skin, 1], [0.85, shade(c.skin, 0.86), 1], [1, shade(c.skin, 0.72), 1]], 0.44, 0.4, 0.68),
    radial(`${id}-sh`, [[0, dark, 0.7], [1, dark, 0]]),
    radial(`${id}-hl`, [[0, [255, 250, 245], 0.55], [1, [255, 250, 245], 0]]),
    radial(`${id}-bl`, [[0, c.blush, 0.4], [1, c.blush, 0]]),
    radial(`${id}-ir`, [[0, shade(c.iris, 1.3), 1], [0.55, c.iris, 1], [1, shade(c.iris, 0.45), 1]]),
    linear(`${id}-hr`, [[0, shade(c.hair, 1.25), 1], [0.5, c.hair, 1], [1, shade(c.hair, 0.7), 1]]),
    linear(`${id}-lt`, [[0, dark, Math.max(0, -t.lightDir) * 0.6], [0.45, dark, 0], [0.55, dark, 0], [1, dark, Math.max(0, t.lightDir) * 0.6]], 1, 0),
    linear(`${id}-nk`, [[0, dark, 1], [0.45, shade(c.skin, 0.85), 1], [1, c.skin, 1]]),
    linear(`${id}-sr`, [[0, shade(c.shirt, 1.1), 1], [1, shade(c.shirt, 0.7), 1]]),
    linear(`${id}-lp`, [[0, shade(c.lip, 0.8), 1], [1, shade(c.lip, 1.1), 1]]),
  ].join('');
}
