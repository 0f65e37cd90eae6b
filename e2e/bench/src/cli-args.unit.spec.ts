import { parseArgs, UsageError } from './cli-args';

describe('parseArgs', () => {
  it('runs every part by default, in the documented order', () => {
    expect(parseArgs([])).toEqual({ parts: ['pipeline', 'gateway', 'scale', 'kpi'], smoke: false });
    expect(parseArgs(['scale', 'pipeline']).parts).toEqual(['pipeline', 'scale']);
    expect(parseArgs(['all']).parts).toEqual(['pipeline', 'gateway', 'scale', 'kpi']);
    expect(parseArgs(['kpi']).parts).toEqual(['kpi']);
  });

  it('reads the flags', () => {
    expect(parseArgs(['scale', '--smoke', '--max=100_000', '--runs=2', '--out=x.md'])).toEqual({
      parts: ['scale'],
      smoke: true,
      max: 100_000,
      runs: 2,
      out: 'x.md',
    });
    expect(parseArgs(['gateway', '--baseline=none']).baseline).toBe('none');
    expect(parseArgs(['gateway', '--baseline=0039002']).baseline).toBe('0039002');
  });

  it('refuses what it does not know', () => {
    expect(() => parseArgs(['--max=0'])).toThrow(UsageError);
    expect(() => parseArgs(['--fast'])).toThrow('unknown argument: --fast');
    expect(() => parseArgs(['--baseline='])).toThrow(UsageError);
    expect(() => parseArgs(['--baseline=a b'])).toThrow(UsageError);
    expect(() => parseArgs(['--baseline=origin/main'])).toThrow(UsageError);
  });
});
