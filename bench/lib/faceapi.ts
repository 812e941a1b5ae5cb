/** The benchmarks use gpu-fn's face-api module (one loader for the whole repo). */
export { faceapi, loadFaceApi, rgbTensor } from '../../gpu-fn/src/vision/faceapi.ts';
