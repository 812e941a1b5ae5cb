/** POST /v1/morphframe (one frame) and /v1/animation (GIF, animated WebP, MP4) of a morph. */
import { Hono } from 'hono';
import { ApiError } from '../../../shared/errors.ts';
import { MEDIA_TYPES } from '../../../shared/media.ts';
import { frameProgress, planMorph } from '../../../shared/morph.ts';
import { animationRender, linkpreviewRender, morphframeRender } from '../../../shared/render.ts';
import { morphJobs } from '../engine/morph.ts';
import type { RenderQueue } from '../engine/queue.ts';
import type { Engine, Truncation } from '../engine/types.ts';
import { encodeAnimatedWebp, encodeGif } from '../encode/animation.ts';
import { encodeImage } from '../encode/image.ts';
import { encodeLinkPreview, linkPreviewLayout } from '../encode/linkpreview.ts';
import { encodeMp4 } from '../encode/video.ts';
import { media, parseBody } from './validate.ts';

/** Morph routes for one engine and queue. */
export function morphRoutes(engine: Engine, queue: RenderQueue, truncation: Truncation) {
  return new Hono()
    .post('/morphframe', async (c) => {
      const req = await parseBody(c, morphframeRender);
      if (req.frameNum >= req.numFrames) throw new ApiError('INVALID_PARAM', `frame_num must be an integer between 0 and ${req.numFrames - 1}`, 'frame_num');
      const p = frameProgress(req.linear ? 'linear' : 'trig', req.numFrames, req.frameNum);
      const [job] = await morphJobs(engine, truncation, req.from, req.to, [p], req.dim);
      const out = await encodeImage(await queue.render(job!), req.format);
      return media(out.body, out.contentType);
    })
    .post('/animation', async (c) => {
      const req = await parseBody(c, animationRender);
      const plan = planMorph('trig', req.numFrames);
      const jobs = await morphJobs(engine, truncation, req.from, req.to, plan.renders, req.dim);
      const renders = await queue.renderAll(jobs);
      const frames = plan.frameToRender.map((r) => renders[r]!);
      const body =
        req.format === 'mp4'
          ? await encodeMp4(frames, req.fps, req.kbitrate)
          : req.format === 'gif'
            ? await encodeGif(frames, req.fps)
            : await encodeAnimatedWebp(frames, req.fps);
      return media(body, MEDIA_TYPES[req.format]);
    });
}

/** POST /v1/linkpreview: from + to = midpoint, each face rendered at exactly its size in the layout. */
export function linkpreviewRoutes(engine: Engine, queue: RenderQueue, truncation: Truncation) {
  return new Hono().post('/', async (c) => {
    const req = await parseBody(c, linkpreviewRender);
    const layout = linkPreviewLayout(req.width);
    const [from, to] = await morphJobs(engine, truncation, req.from, req.to, [0, 1], layout.faceSize);
    const [mix] = await morphJobs(engine, truncation, req.from, req.to, [0.5], layout.mixSize);
    const [a, b, m] = await queue.renderAll([from!, to!, mix!]);
    const out = await encodeLinkPreview(a!, b!, m!, req.width);
    return media(out.body, out.contentType);
  });
}
