/**
 * Screenshots of every page of the website (desktop and phone, light and dark) into
 * docs/screenshots/, taken in real Chromium against the real service.
 * Usage: node scripts/screenshots.ts [base-url]   (without a URL it starts the service itself)
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startService } from '../test/helpers/service.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const SCHEMES = ['light', 'dark'] as const;

/** Puts the home page into a state worth showing: a checked file and a matching checksum. */
async function stageHome(page: Page): Promise<void> {
  const bytes = Buffer.alloc(3 * 1024 * 1024, 0);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  const hex = createHash('sha256').update(bytes).digest('hex');
  await page.setInputFiles('#file-input', { name: 'release-2.4.1.tar.gz', mimeType: 'application/gzip', buffer: bytes });
  await page.waitForFunction(() => document.getElementById('file-hash')?.textContent?.length === 64);
  // As a publisher might print it: upper case, in groups.
  await page.fill('#cmp-published', hex.toUpperCase().replace(/(.{16})/g, '$1 ').trim());
  await page.waitForFunction(() => document.getElementById('verdict')?.dataset.state === 'same');
}

/** Waits until every image on the page has loaded (or failed) and the fonts are ready. */
async function settle(page: Page): Promise<void> {
  // A full-page shot shows what is below the fold too.
  await page.evaluate(() => document.querySelectorAll('img[loading="lazy"]').forEach((img) => ((img as HTMLImageElement).loading = 'eager')));
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
  await page.evaluate(() => document.fonts.ready);
}

/** Bytes a first visit downloads (desktop, nothing cached), by kind: our code and the faces it shows. */
async function pageWeight(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const sizes: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const kind = /\.(html|css|js|svg)$|\/$/.test(new URL(res.url()).pathname) && !res.url().includes('/api/') ? 'site' : 'api media';
    pending.push(res.body().then((b) => void (sizes[kind] = (sizes[kind] ?? 0) + b.length), () => undefined));
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return Object.entries(sizes).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KiB`).join(', ');
}

async function main(): Promise<void> {
  const given = process.argv[2];
  const service = given ? undefined : await startService();
  const base = given ?? service!.url;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    await mkdir(outDir, { recursive: true });
    for (const f of await readdir(outDir)) if (/\.(png|jpe?g)$/.test(f)) await rm(join(outDir, f));
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce', deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const [name, path, stage] of [['home', '/', stageHome], ['docs', '/docs/', undefined]] as const) {
          await page.goto(base + path);
          if (stage) await stage(page);
          await settle(page);
          const file = join(outDir, `${name}-${device}-${scheme}.jpg`);
          // The docs page is long: its top (badge, contents, conventions, the first endpoint) tells enough.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const clip = name === 'docs' ? { x: 0, y: 0, width: viewport.width, height: Math.min(height, viewport.width > 600 ? 2300 : 3000) } : undefined;
          await page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 62, ...(clip ? { clip } : {}) });
          console.log(`${file.slice(root.length + 1)}  ${((await stat(file)).size / 1024).toFixed(0)} KiB`);
        }
        await context.close();
      }
    }
    for (const path of ['/', '/docs/']) console.log(`page weight ${path}: ${await pageWeight(browser, base + path)}`);
  } finally {
    await browser.close();
    await service?.stop();
  }
}

await main();
