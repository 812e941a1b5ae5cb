/** "Morph between two faces": the looping video, a slider scrubbing single frames, and a share link. */
import { absolute, apiUrl, explainFailure, showPicture } from './api.js';
import { quoted, reducedMotion, reporter } from './ui.js';

const FRAMES = 25;

/** from_/to_ parameters for the two ends as entered. */
function endParams() {
  const params = {};
  for (const side of ['from', 'to']) {
    const kind = document.getElementById(`${side}-kind`).value;
    params[`${side}_${kind}`] = document.getElementById(`${side}-text`).value.trim();
  }
  return params;
}

function endName(side) {
  const kind = document.getElementById(`${side}-kind`).value;
  const text = document.getElementById(`${side}-text`).value.trim();
  if (kind === 'seed') return `seed ${text}`;
  return kind === 'guid' ? `latent ${text.slice(0, 8)}…` : quoted(text);
}

/** Wires the morph tool. */
export function initMorph() {
  const form = document.getElementById('morph-form');
  const video = document.getElementById('morph-video');
  const videoStatus = reporter(document.getElementById('morph-video-status'));
  const frame = document.getElementById('morph-frame');
  const scrub = document.getElementById('scrub');
  const scrubStatus = reporter(document.getElementById('scrub-status'));
  scrub.max = String(FRAMES - 1);
  const given = new URLSearchParams(location.search);
  for (const side of ['from', 'to']) {
    for (const kind of ['value', 'seed', 'guid']) {
      if (!given.has(`${side}_${kind}`)) continue;
      document.getElementById(`${side}-kind`).value = kind;
      document.getElementById(`${side}-text`).value = given.get(`${side}_${kind}`);
    }
  }
  let ends = endParams();

  const frameUrl = (k) => apiUrl('/api/morphframe/', { ...ends, dim: 300, num_frames: FRAMES, frame_num: k, linear: true });

  // Once someone reaches for the slider, fetch every frame (a few at a time) so scrubbing is smooth.
  let warmed = '';
  function warm() {
    const key = JSON.stringify(ends);
    if (warmed === key) return;
    warmed = key;
    const queue = Array.from({ length: FRAMES }, (_, k) => frameUrl(k));
    const next = () => {
      const url = queue.shift();
      if (!url || warmed !== key) return;
      const img = new Image();
      img.onload = img.onerror = next;
      img.src = url;
    };
    for (let i = 0; i < 3; i++) next();
  }
  scrub.addEventListener('pointerdown', warm);
  scrub.addEventListener('focus', warm);

  function showFrame() {
    const k = Number(scrub.value);
    const percent = Math.round((k / (FRAMES - 1)) * 100);
    const where = `Frame ${k + 1} of ${FRAMES}: ${percent}% of the way from ${endName('from')} to ${endName('to')}`;
    scrub.setAttribute('aria-valuetext', `${percent}% of the way`);
    showPicture(frame, frameUrl(k), where, ({ state, message }) => scrubStatus({ state, message: state === 'ok' ? where : message }));
  }

  let retries = 0;
  function morph() {
    ends = endParams();
    retries = 0;
    video.setAttribute('aria-label', `A looping morph from ${endName('from')} to ${endName('to')}`);
    video.autoplay = !reducedMotion();
    // Frame 0 of the looping morph is the first face: a still to show until the video plays.
    video.poster = apiUrl('/api/morphframe/', { ...ends, dim: 300, frame_num: 0 });
    video.src = apiUrl('/api/mp4/', { ...ends, dim: 300 });
    videoStatus({ state: 'loading', message: 'Rendering the video…' });
    document.getElementById('morph-gif').href = apiUrl('/api/gif/', { ...ends, dim: 300 });
    document.getElementById('morph-embed').href = apiUrl('/api/mp4/', { ...ends, dim: 400, embed_html: true });
    document.getElementById('share-url').value = absolute(apiUrl('/morph', ends));
    showFrame();
  }

  video.addEventListener('loadeddata', () =>
    videoStatus({ state: 'ok', message: video.autoplay ? 'The morph, looping.' : 'Press play to watch the morph (it does not start by itself because you asked for less motion).' }),
  );
  video.addEventListener('error', async () => {
    const src = video.getAttribute('src');
    if (!src) return;
    const why = await explainFailure(src);
    if (src !== video.getAttribute('src')) return;
    if (why.retry === undefined) return videoStatus({ state: 'invalid', message: why.message });
    const wait = Math.min(why.retry * 2 ** Math.min(retries++, 3), 20);
    videoStatus({ state: 'busy', message: `The face service is busy, retrying in ${Math.ceil(wait)} s… (${why.message})` });
    setTimeout(() => src === video.getAttribute('src') && video.load(), wait * 1000);
  });
  scrub.addEventListener('input', showFrame);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    morph();
  });
  // Videos are the heaviest thing here: fetch them only when the section comes near the screen.
  const section = document.getElementById('morph');
  const seen = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.disconnect();
    if (!video.getAttribute('src')) morph();
  }, { rootMargin: '300px' });
  seen.observe(section);
  if (location.hash === '#morph' || new URLSearchParams(location.search).has('from_value')) morph();
  // Other tools start a morph from a face of theirs (the photo tool, with its guid).
  return (side, kind, text) => {
    document.getElementById(`${side}-kind`).value = kind;
    document.getElementById(`${side}-text`).value = text;
    section.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth' });
    morph();
  };
}
