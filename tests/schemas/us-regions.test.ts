import { describe, expect, it } from 'vitest';
import { US_REGION_CODES } from '../../src/schemas/us-regions.ts';

describe('US_REGION_CODES', () => {
  it('holds the 50 states, DC and the six outlying areas of ISO 3166-2:US', () => {
    expect(US_REGION_CODES.size).toBe(57);
    for (const code of ['NM', 'NY', 'CA', 'TX', 'AK', 'HI', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'])
      expect(US_REGION_CODES.has(code)).toBe(true);
  });

  it('holds only two-letter capital codes', () => {
    for (const code of US_REGION_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('does not hold made-up or lower-case codes', () => {
    for (const code of ['XX', 'nm', 'ENG', 'US', '']) expect(US_REGION_CODES.has(code)).toBe(false);
  });
});
