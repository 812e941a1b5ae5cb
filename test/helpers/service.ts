/**
 * Starts the real service as `npm start` does (scripts/start.ts: gpu-fn + wrangler dev) on free
 * loopback ports with its own state directory, waits for /status/, and stops the whole process
 * group afterwards. Used by end-to-end, browser tests and benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Service {
  url: string;
  stateDir: string;
  /** Milliseconds from spawn to /status/ answering 200. */
  readyMs: number;
  /** Output of both processes so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServiceOptions {
  stateDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Starts scripts/start.ts and resolves once /status/ answers 200. */
export async function startService(opts: ServiceOptions = {}): Promise<Service> {
  const [edgePort, gpuPort] = [await freePort(), await freePort()];
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), 'checkface-state-'));
  const started = Date.now();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts', 'start.ts')], {
    cwd: root,
    env: { ...process.env, EDGE_PORT: String(edgePort), GPU_FN_PORT: String(gpuPort), CHECKFACE_STATE_DIR: stateDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${edgePort}`;

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // SIGINT to start.ts is Ctrl-C: it stops gpu-fn and wrangler (each in its own group).
    child.kill('SIGINT');
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = started + (opts.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/status/`);
      if (res.ok) return { url, stateDir, readyMs: Date.now() - started, log: () => output, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`service not ready in time:\n${output}`);
}
