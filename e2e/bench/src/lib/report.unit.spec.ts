import { atLeast, atMost, format, ratioFigure, renderReport, type BenchReport } from './report';

describe('report', () => {
  it('formats values with their units', () => {
    expect(format(12345.6, 'events/s')).toBe('12,346 events/s');
    expect(format(1.234, '×')).toBe('1.23×');
    expect(format(0.0123, 'ms')).toBe('0.012 ms');
    expect(format(Number.NaN)).toBe('NaN');
  });

  it('judges targets, never meeting one with a missing value', () => {
    expect(atLeast(5000, 5000, '≥ 5,000').met).toBe(true);
    expect(atMost(51, 50, '≤ 50').met).toBe(false);
    expect(atMost(Number.NaN, 50, '≤ 50').met).toBe(false);
  });

  it('renders the machine, the targets at a glance and each part', () => {
    const report: BenchReport = {
      startedAt: new Date('2026-01-02T03:04:05Z'),
      command: 'npm run bench',
      smoke: false,
      durationMs: 120_000,
      machine: {
        nproc: 2,
        cpuModel: 'AMD EPYC',
        memoryGiB: 23.5,
        node: '20.20.2',
        os: 'Linux',
        postgres: 'PostgreSQL 15',
        kafka: 'Kafka',
      },
      parts: [
        {
          id: 'pipeline',
          title: 'Event pipeline',
          method: ['one process'],
          tables: [],
          figures: [
            {
              key: 'g',
              label: '(g) drain',
              value: 4000,
              unit: 'events/s',
              runs: [3900, 4000, 4100],
              targets: [atLeast(4000, 5000, '≥ 5,000 events/s')],
            },
          ],
          notes: ['the relay waits for Kafka'],
          durationMs: 1000,
        },
      ],
    };
    const markdown = renderReport(report);
    expect(markdown).toContain('2 CPU cores (AMD EPYC), 23.5 GiB RAM');
    expect(markdown).toContain('| pipeline | (g) drain | 4,000 events/s | ≥ 5,000 events/s | **not met** |');
    expect(markdown).toContain(
      '| (g) drain | 4,000 events/s | 3,900 / 4,000 / 4,100 | ≥ 5,000 events/s | **not met** |',
    );
    expect(markdown).toContain('- the relay waits for Kafka');
  });

  it('ratioFigure marks a × ratio and keeps its targets only when given', () => {
    expect(ratioFigure('p.a/b', 'a/b', 2.5)).toEqual({
      key: 'p.a/b',
      label: 'a/b',
      value: 2.5,
      unit: '×',
      ratio: true,
    });
    const target = atLeast(2.5, 2, '≥ 2×');
    expect(ratioFigure('p.a/b', 'a/b', 2.5, [target]).targets).toEqual([target]);
  });
});
