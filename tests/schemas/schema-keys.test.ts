import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { fieldsAt } from '../../src/schemas/schema-keys.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { siteSchema } from '../../src/schemas/site.ts';

describe('fieldsAt', () => {
  const article = articleSchema(z.string());

  it('lists the fields of a story, past refinements', () => {
    expect(fieldsAt(article, [])).toEqual(expect.arrayContaining(['title', 'authors', 'embargo', 'redirect_from']));
  });

  it('follows fields, list items, optional and defaulted values', () => {
    expect(fieldsAt(article, ['sources', 0])).toEqual(['name', 'url', 'title', 'published']);
    expect(fieldsAt(article, ['image'])).toEqual(['src', 'alt', 'decorative', 'caption', 'credit']);
    expect(fieldsAt(siteSchema, ['embeds', 2])).toEqual(['name', 'kind', 'hosts']);
  });

  it('gives the fields of every object a union allows', () => {
    const either = z.union([z.strictObject({ a: z.string() }), z.strictObject({ b: z.string() }), z.string()]);
    expect(fieldsAt(z.strictObject({ x: either.optional() }), ['x'])).toEqual(['a', 'b']);
  });

  it('gives none where there is no object', () => {
    expect(fieldsAt(article, ['title'])).toEqual([]);
    expect(fieldsAt(article, ['no-such-field'])).toEqual([]);
  });
});
