import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The site's own streaming SHA-256 (plain browser JS), checked against Node's.
interface Sha256 { update(data: Uint8Array): Sha256; digest(): Uint8Array; hex(): string }
const modUrl = pathToFileURL(fileURLToPath(new URL('../../web/js/sha256.js', import.meta.url))).href;
const { Sha256 } = (await import(modUrl)) as { Sha256: new () => Sha256 };
const nodeHex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('web/js/sha256.js', () => {
  it('matches the FIPS 180-4 examples', () => {
    const ascii = (s: string) => new TextEncoder().encode(s);
    expect(new Sha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(ascii('abc')).hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(new Sha256().update(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).hex()).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches Node for every length around the padding boundaries', () => {
    const data = randomBytes(200);
    for (let n = 0; n <= 200; n++) expect(new Sha256().update(data.subarray(0, n)).hex(), `length ${n}`).toBe(nodeHex(data.subarray(0, n)));
  });

  it('gives the same digest however the input is split into chunks', () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const hash = new Sha256();
    let at = 0;
    for (const size of [1, 63, 65, 0, 4096, 1_000_003, 7]) {
      hash.update(data.subarray(at, at + size));
      at += size;
    }
    hash.update(data.subarray(at));
    expect(hash.hex()).toBe(nodeHex(data));
  });
});
