/** The 68 face landmarks of a photo: of its largest detected face, or of the whole picture as a face crop. */
import type { Rgb8 } from '../engine/types.ts';
import { faceapi, loadNets, rgbTensor } from './faceapi.ts';

export type Point = readonly [x: number, y: number];

export interface FoundFace {
  /** 68 points in iBUG order (jaw 0-16, brows 17-26, nose 27-35, eyes 36-47, mouth 48-67), in image pixels. */
  points: Point[];
  /** True when a detector found the face; false when the whole picture was taken as the face. */
  detected: boolean;
}

const MIN_CONFIDENCE = 0.5;

/**
 * Finds the face to encode. With `detect`, the largest face the SSD detector finds (a group photo
 * gives its most prominent person); without it, or when none is found, the whole picture is
 * treated as an already cropped face, as an unaligned encoder would.
 */
export async function findFace(img: Rgb8, detect: boolean): Promise<FoundFace> {
  await loadNets(['ssdMobilenetv1', 'faceLandmark68Net']);
  const x = rgbTensor(img.data, img.width, img.height) as { dispose(): void };
  try {
    if (detect) {
      const options = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_CONFIDENCE });
      const found: Detected[] = await faceapi.detectAllFaces(x, options).withFaceLandmarks();
      const largest = found.sort((a, b) => area(b) - area(a))[0];
      if (largest) return { points: pointsOf(largest.landmarks), detected: true };
    }
    const whole: Landmarks = await faceapi.detectFaceLandmarks(x);
    return { points: pointsOf(whole), detected: false };
  } finally {
    x.dispose();
  }
}

interface Landmarks { positions: { x: number; y: number }[] }
interface Detected { detection: { box: { width: number; height: number } }; landmarks: Landmarks }

const area = (d: Detected) => d.detection.box.width * d.detection.box.height;
const pointsOf = (l: Landmarks): Point[] => l.positions.map((p) => [p.x, p.y] as const);
