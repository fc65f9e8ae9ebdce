import { describe, expect, it } from 'vitest';
import { KeptModel } from '../../src/site/kept-model.ts';

const AT = new Date('2026-12-01T12:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

describe('KeptModel', () => {
  /** A model that counts how often it was built, valid until `validUntil`. */
  function counting(validUntil?: Date) {
    let builds = 0;
    const kept = new KeptModel<string>();
    const get = (sources: readonly unknown[], at: Date) =>
      kept.get(sources, at, () => ({ value: `model ${++builds}`, validUntil }));
    return { get, builds: () => builds };
  }

  it('builds once for the same stored objects and hands the same model out again', () => {
    const entries = [{ slug: 'a' }, { slug: 'b' }];
    const model = counting();
    const first = model.get(entries, AT);
    expect(model.get([...entries], later(60_000))).toBe(first);
    expect(model.builds()).toBe(1);
  });

  it('builds again when an entry is another object, even one with the same fields', () => {
    const a = { slug: 'a' };
    const model = counting();
    model.get([a], AT);
    expect(model.get([{ slug: 'a' }], AT)).toBe('model 2');
  });

  it('builds again when an entry comes or goes', () => {
    const a = { slug: 'a' };
    const b = { slug: 'b' };
    const model = counting();
    model.get([a], AT);
    expect(model.get([a, b], AT)).toBe('model 2');
    expect(model.get([a], AT)).toBe('model 3');
  });

  it('builds again once the instant it is valid until has come, not before', () => {
    const entries = [{ slug: 'a' }];
    const model = counting(later(1000));
    model.get(entries, AT);
    expect(model.get(entries, later(999))).toBe('model 1');
    expect(model.get(entries, later(1000))).toBe('model 2');
  });
});
