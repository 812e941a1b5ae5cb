/** Small page helpers shared by the tools: copying, announcing, naming values and sizes. */

/** Tells screen readers something without moving focus. */
export function announce(text) {
  const region = document.getElementById('announce');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => (region.textContent = text), 50);
}

async function copyText(text, field) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (an insecure origin): select the text and use the old command.
    if (field && 'select' in field) field.select();
    return document.execCommand('copy');
  }
}

/** Makes every `button[data-copy=id]` copy the value (or text) of element `id`. */
export function wireCopyButtons(root = document) {
  for (const button of root.querySelectorAll('button[data-copy]')) {
    button.addEventListener('click', async () => {
      const field = document.getElementById(button.dataset.copy);
      if (!field) return;
      const text = 'value' in field ? field.value : field.textContent;
      const ok = await copyText(text, field);
      const label = button.textContent;
      button.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      announce(ok ? 'Copied to the clipboard' : 'Select the text and copy it');
      setTimeout(() => (button.textContent = label), 1500);
    });
  }
}

/** A value as people read it in alt text and captions: quoted, long ones shortened. */
export function quoted(value) {
  if (value === '') return 'the empty text';
  const short = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return `“${short}”`;
}

/** Bytes in human units (binary, as file managers show them). */
export function humanBytes(n) {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

/** Writes a status report ({state, message}) into a status element. */
export function reporter(el) {
  return ({ state, message }) => {
    if (!el) return;
    el.textContent = message;
    el.dataset.state = state;
  };
}

/** True when the visitor asked for less motion. */
export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
