/**
 * A StyleGAN2 generator as plain weights and numbers: what the importer reads out of NVIDIA's
 * pickle, what the ONNX graph builder consumes, and what the benchmark fills with random values.
 * Weights are the raw stored ones; gains (learning-rate multipliers) travel beside them.
 */
import type { Tensor } from './torch.ts';

export type { Tensor } from './torch.ts';

/** A fully connected layer: y = act(x @ (weight * weightGain)^T + bias * biasGain), lrelu gain sqrt(2). */
export interface DenseSpec {
  /** [out, in] */
  weight: Tensor;
  bias: Tensor | null;
  weightGain: number;
  biasGain: number;
  activation: 'linear' | 'lrelu';
}

/** A modulated, demodulated 3x3 convolution with constant noise, bias and lrelu (SynthesisLayer). */
export interface ModConvSpec {
  affine: DenseSpec;
  /** [out, in, 3, 3] */
  weight: Tensor;
  /** [out] */
  bias: Tensor;
  up: 1 | 2;
  /** noise_const x noise_strength, [res, res]; null when the layer uses no noise. */
  noise: Tensor | null;
  actGain: number;
  clamp: number | null;
  /** Which of the ws this layer reads. */
  wIndex: number;
}

/** A modulated 1x1 convolution to RGB without demodulation (ToRGBLayer). */
export interface ToRgbSpec {
  affine: DenseSpec;
  /** [imgChannels, in, 1, 1] */
  weight: Tensor;
  bias: Tensor;
  /** Applied to the styles. */
  weightGain: number;
  clamp: number | null;
  wIndex: number;
}

/** One resolution of the skip-architecture synthesis network. */
export interface BlockSpec {
  resolution: number;
  inChannels: number;
  outChannels: number;
  /** [outChannels, 4, 4] learned input, first block only. */
  constInput: Tensor | null;
  conv0: ModConvSpec | null;
  conv1: ModConvSpec;
  torgb: ToRgbSpec;
  /** The 2-D FIR filter for 2x upsampling, [4, 4], summing to 1. */
  resampleFilter: Tensor;
}

/** Hyper-parameters as read from the pickle, recorded in the bundle manifest. */
export interface GeneratorHyper {
  zDim: number;
  wDim: number;
  numWs: number;
  resolution: number;
  imgChannels: number;
  mappingLayers: number;
  mappingLrMultiplier: number | null;
  wAvgBeta: number | null;
  architecture: 'skip';
  channels: Record<string, number>;
  convClamp: number | null;
  numFp16Res: number;
  params: number;
}

/** A whole generator: mapping (z -> one w) and synthesis (ws -> image). */
export interface GeneratorSpec {
  hyper: GeneratorHyper;
  mapping: DenseSpec[];
  wAvg: Float32Array;
  blocks: BlockSpec[];
}
