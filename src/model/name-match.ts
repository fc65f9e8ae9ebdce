import type { NameEntry, NameIndex } from './name-index.ts';
import { editDistance } from './spelling.ts';

/**
 * Which people, places and publications a search probably means, from the names index
 * (name-index.ts): the ones it names exactly, and the ones it misspells ("Garceti", "Albequerque").
 * Runs in the reader's browser on every query, against a few thousand names, so each entry's
 * words and keys are worked out once per index (`prepareNameIndex`).
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * A name as matching compares it: lower case, accents dropped ("Inés Ibáñez" is "ines ibanez"),
 * apostrophes and full stops dropped so "O'Brien", "L.A." and "U.S." read as typed without them
 * ("obrien", "la", "us"), any other run of punctuation or spaces one space.
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLDED[c]!)
    .replace(/['’ʼ`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const VOWEL = /[aeiou]/;
const isVowel = (c: string | undefined) => c !== undefined && VOWEL.test(c);

/** One word's key; see `phoneticKey`. */
function wordKey(word: string): string {
  let w = word.replace(/[^a-z]/g, '');
  if (w === '') return '';
  // Silent first letters, and first letters English says otherwise.
  w = w
    .replace(/^(kn|gn|pn|wr)/, (m) => m.slice(1))
    .replace(/^x/, 's')
    .replace(/^wh/, 'w');
  const first = isVowel(w[0]) ? 'a' : '';
  const sounds = w
    .replace(/mb$/, 'm')
    .replace(/ph/g, 'f')
    .replace(/chr/g, 'kr')
    .replace(/s?ch|sh|tch/g, 'X')
    .replace(/th/g, 't')
    .replace(/ck|q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/dg(?=[eiy])/g, 'j')
    .replace(/d/g, 't')
    .replace(/gh(?![aeiouy])/g, (_, at: number) => (at === 0 ? 'g' : ''))
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/v/g, 'f')
    .replace(/([wyh])(?![aeiou])/g, '')
    .replace(/(?<=[^aeiou])h/g, '');
  let key = first;
  for (let i = first ? 1 : 0; i < sounds.length; i++) {
    const c = sounds[i]!;
    if (isVowel(c)) continue;
    if (c !== key.at(-1)) key += c;
  }
  return key.toLowerCase();
}

/**
 * A small Metaphone-like key of each word of a name, for English spellings of names: two
 * spellings that sound alike get one key ("Garcetti" and "Garsetty" are both "grst"). Per word,
 * on its normalised letters: a silent first letter goes (kn, gn, pn, wr → n, n, n, r; wh → w) and
 * a first x is s; final mb → m, ph → f, chr → kr, ch, sch, tch and sh → x (as in "Schmidt"),
 * th → t, ck and q → k, c before e, i or y → s, any other c → k, dg before e, i or y → j, any
 * other d → t, gh not before a vowel is silent (but at the start), g before e, i or y → j,
 * x → ks, z → s, v → f; w, y and h not before a vowel are silent, as is h after a consonant;
 * then vowels are dropped after the first letter (a first vowel, whichever, is "a") and a
 * letter repeated is written once. Words are joined with a space.
 */
export function phoneticKey(text: string): string {
  return normalizeName(text)
    .split(' ')
    .map(wordKey)
    .filter((key) => key !== '')
    .join(' ');
}

export interface NameSuggestions {
  /** Entries whose name or an alias is the query, as normalised: the page the reader asked for. */
  exact: NameEntry[];
  /** Entries the query probably misspells or names in part, best first. */
  close: NameEntry[];
}

/** An entry as matching reads it. */
interface PreparedEntry {
  entry: NameEntry;
  /** The name and each alias, normalised. */
  forms: string[];
  /** Each form's words, with their letter count and phonetic key. */
  words: { text: string; key: string }[][];
}

export interface PreparedNameIndex {
  entries: PreparedEntry[];
  /** Entries by normalised name or alias. */
  byForm: Map<string, NameEntry[]>;
}

const prepared = new WeakMap<NameIndex, PreparedNameIndex>();

/** The index with each entry's normalised names, words and keys; worked out once per index object. */
export function prepareNameIndex(index: NameIndex): PreparedNameIndex {
  const known = prepared.get(index);
  if (known) return known;
  const byForm = new Map<string, NameEntry[]>();
  const entries = index.names.map((entry) => {
    const forms = [...new Set([entry.name, ...entry.aliases].map(normalizeName))].filter((f) => f !== '');
    for (const form of forms) {
      const list = byForm.get(form);
      if (list) list.push(entry);
      else byForm.set(form, [entry]);
    }
    const words = forms.map((form) => form.split(' ').map((text) => ({ text, key: wordKey(text) })));
    return { entry, forms, words };
  });
  const made = { entries, byForm };
  prepared.set(index, made);
  return made;
}

/**
 * How many edits a misspelling of this many letters may hold: none below four letters (a short
 * word is a letter or two from too many others), one up to five, two up to ten, three beyond.
 */
export function editsAllowed(letters: number): number {
  if (letters < 4) return 0;
  if (letters <= 5) return 1;
  if (letters <= 10) return 2;
  return 3;
}

/** Words of fewer letters than this never match by sound: too many short words share a key. */
const PHONETIC_MIN_LETTERS = 4;

/** How close a query comes to an entry: edits, and whether a word needed its sound to match. */
interface Closeness {
  edits: number;
  bySound: boolean;
}

const better = (a: Closeness, b: Closeness | undefined) =>
  b === undefined || Number(a.bySound) - Number(b.bySound) < 0 || (a.bySound === b.bySound && a.edits < b.edits);

/** A query word against a form's words: the nearest one within the edits allowed, else one that sounds alike. */
function wordMatch(word: { text: string; key: string }, words: readonly { text: string; key: string }[]) {
  const allowed = editsAllowed(word.text.length);
  let found: Closeness | undefined;
  for (const candidate of words) {
    if (Math.abs(candidate.text.length - word.text.length) <= allowed) {
      const edits = candidate.text === word.text ? 0 : allowed === 0 ? 1 : editDistance(word.text, candidate.text);
      if (edits <= allowed && better({ edits, bySound: false }, found)) found = { edits, bySound: false };
    }
    if (
      found === undefined &&
      word.text.length >= PHONETIC_MIN_LETTERS &&
      candidate.text.length >= PHONETIC_MIN_LETTERS &&
      word.key !== '' &&
      word.key === candidate.key
    )
      found = { edits: 0, bySound: true };
  }
  return found;
}

function closeness(query: string, words: { text: string; key: string }[], entry: PreparedEntry) {
  let best: Closeness | undefined;
  const letters = query.replaceAll(' ', '').length;
  const allowed = editsAllowed(letters);
  entry.forms.forEach((form, i) => {
    // The whole query against the whole name: "Jef Sesions".
    if (allowed > 0 && Math.abs(form.length - query.length) <= allowed) {
      const edits = editDistance(query, form);
      if (edits <= allowed && better({ edits, bySound: false }, best)) best = { edits, bySound: false };
    }
    // Each query word against a word of the name: a surname alone, or a name spelt word by word.
    let sum: Closeness | undefined = { edits: 0, bySound: false };
    for (const word of words) {
      const match = wordMatch(word, entry.words[i]!);
      if (!match) {
        sum = undefined;
        break;
      }
      sum = { edits: sum.edits + match.edits, bySound: sum.bySound || match.bySound };
    }
    if (sum && better(sum, best)) best = sum;
  });
  return best;
}

/**
 * The entries a search names exactly, and up to `limit` it probably means: the whole query
 * within a few edits of a name or alias (more for longer names: `editsAllowed`), or each of its
 * words matching a word of one, by edits or by sound (`phoneticKey`, words of four letters or
 * more). A query needs one word of four letters or more to be matched in part, so "of" or "nm"
 * suggests nothing. Fewer edits rank first, then matches by sound, then the entry with more
 * stories. An exact entry is never among the close ones.
 */
export function suggestNames(query: string, index: NameIndex, limit = 3): NameSuggestions {
  const q = normalizeName(query);
  if (q === '') return { exact: [], close: [] };
  const { entries, byForm } = prepareNameIndex(index);
  const exact = byForm.get(q) ?? [];
  const words = q.split(' ').map((text) => ({ text, key: wordKey(text) }));
  if (limit <= 0 || !words.some((w) => w.text.length >= PHONETIC_MIN_LETTERS)) return { exact: [...exact], close: [] };
  const found: { entry: NameEntry; match: Closeness }[] = [];
  for (const candidate of entries) {
    if (exact.includes(candidate.entry)) continue;
    const match = closeness(q, words, candidate);
    if (match) found.push({ entry: candidate.entry, match });
  }
  found.sort(
    (a, b) =>
      Number(a.match.bySound) - Number(b.match.bySound) ||
      a.match.edits - b.match.edits ||
      b.entry.stories - a.entry.stories ||
      (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0) ||
      (a.entry.url < b.entry.url ? -1 : 1),
  );
  return { exact: [...exact], close: found.slice(0, limit).map((f) => f.entry) };
}
