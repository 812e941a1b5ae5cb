/** Loader for test/golden/latents.json, written by scripts/golden/make-latent-golden.py (numpy). */
import { readFileSync } from 'node:fs';

export interface Golden {
  platform: { numpy: string; machine: string; libc: string };
  values: { value: string; seed: number; sha256_hex: string; first: string[]; sha256: string }[];
  seeds: { seed: number; first: string[]; sha256: string }[];
  full: { seed: number; qlatent: string[] }[];
  streams: { seed: number; calls: { n: number; values: string[] }[] }[];
  json: { seed: number; compact: string }[];
  mt: { seed: number; key_head: number[]; key_tail: number; uint32: number[]; random_sample: string[] }[];
  reprs: [hex: string, repr: string][];
  logs: [x: string, log: string][];
}

export const golden: Golden = JSON.parse(readFileSync(new URL('../golden/latents.json', import.meta.url), 'utf8'));

/** Parses Python's `float.hex()` output exactly. */
export function fromHex(hex: string): number {
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(hex);
  if (!m) throw new Error(`not a Python hex float: ${hex}`);
  const [, sign, lead, frac, exp] = m as unknown as [string, string, string, string, string];
  const mantissa = Number.parseInt(lead + frac, 16); // at most 53 significant bits: exact
  const e = Number(exp);
  // Scale in the order that never leaves the double range, so both steps are exact.
  const value = e >= 0 ? mantissa * 2 ** (-4 * frac.length) * 2 ** e : mantissa * 2 ** e * 2 ** (-4 * frac.length);
  return sign ? -value : value;
}

/** Bits of a double as a 16-digit hex string, so a failed comparison shows the last-bit difference. */
export function bitsOf(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}
