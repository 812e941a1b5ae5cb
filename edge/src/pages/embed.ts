/** The page /api/mp4/?embed_html=true returns: the video inline, looped and muted like a GIF. */
import { html } from 'hono/html';

/** An HTML document playing the mp4 at `url` (its embed_html parameter removed). */
export function mp4EmbedPage(url: URL) {
  const video = new URL(url);
  video.searchParams.delete('embed_html');
  const src = `${video.pathname}${video.search}`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>CheckFace morph</title>
    <style>
      html, body { margin: 0; height: 100%; background: #111; display: grid; place-items: center; }
      video { max-width: 100%; max-height: 100vh; }
    </style>
  </head>
  <body>
    <video src="${src}" autoplay loop muted playsinline controls aria-label="A CheckFace morph between two faces"></video>
  </body>
</html>`;
}
