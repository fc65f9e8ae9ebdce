import type { Author } from '../schemas/registries.ts';
import type { Story } from './story.ts';
import { storiesByAuthor } from './listings.ts';
import { surnameFirst } from './entities.ts';

/** One byline of the /authors/ page: who, their photo and role, and their latest story. */
export interface DirectoryEntry<S> {
  id: string;
  name: string;
  url: string;
  role: string | undefined;
  photo: string | undefined;
  /** Their newest story among those given (the live ones), as author or contributor; undefined if none. */
  latest: S | undefined;
}

export interface StaffDirectory<S> {
  /** People (`kind: person`): staff and contributors, by surname. */
  people: DirectoryEntry<S>[];
  /** Organisations (`kind: organization`): the editorial board, wire services; by name. */
  organizations: DirectoryEntry<S>[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The /authors/ page's model: every registered byline, people apart from
 * organisations, each with their latest story among `liveNewestFirst` (only
 * live stories may be passed: the page must never name any other).
 */
export function staffDirectory<S extends Story<unknown>>(
  authors: Iterable<readonly [string, Author]>,
  liveNewestFirst: readonly S[],
): StaffDirectory<S> {
  const byAuthor = storiesByAuthor(liveNewestFirst);
  const entries = [...authors].map(([id, author]) => ({
    kind: author.kind,
    key: author.kind === 'person' ? surnameFirst(author.name) : author.name,
    entry: {
      id,
      name: author.name,
      url: `/authors/${id}/`,
      role: author.role,
      photo: author.photo,
      latest: byAuthor.get(id)?.[0],
    },
  }));
  entries.sort((a, b) => collator.compare(a.key, b.key) || a.entry.id.localeCompare(b.entry.id));
  return {
    people: entries.filter((e) => e.kind === 'person').map((e) => e.entry),
    organizations: entries.filter((e) => e.kind === 'organization').map((e) => e.entry),
  };
}
