import type { Story } from './story.ts';
import { filingLetter, type IndexEntry } from './entities.ts';

/**
 * Groupings of live stories for listing pages, made in one pass over the
 * archive instead of one filter per page.
 */
export function groupBy<S, K>(stories: readonly S[], keysOf: (story: S) => readonly K[]): Map<K, S[]> {
  const groups = new Map<K, S[]>();
  for (const story of stories) {
    for (const key of new Set(keysOf(story))) {
      const list = groups.get(key);
      if (list) list.push(story);
      else groups.set(key, [story]);
    }
  }
  return groups;
}

export const storiesBySection = <S extends Story<unknown>>(stories: readonly S[]) =>
  groupBy(stories, (s) => [s.section.id]);

/** Authors and contributors alike: a byline's page lists every story they worked on. */
export const storiesByAuthor = <S extends Story<unknown>>(stories: readonly S[]) =>
  groupBy(stories, (s) => [...s.authors.map((a) => a.id), ...s.contributors.map((c) => c.byline.id)]);

export const storiesByTag = <S extends Story<unknown>>(stories: readonly S[]) =>
  groupBy(stories, (s) => s.tags.map((t) => t.slug));

/** The first-seen display name of each tag slug ("Justice Department" for justice-department). */
export function tagNames(stories: readonly Story<unknown>[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of stories) for (const t of s.tags) if (!names.has(t.slug)) names.set(t.slug, t.name);
  return names;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Every tag of the given (live) stories as an alphabetical index entry: its
 * name, page and number of stories, filed under its first letter (accents
 * with their base letter, digits and signs under "#").
 */
export function tagIndex(stories: readonly Story<unknown>[]): IndexEntry[] {
  const entries = [...storiesByTag(stories)].map(([slug, list]): IndexEntry => {
    // The first story's spelling, as the tag's own page (tagNames) shows it.
    const tag = list[0]!.tags.find((t) => t.slug === slug)!;
    return { id: slug, name: tag.name, url: tag.url, count: list.length, letter: filingLetter(tag.name) };
  });
  // By letter first, "#" ahead of A: a name starting with a sign or a digit files together with the others.
  const rank = (letter: string) => (letter === '#' ? '' : letter);
  return entries.sort(
    (a, b) =>
      rank(a.letter).localeCompare(rank(b.letter)) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id),
  );
}
