/** "Your text, as a face": the face follows the text as it is typed, with size, format, download and embed snippets. */
import { absolute, debounce, faceUrl, showPicture } from './api.js';
import { quoted, reporter } from './ui.js';

const EXT = { jpg: 'jpg', webp: 'webp', png: 'png', svg: 'svg' };

function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** A file name that says whose face it is. */
function fileName(value, format) {
  const slug = value.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'empty';
  return `checkface-${slug}.${EXT[format]}`;
}

/** Wires the text-to-face tool. */
export function initFaceMaker() {
  const text = document.getElementById('text');
  const dim = document.getElementById('dim');
  const img = document.getElementById('face-img');
  const download = document.getElementById('download');
  const report = reporter(document.getElementById('face-status'));
  const format = () => document.querySelector('input[name="format"]:checked').value;

  const initial = new URLSearchParams(location.search).get('value');
  if (initial !== null && initial !== text.value) {
    text.value = initial;
    // The markup's face is for the default text: never show it beside another text.
    img.removeAttribute('src');
  }

  function update(event) {
    const value = text.value;
    const size = dim.value.trim();
    const url = faceUrl(value, size, format());
    const abs = absolute(url);
    const alt = `Face for ${quoted(value)}`;
    const px = Number(size) || 300;
    document.getElementById('embed-html').value = `<img src="${escapeHtml(abs)}" width="${px}" height="${px}" alt="${escapeHtml(alt)}">`;
    document.getElementById('embed-md').value = `![${alt.replace(/[[\]]/g, '')}](${abs})`;
    document.getElementById('embed-url').value = abs;
    // A page whose link unfurls into the face in chat apps.
    document.getElementById('share-face').value = absolute(`/face?${new URLSearchParams({ value })}`);
    download.href = url;
    download.download = fileName(value, format());
    if (event) {
      // Keep the address shareable once the visitor has typed something of their own.
      const params = new URLSearchParams(location.search);
      params.set('value', value);
      history.replaceState(null, '', `?${params}${location.hash}`);
    }
    showPicture(img, url, alt, report);
  }

  const later = debounce(update, 250);
  text.addEventListener('input', later);
  dim.addEventListener('input', later);
  for (const radio of document.querySelectorAll('input[name="format"]')) radio.addEventListener('change', update);
  update();
}
