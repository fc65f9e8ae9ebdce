/**
 * The names the reader may have meant, shown above the results: the page of a
 * person, place or publication whose name the query is ("the person's page
 * first"), or, when a search finds little, the closest names by spelling and
 * sound ("Did you mean Eric Garcetti?"). The names index is a small JSON file
 * (src/model/name-index.ts), so this works even where Pagefind cannot start.
 */
import { NAME_INDEX_PATH, readNameIndex, type NameEntry, type NameIndex } from '../model/name-index.ts';
import { normalizeName, suggestNames } from '../model/name-match.ts';

/** Fewer results than this and the closest names are offered too. */
export const FEW_RESULTS = 3;

const KIND_LABELS: Record<NameEntry['kind'], string> = {
  person: 'Person',
  place: 'Place',
  publication: 'Publication',
};

let loading: Promise<NameIndex | undefined> | undefined;

/** The names index, fetched once; undefined when it cannot be had (suggestions are a help, not a need). */
export function loadNameIndex(): Promise<NameIndex | undefined> {
  loading ??= fetch(NAME_INDEX_PATH)
    .then((response) => (response.ok ? response.json() : undefined))
    .then((json: unknown) => (json === undefined ? undefined : readNameIndex(json)))
    .catch(() => undefined);
  return loading;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

const storyCount = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;
const searchFor = (name: string) => `/search/?q=${encodeURIComponent(name).replace(/%20/g, '+')}`;

/** "Eric Garcetti · Person · 12 stories", the name linking to its page. */
function exactLine(entry: NameEntry): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'name-match';
  line.append(link(entry.url, entry.name), ` · ${KIND_LABELS[entry.kind]} · ${storyCount(entry.stories)}`);
  return line;
}

/** "Did you mean Eric Garcetti (person, 12 stories; search for Eric Garcetti)?", one or more names. */
function didYouMeanLine(entries: readonly NameEntry[]): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'name-suggestion';
  line.append('Did you mean ');
  entries.forEach((entry, i) => {
    if (i > 0) line.append(i === entries.length - 1 ? ' or ' : ', ');
    line.append(
      link(entry.url, entry.name),
      ` (${KIND_LABELS[entry.kind].toLowerCase()}, ${storyCount(entry.stories)}; `,
      link(searchFor(entry.name), `search for ${entry.name}`),
      ')',
    );
  });
  line.append('?');
  return line;
}

/**
 * Whether the close names are worth offering: when the search found little, when a word of the
 * query was found nowhere as typed (`misspelt`: Pagefind then matches a shorter word, so its
 * results say little), or when the query has two words or more and still came close to a name
 * (every word of it matched a word of that name, so it reads as a name: "Edward Turres").
 */
export function offersCloseNames(query: string, results: number, misspelt = false): boolean {
  return results < FEW_RESULTS || misspelt || normalizeName(query).split(' ').length >= 2;
}

/**
 * Fills `box` with the names for `query`: exact matches always, close ones when
 * `offersCloseNames`. Empties and hides it when there are none.
 */
export function showNameSuggestions(
  box: HTMLElement,
  index: NameIndex | undefined,
  query: string,
  results: number,
  misspelt = false,
) {
  const found = index && query ? suggestNames(query, index) : { exact: [], close: [] };
  const lines = [
    ...found.exact.map(exactLine),
    ...(offersCloseNames(query, results, misspelt) && found.close.length ? [didYouMeanLine(found.close)] : []),
  ];
  box.replaceChildren(...lines);
  box.hidden = lines.length === 0;
}
