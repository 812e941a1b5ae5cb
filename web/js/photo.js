/** "Your photo, as a face": uploads a photo to /api/encodeimage/ and shows the face it became. */
import { absolute, apiUrl, showPicture } from './api.js';
import { reporter } from './ui.js';

/** Wires the photo tool; `startMorph(side, kind, text)` hands its face to the morph tool. */
export function initPhoto(startMorph) {
  const input = document.getElementById('photo-input');
  const align = document.getElementById('photo-align');
  const img = document.getElementById('photo-face');
  const report = reporter(document.getElementById('photo-status'));
  const facts = document.getElementById('photo-facts');
  const actions = document.getElementById('photo-actions');
  let guid = '';
  let attempt = 0;

  async function encode() {
    const file = input.files && input.files[0];
    if (!file) return;
    const mine = ++attempt;
    report({ state: 'loading', message: `Reading the face in ${file.name}…` });
    const body = new FormData();
    body.append('usrimg', file);
    body.append('tryalign', String(align.checked));
    let res;
    try {
      res = await fetch('/api/encodeimage/', { method: 'POST', body });
    } catch {
      if (mine === attempt) report({ state: 'busy', message: 'Cannot reach the face service; try again.' });
      return;
    }
    const answer = await res.json().catch(() => ({}));
    if (mine !== attempt) return;
    if (!res.ok) {
      const message = (answer.error && answer.error.message) || `The service answered ${res.status}.`;
      report({ state: res.status >= 500 ? 'busy' : 'invalid', message });
      return;
    }
    guid = answer.guid;
    document.getElementById('photo-guid').textContent = guid;
    document.getElementById('photo-share').href = absolute(apiUrl('/face', { guid }));
    facts.hidden = false;
    actions.hidden = false;
    img.hidden = false;
    const found = answer.did_align ? 'The face in your photo' : 'No face was found, so the whole picture was read as one';
    await showPicture(img, apiUrl('/api/face/', { guid, dim: 200 }), `The face CheckFace drew for ${file.name}`, ({ state, message }) =>
      report({ state, message: state === 'ok' ? `${found}, as a CheckFace face.` : message }),
    );
  }

  input.addEventListener('change', encode);
  align.addEventListener('change', encode);
  document.getElementById('photo-morph').addEventListener('click', (e) => {
    if (!guid) return;
    e.preventDefault();
    startMorph('from', 'guid', guid);
  });
}
