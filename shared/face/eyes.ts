/** Eyes (lids, iris, lashes) and eyebrows. */
import type { Ctx } from './context.ts';
import { unit } from './palette.ts';
import { ellipseD, hex, mix, n, op, shade, smoothPath, smoothstep, type Pt } from './svg.ts';

/** Both eyes, each clipped to its own lid shape. */
export function eyes(ctx: Ctx): string {
  const { L, t, id, c } = ctx;
  const lashes = hex(mix(c.brow, [10, 8, 8], 0.6));
  const lidCol = hex(shade(c.skin, 0.7));
  const lashW = 0.75 + 0.65 * unit(t.lashes) + 0.3 * smoothstep(0.5, 0.9, t.makeup);
  const ew = L.hw * (0.215 + t.eyeW * 0.07);
  const eh = ew * (0.44 + t.eyeOpen * 0.08) * (1 - Math.max(0, t.smile) * 0.06);
  let clip = '', irises = '', pupils = '', shades = '', lights = '', lids = '', creases = '', lowers = '';
  for (const s of [-1, 1]) {
    const u = s * L.eyeU;
    const [x, y] = L.at(u, L.eyeV - s * L.asym, L.surface(u, L.eyeV) * 0.92);
    const w = ew * L.squeeze(u);
    const tilt = ew * t.eyeTilt * 0.16;
    const inner: Pt = [x - s * w, y + tilt * 0.3];
    const outer: Pt = [x + s * w, y - tilt];
    const up = (f: number, k: number): Pt => [x + s * w * f, y - eh * k];
    const lo = (f: number, k: number): Pt => [x + s * w * f, y + eh * k];
    // Shape family: round (high, even upper lid, deep lower lid) versus almond (flat lids, pointed corners).
    const r = t.eyeShape;
    const upper = [inner, up(-0.45, 0.85 + 0.2 * r), up(0.05 - 0.1 * r, 1.05 + 0.12 * r), up(0.55, 0.8 + 0.3 * r), outer];
    const lower = [outer, lo(0.5, 0.55 + 0.3 * r), lo(-0.1, 0.62 + 0.28 * r), lo(-0.6, 0.4 + 0.25 * r), inner];
    const shape = smoothPath([...upper, ...lower.slice(1, -1)], true, 0.85);
    clip += shape;
    const ir = ew * (0.39 + 0.1 * unit(t.iris * 0.7 + t.lashes * 0.3));
    const gx = x + (t.gaze * 0.12 - L.sinY * 0.5) * w;
    const gy = y + eh * 0.08;
    irises += `<circle cx="${n(gx)}" cy="${n(gy)}" r="${n(ir)}" fill="url(#${id}-ir)"/>`;
    pupils += ellipseD(gx, gy, ir * 0.42, ir * 0.42);
    // The upper lid's shadow on the eyeball.
    const lidEdge = upper.map(([a, b]): Pt => [a, b + eh * 0.3]);
    shades += `${smoothPath(lidEdge, false, 0.85)}L${n(outer[0])},${n(y - eh * 1.7)}L${n(inner[0])},${n(y - eh * 1.7)}Z`;
    lights += ellipseD(gx - ir * 0.3, gy - ir * 0.35, ir * 0.2, ir * 0.2);
    // Upper lid with lashes, the crease above it, and a faint lower lid.
    lids += smoothPath(upper, false, 0.85);
    const fold = eh * (0.45 + 0.4 * unit(t.lidFold));
    const crease = [up(-0.6, 0.9), up(0, 1.05), up(0.65, 0.8)].map(([a, b]): Pt => [a, b - fold]);
    creases += smoothPath(crease, false);
    lowers += smoothPath(lower, false, 0.85);
  }
  // One clip for both eyes: each clip path costs librsvg an offscreen pass.
  return `<defs><clipPath id="${id}-eyes"><path d="${clip}"/></clipPath></defs><path d="${clip}" fill="${hex(mix([250, 247, 242], c.skin, 0.06))}"/>` +
    `<g clip-path="url(#${id}-eyes)">${irises}<path d="${pupils}" fill="#0c0808"/><path d="${shades}" fill="${lidCol}" fill-opacity="0.35"/></g><path d="${lights}" fill="#fff" fill-opacity="0.9"/>` +
    `<path d="${lids}" fill="none" stroke="${lashes}" stroke-width="${n(lashW)}" stroke-linecap="round"/>` +
    `<path d="${creases}" fill="none" stroke="${lidCol}" stroke-width="${n(0.3 + 0.35 * unit(t.crease))}" stroke-linecap="round" stroke-opacity="${op(0.95 * smoothstep(-0.85, 0.3, t.crease))}"/>` +
    `<path d="${lowers}" fill="none" stroke="${lidCol}" stroke-width="0.35" stroke-opacity="0.7"/>`;
}

/** Both brows: tapered shapes with their own height, thickness, arch and tilt. */
export function brows({ L, t, c }: Ctx): string {
  const th = L.hh * (0.016 + 0.064 * unit(t.browThick));
  const arch = L.hh * (0.012 + 0.05 * unit(t.browArch));
  const len = 0.35 + t.browLen * 0.1;
  let d = '';
  for (const s of [-1, 1]) {
    // Inner ends closer together or farther apart; the outer ends stay put. Inward (toward the
    // nose) tells faces apart best, but brows that reach far in cost detections, hence the shorter
    // inward range. A smooth floor on the length keeps short, far-apart brows from becoming tufts.
    const span = len - t.browGap * (t.browGap < 0 ? 0.12 : 0.05);
    const u1 = s * (L.eyeU - 0.2 - t.eyeSep * 0.02 + len);
    const u0 = u1 - s * 0.5 * (span + 0.24 + Math.sqrt((span - 0.24) ** 2 + 0.004));
    const v0 = L.browV + 0.02 - s * L.asym, v1 = L.browV - t.browTilt * 0.08 - s * L.asym;
    const a = L.at(u0, v0, L.surface(u0, v0));
    const b = L.at(u1, v1 + Math.max(0, t.browAngle) * 0.05, L.surface(u1, v1));
    // Where the arch peaks: soft and central, or angled toward the outer end with a dropping tail.
    const f = 0.55 + t.browAngle * 0.17;
    const mu = u0 * (1 - f) + u1 * f;
    const mid = L.at(mu, v0 + (v1 - v0) * f, L.surface(mu, v0));
    // Taper: a heavy head thinning to a fine tail, or an even band that keeps its weight to the end.
    const hd = th * (0.6 + t.browTaper * 0.3), tl = th * (0.1 + 0.35 * Math.max(0, -t.browTaper));
    const top: Pt[] = [[a[0], a[1] - hd], [mid[0], mid[1] - arch - th * 0.55], [b[0], b[1] - tl]];
    const bot: Pt[] = [[b[0], b[1] + tl], [mid[0], mid[1] - arch + th * 0.45], [a[0], a[1] + hd]];
    d += smoothPath([...top, ...bot], true, 0.7);
  }
  return `<path d="${d}" fill="${hex(c.brow)}" fill-opacity="0.92"/>`;
}
