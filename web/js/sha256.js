/**
 * Incremental SHA-256 (FIPS 180-4). WebCrypto only digests a whole buffer at once, and a file
 * to check may be larger than memory, so the browser feeds this one chunk at a time.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Mixes one 64-byte block of `p` starting at `off` into the state `h`; `w` is scratch space. */
function compress(h, w, p, off) {
  for (let t = 0; t < 16; t++) {
    const j = off + t * 4;
    w[t] = (p[j] << 24) | (p[j + 1] << 16) | (p[j + 2] << 8) | p[j + 3];
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15];
    const y = w[t - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
  }
  let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
}

/** A running SHA-256: `update()` with chunks in order, then `digest()` once. */
export class Sha256 {
  #h = new Int32Array(INITIAL);
  #w = new Int32Array(64);
  #block = new Uint8Array(64);
  #fill = 0;
  #length = 0;

  /** Adds the bytes of `data` (a Uint8Array) to the message. */
  update(data) {
    const n = data.length;
    let i = 0;
    this.#length += n;
    if (this.#fill > 0) {
      i = Math.min(64 - this.#fill, n);
      this.#block.set(data.subarray(0, i), this.#fill);
      this.#fill += i;
      if (this.#fill < 64) return this;
      compress(this.#h, this.#w, this.#block, 0);
      this.#fill = 0;
    }
    for (; i + 64 <= n; i += 64) compress(this.#h, this.#w, data, i);
    if (i < n) {
      this.#block.set(data.subarray(i), 0);
      this.#fill = n - i;
    }
    return this;
  }

  /** The 32-byte digest of everything added so far (pads a copy, so the state is kept). */
  digest() {
    const h = new Int32Array(this.#h);
    const block = new Uint8Array(64);
    block.set(this.#block.subarray(0, this.#fill));
    block[this.#fill] = 0x80;
    if (this.#fill >= 56) {
      compress(h, this.#w, block, 0);
      block.fill(0);
    }
    // The message length in bits as a 64-bit big-endian number; lengths stay below 2^53 bytes.
    const view = new DataView(block.buffer);
    view.setUint32(56, Math.floor(this.#length / 0x20000000));
    view.setUint32(60, (this.#length % 0x20000000) * 8);
    compress(h, this.#w, block, 0);
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) outView.setInt32(i * 4, h[i]);
    return out;
  }

  /** The digest as 64 lower-case hex digits. */
  hex() {
    return toHex(this.digest());
  }
}

/** Bytes as lower-case hex. */
export function toHex(bytes) {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
