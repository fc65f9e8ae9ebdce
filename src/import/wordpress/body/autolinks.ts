import type { PhrasingContent } from 'mdast';
import { linkProblem } from '../../../model/links.ts';

/**
 * Web addresses in text (`www.example.com`, `https://example.com/x`) as
 * explicit links. GFM makes a link of such an address by itself, and the
 * story renderer (satteri) finds it in the text after escapes are read: an
 * address followed by an escaped character (`www.example.com\<br>`,
 * `https://example.com\<x`) becomes a link to an address with that character
 * in it, or a tag. Inside a link's text no address is linked again, so each
 * is written as one, to where it says. What starts like an address but is
 * none (`www.` and a brace) is written as code, up to the next space: the
 * renderer would make a link to nowhere of it.
 */

const ADDRESS_START = /https?:\/\/|www\./gi;
const DOMAIN_CHARACTER = /[\p{L}\p{N}_.-]/u;
/** Characters that end an address's path: spaces, and what GFM and HTML stop at or would escape. */
const PATH_END = /[\s<>"`{}|\\^[\]]/;
const TRAILING_PUNCTUATION = /[?!.,:;*_~'"]/;

export function explicitLinks(value: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const match of value.matchAll(ADDRESS_START)) {
    if (match.index < at) continue;
    const afterStart = match.index + match[0].length;
    let end = addressEnd(value, afterStart);
    let shown = value.slice(match.index, end);
    // The sanitiser knows schemes in lower case only.
    const url = /^www\./i.test(shown) ? `http://${shown}` : shown.replace(/^https?/i, (s) => s.toLowerCase());
    let node: PhrasingContent;
    if (end > afterStart && linkProblem(url) === undefined) {
      node = { type: 'link', url, title: null, children: [{ type: 'text', value: shown }] };
    } else {
      if (afterStart === value.length || /\s/.test(value[afterStart]!)) continue;
      end = afterStart + (value.slice(afterStart).search(/\s/) + 1 || value.length - afterStart + 1) - 1;
      shown = value.slice(match.index, end);
      node = { type: 'inlineCode', value: shown };
    }
    if (match.index > at) out.push({ type: 'text', value: value.slice(at, match.index) });
    out.push(node);
    at = end;
  }
  if (at === 0) return [{ type: 'text', value }];
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

/** Where the address whose domain starts at `start` ends, as GFM reads one, stopping at more characters. */
function addressEnd(value: string, start: number): number {
  let end = start;
  while (end < value.length && DOMAIN_CHARACTER.test(value[end]!)) end++;
  if (end < value.length && '/?#'.includes(value[end]!)) {
    while (end < value.length && !PATH_END.test(value[end]!)) end++;
  }
  // Punctuation ending a sentence is not the address's, nor a closing parenthesis it did not open.
  for (;;) {
    const last = value[end - 1]!;
    if (end > start && TRAILING_PUNCTUATION.test(last)) end--;
    else if (last === ')' && count(value.slice(start, end), ')') > count(value.slice(start, end), '(')) end--;
    else return end;
  }
}

const count = (text: string, character: string) => text.split(character).length - 1;
