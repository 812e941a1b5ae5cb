/**
 * Numbers printed exactly as Python prints floats, so JSON we serve is byte-identical to what
 * the original Flask service sent. Both languages print the shortest digits that round-trip;
 * only the layout differs (Python: `1e-05`, `1e+16`, `5.0`; JavaScript: `0.00001`, `10000000000000000`, `5`).
 */

/** Python's `repr(x)` for a finite double. */
export function pyFloat(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`pyFloat needs a finite number, got ${x}`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // Both languages print non-integers in [1e-4, 1e16) in plain decimal with the same digits.
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e16 && !Number.isInteger(x)) return String(x);
  // toExponential() with no argument gives the shortest round-trip digits: "d.ddde±n".
  const exp = x.toExponential();
  const sign = exp[0] === '-' ? '-' : '';
  const ePos = exp.indexOf('e');
  const digits = exp.slice(sign.length, ePos).replace('.', '');
  const e = Number(exp.slice(ePos + 1));
  if (e < -4 || e >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length <= e + 1) return `${sign}${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}

/** A JSON array of floats as Flask's compact `jsonify` wrote it: `[0.5,-1e-05,3.0]`. */
export function pyJsonNumbers(xs: ArrayLike<number>): string {
  const parts = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) parts[i] = pyFloat(xs[i]!);
  return `[${parts.join(',')}]`;
}
