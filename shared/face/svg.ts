/** Small SVG writing helpers: fixed-precision numbers, smooth paths, colours. */

export type Pt = readonly [number, number];
export type Rgb = readonly [number, number, number];

/** A coordinate rounded to 0.01 user units (0.1 px at 1024 px), without "-0". */
export function n(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? '0' : String(r);
}

/** "x,y" of a point. */
export function p(a: Pt): string {
  return `${n(a[0])},${n(a[1])}`;
}

/**
 * A smooth closed (or open) path through points: Catmull-Rom turned into cubic Béziers, so the
 * outline moves continuously with its points. `tension` 0..1 shortens the handles.
 */
export function smoothPath(pts: readonly Pt[], closed: boolean, tension = 1): string {
  const k = tension / 6;
  const m = pts.length;
  const at = (i: number): Pt => (closed ? pts[(i + m) % m]! : pts[Math.max(0, Math.min(m - 1, i))]!);
  let d = `M${p(at(0))}`;
  const segs = closed ? m : m - 1;
  for (let i = 0; i < segs; i++) {
    const p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
    const c1: Pt = [p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k];
    const c2: Pt = [p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k];
    d += `C${p(c1)} ${p(c2)} ${p(p2)}`;
  }
  return closed ? `${d}Z` : d;
}

/** Linear interpolation. */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Clamp to [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Hermite smoothstep of v between e0 and e1: 0 below, 1 above, smooth in between. */
export function smoothstep(e0: number, e1: number, v: number): number {
  const t = clamp((v - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

/** Mix of two colours. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];
}

/** Colour at t (0..1) along evenly spaced stops, piecewise linear so it never jumps. */
export function ramp(stops: readonly Rgb[], t: number): Rgb {
  const x = clamp(t, 0, 1) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  return mix(stops[i]!, stops[i + 1]!, x - i);
}

/** Scales a colour's brightness (k < 1 darkens, k > 1 lightens toward white). */
export function shade(c: Rgb, k: number): Rgb {
  return k <= 1 ? [c[0] * k, c[1] * k, c[2] * k] : mix(c, [255, 255, 255], Math.min(1, k - 1));
}

/** "#rrggbb" of a colour. */
export function hex(c: Rgb): string {
  let s = '#';
  for (const v of c) s += Math.round(clamp(v, 0, 255)).toString(16).padStart(2, '0');
  return s;
}

/** A colour from hue (degrees), saturation and lightness (0..1). */
export function hsl(h: number, s: number, l: number): Rgb {
  const f = (k0: number): number => {
    const k = (k0 + h / 30) % 12;
    return 255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}

/** Opacity attribute value rounded to 0.01. */
export function op(v: number): string {
  return n(clamp(v, 0, 1));
}

/** An ellipse as a path fragment, so many same-coloured dots can share one element (librsvg pays per element). */
export function ellipseD(cx: number, cy: number, rx: number, ry: number): string {
  return `M${n(cx - rx)},${n(cy)}a${n(rx)},${n(ry)} 0 1,0 ${n(2 * rx)},0a${n(rx)},${n(ry)} 0 1,0 ${n(-2 * rx)},0Z`;
}
