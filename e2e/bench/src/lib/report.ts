// What a benchmark part returns, and its Markdown rendering (docs/benchmarks.md).
import { median } from './stats';

export type PartId = 'pipeline' | 'gateway' | 'scale' | 'kpi';

export interface Target {
  /** e.g. "≥ 5,000 events/s" */
  text: string;
  met: boolean;
  /** A stretch goal: not meeting it is reported, not a failure. */
  stretch?: boolean;
}

export interface Figure {
  /** Stable id, e.g. `pipeline.g.eventsPerSecond`. */
  key: string;
  label: string;
  value: number;
  unit: string;
  /** Per-run values; `value` is their median. */
  runs?: number[];
  /** A ratio of two other figures. */
  ratio?: boolean;
  /** A difference, which may be zero or negative (every other figure is positive). */
  signed?: boolean;
  targets?: Target[];
}

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

export interface PartResult {
  id: PartId;
  title: string;
  /** How it was measured (one bullet each). */
  method: string[];
  tables: Table[];
  figures: Figure[];
  /** Findings: why a target is not met, what the profile shows, what would fix it. */
  notes: string[];
  durationMs: number;
}

/** A figure measured once per run: its value is the runs' median. */
export function medianFigure(key: string, label: string, unit: string, runs: number[]): Figure {
  return { key, label, value: median(runs), unit, runs };
}

/** A ratio of two other figures (×), with its targets if any. */
export function ratioFigure(key: string, label: string, value: number, targets?: Target[]): Figure {
  return { key, label, value, unit: '×', ratio: true, ...(targets ? { targets } : {}) };
}

/** Looks figures up by key, for a part's notes on the targets it missed. */
export function figureLookup(figures: readonly Figure[]) {
  const find = (key: string) => figures.find((figure) => figure.key === key);
  return {
    value: (key: string) => find(key)?.value ?? Number.NaN,
    /** A target of the figure (not a stretch goal) is not met. */
    missed: (key: string) => find(key)?.targets?.some((target) => !target.met && !target.stretch),
    /** A stretch goal of the figure is not met. */
    missedStretch: (key: string) => find(key)?.targets?.some((target) => !target.met && target.stretch),
  };
}

export function atLeast(value: number, bound: number, text: string, stretch = false): Target {
  return { text, met: Number.isFinite(value) && value >= bound, ...(stretch ? { stretch } : {}) };
}

export function atMost(value: number, bound: number, text: string, stretch = false): Target {
  return { text, met: Number.isFinite(value) && value <= bound, ...(stretch ? { stretch } : {}) };
}

export function format(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = unit === '×' ? 2 : abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === '×' ? `${text}×` : unit ? `${text} ${unit}` : text;
}

export function targetCell(targets: readonly Target[] | undefined): [string, string] {
  if (!targets || targets.length === 0) return ['', ''];
  return [
    targets.map((target) => `${target.text}${target.stretch ? ' (stretch)' : ''}`).join('; '),
    targets.map((target) => (target.met ? 'met' : '**not met**')).join('; '),
  ];
}

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${head.map(escape).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  postgres: string;
  kafka: string;
}

export interface BenchReport {
  startedAt: Date;
  command: string;
  smoke: boolean;
  machine: MachineInfo;
  parts: PartResult[];
  durationMs: number;
}

export function figuresTable(figures: readonly Figure[]): string {
  return markdownTable(
    ['Figure', 'Value', 'Runs', 'Target', 'Met'],
    figures.map((figure) => [
      figure.label,
      format(figure.value, figure.unit),
      figure.runs && figure.runs.length > 1 ? figure.runs.map((run) => format(run)).join(' / ') : '',
      ...targetCell(figure.targets),
    ]),
  );
}

export function renderPart(part: PartResult): string {
  const lines = [`## ${part.title}`, ''];
  if (part.method.length > 0) lines.push(...part.method.map((line) => `- ${line}`), '');
  for (const table of part.tables)
    lines.push(`**${table.title}**`, '', markdownTable(table.head, table.rows), '');
  lines.push('**Figures, ratios and targets**', '', figuresTable(part.figures), '');
  if (part.notes.length > 0) lines.push('**Findings**', '', ...part.notes.map((note) => `- ${note}`), '');
  lines.push(`_Part took ${Math.round(part.durationMs / 1000)} s._`, '');
  return lines.join('\n');
}

export function summary(parts: readonly PartResult[]): string {
  const rows: string[][] = [];
  for (const part of parts) {
    for (const figure of part.figures) {
      for (const target of figure.targets ?? []) {
        rows.push([
          part.id,
          figure.label,
          format(figure.value, figure.unit),
          `${target.text}${target.stretch ? ' (stretch)' : ''}`,
          target.met ? 'met' : '**not met**',
        ]);
      }
    }
  }
  return markdownTable(['Part', 'Figure', 'Value', 'Target', 'Met'], rows);
}

export function renderReport(report: BenchReport, preamble: readonly string[] = []): string {
  const { machine } = report;
  return [
    '# Benchmarks',
    '',
    ...preamble,
    `- **Date:** ${report.startedAt.toISOString()}`,
    `- **Command:** \`${report.command}\`${report.smoke ? ' (smoke mode: tiny sizes, figures are meaningless)' : ''}`,
    `- **Duration:** ${Math.round(report.durationMs / 60_000)} min (${report.parts.map((part) => `${part.id} ${Math.round(part.durationMs / 1000)} s`).join(', ')})`,
    `- **Machine:** ${machine.nproc} CPU cores (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB RAM, ` +
      `${machine.os}; Node ${machine.node}; ${machine.postgres}; ${machine.kafka}`,
    '',
    '## Targets at a glance',
    '',
    summary(report.parts),
    '',
    ...report.parts.map(renderPart),
  ].join('\n');
}
