import { CALLER_HEADERS, GATEWAY_HEADER_PREFIX, GATEWAY_SECRET_HEADER, isRoleName, ROLES } from './index';

describe('caller contract', () => {
  it('keeps every gateway-set header under the prefix the gateway strips from clients', () => {
    for (const header of [...CALLER_HEADERS, GATEWAY_SECRET_HEADER]) {
      expect(header.startsWith(GATEWAY_HEADER_PREFIX)).toBe(true);
      expect(header).toBe(header.toLowerCase());
    }
  });

  it('knows exactly the roles of docs/product.md §9', () => {
    expect(ROLES).toHaveLength(8);
    expect(isRoleName('AGENT')).toBe(true);
    expect(isRoleName('agent')).toBe(false);
    expect(isRoleName('ROOT')).toBe(false);
    expect(isRoleName(undefined)).toBe(false);
  });
});
