/** Browser tests' harness: the real service, real Chromium, and axe-core. */
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startService, type Service } from '../helpers/service.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Site {
  url: string;
  browser: Browser;
  /** A fresh page in its own context (desktop size unless told otherwise). */
  page(options?: BrowserContextOptions): Promise<Page>;
}

/** Starts the service and Chromium for the file's tests, and stops both afterwards. */
export function useSite(): Site {
  let service: Service | undefined;
  const site = { url: '', browser: undefined as unknown as Browser } as Site;
  beforeAll(async () => {
    [service, site.browser] = await Promise.all([startService(), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
    site.url = service.url;
  });
  afterAll(async () => {
    await site.browser?.close();
    await service?.stop();
  });
  // Each test's pages are closed after it, so no page keeps working (or holding focus) in the background.
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  site.page = async (options = {}) => {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
    contexts.push(context);
    return context.newPage();
  };
  return site;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Waits until `selector` is an image showing `src` (its attribute, when given) that has finished
 * loading a real picture; returns its absolute src, natural size and alt text.
 */
export async function loadedImage(page: Page, selector: string, src?: string): Promise<{ src: string; width: number; height: number; alt: string }> {
  await page.waitForFunction(
    ([sel, want]) => {
      const img = document.querySelector(sel!) as HTMLImageElement | null;
      return !!img && (want === undefined || img.getAttribute('src') === want) && img.complete && img.naturalWidth > 0;
    },
    [selector, src] as const,
    { timeout: 30_000 },
  );
  return page.$eval(selector, (el) => {
    const img = el as HTMLImageElement;
    return { src: img.src, width: img.naturalWidth, height: img.naturalHeight, alt: img.alt };
  });
}
