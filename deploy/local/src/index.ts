export * from './infrastructure';
export * from './kafka';
export * from './postgres';
export * from './topics';
export { localDir, repoRoot } from './paths';
