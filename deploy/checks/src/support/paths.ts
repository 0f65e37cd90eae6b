import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const BUILD_DIST = path.join(ROOT, 'scripts', 'build-dist.mjs');
