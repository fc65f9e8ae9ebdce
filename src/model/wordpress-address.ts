import { oldAddressProblem } from './old-address.ts';

/**
 * The `?p=<id>` address of a post imported from WordPress. WordPress's guid is
 * that address (`https://old.example/news/?p=123`), and it answers it on every
 * site whatever the permalink setting, so old links and feeds use it. It is not
 * a path `redirect_from` can hold; `_redirects` matches it by its query.
 */
export interface QueryAddress {
  /** The path the query is asked of: `/news/`. */
  path: string;
  /** `p` (a post) or `page_id` (a page). */
  name: 'p' | 'page_id';
  value: string;
}

/**
 * The `?p=` address of post `id` from its guid: only when the guid names that very post (a guid
 * keeps the number a post had on the blog it was first written on).
 */
export function wordpressQueryAddress(guid: string | undefined, id: number): QueryAddress | undefined {
  if (!guid) return undefined;
  let url: URL;
  try {
    url = new URL(guid);
  } catch {
    return undefined;
  }
  const keys = [...url.searchParams.keys()];
  if (keys.length !== 1 || (keys[0] !== 'p' && keys[0] !== 'page_id')) return undefined;
  const value = url.searchParams.get(keys[0])!;
  if (value !== String(id)) return undefined;
  const path = url.pathname || '/';
  if (path !== '/' && oldAddressProblem(path)) return undefined;
  return { path, name: keys[0], value };
}
