/**
 * Service benchmarks (issue 3 and 5 targets) against the real `npm start` stack on this machine:
 * time to first face, uncached faces/s at 300 px, cached hits/s vs /status/ (autocannon),
 * and uncached mp4 / gif / link preview latency. Prints numbers; writes nothing.
 * Run: node bench/service.ts [--quick]
 */
import autocannon from 'autocannon';
import { startService } from '../test/helpers/service.ts';

const quick = process.argv.includes('--quick');
const run = Date.now().toString(36);

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon for `seconds`; `path(i)` gives the i-th request's path. */
async function load(url: string, path: (i: number) => string, seconds: number, connections: number): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: path(i++) }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

async function timed(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url);
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: performance.now() - t, bytes, status: res.status };
}

const svc = await startService();
try {
  const first = await timed(`${svc.url}/api/face/?value=first-${run}`);
  console.log(`startup: npm start -> /status/ 200 in ${svc.readyMs} ms; first face ${first.ms.toFixed(0)} ms later (${svc.readyMs + first.ms} ms total)`);

  const secs = quick ? 5 : 15;
  // Warm the isolate and the model memo before measuring.
  await load(svc.url, (i) => `/api/face/?value=warm-${run}-${i}`, 2, 8);
  const uncached = await load(svc.url, (i) => `/api/face/?value=uncached-${run}-${i}`, secs, 16);
  console.log(`uncached faces, 300 px jpg, 16 connections: ${uncached.rps.toFixed(1)} faces/s (p50 ${uncached.p50} ms, p99 ${uncached.p99} ms, errors ${uncached.errors}, non-2xx ${uncached.non2xx})`);

  await timed(`${svc.url}/api/face/?value=hot-${run}`);
  const cached = await load(svc.url, () => `/api/face/?value=hot-${run}`, secs, 16);
  const status = await load(svc.url, () => '/status/', secs, 16);
  console.log(`cached face hits: ${cached.rps.toFixed(0)} req/s (p50 ${cached.p50} ms); /status/: ${status.rps.toFixed(0)} req/s; ratio ${(cached.rps / status.rps).toFixed(2)} (target >= 0.80)`);

  const m = `from_value=bench-a-${run}&to_value=bench-b-${run}`;
  const mp4 = await timed(`${svc.url}/api/mp4/?${m}&dim=300&num_frames=50`);
  const gif = await timed(`${svc.url}/api/gif/?${m}&dim=300&num_frames=50`);
  const webp = await timed(`${svc.url}/api/webp/?${m}-w&dim=300&num_frames=50`);
  const lp = await timed(`${svc.url}/api/linkpreview/?from_value=lp-a-${run}&to_value=lp-b-${run}`);
  console.log(`uncached mp4, 50 frames, 300 px: ${mp4.ms.toFixed(0)} ms (${(mp4.bytes / 1024).toFixed(0)} KiB; target < 2000 ms)`);
  console.log(`uncached gif, 50 frames, 300 px: ${gif.ms.toFixed(0)} ms (${(gif.bytes / 1024).toFixed(0)} KiB; target < 3000 ms)`);
  console.log(`uncached webp, 50 frames, 300 px (fresh frames): ${webp.ms.toFixed(0)} ms (${(webp.bytes / 1024).toFixed(0)} KiB)`);
  console.log(`uncached link preview 1200 x 628: ${lp.ms.toFixed(0)} ms (${(lp.bytes / 1024).toFixed(0)} KiB; target < 500 ms)`);
} finally {
  await svc.stop();
}
