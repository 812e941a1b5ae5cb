/** HTML pages that chat apps and social sites unfurl: Open Graph, Twitter card, oEmbed discovery. */
import { html, raw } from 'hono/html';

export interface UnfurlPage {
  /** Absolute URL of this page. */
  pageUrl: string;
  title: string;
  description: string;
  image: { url: string; width: number; height: number; alt: string };
  video?: { url: string; width: number; height: number };
  /** What the page body shows: a face or a morph, and links. */
  body: ReturnType<typeof html>;
  oembedUrl: string;
}

const CSS = `
:root { color-scheme: light dark; --bg: #f7f5f2; --fg: #1d1b19; --muted: #5f5a55; --card: #fff; --accent: #3b5bdb; }
@media (prefers-color-scheme: dark) { :root { --bg: #161514; --fg: #f1eeea; --muted: #b5aea6; --card: #22201e; --accent: #8ea6ff; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); display: grid; place-items: center; min-height: 100vh; padding: 1rem; }
main { background: var(--card); border-radius: 16px; padding: 1.5rem; max-width: 44rem; width: 100%; box-shadow: 0 2px 16px rgb(0 0 0 / .08); }
h1 { font-size: 1.25rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
img, video { display: block; max-width: 100%; height: auto; border-radius: 12px; margin: 0 auto; }
p { color: var(--muted); overflow-wrap: anywhere; }
a { color: var(--accent); }
code { font-size: .9em; overflow-wrap: anywhere; }
.links { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
@media (prefers-reduced-motion: reduce) { video { display: none; } .still { display: block !important; } }
`;

/** The whole document of an unfurl page. */
export function unfurlDocument(p: UnfurlPage) {
  const video = p.video
    ? html`<meta property="og:video" content="${p.video.url}" />
    <meta property="og:video:secure_url" content="${p.video.url}" />
    <meta property="og:video:type" content="video/mp4" />
    <meta property="og:video:width" content="${p.video.width}" />
    <meta property="og:video:height" content="${p.video.height}" />`
    : '';
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${p.title}</title>
    <meta name="description" content="${p.description}" />
    <link rel="canonical" href="${p.pageUrl}" />
    <link rel="alternate" type="application/json+oembed" href="${p.oembedUrl}" title="${p.title}" />
    <meta property="og:site_name" content="CheckFace" />
    <meta property="og:type" content="${p.video ? 'video.other' : 'website'}" />
    <meta property="og:url" content="${p.pageUrl}" />
    <meta property="og:title" content="${p.title}" />
    <meta property="og:description" content="${p.description}" />
    <meta property="og:image" content="${p.image.url}" />
    <meta property="og:image:secure_url" content="${p.image.url}" />
    <meta property="og:image:type" content="image/jpeg" />
    <meta property="og:image:width" content="${p.image.width}" />
    <meta property="og:image:height" content="${p.image.height}" />
    <meta property="og:image:alt" content="${p.image.alt}" />
    ${video}
    <meta name="twitter:card" content="summary_large_image" />
    <meta name="twitter:title" content="${p.title}" />
    <meta name="twitter:description" content="${p.description}" />
    <meta name="twitter:image" content="${p.image.url}" />
    <meta name="twitter:image:alt" content="${p.image.alt}" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <style>${raw(CSS)}</style>
  </head>
  <body>
    <main>${p.body}</main>
  </body>
</html>`;
}
