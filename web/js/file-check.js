/** "Check a file": SHA-256 in a Web Worker with progress, then the hash and its face. */
import { faceUrl, showPicture } from './api.js';
import { humanBytes, reporter } from './ui.js';

/** Wires the file checker; `onHash(hex)` receives each finished hash. */
export function initFileCheck(onHash) {
  const zone = document.getElementById('dropzone');
  const input = document.getElementById('file-input');
  const progressBox = document.getElementById('file-progress-box');
  const progress = document.getElementById('file-progress');
  const progressText = document.getElementById('file-progress-text');
  const result = document.getElementById('file-result');
  const face = document.getElementById('file-face');
  const report = reporter(document.getElementById('file-status'));
  let worker;

  function check(file) {
    if (worker) worker.terminate();
    worker = new Worker('/js/hash-worker.js', { type: 'module' });
    result.hidden = true;
    progressBox.hidden = false;
    progress.value = 0;
    progressText.textContent = `Reading ${file.name} (${humanBytes(file.size)})…`;
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        progress.value = data.total ? data.done / data.total : 1;
        progressText.textContent = `${Math.floor(progress.value * 100)}% of ${humanBytes(data.total)} hashed`;
      } else if (data.type === 'done') {
        progress.value = 1;
        const seconds = data.ms / 1000;
        const rate = seconds > 0.05 ? `, ${humanBytes(data.total / seconds)}/s` : '';
        progressText.textContent = `Hashed ${humanBytes(data.total)} in ${seconds.toFixed(seconds < 10 ? 2 : 0)} s${rate}.`;
        document.getElementById('file-name').textContent = file.name;
        document.getElementById('file-size').textContent = `${humanBytes(file.size)} (${file.size.toLocaleString('en')} bytes)`;
        document.getElementById('file-hash').textContent = data.hex;
        result.hidden = false;
        showPicture(face, faceUrl(data.hex, 200), `Face for the SHA-256 of ${file.name}, ${data.hex}`, report);
        worker.terminate();
        worker = undefined;
        onHash(data.hex);
      } else {
        progressText.textContent = data.message;
      }
    };
    worker.onerror = () => (progressText.textContent = 'This browser could not start the hashing worker.');
    worker.postMessage({ file });
  }

  document.getElementById('choose-file').addEventListener('click', () => input.click());
  input.addEventListener('change', () => input.files[0] && check(input.files[0]));
  zone.addEventListener('dragover', () => zone.classList.add('over'));
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  // A file dropped anywhere on the page is checked, rather than the browser navigating away to it.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer && e.dataTransfer.files[0];
    if (!file) return;
    if (!zone.contains(e.target)) zone.scrollIntoView({ block: 'center' });
    check(file);
  });
  document.getElementById('to-compare').addEventListener('click', () => {
    // Keyboard users land where the next thing to do is: pasting the published checksum.
    setTimeout(() => document.getElementById('cmp-published').focus({ preventScroll: true }), 0);
  });
}
