/** The share pages as an unfurler sees them: a bot fetches the page, reads its tags, fetches the media. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from '../helpers/service.ts';

let svc: Service;
beforeAll(async () => {
  svc = await startService();
}, 90_000);
afterAll(() => svc?.stop());

const BOTS = ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'Twitterbot/1.0', 'facebookexternalhit/1.1', 'Discordbot/2.0'];
const MAX_BYTES = 5 * 1024 * 1024;

/** Meta tags by property or name, HTML entities in values decoded. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of html.matchAll(/<meta\s+(?:property|name)="([^"]+)"\s+content="([^"]*)"/g)) {
    tags.set(m[1]!, m[2]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
  }
  return tags;
}

async function fetchAsBot(url: string, bot = BOTS[0]!) {
  const res = await fetch(url, { headers: { 'User-Agent': bot } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('/face share page', () => {
  it.each(BOTS)('unfurls for %s into a 1024 px face with title and description naming the value', async (bot) => {
    const { res, bytes } = await fetchAsBot(`${svc.url}/face?value=${encodeURIComponent('sha256:9f86d081 & <friends>')}`, bot);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    const tags = metaTags(bytes.toString());
    expect(tags.get('og:title')).toContain('sha256:9f86d081 & <friends>');
    expect(tags.get('og:description')).toContain('sha256:9f86d081');
    expect(tags.get('twitter:card')).toBe('summary_large_image');
    const image = tags.get('og:image')!;
    expect(image.startsWith(svc.url)).toBe(true);
    expect(tags.get('og:image:width')).toBe('1024');
    const img = await fetchAsBot(image, bot);
    expect(img.res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(img.bytes.length).toBeLessThan(MAX_BYTES);
    const meta = await sharp(img.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1024, 1024]);
  });
});

describe('/morph share page', () => {
  it('unfurls into the link preview image and the mp4 video', async () => {
    const { res, bytes } = await fetchAsBot(`${svc.url}/morph?from_value=v1.2.3&to_value=v1.2.4`);
    expect(res.status).toBe(200);
    const tags = metaTags(bytes.toString());
    expect(tags.get('og:title')).toContain('v1.2.3');
    expect(tags.get('og:title')).toContain('v1.2.4');
    const image = await fetchAsBot(tags.get('og:image')!);
    expect(image.res.headers.get('Content-Type')).toBe('image/jpeg');
    const meta = await sharp(image.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([Number(tags.get('og:image:width')), Number(tags.get('og:image:height'))]);
    expect([meta.width, meta.height]).toEqual([1200, 628]);
    const video = await fetchAsBot(tags.get('og:video')!);
    expect(video.res.headers.get('Content-Type')).toBe('video/mp4');
    expect(tags.get('og:video:type')).toBe('video/mp4');
    expect(video.bytes.length).toBeLessThan(MAX_BYTES);
  }, 60_000);

  it('refuses a bad end with the JSON error naming it', async () => {
    const res = await fetch(`${svc.url}/morph?from_seed=-1&to_value=x`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('from_seed');
  });
});

describe('/oembed', () => {
  it('is discoverable from the page and answers a photo within maxwidth and maxheight', async () => {
    const page = await (await fetch(`${svc.url}/face?value=oembed-me`)).text();
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBeDefined();
    const res = await fetch(`${href}&maxwidth=200&maxheight=300`);
    expect(res.status).toBe(200);
    const o = (await res.json()) as { type: string; version: string; url: string; width: number; height: number; title: string };
    expect([o.type, o.version, o.width, o.height]).toEqual(['photo', '1.0', 200, 200]);
    expect(o.title).toBe('CheckFace for “oembed-me”');
    const img = await sharp(Buffer.from(await (await fetch(o.url)).arrayBuffer())).metadata();
    expect([img.width, img.height]).toEqual([200, 200]);
  });

  it('sizes morph previews within the bounds and refuses foreign urls and xml', async () => {
    const url = encodeURIComponent(`${svc.url}/morph?from_value=a&to_value=b`);
    const o = (await (await fetch(`${svc.url}/oembed?url=${url}&maxwidth=600`)).json()) as { width: number; height: number; url: string };
    expect([o.width, o.height]).toEqual([600, 314]);
    const foreign = await fetch(`${svc.url}/oembed?url=${encodeURIComponent('https://example.org/x')}`);
    expect(foreign.status).toBe(404);
    const xml = await fetch(`${svc.url}/oembed?url=${url}&format=xml`);
    expect(xml.status).toBe(501);
    const missing = await fetch(`${svc.url}/oembed`);
    expect(missing.status).toBe(400);
  });
});
