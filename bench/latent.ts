/**
 * Latent derivation speed: value -> seed -> qlatent, and its parts (SHA-256, MT19937 + randn
 * with the replayed glibc log, Python-style JSON printing).
 * Usage: `node bench/latent.ts [n=20000]`.
 */
import { glibcLog } from '../shared/latent/log.ts';
import { pyJsonNumbers, qlatentFromSeed, seedFromValue } from '../shared/latent/index.ts';

const [n = 20_000] = process.argv.slice(2).map(Number);

function time(label: string, count: number, run: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(count, 2_000); i++) run(i); // warm up the JIT
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) sink += Number(Boolean(run(i)));
  const us = ((performance.now() - start) * 1000) / count;
  console.log(`${label.padEnd(38)} ${us.toFixed(2).padStart(8)} µs  (n=${count}, ${sink >= 0 ? 'ok' : ''})`);
}

time('qlatentFromSeed', n, (i) => qlatentFromSeed((i * 2654435761) >>> 0));
time('seedFromValue (40-char hex)', n, (i) => seedFromValue(`${i.toString(16).padStart(40, '0')}`));
time('glibcLog', n * 100, (i) => glibcLog((i % 1_000_003) / 1_000_003 + 1e-9));
time('Math.log (for comparison)', n * 100, (i) => Math.log((i % 1_000_003) / 1_000_003 + 1e-9));
const z = qlatentFromSeed(0);
const plain = Array.from(z);
time('pyJsonNumbers (512 doubles)', n / 4, () => pyJsonNumbers(z));
time('JSON.stringify (512 doubles, comparison)', n / 4, () => JSON.stringify(plain));
