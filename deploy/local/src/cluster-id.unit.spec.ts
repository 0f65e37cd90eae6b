import { kraftClusterId } from './cluster-id';

describe('kraftClusterId', () => {
  it('is 16 bytes in URL-safe base64', () => {
    const id = kraftClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  });

  it("draws again when an id would start with '-' (kafka-storage would read it as an option)", () => {
    // 0xf8 encodes to '-' as the first base64url character.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = kraftClusterId(() => draws.shift() as Buffer);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(draws).toHaveLength(0);
  });
});
