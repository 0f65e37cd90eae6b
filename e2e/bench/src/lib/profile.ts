// Reads a V8 CPU profile (`node --cpu-prof`) and tells where the time went: self time by function and by package.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Microseconds on CLOCK_MONOTONIC: the clock of V8's profile timestamps in every process on the machine. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

export interface ProfileShare {
  name: string;
  /** Share of all samples, 0..1. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  samples: number;
  functions: ProfileShare[];
  packages: ProfileShare[];
}

/** `node_modules/@apollo/gateway/dist/…` → `@apollo/gateway`; repository files by their top folders. */
export function packageOf(url: string, root: string): string {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node (core)';
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = file.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).slice(0, 2).join('/');
}

/**
 * Self time by function and package, over the samples taken within `window` (monotonic microseconds, see
 * `monotonicMicros`) when given: e.g. only while the load ran, not while the process compiled its modules.
 */
export function summarizeProfile(
  file: string,
  root: string,
  window?: { from: number; to: number },
  top = 12,
): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  if (profile.samples && profile.samples.length > 0) {
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      at += profile.timeDeltas?.[index] ?? 0;
      if (window && (at < window.from || at > window.to)) return;
      hits.set(id, (hits.get(id) ?? 0) + 1);
    });
  } else {
    for (const node of profile.nodes) hits.set(node.id, node.hitCount ?? 0);
  }
  const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += count;
    const pkg = idle.has(functionName) ? functionName : packageOf(url, root);
    const name = idle.has(functionName)
      ? functionName
      : `${functionName || '(anonymous)'} (${pkg}${url ? `:${path.basename(url)}:${lineNumber + 1}` : ''})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, share: total === 0 ? 0 : count / total }));
  return { file, samples: total, functions: ranked(byFunction), packages: ranked(byPackage) };
}

export function newestProfile(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0];
}

export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** Profiles this very process (node:inspector) while `work` runs; the profile is written to `file`. */
export async function profileThisProcess<T>(
  file: string,
  root: string,
  work: () => Promise<T>,
): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    let result: T;
    try {
      result = await work();
    } finally {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
    }
    return { result, summary: summarizeProfile(file, root) };
  } finally {
    session.disconnect();
  }
}

/** One line for a report: the packages, then the hottest functions. */
export function describeProfile(profile: ProfileSummary, root: string, packages = 8, functions = 10): string {
  return (
    `${profile.samples.toLocaleString('en-US')} samples, ${path.relative(root, profile.file)}: by package ` +
    `${profile.packages
      .slice(0, packages)
      .map((entry) => `${entry.name} ${percent(entry.share)}`)
      .join(', ')}. Hottest functions (self time): ${profile.functions
      .slice(0, functions)
      .map((entry) => `${entry.name} ${percent(entry.share)}`)
      .join('; ')}.`
  );
}
