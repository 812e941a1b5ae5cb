/**
 * `npm run bench [-- name ...]`: runs the benchmarks one after another (never in parallel: they
 * measure a 2-core machine) and prints their numbers. Names: service, faces, encode, latent,
 * likeness, stylegan2. With no names, all of them. `--quick` passes smaller sizes where a bench has them.
 * Numbers go into docs/benchmarks.md by hand, with the command that made them.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');

const BENCHES: Record<string, { file: string; args: string[]; quickArgs: string[] }> = {
  service: { file: 'service.ts', args: [], quickArgs: ['--quick'] },
  latent: { file: 'latent.ts', args: [], quickArgs: [] },
  encode: { file: 'encode.ts', args: ['5'], quickArgs: ['2'] },
  faces: { file: 'faces.ts', args: ['500', '1000', '200'], quickArgs: ['100', '150', '50'] },
  likeness: { file: 'likeness.ts', args: ['60', '3'], quickArgs: ['20', '1'] },
  stylegan2: { file: 'stylegan2.ts', args: ['--batches', '1,4', '--runs', '3'], quickArgs: ['--batches', '1', '--runs', '1'] },
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = asked.filter((a) => !(a in BENCHES));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length ? asked : Object.keys(BENCHES)) {
  const b = BENCHES[name]!;
  const args = quick ? b.quickArgs : b.args;
  console.log(`\n## ${name}: node bench/${b.file} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(process.execPath, [join(here, b.file), ...args], { stdio: 'inherit' });
  console.log(`(${name} took ${((Date.now() - t) / 1000).toFixed(0)} s${r.status ? `, exit ${r.status}` : ''})`);
  if (r.status) failed++;
}
process.exit(failed ? 1 : 0);
