import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadedImage, seriousViolations, useSite } from './harness.ts';

const site = useSite();

interface Schema { type?: string; minimum?: number; maximum?: number; maxLength?: number; default?: unknown; enum?: string[] }
interface Param { name: string; schema: Schema }
interface OpenApi { openapi: string; paths: Record<string, Record<string, { parameters?: Param[] }>> }

/** The spec's endpoints (checkface-api.md) plus this service's share pages. */
const SPEC_PATHS = ['/status/', '/api/face/', '/api/hashdata/', '/api/morphframe/', '/api/gif/', '/api/mp4/', '/api/linkpreview/', '/api/registerlatent/'];

/** What the docs' range cell must say for a parameter schema. */
function rangeText(s: Schema): string {
  if (s.type === 'integer') return `${s.minimum}–${s.maximum}`;
  if (s.type === 'boolean') return 'true, false';
  if (s.enum) return s.enum.join(', ');
  if (s.maxLength !== undefined) return `up to ${s.maxLength} characters`;
  return 'a registered guid';
}

describe('API documentation page', () => {
  it('links the OpenAPI document, which lists every endpoint; the page documents each one', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/docs/`);
    await page.locator('a[href="/openapi.json"]').first().waitFor();
    // Fetched by the page itself, as a visitor's browser would.
    const doc = await page.evaluate(async () => (await fetch('/openapi.json')).json() as Promise<OpenApi>);
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const p of [...SPEC_PATHS, '/api/webp/', '/face', '/morph']) expect(paths).toContain(p);
    const text = await page.locator('main').textContent();
    for (const p of paths) expect(text, `docs mention ${p}`).toContain(p);
  });

  it("gives exactly the ranges and defaults the service's own schemas give", async () => {
    const page = await site.page();
    await page.goto(`${site.url}/docs/`);
    const doc = (await (await fetch(`${site.url}/openapi.json`)).json()) as OpenApi;
    const sections = await page.$$eval('section[data-endpoint]:not([data-method="post"])', (els) =>
      els.map((el) => ({
        paths: [el.getAttribute('data-endpoint')!, ...(el.getAttribute('data-also') ? [el.getAttribute('data-also')!] : [])],
        rows: Array.from(el.querySelectorAll('tr[data-param]')).map((tr) => ({
          name: tr.getAttribute('data-param')!,
          range: tr.querySelector('.range')!.textContent!.trim(),
          default: tr.querySelector('.default')!.textContent!.trim(),
        })),
      })),
    );
    expect(sections.flatMap((s) => s.paths).sort()).toEqual(['/api/face/', '/api/gif/', '/api/hashdata/', '/api/linkpreview/', '/api/morphframe/', '/api/mp4/', '/api/webp/']);
    for (const section of sections) {
      for (const path of section.paths) {
        const params = doc.paths[path]!.get!.parameters!;
        // The docs give from_X and to_X one row, named from_X.
        const documented = section.rows.flatMap((r) => (r.name.startsWith('from_') ? [r, { ...r, name: r.name.replace('from_', 'to_') }] : [r]));
        expect(documented.map((r) => r.name).sort(), path).toEqual(params.map((p) => p.name).sort());
        for (const p of params) {
          const row = documented.find((r) => r.name === p.name)!;
          expect(row.range.startsWith(rangeText(p.schema)), `${path} ${p.name} range "${row.range}"`).toBe(true);
          expect(row.default, `${path} ${p.name} default`).toBe(p.schema.default === undefined ? '—' : String(p.schema.default));
        }
      }
    }
  });

  it('describes the registerlatent body with the shapes and limits its schema accepts', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/docs/`);
    type Body = { properties: { latent: { anyOf: { minItems: number }[] }; type: { maxLength: number } } };
    const doc = (await (await fetch(`${site.url}/openapi.json`)).json()) as { paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: Body } } } } }> };
    const body = doc.paths['/api/registerlatent/']!.post.requestBody.content['application/json'].schema;
    const [q, d] = body.properties.latent.anyOf.map((s) => s.minItems);
    expect(await page.locator('#registerlatent tr[data-param="latent"] .range').textContent()).toBe(`${q} numbers, or ${d} arrays of ${q}`);
    expect(await page.locator('#registerlatent tr[data-param="type"] .range').textContent()).toBe(`up to ${body.properties.type.maxLength} characters`);
  });

  it("wears the badge: a face for the page's own content hash, as the spec computes it", async () => {
    const page = await site.page();
    await page.goto(`${site.url}/docs/`);
    const bytes = Buffer.from(await (await fetch(`${site.url}/docs/`)).arrayBuffer());
    const version = encodeURIComponent(createHash('sha256').update(bytes).digest('base64').slice(0, 10));
    const img = await loadedImage(page, '#page-version-checkface-img', `/api/face/?value=${version}&dim=50`);
    expect(img.width).toBe(50);
    expect(await page.locator('#page-version-checkface-link').getAttribute('href')).toBe(`/?value=${version}`);
  });

  it('runs its live examples: a bad request shows the JSON error; a registered latent gets a face', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/docs/`);
    await page.getByRole('button', { name: 'Try a bad request' }).click();
    await page.locator('#errors .try-output').filter({ hasText: 'INVALID_PARAM' }).waitFor();
    expect(await page.locator('#errors .try-output').textContent()).toContain('dim must be an integer between 10 and 1024');
    await page.locator('#try-register').click();
    const img = await loadedImage(page, '#register-output img');
    expect(img.width).toBe(150);
    expect(img.src).toMatch(/\/api\/face\/\?guid=[0-9a-f-]{36}&dim=150$/);
  });

  it('fits a phone screen (wide tables scroll inside their own box), without script errors', async () => {
    const page = await site.page({ viewport: { width: 390, height: 844 }, isMobile: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${site.url}/docs/`);
    await loadedImage(page, '#page-version-checkface-img');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical accessibility violations (${colorScheme})`, async () => {
      const page = await site.page({ colorScheme });
      await page.goto(`${site.url}/docs/`);
      await loadedImage(page, '#page-version-checkface-img');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
