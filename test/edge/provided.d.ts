// Values the Worker tests' global setup provides (see global-setup.ts).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    gpuFnUrl: string;
    gpuFnSecret: string;
  }
}
