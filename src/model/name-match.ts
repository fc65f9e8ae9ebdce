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
    .replace(/['‘’ʼ`.]/g, '')
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
  /** Each form's letters counted, to rule out most forms before measuring edits. */
  letters: Uint8Array[];
  /** Each form's words. */
  words: string[][];
}

export interface PreparedNameIndex {
  entries: PreparedEntry[];
  /** Entries by normalised name or alias. */
  byForm: Map<string, NameEntry[]>;
  /** Every word of every form, with its phonetic key: names share words, so a query word is compared with each once. */
  vocabulary: Map<string, string>;
}

const prepared = new WeakMap<NameIndex, PreparedNameIndex>();

/** How many times each character of a form occurs, by character code folded into 64 counters. */
function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(64);
  for (let i = 0; i < text.length; i++) {
    const slot = text.charCodeAt(i) & 63;
    counts[slot] = Math.min(255, counts[slot]! + 1);
  }
  return counts;
}

/**
 * At most the edits from one to the other: an edit changes the letters counted by two at most
 * (a replacement takes one letter and adds another), so half their difference is a lower bound.
 */
function fewestEdits(a: Uint8Array, b: Uint8Array): number {
  let difference = 0;
  for (let i = 0; i < 64; i++) difference += Math.abs(a[i]! - b[i]!);
  return Math.ceil(difference / 2);
}

/** The index with each entry's normalised names, words and keys; worked out once per index object. */
export function prepareNameIndex(index: NameIndex): PreparedNameIndex {
  const known = prepared.get(index);
  if (known) return known;
  const byForm = new Map<string, NameEntry[]>();
  const vocabulary = new Map<string, string>();
  const entries = index.names.map((entry) => {
    const forms = [...new Set([entry.name, ...entry.aliases].map(normalizeName))].filter((f) => f !== '');
    for (const form of forms) {
      const list = byForm.get(form);
      if (list) list.push(entry);
      else byForm.set(form, [entry]);
    }
    const words = forms.map((form) => form.split(' '));
    for (const word of words.flat()) if (!vocabulary.has(word)) vocabulary.set(word, wordKey(word));
    return { entry, forms, letters: forms.map(letterCounts), words };
  });
  const made = { entries, byForm, vocabulary };
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

/** The words of the index a query word matches: those within the edits allowed, else those that sound alike. */
function wordMatches(word: string, vocabulary: ReadonlyMap<string, string>): Map<string, Closeness> {
  const allowed = editsAllowed(word.length);
  const key = word.length >= PHONETIC_MIN_LETTERS ? wordKey(word) : '';
  const matches = new Map<string, Closeness>();
  for (const [candidate, candidateKey] of vocabulary) {
    if (candidate === word) matches.set(candidate, { edits: 0, bySound: false });
    else if (allowed > 0 && Math.abs(candidate.length - word.length) <= allowed) {
      const edits = editDistance(word, candidate);
      if (edits <= allowed) {
        matches.set(candidate, { edits, bySound: false });
        continue;
      }
    }
    if (key !== '' && candidate.length >= PHONETIC_MIN_LETTERS && candidateKey === key && !matches.has(candidate))
      matches.set(candidate, { edits: 0, bySound: true });
  }
  return matches;
}

/** The query's words, each with the words of the index it matches. */
type QueryWords = Map<string, Closeness>[];

function closeness(
  query: { text: string; letters: Uint8Array; allowed: number; words: QueryWords },
  entry: PreparedEntry,
): Closeness | undefined {
  let best: Closeness | undefined;
  entry.forms.forEach((form, i) => {
    // The whole query against the whole name: "Jef Sesions".
    const { allowed } = query;
    if (
      allowed > 0 &&
      Math.abs(form.length - query.text.length) <= allowed &&
      fewestEdits(query.letters, entry.letters[i]!) <= allowed
    ) {
      const edits = editDistance(query.text, form);
      if (edits <= allowed && better({ edits, bySound: false }, best)) best = { edits, bySound: false };
    }
    // Each query word against a word of the name: a surname alone, or a name spelt word by word.
    let sum: Closeness | undefined = { edits: 0, bySound: false };
    for (const matches of query.words) {
      let match: Closeness | undefined;
      for (const word of entry.words[i]!) {
        const found = matches.get(word);
        if (found && better(found, match)) match = found;
      }
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
  const { entries, byForm, vocabulary } = prepareNameIndex(index);
  const exact = byForm.get(q) ?? [];
  const words = q.split(' ');
  if (limit <= 0 || !words.some((w) => w.length >= PHONETIC_MIN_LETTERS)) return { exact: [...exact], close: [] };
  const asked = {
    text: q,
    letters: letterCounts(q),
    allowed: editsAllowed(q.replaceAll(' ', '').length),
    words: words.map((word) => wordMatches(word, vocabulary)),
  };
  const found: { entry: NameEntry; match: Closeness }[] = [];
  for (const candidate of entries) {
    if (exact.includes(candidate.entry)) continue;
    const match = closeness(asked, candidate);
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
