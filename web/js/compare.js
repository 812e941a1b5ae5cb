/** "Compare checksums": both faces side by side and the exact verdict in words. */
import { debounce, faceUrl, showPicture } from './api.js';
import { quoted, reporter } from './ui.js';

/** A checksum as compared: whitespace removed; hex lower-cased (other encodings keep their case). */
export function normalizeChecksum(text) {
  const compact = text.replace(/\s+/g, '');
  return /^[0-9a-f]+$/i.test(compact) ? compact.toLowerCase() : compact;
}

/** The verdict for two checksums: {state: 'empty'|'same'|'different', text}. */
export function compareChecksums(published, computed) {
  const a = normalizeChecksum(published);
  const b = normalizeChecksum(computed);
  if (!a || !b) return { state: 'empty', text: 'Paste both checksums to compare them.' };
  if (a === b) {
    return { state: 'same', text: `Same: the checksums are identical, all ${a.length} characters (case and spaces ignored). The file is the one the publisher described.` };
  }
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const where =
    i < a.length && i < b.length
      ? `they first differ at character ${i + 1} (${a[i]} against ${b[i]})`
      : `one is ${Math.abs(a.length - b.length)} character${Math.abs(a.length - b.length) === 1 ? '' : 's'} longer (${a.length} against ${b.length})`;
  return { state: 'different', text: `Different: ${where}. This is not the file the publisher described; do not trust it.` };
}

/** Wires the comparison tool; returns a function that fills in "your file's checksum". */
export function initCompare() {
  const published = document.getElementById('cmp-published');
  const computed = document.getElementById('cmp-computed');
  const verdict = document.getElementById('verdict');
  const sides = [
    [published, document.getElementById('cmp-face-a'), reporter(document.getElementById('cmp-status-a')), 'the published checksum'],
    [computed, document.getElementById('cmp-face-b'), reporter(document.getElementById('cmp-status-b')), 'your checksum'],
  ];

  function update() {
    for (const [field, img, report, what] of sides) {
      const value = normalizeChecksum(field.value);
      img.hidden = value === '';
      if (value) showPicture(img, faceUrl(value, 200), `Face for ${what}, ${quoted(value)}`, report);
      else report({ state: 'ok', message: '' });
    }
    const v = compareChecksums(published.value, computed.value);
    verdict.textContent = v.text;
    verdict.dataset.state = v.state;
  }

  const later = debounce(update, 250);
  published.addEventListener('input', later);
  computed.addEventListener('input', later);
  update();
  return (hex) => {
    computed.value = hex;
    update();
  };
}
