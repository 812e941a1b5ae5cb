/** What each query parameter means, in our own words; ranges and defaults come from the schemas. */

const WHO: Record<string, string> = {
  value: 'Any text, usually the hash of a file. The same text always gives the same face; an empty value is a face too.',
  seed: 'A random-number-generator seed: the face numpy.random.RandomState(seed).randn(512) would draw.',
  guid: 'A latent registered earlier with POST /api/registerlatent/.',
};

const WORDS: Record<string, string> = {
  dim: 'Width and height of the picture, in pixels.',
  format: 'Picture format. `jpeg` is accepted as `jpg`; `svg` only while the built-in face model is served.',
  num_frames: 'How many frames the whole morph has.',
  frame_num: 'Which frame to return, counting from 0; must be below num_frames.',
  linear: 'true: a straight path from the first face (frame 0) to the second (the last frame). false: the looping path the videos use, out to the second face and back.',
  fps: 'Frames per second.',
  kbitrate: 'Video bit rate in kbit/s.',
  embed_html: 'true: answer with a small HTML page that plays the video inline, muted and looping like a GIF.',
  width: 'Width of the preview in pixels; its height is round(628 * width / 1200).',
};

/** The description of query parameter `name` (value, seed, guid, and their from_/to_ forms included). */
export function describeParam(name: string): string {
  const end = /^(from|to)_(value|seed|guid)$/.exec(name);
  if (end) {
    const [, side, what] = end as unknown as [string, 'from' | 'to', string];
    const named = { value: 'by text, like value', seed: 'by a seed, like seed', guid: 'by a registered guid, like guid' }[what];
    return `The face the morph ${side === 'from' ? 'starts from' : 'ends at'}, named ${named}. Values, seeds and guids can be mixed; guid wins over seed, seed over value.`;
  }
  const words = WHO[name] ?? WORDS[name];
  if (!words) throw new Error(`openapi: no description for parameter ${name}`);
  return name in WHO ? `${words} Give at most one of value, seed, guid (guid wins over seed, seed over value); none means the empty value.` : words;
}

const OEMBED: Record<string, string> = {
  url: 'The URL of a CheckFace share page (/face?… or /morph?…).',
  maxwidth: 'The widest picture the consumer can show, in pixels.',
  maxheight: 'The tallest picture the consumer can show, in pixels.',
  format: 'Response format; only json is served.',
};

/** The description of an /oembed query parameter. */
export function describeOembedParam(name: string): string {
  const words = OEMBED[name];
  if (!words) throw new Error(`openapi: no description for oembed parameter ${name}`);
  return words;
}
