import type { ArchiveEntry } from '../read/archive-index.ts';
import type { WxrSite } from '../read/wxr-types.ts';

/**
 * Links between the old site's own posts, made links between the new site's
 * pages: a story linking to another by its WordPress permalink (or `?p=`
 * address) links to its new address, without a redirect on the way, and
 * does not break if the old domain goes away.
 */

/** The host names the old site answered at. */
export function oldSiteHosts(site: WxrSite | undefined): string[] {
  const hosts = new Set<string>();
  for (const address of [site?.link, site?.baseSiteUrl, site?.baseBlogUrl]) {
    try {
      if (address) hosts.add(new URL(address).hostname.toLowerCase());
    } catch {
      // Not an address: nothing of it to match.
    }
  }
  return [...hosts];
}

/** What identifies a link to one of the old site's pages: its path (decoded, with a final slash) or its `?p=` id. */
export function oldLinkKey(address: string, hosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !hosts.includes(url.hostname.toLowerCase()))
    return undefined;
  const id = url.searchParams.get('p') ?? url.searchParams.get('page_id');
  if (id && /^[1-9][0-9]*$/.test(id)) return `id:${id}`;
  if (url.search !== '') return undefined;
  try {
    const path = decodeURIComponent(url.pathname).normalize('NFC');
    return `path:${path.endsWith('/') ? path : `${path}/`}`;
  } catch {
    return undefined;
  }
}

/** The new address of each old page that has one (live stories and policy pages), by `oldLinkKey`. */
export function linkTargets(
  entries: readonly Pick<ArchiveEntry, 'id' | 'link'>[],
  newPathOf: (id: number) => string | undefined,
  hosts: readonly string[],
): Map<string, string> {
  const targets = new Map<string, string>();
  for (const entry of entries) {
    const target = newPathOf(entry.id);
    if (!target) continue;
    targets.set(`id:${entry.id}`, target);
    const key = entry.link ? oldLinkKey(entry.link, hosts) : undefined;
    if (key) targets.set(key, target);
  }
  return targets;
}

/** The new address a link to the old site leads to, keeping its `#fragment`; undefined for any other link. */
export function newAddressOf(address: string, targets: ReadonlyMap<string, string>, hosts: readonly string[]) {
  const key = oldLinkKey(address, hosts);
  const target = key ? targets.get(key) : undefined;
  if (!target) return undefined;
  const hash = address.indexOf('#');
  return hash >= 0 ? `${target}${address.slice(hash)}` : target;
}
