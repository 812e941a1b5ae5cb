/**
 * `npm start`: gpu-fn on the CPU and the edge in workerd (`wrangler dev`, KV on disk), wired
 * together with a fresh shared secret. Ctrl-C stops both; each runs in its own process group so
 * nothing is orphaned. Ports: EDGE_PORT (8787) and GPU_FN_PORT (8788).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST || '127.0.0.1';
const edgePort = process.env.EDGE_PORT || '8787';
const gpuPort = process.env.GPU_FN_PORT || '8788';
const secret = process.env.GPU_FN_SECRET || randomBytes(24).toString('hex');
const persistTo = process.env.CHECKFACE_STATE_DIR || join(root, '.wrangler', 'state');
const wrangler = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');

const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`checkface: ${name} exited (${signal ?? code}); stopping`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  // Give them a moment, then make sure the whole groups are gone.
  setTimeout(() => {
    for (const child of children) {
      if (child.pid === undefined) continue;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    process.exit(code);
  }, 1500).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('gpu-fn', [join(root, 'gpu-fn', 'src', 'server.ts')], { GPU_FN_HOST: host, GPU_FN_PORT: gpuPort, GPU_FN_SECRET: secret });
run(
  'edge',
  [
    wrangler, 'dev',
    '--ip', host, '--port', edgePort,
    '--persist-to', persistTo,
    '--show-interactive-dev-session=false',
    '--var', `GPU_FN_URL:http://${host}:${gpuPort}`,
    '--var', `GPU_FN_SECRET:${secret}`,
  ],
  { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: process.env.WRANGLER_LOG || 'warn' },
);

// Readiness: /status/ answers 200 once the edge and gpu-fn both do.
const started = Date.now();
async function waitReady(): Promise<void> {
  for (;;) {
    if (stopping) return;
    try {
      const res = await fetch(`http://${host}:${edgePort}/status/`);
      if (res.ok) {
        console.log(`checkface: ready in ${((Date.now() - started) / 1000).toFixed(1)} s at http://${host}:${edgePort}/`);
        return;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
void waitReady();
