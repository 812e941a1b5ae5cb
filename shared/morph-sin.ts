/**
 * A correctly rounded sine for the trig morph schedule. The original ran on Ubuntu 18.04
 * (glibc 2.27), whose sin is correctly rounded; V8's Math.sin is not (469 of the 20,097 schedule
 * values for n = 3..200 came out one ulp off), and neither is today's glibc (19 of them).
 * Computed in double-double arithmetic (~106 bits), then rounded once.
 */
import { productError } from './latent/fma.ts';

type DoubleDouble = [hi: number, lo: number];

/** pi/2 as an unevaluated sum of three doubles. */
const HALF_PI = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33] as const;

function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return [s, b - (s - a)];
}

/** a * b exactly, as hi + lo (Dekker). */
function twoProd(a: number, b: number): DoubleDouble {
  const p = a * b;
  return [p, productError(a, b, p)];
}

function add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [s, e] = twoSum(a[0], b[0]);
  return quickTwoSum(s, e + a[1] + b[1]);
}

function mul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function divInt(a: DoubleDouble, d: number): DoubleDouble {
  const q1 = a[0] / d;
  const [p, e] = twoProd(q1, d);
  return quickTwoSum(q1, (a[0] - p - e + a[1]) / d);
}

/** sin(x) rounded to the nearest double, for moderate |x| (the schedule needs 0..2.5 pi). */
export function sinCorrectlyRounded(x: number): number {
  // x = k * pi/2 + r with |r| <= pi/4; k * HALF_PI[0] is exact via twoProd, and x minus it is
  // exact (Sterbenz), so r carries ~106 good bits.
  const k = Math.round(x / HALF_PI[0]);
  const [p, e] = twoProd(k, HALF_PI[0]);
  let r: DoubleDouble = add([x - p, 0], [-e, 0]);
  const [pb, eb] = twoProd(k, HALF_PI[1]);
  r = add(r, [-pb, -eb]);
  r = add(r, [-k * HALF_PI[2], 0]);

  const quadrant = ((k % 4) + 4) % 4;
  const useCos = quadrant % 2 === 1;
  // Taylor series: sin r = r - r^3/3! + ...; cos r = 1 - r^2/2! + ...; stop far below 2^-106.
  const r2 = mul(r, r);
  let term: DoubleDouble = useCos ? [1, 0] : r;
  let sum = term;
  for (let n = 1; n <= 20 && Math.abs(term[0]) > 1e-40; n++) {
    const m = useCos ? 2 * n - 1 : 2 * n;
    term = divInt(mul(term, r2), -m * (m + 1));
    sum = add(sum, term);
  }
  const v = sum[0] + sum[1];
  return quadrant >= 2 ? -v : v;
}
