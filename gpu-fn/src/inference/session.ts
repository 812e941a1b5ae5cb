/** ONNX Runtime lives here: sessions created from in-memory models, float32 tensors in and out. */
import * as ort from 'onnxruntime-node';

/** A float32 tensor crossing the ONNX Runtime boundary. */
export interface FloatTensor {
  data: Float32Array;
  dims: number[];
}

/** One loaded ONNX model. */
export interface OnnxSession {
  /** Runs the model; returns every output by name. */
  run(feeds: Record<string, FloatTensor>): Promise<Record<string, FloatTensor>>;
  release(): Promise<void>;
}

export interface SessionOptions {
  /** Intra-op threads (default 2, the size of our render machines). */
  threads?: number;
  /**
   * Keep freed buffers in ONNX Runtime's arena (default true). Off, peak memory of a 1024 px
   * StyleGAN2 run drops by about a third for a few percent of speed.
   */
  memArena?: boolean;
  /** Where to run: the CPU, or an NVIDIA GPU through CUDA (needs the CUDA build of ONNX Runtime, see gpu-fn/Dockerfile). */
  device?: 'cpu' | 'cuda';
}

/** Creates a session from serialised ONNX bytes with all graph optimisations on. */
export async function createSession(model: Uint8Array, opts: SessionOptions = {}): Promise<OnnxSession> {
  const session = await ort.InferenceSession.create(model, {
    executionProviders: opts.device === 'cuda' ? ['cuda', 'cpu'] : ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: opts.threads ?? 2,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    enableCpuMemArena: opts.memArena ?? true,
    // Idle pool threads sleep instead of spinning: the render machine is shared with the encoder.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
  return {
    async run(feeds) {
      const inputs: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) inputs[name] = new ort.Tensor('float32', t.data, t.dims);
      const results = await session.run(inputs);
      const out: Record<string, FloatTensor> = {};
      for (const [name, t] of Object.entries(results)) {
        if (t.type !== 'float32') throw new Error(`ONNX output ${name} is ${t.type}, expected float32`);
        out[name] = { data: t.data as Float32Array, dims: [...t.dims] };
      }
      return out;
    },
    release: () => session.release(),
  };
}
