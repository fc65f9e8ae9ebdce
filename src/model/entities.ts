import type { Story } from './story.ts';

/**
 * The newsroom's record as pages: every person quoted, place covered and
 * publication cited by the live stories, each with its stories newest first.
 * Built from the stories' view models, whose ids are already resolved through
 * the registries (`id`, aliases), so two spellings of one name meet here and
 * two people of one name told apart by `id` do not.
 */

export interface RegistryInfo {
  name: string;
  bio?: string | undefined;
  url?: string | undefined;
}

/** One title and organisation a person was quoted under, and when. */
export interface PersonRole {
  title: string | undefined;
  organization: string | undefined;
  first: Date;
  last: Date;
  stories: number;
}

export interface PersonEntity<S> {
  kind: 'person';
  id: string;
  name: string;
  url: string;
  bio: string | undefined;
  /** The registry's link for the person (an official biography), if any. */
  website: string | undefined;
  /** Newest first. */
  roles: PersonRole[];
  /** Each story quoting the person, newest first, with what they were quoted as there. */
  appearances: { story: S; title: string | undefined; organization: string | undefined }[];
}

export interface PlaceEntity<S> {
  kind: 'place';
  id: string;
  name: string;
  /** "Albuquerque, NM" or "Manchester, GB". */
  label: string;
  region: string | undefined;
  country: string;
  lat: number | undefined;
  lon: number | undefined;
  url: string;
  stories: S[];
}

export interface PublicationEntity<S> {
  kind: 'publication';
  id: string;
  name: string;
  url: string;
  website: string | undefined;
  /** Each story citing the publication, newest first, with the pieces it cited. */
  citations: { story: S; links: { url: string; title: string | undefined; published: string | undefined }[] }[];
}

export type Entity<S> = PersonEntity<S> | PlaceEntity<S> | PublicationEntity<S>;

export interface EntityIndex<S> {
  people: Map<string, PersonEntity<S>>;
  places: Map<string, PlaceEntity<S>>;
  publications: Map<string, PublicationEntity<S>>;
}

export const personUrl = (id: string) => `/people/${id}/`;
export const placeUrl = (id: string) => `/places/${id}/`;
export const publicationUrl = (id: string) => `/sources/${id}/`;

/** How many stories an entity appears in. */
export function storyCount(entity: Entity<unknown>): number {
  if (entity.kind === 'person') return entity.appearances.length;
  if (entity.kind === 'place') return entity.stories.length;
  return entity.citations.length;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * Builds the index from live stories, which must come newest first (as the
 * newsroom keeps them): entities then list their stories newest first, and a
 * name without a registry entry is shown as the newest story wrote it.
 */
export function entityIndex<S extends Story<unknown>>(
  live: readonly S[],
  registries: { person(id: string): RegistryInfo | undefined; publication(id: string): RegistryInfo | undefined },
): EntityIndex<S> {
  const people = new Map<string, PersonEntity<S>>();
  const places = new Map<string, PlaceEntity<S>>();
  const publications = new Map<string, PublicationEntity<S>>();
  const roleKeys = new Map<string, Map<string, PersonRole>>();

  for (const story of live) {
    const quoted = new Set<string>();
    for (const official of story.officials) {
      // Listed twice in one story (say, under two titles): one appearance.
      if (quoted.has(official.id)) continue;
      quoted.add(official.id);
      const registered = registries.person(official.id);
      const person = getOrAdd(people, official.id, () => ({
        kind: 'person' as const,
        id: official.id,
        name: registered?.name ?? official.name,
        url: personUrl(official.id),
        bio: registered?.bio,
        website: registered?.url,
        roles: [],
        appearances: [],
      }));
      person.appearances.push({ story, title: official.title, organization: official.organization });
      if (official.title || official.organization) {
        const roles = getOrAdd(roleKeys, official.id, () => new Map());
        const key = `${official.title ?? ''}\u0000${official.organization ?? ''}`;
        const role = roles.get(key);
        if (role) {
          // Stories arrive newest first, so each later one is older.
          role.first = story.date;
          role.stories += 1;
        } else {
          const added = {
            title: official.title,
            organization: official.organization,
            first: story.date,
            last: story.date,
            stories: 1,
          };
          roles.set(key, added);
          person.roles.push(added);
        }
      }
    }

    const covered = new Set<string>();
    for (const location of story.locations) {
      if (covered.has(location.id)) continue;
      covered.add(location.id);
      const place = getOrAdd(places, location.id, () => ({
        kind: 'place' as const,
        id: location.id,
        name: location.name,
        label: location.label,
        region: location.region,
        country: location.country,
        lat: location.lat,
        lon: location.lon,
        url: placeUrl(location.id),
        stories: [],
      }));
      // The newest story with coordinates places the pin; an older one fills a gap.
      if (place.lat === undefined && location.lat !== undefined) {
        place.lat = location.lat;
        place.lon = location.lon;
      }
      place.stories.push(story);
    }

    const cited = new Map<string, PublicationEntity<S>['citations'][number]>();
    for (const source of story.sources) {
      const publication = getOrAdd(publications, source.id, () => {
        const registered = registries.publication(source.id);
        return {
          kind: 'publication' as const,
          id: source.id,
          name: registered?.name ?? source.name,
          url: publicationUrl(source.id),
          website: registered?.url,
          citations: [],
        };
      });
      const citation = getOrAdd(cited, source.id, () => {
        const added = { story, links: [] };
        publication.citations.push(added);
        return added;
      });
      citation.links.push({ url: source.url, title: source.title, published: source.published });
    }
  }
  return { people, places, publications };
}

export interface IndexEntry {
  id: string;
  name: string;
  url: string;
  count: number;
  /** What the entry is filed under: "A"…"Z", or "#" for names that start otherwise. */
  letter: string;
  /** More to tell one entry from another of the same name: a role, a region. */
  note?: string | undefined;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The letter an index files a name under; accented initials go with their base letter. */
export function filingLetter(name: string): string {
  const first = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** People are filed by surname ("Sessions, Jeff"); places and publications by their name. */
export function sortName(entity: Entity<unknown>): string {
  return entity.kind === 'person' ? surnameFirst(entity.name) : entity.name;
}

/** A person's name as an index files it: "Sessions Jeff", "King Martin Luther Jr.". */
export function surnameFirst(name: string): string {
  const words = name.trim().split(/\s+/);
  const suffix = words.length > 2 && /^(jr|sr|ii|iii|iv|v)\.?$/i.test(words.at(-1)!) ? words.pop() : undefined;
  const surname = words.pop()!;
  return [surname, ...words, suffix].filter(Boolean).join(' ');
}

/** An alphabetical index of entities, with story counts. */
export function alphabeticalIndex(entities: Iterable<Entity<unknown>>): IndexEntry[] {
  const rows = [...entities].map((entity) => ({ entity, key: sortName(entity) }));
  rows.sort((a, b) => collator.compare(a.key, b.key) || a.entity.id.localeCompare(b.entity.id));
  return rows.map(({ entity, key }) => ({
    id: entity.id,
    name: entity.name,
    url: entity.url,
    count: storyCount(entity),
    letter: filingLetter(key),
    note: entity.kind === 'person' ? roleNote(entity) : undefined,
  }));
}

function roleNote(person: PersonEntity<unknown>): string | undefined {
  const role = person.roles[0];
  return role ? [role.title, role.organization].filter(Boolean).join(', ') : undefined;
}

/** Index entries grouped under their letters, in order. */
export function byLetter(entries: readonly IndexEntry[]): { letter: string; entries: IndexEntry[] }[] {
  const groups: { letter: string; entries: IndexEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.letter === entry.letter) last.entries.push(entry);
    else groups.push({ letter: entry.letter, entries: [entry] });
  }
  return groups;
}

export interface IndexPage {
  /** 1-based. */
  number: number;
  groups: { letter: string; entries: IndexEntry[] }[];
}

/**
 * Splits a large index into pages of about `perPage` entries, each grouped by
 * letter, and a letter bar pointing at where each letter starts.
 */
export function indexPages(
  entries: readonly IndexEntry[],
  perPage: number,
  pageUrl: (n: number) => string,
): { pages: IndexPage[]; letters: { letter: string; href: string }[] } {
  const pages: IndexPage[] = [];
  for (let i = 0; i < entries.length || pages.length === 0; i += perPage) {
    pages.push({ number: pages.length + 1, groups: byLetter(entries.slice(i, i + perPage)) });
  }
  const letters: { letter: string; href: string }[] = [];
  for (const page of pages) {
    for (const group of page.groups) {
      if (!letters.some((l) => l.letter === group.letter))
        letters.push({ letter: group.letter, href: `${pageUrl(page.number)}#letter-${letterAnchor(group.letter)}` });
    }
  }
  return { pages, letters };
}

export const letterAnchor = (letter: string) => (letter === '#' ? 'other' : letter.toLowerCase());
