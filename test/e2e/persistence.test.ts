import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startService, type Service } from '../helpers/service.ts';

const latent = Array.from({ length: 512 }, (_, i) => Math.tan(i / 400) - 0.5);

function processesOn(port: string): string {
  try {
    return execFileSync('pgrep', ['-af', `(port|addr)[ =:]*[^ ]*${port}`], { encoding: 'utf8' });
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
}

describe('npm start, end to end', () => {
  let svc: Service | undefined;
  afterAll(() => svc?.stop());

  it('keeps registered latents across a restart and leaves no processes behind', async () => {
    svc = await startService();
    const reg = await fetch(`${svc.url}/api/registerlatent/`, { method: 'POST', body: JSON.stringify({ latent, type: 'e2e' }), headers: { 'Content-Type': 'application/json' } });
    expect(reg.status).toBe(200);
    const guid = await reg.text();
    const face = await fetch(`${svc.url}/api/face/?guid=${guid}&dim=48`);
    expect(face.status).toBe(200);
    expect(face.headers.get('Content-Type')).toBe('image/jpeg');

    const { stateDir } = svc;
    const port = new URL(svc.url).port;
    await svc.stop();
    expect(processesOn(port)).toBe('');

    svc = await startService({ stateDir });
    const back = await fetch(`${svc.url}/api/hashdata/?guid=${guid}`);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ qlatent: latent });
  }, 120_000);
});
