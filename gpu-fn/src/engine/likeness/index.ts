/**
 * The built-in model's image encoder: a photo becomes the built-in face most like it. face-api
 * finds the face and its 68 landmarks; the proportions become shape traits (through a calibration
 * measured on the model's own drawings), the sampled colours become colour traits, and the traits
 * are written into a dlatent (numWs x wDim) around the average face. Everything not measured
 * (glasses, hair style, ...) stays average.
 */
import { ApiError } from '../../../../shared/errors.ts';
import { FACE_MODEL, W_AVG } from '../../../../shared/face/index.ts';
import { setTrait, type TraitName } from '../../../../shared/face/traits.ts';
import { decodePhoto } from '../../encode/image.ts';
import type { Encoded, Rgb8 } from '../types.ts';
import { findFace } from '../../vision/landmarks.ts';
import calibrationJson from './calibration.json' with { type: 'json' };
import { faceColours } from './colours.ts';
import { faceFeatures } from './features.ts';
import { colourTraits, shapeTraits, type Calibration } from './invert.ts';

export const calibration = calibrationJson as Calibration;

/** Photos are measured at this size at most: plenty for landmarks, quick to decode and detect. */
const MAX_SIDE = 800;
/** Smaller pictures cannot show the landmarks of a face. */
const MIN_SIDE = 32;

/** The traits of the built-in face most like the face in a decoded photo. */
async function likenessTraits(img: Rgb8, detect: boolean) {
  const face = await findFace(img, detect);
  const shape = shapeTraits(calibration, faceFeatures(face.points));
  return { detected: face.detected, traits: colourTraits(shape, faceColours(img, face.points)) };
}

/** Encodes waiting or running; beyond QUEUE_LIMIT new ones are turned away with 503. */
let pending = 0;
let last: Promise<unknown> = Promise.resolve();
const QUEUE_LIMIT = 8;

/**
 * Encodes a photo for the built-in model, one at a time: face-api runs on the main thread, so
 * several at once would only stall face rendering longer.
 */
export function encodeLikeness(bytes: Uint8Array, tryAlign: boolean): Promise<Encoded> {
  if (pending >= QUEUE_LIMIT) return Promise.reject(new ApiError('BUSY', 'too many photos are being encoded; try again shortly', undefined, { 'Retry-After': '2' }));
  pending++;
  const run = last.then(() => encodeOne(bytes, tryAlign));
  last = run.catch(() => undefined);
  return run.finally(() => pending--);
}

async function encodeOne(bytes: Uint8Array, tryAlign: boolean): Promise<Encoded> {
  const img = await decodePhoto(bytes, MAX_SIDE, 'usrimg');
  if (Math.min(img.width, img.height) < MIN_SIDE) {
    throw new ApiError('INVALID_PARAM', `usrimg must be at least ${MIN_SIDE} x ${MIN_SIDE} pixels to show a face; it is ${img.width} x ${img.height}`, 'usrimg');
  }
  const { detected, traits } = await likenessTraits(img, tryAlign);
  const { numWs, wDim } = FACE_MODEL;
  const ws = new Float32Array(numWs * wDim);
  for (let k = 0; k < numWs; k++) ws.set(W_AVG, k * wDim);
  for (const [name, value] of Object.entries(traits)) setTrait(ws, name as TraitName, value);
  const dlatent = Array.from({ length: numWs }, (_, k) => Array.from(ws.subarray(k * wDim, (k + 1) * wDim)));
  return { didAlign: detected, dlatent };
}
