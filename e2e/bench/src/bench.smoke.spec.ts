// Runs every benchmark part in smoke mode (tiny sizes, seconds each) so that the scripts never rot. No timing
// thresholds: it checks that each part ran end to end and produced every figure and ratio.
import { PART_IDS, runBench } from './bench';
import { renderReport, type BenchReport } from './lib/report';

describe('benchmarks in smoke mode', () => {
  let report: BenchReport;
  const lines: string[] = [];

  beforeAll(async () => {
    report = await runBench({
      parts: PART_IDS,
      smoke: true,
      command: 'jest (smoke)',
      log: (line) => lines.push(line),
    });
  });

  it('runs every part', () => {
    expect(report.parts.map((part) => part.id)).toEqual(['pipeline', 'gateway', 'scale', 'kpi']);
    expect(report.machine.nproc).toBeGreaterThan(0);
  });

  it.each(['pipeline', 'gateway', 'scale', 'kpi'])(
    '%s: every figure is a finite number, positive unless it is a difference',
    (id) => {
      const part = report.parts.find((entry) => entry.id === id)!;
      expect(part.figures.length).toBeGreaterThanOrEqual(5);
      for (const figure of part.figures) {
        expect({ key: figure.key, finite: Number.isFinite(figure.value) }).toEqual({
          key: figure.key,
          finite: true,
        });
        if (!figure.signed)
          expect({ key: figure.key, positive: figure.value > 0 }).toEqual({
            key: figure.key,
            positive: true,
          });
        for (const target of figure.targets ?? []) expect(typeof target.met).toBe('boolean');
      }
    },
  );

  it('computes every ratio the issue asks for', () => {
    const keys = report.parts.flatMap((part) =>
      part.figures.filter((figure) => figure.ratio).map((figure) => figure.key),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'pipeline.g/f',
        'pipeline.g/g4',
        'pipeline.h/f',
        'pipeline.h/naive',
        'gateway.b/a',
        'gateway.c/d',
        'gateway.c/d.perCore',
        'gateway.c/e',
        'gateway.c/e.perCore',
        'gateway.c/f.perCore',
        'gateway.c/bestPeer.perCore',
        'scale.tickets.600/200',
        'scale.tickets.1200/200',
        'scale.serviceHistory.1200/200',
        'scale.departmentKpi.1200/200',
        'scale.departmentKpiSubtree.1200/200',
      ]),
    );
  });

  it('renders a report with every figure', () => {
    const markdown = renderReport(report);
    for (const part of report.parts) {
      expect(markdown).toContain(`## ${part.title}`);
      for (const figure of part.figures) expect(markdown).toContain(figure.label);
    }
  });
});
