import { describe, expect, it } from 'vitest';
import { outputValidUntil } from '../../src/integrations/publish-record.ts';

describe('outputValidUntil', () => {
  it('ends at the next email edition when it comes before any story changes state', () => {
    const edition = new Date('2026-11-30T11:00:00Z');
    expect(outputValidUntil('2026-12-01T00:00:00.000Z', edition)).toBe('2026-11-30T11:00:00.000Z');
    expect(outputValidUntil(null, edition)).toBe('2026-11-30T11:00:00.000Z');
    expect(outputValidUntil('2026-11-30T10:00:00.000Z', edition)).toBe('2026-11-30T10:00:00.000Z');
    expect(outputValidUntil('2026-11-30T10:00:00.000Z', undefined)).toBe('2026-11-30T10:00:00.000Z');
  });
});
