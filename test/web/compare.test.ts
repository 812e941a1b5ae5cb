import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The comparison rules of web/js/compare.js (plain browser JS, no DOM at import).
type Verdict = { state: 'empty' | 'same' | 'different'; text: string };
const modUrl = pathToFileURL(fileURLToPath(new URL('../../web/js/compare.js', import.meta.url))).href;
const { compareChecksums, normalizeChecksum } = (await import(modUrl)) as {
  compareChecksums(a: string, b: string): Verdict;
  normalizeChecksum(s: string): string;
};

describe('web/js/compare.js', () => {
  it('forgives case and whitespace in hex', () => {
    expect(normalizeChecksum(' AB cd\n\tEF ')).toBe('abcdef');
    expect(compareChecksums('ABCDEF 012345', 'abcdef012345').state).toBe('same');
  });

  it('keeps the case of checksums that are not hex (base64 is case-sensitive)', () => {
    expect(normalizeChecksum('qUiQTy8PR5uPgZdpSzAYSw==')).toBe('qUiQTy8PR5uPgZdpSzAYSw==');
    expect(compareChecksums('qUiQTy8PR5uPgZdpSzAYSw==', 'quiqty8pr5upgzdpszaysw==').state).toBe('different');
  });

  it('names the first differing character, or the difference in length', () => {
    expect(compareChecksums('abc123', 'abd123').text).toMatch(/^Different: they first differ at character 3 \(c against d\)\./);
    expect(compareChecksums('abc1234', 'abc123').text).toMatch(/^Different: one is 1 character longer \(7 against 6\)\./);
  });

  it('asks for both before judging', () => {
    expect(compareChecksums('  ', 'abc').state).toBe('empty');
  });
});
