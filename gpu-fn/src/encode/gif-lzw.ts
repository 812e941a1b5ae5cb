/** GIF's variable-width LZW, for re-packing palette indices as GIF image data. */

const MAX_CODES = 4096;
// Dictionary (prefix code, next index) -> code, as flat tables indexed prefix * 256 + index.
// A generation stamp per slot makes clearing the dictionary O(1). Encoding is synchronous, so
// one set of tables serves every call.
const codes = new Uint16Array(MAX_CODES * 256);
const stamps = new Uint32Array(MAX_CODES * 256);
let generation = 0;

/**
 * Compresses palette indices (each < 2^minCodeSize) to a GIF image data block: the minimum
 * code size byte, the LZW stream in sub-blocks of up to 255 bytes, and the terminator.
 */
export function lzwEncode(indices: Uint8Array, minCodeSize: number): Uint8Array {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const bytes = new Uint8Array(Math.max(64, indices.length * 2 + 16)); // 12-bit codes per pixel, worst case
  let length = 0;
  let acc = 0;
  let accBits = 0;
  let codeSize = minCodeSize + 1;
  let next = end + 1;
  const emit = (code: number) => {
    acc |= code << accBits;
    accBits += codeSize;
    while (accBits >= 8) {
      bytes[length++] = acc & 0xff;
      acc >>>= 8;
      accBits -= 8;
    }
  };
  const reset = () => {
    generation = (generation + 1) >>> 0;
    if (generation === 0) stamps.fill(0), (generation = 1);
    codeSize = minCodeSize + 1;
    next = end + 1;
  };

  reset();
  emit(clear);
  let prefix = indices[0] ?? 0;
  for (let i = 1; i < indices.length; i++) {
    const k = indices[i]!;
    const key = prefix * 256 + k;
    if (stamps[key] === generation) {
      prefix = codes[key]!;
      continue;
    }
    emit(prefix);
    if (next === MAX_CODES) {
      emit(clear);
      reset();
    } else {
      // the decoder widens its codes once its table reaches 2^codeSize entries
      if (next >= 1 << codeSize) codeSize++;
      codes[key] = next++;
      stamps[key] = generation;
    }
    prefix = k;
  }
  emit(prefix);
  emit(end);
  if (accBits > 0) bytes[length++] = acc & 0xff;

  const blocks = Math.ceil(length / 255);
  const out = new Uint8Array(1 + length + blocks + 1);
  out[0] = minCodeSize;
  let pos = 1;
  for (let start = 0; start < length; start += 255) {
    const n = Math.min(255, length - start);
    out[pos++] = n;
    out.set(bytes.subarray(start, start + n), pos);
    pos += n;
  }
  out[pos] = 0;
  return out;
}
