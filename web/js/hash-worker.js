/**
 * Web Worker: SHA-256 of a File, read a slice at a time so a multi-GB file never sits in memory
 * and the page stays responsive. Messages out: {type:'progress', done, total},
 * {type:'done', hex, total, ms}, {type:'error', message}.
 */
import { Sha256 } from './sha256.js';

const CHUNK = 4 * 1024 * 1024;

self.onmessage = async (event) => {
  const file = event.data.file;
  const started = performance.now();
  try {
    const hash = new Sha256();
    const total = file.size;
    let next = total > 0 ? file.slice(0, CHUNK).arrayBuffer() : null;
    for (let at = 0; at < total; at += CHUNK) {
      const bytes = new Uint8Array(await next);
      // Read the next slice while this one is hashed.
      next = at + CHUNK < total ? file.slice(at + CHUNK, at + 2 * CHUNK).arrayBuffer() : null;
      hash.update(bytes);
      self.postMessage({ type: 'progress', done: at + bytes.length, total });
    }
    self.postMessage({ type: 'done', hex: hash.hex(), total, ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ type: 'error', message: `Could not read the file: ${err && err.message ? err.message : err}` });
  }
};
