/** Nose and mouth. */
import type { Ctx } from './context.ts';
import { unit } from './palette.ts';
import { ellipseD, hex, mix, n, op, p, shade, smoothPath, type Pt } from './svg.ts';

/** The nose: bridge shade on the side away from the light, wings, nostrils, tip light, shadow below. */
export function nose({ L, t, id, c }: Ctx): string {
  const half = L.hw * (0.22 + t.noseW * 0.12);
  const tipV = L.noseV - 0.04;
  const proj = 0.35 + t.noseTip * 0.1;
  const tip = L.at(0, tipV, 0.95 + proj);
  const top = L.at(0, L.eyeV - 0.02, 0.9);
  // Broad, flat nose (round bulb, flared wings, open nostrils) versus a narrow, high one (pinched tip, slit nostrils).
  const ns = t.noseShape;
  const bw = L.hw * (0.07 + t.noseBridge * 0.03) * (1 - ns * 0.3);
  const dark = hex(shade(c.skin, 0.62));
  const sq = L.squeeze(0);
  const wing = (s: number): Pt => L.at(s * (half / L.hw), L.noseV - 0.02, 0.85);
  let out = '';
  // Shade along the right side of the bridge (light comes from the upper left) and under the tip.
  out += `<path d="M${p([top[0] + bw, top[1]])}Q${p([tip[0] + bw * 1.6, (top[1] + tip[1]) / 2])} ${p([tip[0] + half * 0.55, tip[1] - L.hh * 0.02])}L${p([tip[0] + half * 0.2, tip[1] - L.hh * 0.03])}Q${p([tip[0] + bw * 0.5, (top[1] + tip[1]) / 2])} ${p([top[0] + bw * 0.2, top[1]])}Z" fill="url(#${id}-sh)"/>`;
  const [sx, sy] = L.at(0.02, L.noseV + 0.06, 0.9);
  out += `<ellipse cx="${n(sx)}" cy="${n(sy)}" rx="${n(half * 1.1 * sq)}" ry="${n(L.hh * 0.05)}" fill="url(#${id}-sh)" fill-opacity="0.85"/>`;
  out += `<ellipse cx="${n(tip[0] - half * 0.12)}" cy="${n(tip[1] - L.hh * 0.015)}" rx="${n(half * (0.38 + ns * 0.14))}" ry="${n(L.hh * (0.035 + ns * 0.012))}" fill="url(#${id}-hl)" fill-opacity="${op(0.6 + 0.4 * (1 - c.light))}"/>`;
  out += `<path d="M${p([top[0] - bw * 0.6, top[1] + L.hh * 0.08])}Q${p([tip[0] - bw * 0.9, (top[1] + tip[1]) / 2])} ${p([tip[0] - bw * 0.7, tip[1] - L.hh * 0.04])}" fill="none" stroke="url(#${id}-hl)" stroke-width="${n(bw * 0.6)}" stroke-opacity="0.5"/>`;
  let wings = '', nostrils = '';
  for (const s of [-1, 1]) {
    const w = wing(s);
    const nostril = L.at(s * (half / L.hw) * (0.45 + ns * 0.08), L.noseV + 0.005, 0.95 + proj * 0.5);
    const flare = 0.25 + ns * 0.2;
    wings += `M${p([w[0] - s * half * 0.05, w[1] - L.hh * (0.07 + ns * 0.02)])}Q${p([w[0] + s * half * flare, w[1] + L.hh * 0.005])} ${p([w[0] - s * half * 0.1, w[1] + L.hh * 0.04])}`;
    nostrils += ellipseD(nostril[0], nostril[1], half * (0.2 + ns * 0.03) * L.squeeze(s * 0.15), L.hh * (0.018 + ns * 0.004));
  }
  out += `<path d="${nostrils}" fill="${hex(shade(c.skin, 0.4))}" fill-opacity="0.8"/>`;
  out += `<path d="${wings}M${p([tip[0] - half * 0.35, tip[1] + L.hh * 0.045])}Q${p([tip[0], tip[1] + L.hh * 0.06])} ${p([tip[0] + half * 0.35, tip[1] + L.hh * 0.045])}" fill="none" stroke="${dark}" stroke-width="0.5" stroke-linecap="round" stroke-opacity="0.75"/>`;
  return out;
}

/** The mouth: lips with a cupid's bow, corners that smile or droop, teeth when it opens. */
export function mouth({ L, t, id, c }: Ctx): string {
  const mw = (0.33 + t.mouthW * 0.14) * L.hw;
  const [x, y] = L.at(0, L.mouthV, 0.92);
  const sq = L.squeeze(0);
  const smile = (t.smile > 0 ? t.smile : t.smile * 0.3) * L.hh * 0.065;
  const open = Math.max(0, t.smile * 0.8 + t.mouthOpen * 0.3 - 0.55) * L.hh * 0.06;
  const ut = L.hh * (0.028 + 0.03 * unit(t.lipUpper));
  const lt = L.hh * (0.04 + 0.04 * unit(t.lipLower));
  const X = (f: number): number => x + f * mw * sq;
  const corner = (s: number): Pt => [X(s), y - smile];
  const lineUp: Pt[] = [corner(-1), [X(-0.5), y - smile * 0.3 - open * 0.4], [X(0), y - open * 0.5], [X(0.5), y - smile * 0.3 - open * 0.4], corner(1)];
  const lineLo: Pt[] = [corner(1), [X(0.5), y - smile * 0.25 + open * 0.5], [X(0), y + open * 0.6], [X(-0.5), y - smile * 0.25 + open * 0.5], corner(-1)];
  const bow = t.philtrum * 0.25 + 0.5;
  const upper: Pt[] = [corner(-1), [X(-0.55), y - smile * 0.35 - ut * 0.85], [X(-0.18), y - ut * 1.05], [X(0), y - ut * (1 - bow * 0.25)], [X(0.18), y - ut * 1.05], [X(0.55), y - smile * 0.35 - ut * 0.85], corner(1)];
  const lower: Pt[] = [corner(1), [X(0.5), y - smile * 0.2 + open * 0.6 + lt * 0.75], [X(0), y + open * 0.6 + lt], [X(-0.5), y - smile * 0.2 + open * 0.6 + lt * 0.75], corner(-1)];
  const ul = `${smoothPath(upper, false, 0.9)}L${p(corner(1))}${smoothPath(lineUp.slice().reverse(), false, 0.9).replace(/^M[^C]*/, '')}Z`;
  const ll = `${smoothPath(lineLo, false, 0.9)}${smoothPath(lower.slice().reverse(), false, 0.9).replace(/^M[^C]*/, '')}Z`;
  let out = '';
  const [shx, shy] = L.at(0, L.mouthV + 0.14, 0.9);
  out += `<ellipse cx="${n(shx)}" cy="${n(shy)}" rx="${n(mw * 0.6 * sq)}" ry="${n(L.hh * 0.045)}" fill="url(#${id}-sh)" fill-opacity="0.75"/>`;
  if (open > 0.01) {
    const gap = `${smoothPath(lineUp, false, 0.9)}${smoothPath(lineLo, false, 0.9).replace(/^M[^C]*/, '')}Z`;
    out += `<path d="${gap}" fill="#4a1c1c"/>`;
    const teeth: Pt[] = lineUp.map(([a, b]): Pt => [a, b + open * 0.75]);
    out += `<path d="${smoothPath(lineUp, false, 0.9)}${smoothPath(teeth.slice().reverse(), false, 0.9).replace(/^M/, 'L')}Z" fill="#f2ede4" fill-opacity="${op(open / (L.hh * 0.02))}"/>`;
  }
  out += `<path d="${ul}" fill="url(#${id}-lp)"/><path d="${ll}" fill="url(#${id}-lp)"/>`;
  out += `<path d="${smoothPath(lineUp, false, 0.9)}" fill="none" stroke="${hex(mix(shade(c.lip, 0.45), [40, 10, 10], 0.3))}" stroke-width="0.55" stroke-linecap="round"/>`;
  out += `<ellipse cx="${n(X(-0.1))}" cy="${n(y + open * 0.6 + lt * 0.5)}" rx="${n(mw * 0.3 * sq)}" ry="${n(lt * 0.25)}" fill="url(#${id}-hl)" fill-opacity="0.5"/>`;
  return out;
}
