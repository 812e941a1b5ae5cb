/** Runs a real gpu-fn for the Worker tests; its URL and a call-count endpoint reach the Worker via inject. */
import type { TestProject } from 'vitest/node';
import { startGpuFn, TEST_SECRET } from '../helpers/gpufn-server.ts';

export default async function setup(project: TestProject) {
  const gpu = await startGpuFn();
  project.provide('gpuFnUrl', gpu.url);
  project.provide('gpuFnSecret', TEST_SECRET);
  return () => gpu.close();
}
