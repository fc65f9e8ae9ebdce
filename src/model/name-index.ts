import { personUrl, placeUrl, publicationUrl, storyCount, type Entity, type EntityIndex } from './entities.ts';
import { normalizeName } from './name-match.ts';
import type { Story } from './story.ts';

/**
 * The names index (`/search/names.json`, decision 0049): every person, place and publication
 * with a page, under the name its page shows, with the other names readers and writers use for
 * it and how many live stories its page lists. The search page loads it before Pagefind answers,
 * to put the page of a name searched for first and to offer "Did you mean …?" (name-match.ts).
 * Only pages' entities are in it, and they come from live stories alone (entities.ts), so
 * nothing of a draft, an embargoed or a removed story can reach it.
 */

export type NameKind = 'person' | 'place' | 'publication';

export interface NameEntry {
  name: string;
  kind: NameKind;
  /** The entity's page: `/people/<id>/`, `/places/<id>/`, `/sources/<id>/`. */
  url: string;
  /** Other names for it, without the name itself: the registry's aliases and the names stories wrote. */
  aliases: string[];
  /** Live stories its page lists. */
  stories: number;
}

export interface NameIndex {
  names: NameEntry[];
}

export const NAME_INDEX_PATH = '/search/names.json';

/** The format's version, so a reader never takes a file of another shape for this one. */
const VERSION = 1;

const KINDS: readonly { kind: NameKind; letter: 'p' | 'l' | 's'; url: (id: string) => string }[] = [
  { kind: 'person', letter: 'p', url: personUrl },
  { kind: 'place', letter: 'l', url: placeUrl },
  { kind: 'publication', letter: 's', url: publicationUrl },
];

/** What an entity's aliases come from besides the stories: its registry entry, if it has one. */
export interface NameRegistries {
  person(id: string): { aliases: readonly string[] } | undefined;
  publication(id: string): { aliases: readonly string[] } | undefined;
}

/** The names each story wrote for an entity, newest story first. */
function writtenNames(entity: Entity<Pick<Story, 'officials' | 'locations' | 'sources'>>): string[] {
  if (entity.kind === 'person')
    return entity.appearances.flatMap(({ story }) =>
      story.officials.filter((o) => o.id === entity.id).map((o) => o.name),
    );
  if (entity.kind === 'place')
    return entity.stories.flatMap((story) => story.locations.filter((l) => l.id === entity.id).map((l) => l.name));
  return entity.citations.flatMap(({ story }) => story.sources.filter((s) => s.id === entity.id).map((s) => s.name));
}

/** Other names, one spelling of each as normalised, the registry's first; none that is the name itself. */
function aliasesOf(name: string, registered: readonly string[], written: readonly string[]): string[] {
  const seen = new Set([normalizeName(name)]);
  const aliases: string[] = [];
  for (const alias of [...registered, ...[...written].sort()]) {
    const key = normalizeName(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}

/**
 * The index of every entity that has a page: the model's people, places and publications,
 * built from the live stories (`entityIndex`). A place goes by its label ("Albuquerque, NM"),
 * as its page's heading does, and the name stories wrote for it ("Albuquerque") is an alias.
 */
export function buildNameIndex(
  entities: EntityIndex<Pick<Story, 'officials' | 'locations' | 'sources'>>,
  registries: NameRegistries,
): NameIndex {
  const names: NameEntry[] = [];
  for (const person of entities.people.values())
    names.push({
      name: person.name,
      kind: 'person',
      url: person.url,
      aliases: aliasesOf(person.name, registries.person(person.id)?.aliases ?? [], writtenNames(person)),
      stories: storyCount(person),
    });
  for (const place of entities.places.values())
    names.push({
      name: place.label,
      kind: 'place',
      url: place.url,
      aliases: aliasesOf(place.label, [], writtenNames(place)),
      stories: storyCount(place),
    });
  for (const publication of entities.publications.values())
    names.push({
      name: publication.name,
      kind: 'publication',
      url: publication.url,
      aliases: aliasesOf(
        publication.name,
        registries.publication(publication.id)?.aliases ?? [],
        writtenNames(publication),
      ),
      stories: storyCount(publication),
    });
  return { names: sortedEntries(names) };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Kinds in index order, then by page address: one order whatever order the entities came in. */
function sortedEntries(names: readonly NameEntry[]): NameEntry[] {
  const rank = (kind: NameKind) => KINDS.findIndex((k) => k.kind === kind);
  return [...names].sort((a, b) => rank(a.kind) - rank(b.kind) || byCodePoint(a.url, b.url));
}

/**
 * The id a page address is written from when it is the name's own slug, as far as the browser
 * can make it without a transliteration table: accents dropped, anything else but a-z and 0-9
 * a hyphen. The file leaves out an id this gives; any other is written.
 */
function plainSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An entry of the file: name, stories, then aliases and id when there are any. */
type EncodedEntry = [name: string, stories: number, aliases?: string[], id?: string];

function idOf(entry: NameEntry): string {
  const kind = KINDS.find((k) => k.kind === entry.kind)!;
  // `url('')` is the prefix and its closing slash: `/people//`.
  const id = entry.url.slice(kind.url('').length - 1, -1);
  if (entry.url !== kind.url(id) || !ID.test(id)) throw new Error(`${entry.url} is not a ${entry.kind}'s page`);
  return id;
}

/**
 * The index as the file holds it, small because the search page loads it before anything
 * else: `{"v":1,"p":[…],"l":[…],"s":[…]}`, people, places and publications, each entry
 * `[name, stories, aliases?, id?]` in page-address order; the id is left out when the name
 * gives it (`plainSlug`), the aliases when there are none.
 */
export function nameIndexJson(index: NameIndex): string {
  const groups: Record<string, EncodedEntry[]> = { p: [], l: [], s: [] };
  for (const entry of sortedEntries(index.names)) {
    const id = idOf(entry);
    const encoded: EncodedEntry = [entry.name, entry.stories];
    if (entry.aliases.length || id !== plainSlug(entry.name)) encoded.push([...entry.aliases]);
    if (id !== plainSlug(entry.name)) encoded.push(id);
    groups[KINDS.find((k) => k.kind === entry.kind)!.letter]!.push(encoded);
  }
  return JSON.stringify({ v: VERSION, ...groups });
}

class NameIndexError extends Error {
  constructor(message: string) {
    super(`The names index is not one this site wrote: ${message}`);
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function decodeEntry(value: unknown, kind: (typeof KINDS)[number]): NameEntry {
  if (!Array.isArray(value) || value.length < 2 || value.length > 4) throw new NameIndexError('an entry is not a list');
  const [name, stories, aliases = [], id = plainSlug(String(name))] = value as unknown[];
  if (!isText(name)) throw new NameIndexError('an entry has no name');
  if (typeof stories !== 'number' || !Number.isInteger(stories) || stories < 0)
    throw new NameIndexError(`${name} has no story count`);
  if (!Array.isArray(aliases) || !aliases.every(isText))
    throw new NameIndexError(`${name} has aliases that are not names`);
  if (typeof id !== 'string' || !ID.test(id)) throw new NameIndexError(`${name} has no page address`);
  return { name, kind: kind.kind, url: kind.url(id), aliases: [...aliases], stories };
}

/** Reads the file `nameIndexJson` writes (parsed), and throws on anything else. */
export function readNameIndex(json: unknown): NameIndex {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new NameIndexError('not an object');
  const file = json as Record<string, unknown>;
  if (file['v'] !== VERSION) throw new NameIndexError(`version ${String(file['v'])}, not ${VERSION}`);
  const names: NameEntry[] = [];
  for (const kind of KINDS) {
    const group = file[kind.letter];
    if (!Array.isArray(group)) throw new NameIndexError(`no list of ${kind.kind} names`);
    for (const value of group) names.push(decodeEntry(value, kind));
  }
  return { names };
}
