/**
 * Hair as continuous shapes: a cap with a hairline and fringe, side locks, and back hair whose
 * length, volume, puff (curls), sweep and parting are numbers, so styles blend into each other
 * instead of switching.
 */
import type { Ctx } from './context.ts';
import { hex, op, shade, smoothPath, smoothstep, type Pt } from './svg.ts';

type UVD = [number, number, number];

/** An open contour with a bump pushed outward between each pair of points: curls that grow with amount. */
function curly(pts: UVD[], amount: number): UVD[] {
  const out: UVD[] = [pts[0]!];
  for (let i = 1; i < pts.length; i++) {
    const [a, b, c] = pts[i - 1]!, [u, v, d] = pts[i]!;
    const mu = (a + u) / 2, mv = (b + v) / 2, r = Math.hypot(mu, mv + 0.1) || 1;
    const k = amount * 0.09 / r;
    out.push([mu + mu * k, mv + (mv + 0.1) * k, (c + d) / 2], [u, v, d]);
  }
  return out;
}

interface Style { len: number; vol: number; part: number; fringe: number; bald: number; puff: number; sweep: number }

function style({ t }: Ctx): Style {
  const bald = smoothstep(0.4, 0.95, t.bald) * (1 - smoothstep(0.1, 0.7, t.hairLen));
  // Puff grows a rounded, voluminous silhouette (curly or afro hair) with curls along its outline.
  const puff = smoothstep(0.2, 0.9, t.puff) * (1 - bald);
  return {
    len: smoothstep(-0.35, 0.85, t.hairLen) * (1 - bald),
    vol: (0.04 + 0.1 * smoothstep(-1, 1, t.hairVol)) * (1 - bald * 0.8) + puff * 0.26,
    puff,
    sweep: t.sweep * (1 - bald),
    part: t.hairPart,
    fringe: smoothstep(-0.1, 0.9, t.fringe) * (1 - bald),
    bald,
  };
}

/** Hair behind the head and shoulders: long hair falls past the jaw, short hair hides behind the head. */
export function backHair(ctx: Ctx): string {
  const { L, id } = ctx;
  const s = style(ctx);
  const shown = Math.max(s.len, s.puff);
  if (shown < 0.01) return '';
  const bottom = 0.2 + s.len * 1.55 + s.puff * 0.3;
  const w = 1.05 + s.vol * 1.6 + s.len * 0.25;
  const uvd: UVD[] = [
    [-w * 0.72, -0.8, -0.3], [0, -1 - s.vol, -0.2], [w * 0.72, -0.8, -0.3], [w, -0.2, -0.4], [w * 1.02, bottom * 0.6, -0.4],
    [w * 0.9, bottom, -0.4], [0.5, bottom - 0.1, -0.4], [-0.5, bottom - 0.1, -0.4], [-w * 0.9, bottom, -0.4],
    [-w * 1.02, bottom * 0.6, -0.4], [-w, -0.2, -0.4],
  ];
  // Curls on the crown and the sides, a straight cut along the bottom.
  const ring = curly(uvd.slice(0, 6), s.puff).concat(uvd.slice(6, 9), curly([...uvd.slice(9), uvd[0]!], s.puff).slice(0, -1));
  const pts = ring.map(([u, v, d]) => L.at(u, v, d));
  return `<path d="${smoothPath(pts, true, 0.9)}" fill="url(#${id}-hr)" fill-opacity="${op(smoothstep(0.01, 0.2, shown))}"/>`;
}


/** The hair over the head: cap, hairline, fringe and side locks, with a few strands for texture. */
export function frontHair(ctx: Ctx): string {
  const { L, id, c } = ctx;
  const s = style(ctx);
  const o = 1 + s.vol;
  const side = L.eyeV + 0.06 + s.len * 0.16 + s.puff * 0.12;
  const hl = Math.max(L.hairV - s.bald * 0.45, -0.93 - s.vol);
  const fr = s.fringe, pt = s.part;
  // Outer contour over the crown, then the hairline back from right to left.
  const outer: Pt[] = curly([
    [-o * 1.02, side, 0], [-o * 1.04, -0.3, 0.05], [-o * 0.8, -0.82, 0.1], [-0.2 * o, -1 - s.vol * 1.1, 0.15],
    [0.3 * o, -0.99 - s.vol, 0.15], [o * 0.82, -0.8, 0.1], [o * 1.04, -0.3, 0.05], [o * 1.02, side, 0],
  ], s.puff).map(([u, v, d]) => L.at(u, v, d));
  // Sweep lifts the hairline on one side and drops it on the other, as in a side-swept or swept-back style.
  const fv = (u: number): number => Math.max(hl + fr * (L.browV - 0.16 - hl) * (1 - Math.abs(u - pt * 0.4) * 0.5) - s.bald * 0.2 + s.sweep * u * 0.14, -0.93 - s.vol);
  const inner: Pt[] = [
    L.at(0.93, side, 0.1), L.at(0.92, L.eyeV - 0.18, 0.2), L.at(0.78, Math.max(hl + 0.14 - s.bald * 0.3, -0.9 - s.vol), 0.4),
    L.at(0.45, fv(0.45), 0.75), L.at(0.1 + pt * 0.15, fv(0.1), 0.9), L.at(-0.3, fv(-0.3), 0.85),
    L.at(-0.78, Math.max(hl + 0.14 - s.bald * 0.3, -0.9 - s.vol), 0.4), L.at(-0.92, L.eyeV - 0.18, 0.2), L.at(-0.93, side, 0.1),
  ];
  const cap = smoothPath([...outer, ...inner], true, 0.85);
  const strands: Pt[][] = [-0.5, -0.1, 0.3, 0.65].map((u) => [L.at(u * 0.6 + pt * 0.1, -0.95 - s.vol, 0.2), L.at(u, -0.7, 0.4), L.at(u * 1.05, fv(u) - 0.05, 0.7)]);
  const sd = strands.map((q) => smoothPath(q, false)).join('');
  const top = 1 - smoothstep(0.15, 0.5, s.bald);
  return `<path d="${cap}" fill="url(#${id}-hr)"${top < 1 ? ` fill-opacity="${op(top)}"` : ''}/><path d="${sd}" fill="none" stroke="${hex(shade(c.hair, 0.6))}" stroke-width="0.5" stroke-opacity="${op(0.5 * (1 - smoothstep(0, 0.3, s.bald)))}"/>` +
    (s.bald > 0.01 ? sideHair(ctx, s) : '');
}

/** What a receding or bald head keeps: hair above and behind the ears. */
function sideHair(ctx: Ctx, s: Style): string {
  const { L, id } = ctx;
  let d = '';
  for (const k of [-1, 1]) {
    const pts: Pt[] = [L.at(k * 0.92, L.eyeV + 0.12, 0.05), L.at(k * 1.05, -0.25, 0), L.at(k * 0.9, -0.55, 0), L.at(k * 0.9, -0.28, 0.1), L.at(k * 0.93, L.eyeV - 0.15, 0.15)];
    d += smoothPath(pts, true, 0.8);
  }
  return `<path d="${d}" fill="url(#${id}-hr)" fill-opacity="${op(smoothstep(0, 0.3, s.bald))}"/>`;
}
