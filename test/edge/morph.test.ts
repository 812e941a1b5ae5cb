import { describe, expect, it } from 'vitest';
import { edge, errorOf, gpuCalls } from './helpers.ts';

const ends = 'from_value=a&to_value=b';

describe('morph endpoints: bad input', () => {
  it.each([
    ['/api/gif/', 'num_frames=2', 'num_frames', 'num_frames must be an integer between 3 and 200'],
    ['/api/gif/', 'num_frames=201', 'num_frames', 'num_frames must be an integer between 3 and 200'],
    ['/api/gif/', 'fps=0', 'fps', 'fps must be an integer between 1 and 100'],
    ['/api/webp/', 'dim=9', 'dim', 'dim must be an integer between 10 and 1024'],
    ['/api/mp4/', 'kbitrate=5', 'kbitrate', 'kbitrate must be an integer between 100 and 20000'],
    ['/api/mp4/', 'embed_html=maybe', 'embed_html', 'embed_html must be true or false'],
    ['/api/morphframe/', 'frame_num=50', 'frame_num', 'frame_num must be an integer between 0 and 49 (num_frames - 1)'],
    ['/api/morphframe/', 'frame_num=3&num_frames=3', 'frame_num', 'frame_num must be an integer between 0 and 2 (num_frames - 1)'],
    ['/api/morphframe/', 'frame_num=-1', 'frame_num', 'frame_num must be an integer between 0 and 199'],
    ['/api/morphframe/', 'frame_num=1&linear=perhaps', 'linear', 'linear must be true or false'],
    ['/api/linkpreview/', 'width=50', 'width', 'width must be an integer between 100 and 1400'],
    ['/api/linkpreview/', 'from_seed=x', 'from_seed', 'from_seed must be an integer between 0 and 4294967295'],
  ])('%s?%s is a 400 naming %s', async (path, qs, param, message) => {
    const res = await edge(`${path}?${ends}&${qs}`);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ code: 'INVALID_PARAM', param, message });
  });

  it('requires frame_num', async () => {
    const res = await edge(`/api/morphframe/?${ends}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).param).toBe('frame_num');
  });

  it('names the end whose guid is unknown', async () => {
    const res = await edge(`/api/gif/?from_value=a&to_guid=00000000-0000-4000-8000-0000000000ff`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).param).toBe('to_guid');
    const bad = await edge(`/api/mp4/?from_guid=nope&to_value=b`);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).param).toBe('from_guid');
  });
});

describe('morph endpoints: caching', () => {
  it('caches a GIF at the edge, and shares frames with equal p between morphs', async () => {
    const url = `/api/gif/?${ends}&dim=24&num_frames=4&fps=5`;
    const first = await edge(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const before = await gpuCalls();
    const second = await edge(url);
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(await gpuCalls()).toEqual(before);

    // Frame 2 of 5 and frame 1 of 3 (linear) are both p = 0.5: one cache entry.
    const a = await edge(`/api/morphframe/?${ends}&dim=24&num_frames=5&frame_num=2&linear=true&format=png`);
    expect(a.status).toBe(200);
    const b = await edge(`/api/morphframe/?${ends}&dim=24&num_frames=3&frame_num=1&linear=true&format=png`);
    expect(b.headers.get('X-Cache')).toBe('HIT');
  });

  it('draws morph frames as SVG at the edge for the built-in model', async () => {
    const res = await edge(`/api/morphframe/?${ends}&frame_num=10&format=svg&dim=64`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(await res.text()).toMatch(/^<svg/);
  });
});
