// `bench [pipeline|gateway|scale|kpi|all ...] [--smoke] [--max=<tickets>] [--runs=<n>] [--baseline=<rev|none>] [--out=<file>]`
import type { PartId } from './lib/report';

export const PART_IDS: readonly PartId[] = ['pipeline', 'gateway', 'scale', 'kpi'];

export interface BenchArgs {
  parts: PartId[];
  smoke: boolean;
  max?: number;
  runs?: number;
  /** The gateway part's baseline commit (`none`: no baseline cases); default d26a82c, in smoke mode none. */
  baseline?: string;
  out?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE =
  'usage: bench [pipeline|gateway|scale|kpi|all ...] [--smoke] [--max=<tickets>] [--runs=<n>] [--baseline=<rev|none>] ' +
  '[--out=<file>]';

export function parseArgs(argv: readonly string[]): BenchArgs {
  const parts: PartId[] = [];
  const args: BenchArgs = { parts, smoke: false };
  for (const arg of argv) {
    const [name, value] = arg.split('=', 2);
    if ((PART_IDS as readonly string[]).includes(arg)) parts.push(arg as PartId);
    else if (arg === 'all') parts.push(...PART_IDS);
    else if (arg === '--smoke') args.smoke = true;
    else if (name === '--max' && value && /^[1-9][\d_]*$/.test(value))
      args.max = Number(value.replace(/_/g, ''));
    else if (name === '--runs' && value && /^[1-9]\d*$/.test(value)) args.runs = Number(value);
    else if (name === '--baseline' && value && /^[\w.^~-]+$/.test(value) && !value.startsWith('-'))
      args.baseline = value;
    else if (name === '--out' && value) args.out = value;
    else throw new UsageError(`unknown argument: ${arg}`);
  }
  args.parts = parts.length > 0 ? PART_IDS.filter((id) => parts.includes(id)) : [...PART_IDS];
  return args;
}
