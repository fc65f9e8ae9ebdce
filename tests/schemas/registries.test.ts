import { describe, expect, it } from 'vitest';
import {
  authorSchema,
  frontSchema,
  personSchema,
  publicationSchema,
  sectionSchema,
} from '../../src/schemas/registries.ts';

describe('authorSchema', () => {
  it('defaults a byline to a person with no links', () => {
    expect(authorSchema.parse({ name: 'Maria Lopez' })).toEqual({ name: 'Maria Lopez', kind: 'person', links: [] });
  });

  it('accepts organisations such as the Associated Press', () => {
    expect(authorSchema.parse({ name: 'Associated Press', kind: 'organization' }).kind).toBe('organization');
  });

  it('refuses other kinds, bad e-mail addresses and non-web links', () => {
    expect(authorSchema.safeParse({ name: 'X', kind: 'robot' }).success).toBe(false);
    expect(authorSchema.safeParse({ name: 'X', email: 'not-an-address' }).success).toBe(false);
    expect(authorSchema.safeParse({ name: 'X', links: ['javascript:alert(1)'] }).success).toBe(false);
    expect(
      authorSchema.safeParse({ name: 'X', email: 'x@example.org', links: ['https://example.org/x'] }).success,
    ).toBe(true);
  });

  it('requires a name and refuses unknown fields', () => {
    expect(authorSchema.safeParse({ role: 'Reporter' }).success).toBe(false);
    expect(authorSchema.safeParse({ name: '  ' }).success).toBe(false);
    expect(authorSchema.safeParse({ name: 'X', twitter: '@x' }).success).toBe(false);
  });
});

describe('sectionSchema', () => {
  it('needs a name; order is an optional integer', () => {
    expect(sectionSchema.safeParse({ name: 'Politics', description: 'Desk', order: 2 }).success).toBe(true);
    expect(sectionSchema.safeParse({ description: 'Desk' }).success).toBe(false);
    expect(sectionSchema.safeParse({ name: 'Politics', order: 1.5 }).success).toBe(false);
  });
});

describe('personSchema and publicationSchema', () => {
  it('default aliases to none', () => {
    expect(personSchema.parse({ name: 'Jeff Sessions' }).aliases).toEqual([]);
    expect(publicationSchema.parse({ name: 'Los Angeles Times' }).aliases).toEqual([]);
  });

  it('keep aliases and a web URL', () => {
    expect(
      publicationSchema.parse({ name: 'Los Angeles Times', aliases: ['LA Times'], url: 'https://www.latimes.com' }),
    ).toEqual({
      name: 'Los Angeles Times',
      aliases: ['LA Times'],
      url: 'https://www.latimes.com',
    });
    expect(personSchema.safeParse({ name: 'X', url: 'ftp://x.example' }).success).toBe(false);
    expect(publicationSchema.safeParse({ name: 'X', aliases: [''] }).success).toBe(false);
  });

  it('refuse unknown fields', () => {
    expect(personSchema.safeParse({ name: 'X', alias: ['Y'] }).success).toBe(false);
    expect(publicationSchema.safeParse({ name: 'X', website: 'https://x.example' }).success).toBe(false);
  });
});

describe('frontSchema', () => {
  it('makes both lead and pinned optional', () => {
    expect(frontSchema.parse({})).toEqual({ pinned: [] });
    expect(frontSchema.parse({ lead: 'a', pinned: ['b', 'c'] })).toEqual({ lead: 'a', pinned: ['b', 'c'] });
  });

  it('refuses unknown fields', () => {
    expect(frontSchema.safeParse({ leed: 'a' }).success).toBe(false);
  });
});
