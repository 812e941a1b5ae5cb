// Tells workers-types what the main module exports, so tests get a typed `exports.default`.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('./index.ts');
  }
}
