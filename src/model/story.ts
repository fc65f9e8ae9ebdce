import type { ArticleFrontmatter, CorrectionKind, StoryType } from '../schemas/article.ts';
import { wordpressQueryAddress, type QueryAddress } from './wordpress-address.ts';
import type { Author, PersonEntry, PublicationEntry, Section } from '../schemas/registries.ts';
import { entryIsLive, hasPage, publicationState, type PublicationState } from './publication.ts';
import { aliasResolver, type AliasResolver } from './registry.ts';
import { placeSlug, slug } from './slug.ts';
import { liveCoverage, type LiveCoverage } from './live.ts';

/**
 * The view model of one story. Components receive this, never raw
 * frontmatter: names are resolved through the registries, slugs and URLs are
 * computed once, and the publication state is decided here.
 */

export const TYPE_LABELS: Record<StoryType, string> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  investigation: 'Investigation',
  explainer: 'Explainer',
  review: 'Review',
  live: 'Live coverage',
};

export const CORRECTION_LABELS: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  'editors-note': "Editor's note",
};

export interface Byline {
  id: string;
  name: string;
  kind: 'person' | 'organization';
  url: string;
  /** The registry entry's `photo`, a file in content/authors/. */
  photo?: string | undefined;
}

export interface SectionRef {
  id: string;
  name: string;
  url: string;
}

export interface Story<Img = unknown> {
  slug: string;
  /** The story's file, relative to the project root: images beside it resolve against it. */
  file: string;
  url: string;
  title: string;
  dek: string;
  date: Date;
  /** The latest of `updated`, updates, corrections and a retraction: what readers see as "Updated". */
  modified: Date | undefined;
  type: StoryType;
  typeLabel: string;
  section: SectionRef;
  authors: Byline[];
  contributors: { byline: Byline; role: string }[];
  tags: { name: string; slug: string; url: string }[];
  dateline: string | undefined;
  image:
    | { src: Img; alt: string; decorative: boolean; caption?: string | undefined; credit?: string | undefined }
    | undefined;
  sources: { name: string; id: string; url: string; title?: string | undefined; published?: string | undefined }[];
  officials: { name: string; id: string; title?: string | undefined; organization?: string | undefined }[];
  locations: {
    name: string;
    id: string;
    label: string;
    region?: string | undefined;
    country: string;
    lat?: number | undefined;
    lon?: number | undefined;
  }[];
  updates: { date: Date; text: string; anchor: string }[];
  corrections: { date: Date; kind: CorrectionKind; label: string; text: string; anchor: string }[];
  syndication: ArticleFrontmatter['syndication'];
  /** The frontmatter's licence; undefined: the site's default (model/republish.ts). */
  license?: ArticleFrontmatter['license'];
  retracted: ArticleFrontmatter['retracted'];
  removed: ArticleFrontmatter['removed'];
  redirectFrom: string[];
  /** The `?p=<id>` address of a story imported from WordPress. */
  queryAddress: QueryAddress | undefined;
  state: PublicationState;
  /** A live story's coverage and its published entries (live.ts); undefined for any other story. */
  live: LiveCoverage<Byline> | undefined;
}

export interface StoryContext {
  authors: ReadonlyMap<string, Author>;
  sections: ReadonlyMap<string, Section>;
  people: AliasResolver;
  publications: AliasResolver;
  /** The build instant the publication state is decided at. */
  at: Date;
  /**
   * A preview (`npm run dev`, PREVIEW=1): an unpublished live story's entries are shown as they
   * will be once it is out, so that its page can be read before then.
   */
  preview?: boolean | undefined;
}

/** The registry entries a story's names and ids are resolved against. */
export interface RegistryEntries {
  authors: ReadonlyMap<string, Author>;
  sections: ReadonlyMap<string, Section>;
  people: ReadonlyMap<string, PersonEntry>;
  publications: ReadonlyMap<string, PublicationEntry>;
}

/** What `toStory` needs, from the registries however they were read and the build instant. */
export function storyContext(registries: RegistryEntries, at: Date, preview = false): StoryContext {
  return {
    at,
    preview,
    authors: registries.authors,
    sections: registries.sections,
    people: aliasResolver(registries.people),
    publications: aliasResolver(registries.publications),
  };
}

/** Thrown for a reference to a registry entry that does not exist. */
export class ContentReferenceError extends Error {}

function byline(id: string, ctx: StoryContext, where: string): Byline {
  const author = ctx.authors.get(id);
  if (!author) {
    throw new ContentReferenceError(
      `${where}: no author "${id}" in content/authors/ (add content/authors/${id}.yaml or fix the id)`,
    );
  }
  return { id, name: author.name, kind: author.kind, url: `/authors/${id}/`, photo: author.photo };
}

function latest(dates: (Date | undefined)[]): Date | undefined {
  let max: Date | undefined;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}

/** Where a story lives on the site. */
export const storyUrl = (storySlug: string) => `/articles/${storySlug}/`;

export function toStory<Img>(
  storySlug: string,
  data: Omit<ArticleFrontmatter, 'image'> & {
    image?: (Omit<NonNullable<ArticleFrontmatter['image']>, 'src'> & { src: Img }) | undefined;
  },
  ctx: StoryContext,
  file = storySlug,
): Story<Img> {
  const section = ctx.sections.get(data.section);
  if (!section) {
    throw new ContentReferenceError(
      `${file}: section: no section "${data.section}" in content/sections/ ` +
        `(use one of: ${[...ctx.sections.keys()].join(', ')})`,
    );
  }
  const state = publicationState(data, ctx.at);
  return {
    slug: storySlug,
    file,
    url: storyUrl(storySlug),
    title: data.title,
    dek: data.dek,
    date: data.date,
    modified: latest([
      data.updated,
      ...(data.entries ?? []).filter((e) => entryIsLive(e, state, ctx.at)).map((e) => e.time),
      ...data.updates.map((u) => u.date),
      ...data.corrections.map((c) => c.date),
      data.retracted?.date,
    ]),
    type: data.type,
    typeLabel: TYPE_LABELS[data.type],
    section: { id: data.section, name: section.name, url: `/sections/${data.section}/` },
    authors: data.authors.map((id) => byline(id, ctx, `${file}: authors`)),
    contributors: data.contributors.map((c) => ({ byline: byline(c.id, ctx, `${file}: contributors`), role: c.role })),
    tags: data.tags.map((name) => ({ name, slug: slug(name), url: `/tags/${slug(name)}/` })),
    dateline: data.dateline,
    image: data.image && {
      src: data.image.src,
      alt: data.image.decorative ? '' : (data.image.alt ?? ''),
      decorative: data.image.decorative === true,
      caption: data.image.caption,
      credit: data.image.credit,
    },
    sources: data.sources.map((s) => ({
      name: ctx.publications.nameOf(s.name),
      id: ctx.publications.idOf(s.name),
      url: s.url,
      title: s.title,
      published: s.published,
    })),
    officials: data.officials.map((o) => ({
      name: o.name,
      id: o.id ?? ctx.people.idOf(o.name),
      title: o.title,
      organization: o.organization,
    })),
    locations: data.locations.map((l) => ({
      name: l.name,
      id: placeSlug(l),
      label: l.region && l.country === 'US' ? `${l.name}, ${l.region}` : `${l.name}, ${l.country}`,
      region: l.region,
      country: l.country,
      lat: l.lat,
      lon: l.lon,
    })),
    updates: data.updates.map((u, i) => ({ ...u, anchor: `update-${i + 1}` })),
    corrections: data.corrections.map((c, i) => ({
      ...c,
      label: CORRECTION_LABELS[c.kind],
      anchor: `correction-${i + 1}`,
    })),
    syndication: data.syndication,
    license: data.license,
    retracted: data.retracted,
    removed: data.removed,
    redirectFrom: data.redirect_from,
    queryAddress: data.wordpress ? wordpressQueryAddress(data.wordpress.guid, data.wordpress.id) : undefined,
    state,
    live:
      data.coverage &&
      liveCoverage(
        { coverage: data.coverage, entries: data.entries, corrections: data.corrections },
        ctx.preview && hasPage(state, true) ? 'live' : state,
        ctx.at,
        (id, entryFile) => byline(id, ctx, `${entryFile}: authors`),
        (i) => CORRECTION_LABELS[data.corrections[i]!.kind],
      ),
  };
}

/** Newest first; ties broken by slug so that output never depends on file order. */
export function newestFirst<T extends { date: Date; slug: string }>(stories: readonly T[]): T[] {
  return [...stories].sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
}
