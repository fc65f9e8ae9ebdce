import { describe, expect, it } from 'vitest';
import { aliasResolver, type AliasedEntry } from '../../src/model/registry.ts';

const publications = aliasResolver(
  new Map<string, AliasedEntry>([
    ['los-angeles-times', { name: 'Los Angeles Times', aliases: ['LA Times', 'L.A. Times'] }],
    ['doj', { name: 'U.S. Department of Justice', aliases: ['Justice Department'] }],
  ]),
);

describe('aliasResolver', () => {
  it('resolves an alias and the registry name to the same identity and display name', () => {
    expect(publications.idOf('LA Times')).toBe('los-angeles-times');
    expect(publications.idOf('Los Angeles Times')).toBe('los-angeles-times');
    expect(publications.idOf('L.A. Times')).toBe('los-angeles-times');
    expect(publications.nameOf('LA Times')).toBe('Los Angeles Times');
    expect(publications.nameOf('Los Angeles Times')).toBe('Los Angeles Times');
  });

  it('matches names however a writer capitalises or punctuates them', () => {
    expect(publications.idOf('la times')).toBe('los-angeles-times');
    expect(publications.idOf('LOS ANGELES TIMES')).toBe('los-angeles-times');
  });

  it('uses the registry file id, even when it is not the slug of the name', () => {
    expect(publications.idOf('Justice Department')).toBe('doj');
    expect(publications.idOf('U.S. Department of Justice')).toBe('doj');
    expect(publications.idOf('doj')).toBe('doj');
    expect(publications.nameOf('Justice Department')).toBe('U.S. Department of Justice');
  });

  it('keeps the slug and the name as written for names without an entry', () => {
    expect(publications.idOf('The Guardian')).toBe('the-guardian');
    expect(publications.nameOf('The Guardian')).toBe('The Guardian');
    expect(publications.nameOf('the guardian')).toBe('the guardian');
  });

  it('works with an empty registry', () => {
    const none = aliasResolver(new Map());
    expect(none.idOf('Kraków City Council')).toBe('krakow-city-council');
    expect(none.nameOf('Kraków City Council')).toBe('Kraków City Council');
  });
});
