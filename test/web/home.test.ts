import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadedImage, seriousViolations, useSite } from './harness.ts';

const site = useSite();

/** The bytes of the generated test file, made the same way in Node and in the page. */
function generated(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.imul(i, 2654435761) >>> 24;
  return bytes;
}

describe('home page: text to face', () => {
  it('follows the text as it is typed, with the right src and a real picture', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/`);
    await page.locator('#text').fill('');
    await page.locator('#text').pressSequentially('hello checkface', { delay: 15 });
    const img = await loadedImage(page, '#face-img', '/api/face/?value=hello+checkface&dim=300&format=jpg');
    expect(img.width).toBe(300);
    expect(img.alt).toBe('Face for “hello checkface”');
    // The browser shows exactly what the API serves for that text.
    const api = await fetch(img.src);
    expect(api.headers.get('Content-Type')).toBe('image/jpeg');
    expect(await page.locator('#embed-url').inputValue()).toBe(`${site.url}/api/face/?value=hello+checkface&dim=300&format=jpg`);
    expect(page.url()).toBe(`${site.url}/?value=hello+checkface`);
    const share = await page.locator('#share-face').inputValue();
    expect(share).toBe(`${site.url}/face?value=hello+checkface`);
    expect(await (await fetch(share)).text()).toContain('og:image');
  });

  it('changes size and format, and offers matching download and embed snippets', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/?value=abc`);
    await page.locator('#dim').fill('64');
    await page.locator('label:has(input[value="png"])').click();
    const img = await loadedImage(page, '#face-img', '/api/face/?value=abc&dim=64&format=png');
    expect([img.width, img.height]).toEqual([64, 64]);
    const download = page.locator('#download');
    expect(await download.getAttribute('href')).toBe('/api/face/?value=abc&dim=64&format=png');
    expect(await download.getAttribute('download')).toBe('checkface-abc.png');
    const url = `${site.url}/api/face/?value=abc&amp;dim=64&amp;format=png`;
    expect(await page.locator('#embed-html').inputValue()).toBe(`<img src="${url}" width="64" height="64" alt="Face for “abc”">`);
    expect(await page.locator('#embed-md').inputValue()).toBe(`![Face for “abc”](${site.url}/api/face/?value=abc&dim=64&format=png)`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('button[data-copy="embed-url"]').click();
    await page.locator('button[data-copy="embed-url"]', { hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}/api/face/?value=abc&dim=64&format=png`);
  });

  it("shows the API's own message for an invalid size", async () => {
    const page = await site.page();
    await page.goto(`${site.url}/`);
    await page.locator('#dim').fill('5');
    const status = page.locator('#face-status[data-state="invalid"]');
    await status.waitFor();
    const api = (await (await fetch(`${site.url}/api/face/?value=example&dim=5&format=jpg`)).json()) as { error: { message: string } };
    expect(api.error.message).toMatch(/between 10 and 1024/);
    expect(await status.textContent()).toBe(api.error.message);
  });

  it('says the service is busy and retries until the face arrives', async () => {
    const page = await site.page();
    let refusals = 0;
    await page.route('**/api/face/?value=busy*', async (route) => {
      if (refusals++ < 2) {
        await route.fulfill({ status: 503, headers: { 'Retry-After': '1', 'Content-Type': 'application/json' }, body: '{"error":{"code":"BUSY","message":"the renderer is busy"}}' });
      } else await route.continue();
    });
    await page.goto(`${site.url}/?value=busy`);
    await page.locator('#face-status[data-state="busy"]').waitFor();
    expect(await page.locator('#face-status').textContent()).toMatch(/busy, retrying in \d+ s/);
    const img = await loadedImage(page, '#face-img', '/api/face/?value=busy&dim=300&format=jpg');
    expect(img.width).toBe(300);
    expect(await page.locator('#face-status').textContent()).toBe('');
  });
});

describe('home page: files and checksums', () => {
  it('hashes a dropped file in the browser to the SHA-256 Node computes, and draws its face', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/`);
    const size = 9 * 1024 * 1024 + 123; // many stream chunks and a ragged end
    const expected = createHash('sha256').update(generated(size)).digest('hex');
    const transfer = await page.evaluateHandle((n) => {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = Math.imul(i, 2654435761) >>> 24;
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.bin'));
      return dt;
    }, size);
    await page.dispatchEvent('#dropzone', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
    await page.locator('#file-result').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('#file-hash').textContent()).toBe(expected);
    expect(await page.locator('#file-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
    const face = await loadedImage(page, '#file-face', `/api/face/?value=${expected}&dim=200&format=jpg`);
    expect(face.width).toBe(200);
    expect(face.alt).toContain(expected);
    expect(await page.locator('#cmp-computed').inputValue()).toBe(expected);
    await page.locator('#to-compare').press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'cmp-published');
  });

  it('hashes a picked file too (an empty one), and the chooser opens from the keyboard', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#choose-file').press('Enter')]);
    await chooser.setFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await page.locator('#file-result').waitFor({ state: 'visible' });
    expect(await page.locator('#file-hash').textContent()).toBe(createHash('sha256').digest('hex'));
  });

  it('compares checksums: same despite case and spaces, different with the first differing character', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/#compare`);
    const hex = createHash('sha256').update('release').digest('hex');
    await page.locator('#cmp-computed').fill(hex);
    await page.locator('#cmp-published').fill(` ${hex.toUpperCase().replace(/(.{8})/g, '$1 ')}\n`);
    await page.locator('#verdict[data-state="same"]').waitFor();
    expect(await page.locator('#verdict').textContent()).toMatch(/^Same: the checksums are identical, all 64 characters/);
    const a = await loadedImage(page, '#cmp-face-a', `/api/face/?value=${hex}&dim=200&format=jpg`);
    const b = await loadedImage(page, '#cmp-face-b', `/api/face/?value=${hex}&dim=200&format=jpg`);
    expect(a.src).toBe(b.src);

    const wrong = hex.slice(0, 20) + (hex[20] === '0' ? '1' : '0') + hex.slice(21);
    await page.locator('#cmp-published').fill(wrong);
    await page.locator('#verdict[data-state="different"]').waitFor();
    expect(await page.locator('#verdict').textContent()).toBe(
      `Different: they first differ at character 21 (${wrong[20]} against ${hex[20]}). This is not the file the publisher described; do not trust it.`,
    );
    const c = await loadedImage(page, '#cmp-face-a', `/api/face/?value=${wrong}&dim=200&format=jpg`);
    expect(c.src).not.toBe(b.src);
  });
});

describe('home page: morphs', () => {
  it('plays the looping video, scrubs frames with the slider, and shares a page that unfurls', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/#morph`);
    const ends = 'from_value=example&to_value=yeet';
    await page.waitForFunction(() => (document.getElementById('morph-video') as HTMLVideoElement).readyState >= 2, null, { timeout: 30_000 });
    const video = await page.$eval('#morph-video', (v) => ({ src: v.getAttribute('src'), w: (v as HTMLVideoElement).videoWidth, loop: (v as HTMLVideoElement).loop }));
    expect(video).toEqual({ src: `/api/mp4/?${ends}&dim=300`, w: 300, loop: true });

    const frame = (k: number) => `/api/morphframe/?${ends}&dim=300&num_frames=25&frame_num=${k}&linear=true`;
    expect((await loadedImage(page, '#morph-frame', frame(12))).width).toBe(300);
    await page.locator('#scrub').focus();
    await page.keyboard.press('End');
    expect((await loadedImage(page, '#morph-frame', frame(24))).alt).toBe('Frame 25 of 25: 100% of the way from “example” to “yeet”');
    await page.keyboard.press('Home');
    await loadedImage(page, '#morph-frame', frame(0));
    await page.locator('#scrub').fill('6');
    expect((await loadedImage(page, '#morph-frame', frame(6))).width).toBe(300);

    const share = await page.locator('#share-url').inputValue();
    expect(share).toBe(`${site.url}/morph?${ends}`);
    const unfurl = await fetch(share, { headers: { 'User-Agent': 'Slackbot-LinkExpanding 1.0' } });
    expect(unfurl.status).toBe(200);
    expect(await unfurl.text()).toContain('og:image');
  });

  it("morphs between seeds, and shows the API's message for a seed that is not one", async () => {
    const page = await site.page();
    await page.goto(`${site.url}/#morph`);
    await page.selectOption('#from-kind', 'seed');
    await page.locator('#from-text').fill('42');
    await page.selectOption('#to-kind', 'seed');
    await page.locator('#to-text').fill('-7');
    await page.getByRole('button', { name: 'Morph', exact: true }).click();
    const status = page.locator('#scrub-status[data-state="invalid"]');
    await status.waitFor();
    expect(await status.textContent()).toBe('to_seed must be an integer between 0 and 4294967295');
    await page.locator('#to-text').fill('7');
    await page.getByRole('button', { name: 'Morph', exact: true }).click();
    const frame = await loadedImage(page, '#morph-frame', '/api/morphframe/?from_seed=42&to_seed=7&dim=300&num_frames=25&frame_num=12&linear=true');
    expect(frame.alt).toBe('Frame 13 of 25: 50% of the way from seed 42 to seed 7');
    expect(await page.locator('#share-url').inputValue()).toBe(`${site.url}/morph?from_seed=42&to_seed=7`);
  });

  it('does not start the video by itself when the visitor asked for less motion', async () => {
    const page = await site.page({ reducedMotion: 'reduce' });
    await page.goto(`${site.url}/#morph`);
    await page.waitForFunction(() => (document.getElementById('morph-video') as HTMLVideoElement).readyState >= 2, null, { timeout: 30_000 });
    expect(await page.$eval('#morph-video', (v) => [(v as HTMLVideoElement).autoplay, (v as HTMLVideoElement).paused])).toEqual([false, true]);
  });
});

describe('home page: photo to face', () => {
  it('turns an uploaded photo into a face with a guid that morphs, and says why a file is refused', async () => {
    const page = await site.page();
    await page.goto(`${site.url}/#photo`);
    // A picture of a face: the service's own 400 px face as a PNG file.
    const png = Buffer.from(await (await fetch(`${site.url}/api/face/?value=my-photo&dim=400&format=png`)).arrayBuffer());
    await page.locator('#photo-input').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    const status = page.locator('#photo-status[data-state="ok"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toBe('The face in your photo, as a CheckFace face.');
    const guid = (await page.locator('#photo-guid').textContent())!;
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const face = await loadedImage(page, '#photo-face', `/api/face/?guid=${guid}&dim=200`);
    expect(face.width).toBe(200);
    const stored = (await (await fetch(`${site.url}/api/hashdata/?guid=${guid}`)).json()) as { dlatent: number[][] };
    expect(stored.dlatent).toHaveLength(18);
    expect(await page.locator('#photo-share').getAttribute('href')).toBe(`${site.url}/face?guid=${guid}`);

    await page.locator('#photo-morph').click();
    await loadedImage(page, '#morph-frame', `/api/morphframe/?from_guid=${guid}&to_value=yeet&dim=300&num_frames=25&frame_num=12&linear=true`);
    expect(await page.locator('#share-url').inputValue()).toBe(`${site.url}/morph?from_guid=${guid}&to_value=yeet`);

    await page.locator('#photo-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    const refused = page.locator('#photo-status[data-state="invalid"]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^usrimg must be an image file/);
  }, 90_000);
});

describe('home page: quality', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical accessibility violations (${colorScheme})`, async () => {
      const page = await site.page({ colorScheme });
      await page.goto(`${site.url}/`);
      await loadedImage(page, '#face-img');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('loads everything from this site alone, without script errors, and fits a phone screen', async () => {
    const page = await site.page({ viewport: { width: 390, height: 844 }, isMobile: true });
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => !r.url().startsWith(site.url) && !r.url().startsWith('data:') && foreign.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${site.url}/#morph`);
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
