/**
 * The WordPress site the benchmark export comes from: its users, Co-Authors
 * Plus guest authors, categories, tags and the `author` terms Co-Authors Plus
 * keeps for every byline. Small and fixed for a seed; the posts (wxr-export.ts)
 * draw from it.
 */
import { Rng } from './prng.ts';
import { FIRST_NAMES, LAST_NAMES, NOUNS, PLACES, TAGS } from './corpus-pools.ts';
import { wpSlug } from './wxr-text.ts';

export const HOME = 'https://www.harborgazette.example';
/** Where posts older than the move to HTTPS still point their guid. */
export const OLD_HOME = 'http://www.harborgazette.example';
export const HTTPS_SINCE = Date.UTC(2016, 5, 1);
export const SITE_TITLE = 'The Harbor Gazette';
export const SITE_DESCRIPTION = 'Independent reporting from the harbor towns';
export const WORDPRESS_VERSION = '6.7.1';
/** The instant the export was made; posts scheduled after it are `future`. */
export const EXPORTED_AT = Date.UTC(2026, 10, 20, 14, 5);
/** Fifteen years of archive before the export. */
export const FIRST_POST_AT = Date.UTC(2011, 10, 21, 15, 0);
/** Co-Authors Plus was installed then: posts from that day on carry `author` terms. */
export const CAP_INSTALLED_AT = Date.UTC(2014, 2, 3);
/** The block editor arrived with WordPress 5.0. */
export const BLOCK_EDITOR_AT = Date.UTC(2018, 11, 6);

export interface WpUser {
  id: number;
  login: string;
  /** sanitize_title(login): what WordPress and Co-Authors Plus use in URLs and term slugs. */
  nicename: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface GuestAuthor {
  /** The guest-author post's id. */
  id: number;
  login: string;
  displayName: string;
  firstName: string;
  lastName: string;
  email: string;
  description: string;
  website?: string;
  /** A WordPress user this profile stands for (Co-Authors Plus's `cap-linked_account`). */
  linkedAccount?: string;
}

export interface WpTerm {
  id: number;
  taxonomy: 'category' | 'post_tag' | 'author' | 'nav_menu';
  slug: string;
  /** As WordPress stores it: `&` as `&amp;`. */
  name: string;
  parent?: string;
  description?: string;
}

export interface WpSite {
  users: WpUser[];
  /** Users who write news (everyone but the administrator and the web desk). */
  reporters: WpUser[];
  admin: WpUser;
  webDesk: WpUser;
  guests: GuestAuthor[];
  categories: WpTerm[];
  tags: WpTerm[];
  /** Co-Authors Plus's byline terms: `cap-<nicename>` for users, `cap-<login>` for guest authors. */
  authorTerms: WpTerm[];
  navMenu: WpTerm;
}

const USER_COUNT = 40;
const GUEST_COUNT = 15;
const TAG_COUNT = 300;

/** Categories as a newsroom files them: a few desks, some nested, names as stored (`&amp;`). */
const CATEGORY_SEEDS: readonly { slug: string; name: string; parent?: string }[] = [
  { slug: 'uncategorized', name: 'Uncategorized' },
  { slug: 'news', name: 'News' },
  { slug: 'politics', name: 'Politics', parent: 'news' },
  { slug: 'courts', name: 'Courts &amp; Justice', parent: 'news' },
  { slug: 'immigration', name: 'Immigration', parent: 'news' },
  { slug: 'environment', name: 'Environment' },
  { slug: 'climate', name: 'Climate', parent: 'environment' },
  { slug: 'water', name: 'Water', parent: 'environment' },
  { slug: 'opinion', name: 'Opinion' },
  { slug: 'editorials', name: 'Editorials', parent: 'opinion' },
  { slug: 'columns', name: 'Columns', parent: 'opinion' },
  { slug: 'arts-culture', name: 'Arts &amp; Culture' },
];

/** A login the way newsroom accounts were made over the years. */
function loginFor(first: string, last: string, style: number): string {
  const f = wpSlug(first).replaceAll('-', '');
  const l = wpSlug(last).replaceAll('-', '');
  switch (style % 5) {
    case 0:
      return `${f.charAt(0)}${l}`;
    case 1:
      return `${f}.${l}`;
    case 2:
      return `${first}${last}`.replace(/[^A-Za-z]/g, '');
    case 3:
      return `${f}_${l}`;
    default:
      return `${f}${l}`;
  }
}

function buildUsers(rng: Rng): WpUser[] {
  const users: WpUser[] = [];
  const logins = new Set<string>();
  const add = (u: Omit<WpUser, 'nicename'>) => {
    logins.add(u.login.toLowerCase());
    users.push({ ...u, nicename: wpSlug(u.login, 50) });
  };
  add({
    id: 1,
    login: 'admin',
    email: 'web@harborgazette.example',
    displayName: 'admin',
    firstName: '',
    lastName: '',
  });
  add({
    id: 2,
    login: 'webdesk',
    email: 'webdesk@harborgazette.example',
    displayName: 'Gazette Staff',
    firstName: '',
    lastName: '',
  });
  // A name the project's sample content also has (content/authors/maria-lopez.yaml): an outlet's
  // own byline files and its WordPress users meet on the first import.
  add({
    id: 3,
    login: 'maria.lopez',
    email: 'maria.lopez@harborgazette.example',
    displayName: 'Maria Lopez',
    firstName: 'Maria',
    lastName: 'Lopez',
  });
  let id = 3;
  let style = 0;
  while (users.length < USER_COUNT) {
    id += rng.int(1, 6); // accounts deleted over the years leave gaps
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let login = users.length === 20 ? `${wpSlug(first)}@harborgazette.example` : loginFor(first, last, style++);
    if (logins.has(login.toLowerCase())) login = `${login}${rng.int(2, 9)}`;
    if (logins.has(login.toLowerCase())) continue;
    // Some old accounts never had their names filled in.
    const named = !rng.chance(0.1);
    add({
      id,
      login,
      email: `${wpSlug(first)}.${wpSlug(last)}@harborgazette.example`,
      displayName: named ? `${first} ${last}` : login,
      firstName: named ? first : '',
      lastName: named ? last : '',
    });
  }
  return users;
}

function buildGuests(rng: Rng, users: WpUser[], firstId: number): GuestAuthor[] {
  const guests: GuestAuthor[] = [];
  const taken = new Set(users.map((u) => u.nicename));
  for (let id = firstId; guests.length < GUEST_COUNT; id++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const displayName = `${first} ${last}`;
    const login = wpSlug(displayName);
    if (taken.has(login)) continue;
    taken.add(login);
    const organisation = rng.pick(['freelance', 'a partner newsroom', 'the university paper', 'a local radio station']);
    guests.push({
      id,
      login,
      displayName,
      firstName: first,
      lastName: last,
      email: rng.chance(0.6) ? `${login}@mail.example` : '',
      description: `${displayName} writes for the Gazette from ${organisation}.`,
      ...(rng.chance(0.4) ? { website: `https://${login}.example.net` } : {}),
    });
  }
  // One reporter's guest profile stands for their user account.
  const linked = users[5]!;
  guests[0] = {
    ...guests[0]!,
    login: linked.nicename,
    displayName: linked.displayName,
    firstName: linked.firstName,
    lastName: linked.lastName,
    linkedAccount: linked.login,
  };
  return guests;
}

/** Category terms in export order: by name, a child never before its parent (as export_wp() orders them). */
function orderCategories(terms: WpTerm[]): WpTerm[] {
  const queue = [...terms].sort((a, b) => a.name.localeCompare(b.name));
  const out: WpTerm[] = [];
  const placed = new Set<string>();
  while (queue.length) {
    const t = queue.shift()!;
    if (!t.parent || placed.has(t.parent)) {
      out.push(t);
      placed.add(t.slug);
    } else queue.push(t);
  }
  return out;
}

function buildTags(rng: Rng, nextId: () => number): WpTerm[] {
  const names: string[] = [...TAGS, ...PLACES.map((p) => p.name), ...NOUNS];
  for (let year = 2012; year <= 2026; year += 2) names.push(`${year} election`);
  // A tag in another script: WordPress percent-encodes its slug.
  names.push('Україна');
  while (names.length < TAG_COUNT * 1.2) names.push(`${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`);
  const tags: WpTerm[] = [];
  const slugs = new Set<string>();
  for (const raw of names) {
    if (tags.length === TAG_COUNT) break;
    const name = raw.replaceAll('&', '&amp;');
    const slug = wpSlug(name);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    tags.push({ id: nextId(), taxonomy: 'post_tag', slug, name });
  }
  return tags;
}

/** The WordPress site of the export, the same for the same seed. */
export function buildSite(seed: string): WpSite {
  const rng = new Rng(`${seed}/site`);
  const users = buildUsers(rng);
  const admin = users[0]!;
  const webDesk = users[1]!;
  const reporters = users.slice(2);
  // Guest-author posts come right after the site's first pages and menu items (ids 2-20).
  const guests = buildGuests(rng, reporters, 21);

  let termId = 0;
  const nextId = () => ++termId;
  const categories = orderCategories(
    CATEGORY_SEEDS.map((c) => ({ id: nextId(), taxonomy: 'category' as const, ...c })),
  );
  const navMenu: WpTerm = { id: nextId(), taxonomy: 'nav_menu', slug: 'main-menu', name: 'Main menu' };
  const tags = buildTags(rng, nextId);
  const authorTerms: WpTerm[] = [
    ...users.map((u) => ({
      id: nextId(),
      taxonomy: 'author' as const,
      slug: `cap-${u.nicename}`,
      name: u.login,
      description: `${u.displayName} ${u.firstName} ${u.lastName} ${u.login} ${u.id} ${u.email}`,
    })),
    ...guests
      .filter((g) => !g.linkedAccount)
      .map((g) => ({
        id: nextId(),
        taxonomy: 'author' as const,
        slug: `cap-${g.login}`,
        name: g.login,
        description: `${g.displayName} ${g.firstName} ${g.lastName} ${g.login} ${g.id} ${g.email}`,
      })),
  ];
  return { users, reporters, admin, webDesk, guests, categories, tags, authorTerms, navMenu };
}
