import { childTraceparent, newTraceparent, parseTraceparent } from './trace-context';

describe('trace context', () => {
  it('creates valid, sampled traceparents', () => {
    const value = newTraceparent();
    expect(value).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(parseTraceparent(value)).toMatchObject({ version: '00', sampled: true });
    expect(newTraceparent(false).endsWith('-00')).toBe(true);
  });

  it('parses the W3C example, from strings and buffers', () => {
    const example = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const expected = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentId: '00f067aa0ba902b7',
      flags: '01',
      sampled: true,
    };
    expect(parseTraceparent(example)).toMatchObject(expected);
    expect(parseTraceparent(Buffer.from(example))).toMatchObject(expected);
  });

  it.each([
    [undefined],
    [''],
    ['garbage'],
    ['00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra'],
  ])('rejects %p', (value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });

  it('keeps the trace id and flags in a child, with a new span id', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
    const child = parseTraceparent(childTraceparent(parent))!;
    expect(child.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child.parentId).not.toBe('00f067aa0ba902b7');
    expect(child.flags).toBe('00');
  });

  it('starts a new trace when the parent is invalid', () => {
    expect(parseTraceparent(childTraceparent('nonsense'))).toBeDefined();
  });
});
