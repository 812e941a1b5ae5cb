/** The API docs page: the page's own CheckFace badge, absolute example URLs, and "try it" buttons. */
/** Base64 of the SHA-256 of the page's own bytes, as the original docs computed it. */
async function pageDigest() {
  const bytes = new Uint8Array(await (await fetch(location.href)).arrayBuffer());
  // WebCrypto needs a secure context; the streaming fallback works on plain http too.
  const digest = crypto.subtle
    ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
    : new (await import('./sha256.js')).Sha256().update(bytes).digest();
  return btoa(String.fromCharCode(...digest));
}

/** The spec's badge: a face for the first 10 base64 characters of this page's hash. */
async function badge() {
  const version = (await pageDigest()).slice(0, 10);
  const img = document.getElementById('page-version-checkface-img');
  img.src = `/api/face/?value=${encodeURIComponent(version)}&dim=50`;
  img.alt = `Face for this page's version, “${version}”`;
  document.getElementById('page-version-checkface-link').href = `/?value=${encodeURIComponent(version)}`;
}

function absoluteExamples() {
  for (const el of document.querySelectorAll('[data-origin]')) el.textContent = location.origin;
  for (const a of document.querySelectorAll('a.example-url')) a.textContent = new URL(a.getAttribute('href'), location.href).href;
}

/** Long arrays cut to their first few items, so a 512-number latent fits on screen. */
function shorten(value) {
  if (Array.isArray(value)) return value.length > 8 ? [...value.slice(0, 6).map(shorten), `… ${value.length - 6} more`] : value.map(shorten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  return value;
}

/** A response shown as text: status line, then the body (JSON pretty-printed and shortened). */
async function describeResponse(res) {
  const type = res.headers.get('Content-Type') || '';
  let body = await res.text();
  if (type.includes('json')) body = JSON.stringify(shorten(JSON.parse(body)), null, 2);
  return `HTTP ${res.status}\nContent-Type: ${type}\n\n${body}`;
}

function tryButtons() {
  for (const button of document.querySelectorAll('button[data-try]')) {
    button.addEventListener('click', async () => {
      const out = button.parentElement.querySelector('.try-output') || button.parentElement.nextElementSibling;
      out.hidden = false;
      out.textContent = 'Asking…';
      out.textContent = await describeResponse(await fetch(button.dataset.try));
    });
  }
}

/** Registers a random latent (Box-Muller normals, like a seed's) and draws its face. */
function tryRegister() {
  const out = document.getElementById('register-output');
  document.getElementById('try-register').addEventListener('click', async () => {
    const latent = Array.from({ length: 512 }, () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random()));
    out.textContent = 'Registering…';
    const res = await fetch('/api/registerlatent/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ latent, type: 'docs example' }) });
    const text = await res.text();
    if (!res.ok) return (out.textContent = `HTTP ${res.status}: ${text}`);
    out.innerHTML = '';
    const img = Object.assign(new Image(150, 150), { src: `/api/face/?guid=${text}&dim=150`, alt: `Face for the registered latent ${text}` });
    const code = Object.assign(document.createElement('code'), { textContent: text });
    out.append(img, code);
  });
}

absoluteExamples();
tryButtons();
tryRegister();
badge().catch(() => {
  document.getElementById('page-version-checkface-img').alt = 'The face for this page could not be drawn';
});
