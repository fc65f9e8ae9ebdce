import { slug } from './slug.ts';

export interface AliasedEntry {
  name: string;
  aliases: readonly string[];
}

/**
 * Resolves a name as written in a story to a registry identity: "LA Times" and
 * "Los Angeles Times" both become `los-angeles-times` when the registry file
 * lists the alias. Names without an entry keep their own slug.
 */
export interface AliasResolver {
  /** The identity slug for a name as written. */
  idOf(name: string): string;
  /** The display name: the registry's name where there is an entry, else the name as written. */
  nameOf(name: string): string;
  /** The registry's name for an identity, if it has an entry. */
  registeredName(id: string): string | undefined;
}

export function aliasResolver(entries: ReadonlyMap<string, AliasedEntry>): AliasResolver {
  const bySlug = new Map<string, string>();
  for (const [id, entry] of entries) {
    for (const alias of [entry.name, ...entry.aliases]) bySlug.set(slug(alias), id);
    bySlug.set(id, id);
  }
  const idOf = (name: string) => {
    const s = slug(name);
    return bySlug.get(s) ?? s;
  };
  return {
    idOf,
    nameOf: (name) => entries.get(idOf(name))?.name ?? name,
    registeredName: (id) => entries.get(id)?.name,
  };
}
