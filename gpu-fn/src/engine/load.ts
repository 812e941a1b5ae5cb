/** Chooses the engine for the configured model: the built-in face, or an installed StyleGAN2 bundle. */
import type { GpuFnConfig } from '../config.ts';
import { BuiltinEngine } from './builtin.ts';
import { StyleGan2Engine } from './stylegan2.ts';
import type { Engine } from './types.ts';

/**
 * Loads the configured model; throws a message naming the problem when it cannot (not installed,
 * altered files, unreadable manifest), so a caller can keep serving its previous engine.
 */
export async function loadEngine(config: Pick<GpuFnConfig, 'model' | 'modelsDir'> & Partial<Pick<GpuFnConfig, 'threads' | 'device'>>): Promise<Engine> {
  if (config.model === 'builtin') return new BuiltinEngine();
  return StyleGan2Engine.load(config.modelsDir, config.model, { threads: config.threads ?? 2, device: config.device ?? 'cpu' });
}
