import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MT19937, qlatentFromSeed, qlatentFromValue, RandomState, seedFromValue, sha256, sha256Hex } from '../../shared/latent/index.ts';
import { toHex } from '../../shared/latent/sha256.ts';
import { golden } from './latent-golden.ts';

/** sha256 of the vector's little-endian float64 bytes, as the golden script hashes numpy's array. */
function vectorDigest(vec: Float64Array): string {
  const bytes = new DataView(new ArrayBuffer(vec.length * 8));
  vec.forEach((x, i) => bytes.setFloat64(i * 8, x, true));
  return toHex(sha256(new Uint8Array(bytes.buffer)));
}

/** Reads a float64 `.npy` file (little-endian, C order) without a library. */
function readNpy(path: string): Float64Array {
  const file = readFileSync(new URL(path, import.meta.url));
  const headerLength = file.readUInt16LE(8);
  const header = file.subarray(10, 10 + headerLength).toString('latin1');
  expect(header).toContain("'descr': '<f8'");
  const data = file.subarray(10 + headerLength);
  return new Float64Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

describe('the API page example', () => {
  it('value=example gives seed 78062172 and the documented first numbers', () => {
    expect(seedFromValue('example')).toBe(78062172);
    const z = qlatentFromValue('example');
    expect(z).toHaveLength(512);
    expect(Array.from(z.slice(0, 3))).toEqual([0.4221103225421117, -0.31882407908604915, 0.36004541443342347]);
  });
});

describe('seedFromValue', () => {
  it('hashes text that is not valid UTF-16 as U+FFFD, as a URL decoder hands it over', () => {
    // Python cannot encode a lone surrogate at all; a request can only ever carry U+FFFD there.
    expect(seedFromValue('a\ud800b')).toBe(seedFromValue('a\ufffdb'));
  });
});

describe('qlatents equal numpy RandomState(seed).randn(512) bit for bit', () => {
  it(`for ${golden.values.length} text values (seed, sha256 and vector)`, () => {
    for (const c of golden.values) {
      expect(sha256Hex(c.value), c.value).toBe(c.sha256_hex);
      expect(seedFromValue(c.value), c.value).toBe(c.seed);
      const z = qlatentFromSeed(c.seed);
      expect(Array.from(z.slice(0, 3)), c.value).toEqual(c.first.map(Number));
      expect(vectorDigest(z), c.value).toBe(c.sha256);
    }
  });

  it(`for ${golden.seeds.length} seeds, including 0 and 4294967295`, () => {
    const seeds = golden.seeds.map((c) => c.seed);
    expect(seeds).toContain(0);
    expect(seeds).toContain(4294967295);
    for (const c of golden.seeds) {
      const z = qlatentFromSeed(c.seed);
      expect(Array.from(z.slice(0, 3)), String(c.seed)).toEqual(c.first.map(Number));
      expect(vectorDigest(z), String(c.seed)).toBe(c.sha256);
    }
  });

  it('in full for a few seeds', () => {
    for (const c of golden.full) expect(Array.from(qlatentFromSeed(c.seed)), String(c.seed)).toEqual(c.qlatent.map(Number));
  });

  it('and match the model fixtures z_seed*.npy', () => {
    for (const seed of [0, 1, 78062172]) {
      const z = readNpy(`../fixtures/latents/z_seed${seed}.npy`);
      expect(z).toHaveLength(512);
      expect(Array.from(qlatentFromSeed(seed))).toEqual(Array.from(z));
    }
  });
});

describe('RandomState', () => {
  it('keeps the cached second normal across randn calls of odd lengths', () => {
    for (const stream of golden.streams) {
      const rs = new RandomState(stream.seed);
      for (const call of stream.calls) expect(Array.from(rs.randn(call.n)), `${stream.seed}/${call.n}`).toEqual(call.values.map(Number));
    }
  });

  it('seeds MT19937 like numpy (state words, raw outputs, random_sample)', () => {
    for (const c of golden.mt) {
      const mt = new MT19937(c.seed);
      const state = (mt as unknown as { mt: Uint32Array }).mt;
      expect(Array.from(state.slice(0, 4))).toEqual(c.key_head);
      expect(state[623]).toBe(c.key_tail);
      // randint(0, 2**32, dtype=uint64) draws one 32-bit output per value.
      expect(Array.from({ length: 5 }, () => mt.nextUint32())).toEqual(c.uint32);
      expect(Array.from({ length: 5 }, () => mt.nextDouble())).toEqual(c.random_sample.map(Number));
    }
  });

  it('rejects seeds numpy rejects', () => {
    for (const bad of [-1, 4294967296, 1.5, Number.NaN]) expect(() => new RandomState(bad)).toThrow(RangeError);
  });
});

describe('sha256', () => {
  it('matches the FIPS 180-4 test vectors, including a multi-block message', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});
