import { MAX_SLUG_LENGTH } from '../../../model/file-names.ts';
import { slug } from '../../../model/slug.ts';
import type { ImportNote } from '../import-notes.ts';

/**
 * Handing out URL names for a whole archive at once, so that the same export
 * always gives the same names whatever order files are written in: a post
 * keeps the name an earlier import gave it; otherwise it gets the contract's
 * slug of its WordPress name, and when two posts want one name the earlier
 * post (by date, then id) keeps it and the later gets `-2`, `-3`, …
 */
export interface SlugRequest {
  id: number;
  postName: string;
  title: string;
  /** Sorts the requests: the earliest post keeps a contested name. */
  order: string;
}

export interface SlugGrant {
  slug: string;
  notes: ImportNote[];
}

/** `wp:post_name` as WordPress stores it, percent-encoded; text that is not valid encoding is taken as it is. */
export function decodedPostName(postName: string): string {
  try {
    return decodeURIComponent(postName);
  } catch {
    return postName;
  }
}

/** A slug cut to the length limit at a hyphen where one is near, never ending in one. */
export function withinSlugLength(name: string, room = MAX_SLUG_LENGTH): string {
  if (name.length <= room) return name;
  const cut = name.slice(0, room);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > room / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** The name a post asks for: its WordPress name, else its title, else `post-<id>`. */
export function wantedSlug(
  request: Pick<SlugRequest, 'id' | 'postName' | 'title'>,
  fallback: 'post' | 'page' = 'post',
): string {
  return withinSlugLength(
    slug(decodedPostName(request.postName)) || slug(request.title) || `${fallback}-${request.id}`,
  );
}

/**
 * Names for every request. `kept` are names earlier imports gave (by post id); `taken` are names
 * already used by files the import does not own.
 */
export function grantSlugs(
  requests: readonly SlugRequest[],
  kept: ReadonlyMap<number, string>,
  taken: ReadonlySet<string>,
  fallback: 'post' | 'page' = 'post',
): Map<number, SlugGrant> {
  const used = new Set(taken);
  const grants = new Map<number, SlugGrant>();
  for (const request of requests) {
    const name = kept.get(request.id);
    if (name !== undefined) {
      used.add(name);
      grants.set(request.id, { slug: name, notes: [] });
    }
  }
  const ordered = [...requests]
    .filter((r) => !grants.has(r.id))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id - b.id));
  for (const request of ordered) {
    const wanted = wantedSlug(request, fallback);
    const notes: ImportNote[] = [];
    let granted = wanted;
    for (let n = 2; used.has(granted); n++) {
      const suffix = `-${n}`;
      granted = withinSlugLength(wanted, MAX_SLUG_LENGTH - suffix.length) + suffix;
    }
    if (granted !== wanted) {
      notes.push({
        kind: 'slug-collision',
        detail:
          fallback === 'post'
            ? `another story already has the address name "${wanted}"; this one is "${granted}". ` +
              'Rename the file (and keep its old address in redirect_from) if another name suits it better.'
            : `the address /${wanted}/ is taken by another page or by the site itself; this page is /${granted}/. ` +
              'Rename the file, and its link in site.yaml, if another name suits it better.',
      });
    }
    used.add(granted);
    grants.set(request.id, { slug: granted, notes });
  }
  return grants;
}
