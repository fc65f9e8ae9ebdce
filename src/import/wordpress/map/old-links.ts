import { LIST_ITEMS } from '../../../schemas/limits.ts';
import { foldedName, oldAddressProblem } from '../../../model/old-address.ts';
import type { ImportNote } from '../import-notes.ts';

/**
 * A WordPress post's old addresses as `redirect_from` paths: its permalink and
 * the pages of its attachments, as plain paths (percent-decoded: the contract
 * takes `/2017/08/03/café/`, not `%C3%A9`). The `?p=<id>` form is not a path;
 * the build answers it from the story's `wordpress.guid`.
 */

/** The path of an absolute address, percent-decoded step by step; undefined when it has a query or is not a URL. */
export function oldPath(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.search !== '' || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  try {
    return url.pathname
      .split('/')
      .map((step) => decodeURIComponent(step))
      .join('/')
      .normalize('NFC');
  } catch {
    return undefined;
  }
}

export interface OldAddresses {
  paths: string[];
  notes: ImportNote[];
}

/**
 * The paths to redirect to `newPath` (the story's own URL, never listed), from the addresses given,
 * first ones first; duplicates, the site's front page and paths the contract cannot take are left out,
 * the last with a note.
 */
export function oldAddresses(addresses: readonly string[], newPath: string): OldAddresses {
  const seen = new Set([foldedName(newPath), '/']);
  const paths: string[] = [];
  const notes: ImportNote[] = [];
  const max = LIST_ITEMS['redirect_from']!;
  for (const address of addresses) {
    const path = oldPath(address);
    if (path === undefined) continue;
    const folded = foldedName(path.endsWith('/') ? path : `${path}/`);
    if (seen.has(folded) || seen.has(foldedName(path))) continue;
    seen.add(folded);
    const problem = oldAddressProblem(path);
    if (problem) {
      notes.push({
        kind: 'redirect-skipped',
        detail: `the old address ${address} cannot be redirected: the path ${problem}. Add a rule for it by hand.`,
      });
      continue;
    }
    if (paths.length >= max) {
      notes.push({
        kind: 'redirect-skipped',
        detail:
          `the old address ${address} is past the ${max} a story keeps in redirect_from. ` +
          'Add a rule for it by hand.',
      });
      continue;
    }
    paths.push(path);
  }
  return { paths, notes };
}
