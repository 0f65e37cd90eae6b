// Runs the chosen benchmark parts in this process and collects their figures (main.ts prints and writes them; the
// smoke spec asserts on them).
import { benchInfra, benchKafka, deleteRunTopics } from './lib/infra';
import { describeMachine } from './lib/machine';
import type { BenchReport, PartId, PartResult } from './lib/report';
import { BASELINE_REV, NO_BASELINE } from './gateway/baseline';
import { GATEWAY_FULL, GATEWAY_SMOKE, runGateway, type Cpus } from './gateway/gateway';
import { pin } from './gateway/subgraphs';
import { PIPELINE_FULL, PIPELINE_SMOKE, runPipeline } from './pipeline/pipeline';
import { KPI_FULL, KPI_SMOKE, runKpi } from './kpi/kpi';
import { runScale, SCALE_FULL, SCALE_SMOKE, type ScaleSizes } from './scale/scale';

export { PART_IDS } from './cli-args';

export interface BenchOptions {
  parts: readonly PartId[];
  smoke: boolean;
  /** Largest scale size (tickets); default 1,000,000 (smoke: tiny). */
  max?: number;
  /** Measured runs per figure (default 3; smoke 1). */
  runs?: number;
  /**
   * The gateway part's baseline commit, measured side by side as (a0) and (c0); `none` skips them. Default
   * BASELINE_REV, in smoke mode none (no npm ci of a second tree in `npm test`).
   */
  baseline?: string;
  command: string;
  /** Pin this process (load generator) to the subgraphs' CPU too; the CLI does, the smoke spec not. */
  pinSelf?: boolean;
  log?: (line: string) => void;
}

/** Gateways on CPU 1, everything of ours else on CPU 0, when there are two CPUs and taskset. */
function chooseCpus(nproc: number): Cpus {
  if (nproc < 2 || !pin(process.pid, 0, true)) return { gateways: undefined, rest: undefined };
  return { gateways: 1, rest: 0 };
}

/** The scale stages, cut at `--max` (which becomes the last stage when it is not one of them). */
export function scaleSizes(options: Pick<BenchOptions, 'smoke' | 'max' | 'runs'>): ScaleSizes {
  const sizes = { ...(options.smoke ? SCALE_SMOKE : SCALE_FULL) };
  if (options.runs) sizes.runs = options.runs;
  if (options.max !== undefined) {
    const kept = sizes.stages.filter((stage) => stage < options.max!);
    sizes.stages = [...kept, options.max];
  }
  return sizes;
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const startedAt = new Date();
  const infra = await benchInfra();
  const kafka = benchKafka(infra, 'bench');
  const machine = await describeMachine(infra.adminUrl, kafka);
  const parts: PartResult[] = [];
  let cpus: Cpus | undefined;
  try {
    for (const part of options.parts) {
      log(`\n== ${part}${options.smoke ? ' (smoke)' : ''} ==`);
      if (part === 'pipeline') {
        const sizes = { ...(options.smoke ? PIPELINE_SMOKE : PIPELINE_FULL) };
        if (options.runs) sizes.runs = options.runs;
        parts.push(await runPipeline(infra, sizes, log));
      } else if (part === 'gateway') {
        cpus ??= chooseCpus(machine.nproc);
        if (options.pinSelf && cpus.rest !== undefined) pin(process.pid, cpus.rest);
        const sizes = { ...(options.smoke ? GATEWAY_SMOKE : GATEWAY_FULL) };
        if (options.runs) sizes.runs = options.runs;
        const baseline = options.baseline ?? (options.smoke ? NO_BASELINE : BASELINE_REV);
        parts.push(await runGateway(infra, sizes, cpus, log, baseline));
      } else if (part === 'kpi') {
        const sizes = { ...(options.smoke ? KPI_SMOKE : KPI_FULL) };
        if (options.runs) sizes.runs = options.runs;
        parts.push(await runKpi(infra, sizes, log));
      } else {
        cpus ??= chooseCpus(machine.nproc);
        if (options.pinSelf && cpus.rest !== undefined) pin(process.pid, cpus.rest);
        parts.push(await runScale(infra, scaleSizes(options), cpus, log));
      }
    }
  } finally {
    await deleteRunTopics(kafka, infra).catch(() => undefined);
  }
  return {
    startedAt,
    command: options.command,
    smoke: options.smoke,
    machine,
    parts,
    durationMs: Date.now() - startedAt.getTime(),
  };
}
