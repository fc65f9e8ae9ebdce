import { getCollection, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import { parse } from 'yaml';
import { frontSchema, type Author, type Section } from '../schemas/registries.ts';
import { buildInstant, hasPage, isWithdrawn } from '../model/publication.ts';
import { nextPublicationChange } from '../model/publication-changes.ts';
import { newestFirst, storyContext, toStory, type Story } from '../model/story.ts';
import { pageKey, rememberDigest } from './page-key.ts';
import { entityIndex, type EntityIndex, type PlaceEntity } from '../model/entities.ts';
import { relatedFinder } from '../model/related.ts';
import { relatedStoriesKept } from './related-cache.ts';
import { editorsChoice } from '../model/front-page.ts';
import { correctionLog, type LoggedCorrection } from '../model/corrections.ts';
import { withdrawalNotice, type WithdrawalNotice } from '../model/withdrawal.ts';
import { redirectRules, type RedirectRule } from '../outputs/redirect-rules.ts';
import { KeptModel } from './kept-model.ts';

/**
 * Reads every collection once per build and turns it into view models. Pages
 * call `getNewsroom()`; the promise is shared, so ten thousand pages cost one
 * read of the content store, not ten thousand. Under `astro dev` the model is
 * kept between requests until the content or a story's publication state
 * changes (see `getNewsroom`).
 */

/**
 * A story as pages see it; its lead image is still a path beside the story
 * file, loaded only where shown. `bodyDigest` names the rendered body, so a
 * page key that covers the story covers its body too.
 */
export type SiteStory = Story<string> & { bodyDigest: string };

export interface Newsroom {
  /** The instant the publication states were decided at. */
  at: Date;
  /**
   * When the first story changes state after `at` (a date comes, an embargo
   * lifts, a licence ends): until then the model holds. Undefined if never.
   */
  validUntil: Date | undefined;
  /** True under `npm run dev` or PREVIEW=1: drafts and scheduled stories get pages, with a banner. */
  preview: boolean;
  /** Live stories, newest first: the only ones feeds, listings and the search index may see. */
  live: SiteStory[];
  /** Stories that get a page: the live ones, plus unpublished ones in preview. */
  pages: SiteStory[];
  /** Removed stories and expired syndicated copies: a notice page at each URL, nothing else. */
  withdrawn: WithdrawalNotice[];
  /** `redirect_from` paths (301) and the withdrawn stories' URLs (410), by path. */
  redirects: RedirectRule[];
  entries: Map<string, CollectionEntry<'articles'>>;
  authors: Map<string, Author>;
  /** Sections in display order. */
  sections: { id: string; section: Section }[];
  front: { lead: SiteStory | undefined; pinned: SiteStory[] };
  /** People, places and publications of the live stories. */
  entities: EntityIndex<SiteStory>;
  /**
   * The places of every story with a page, pinned where the place's own page
   * pins it: the live stories' places, plus drafts' in a preview.
   */
  placesShown: Map<string, PlaceEntity<SiteStory>>;
  /** Up to four related live stories for a story with a page, worked out when asked for. */
  related: (story: SiteStory) => SiteStory[];
  /** Every correction, clarification and editor's note of the live stories, newest first. */
  corrections: LoggedCorrection<SiteStory>[];
  /**
   * What every page shows beyond its props (the section navigation) and how
   * it is built (preview or not): part of every page's incremental-build key.
   */
  siteKey: string;
}

const frontFiles = import.meta.glob<string>('/content/front.yaml', { query: '?raw', import: 'default', eager: true });

/** Every collection the newsroom is built from. */
interface Collections {
  articleEntries: CollectionEntry<'articles'>[];
  authorEntries: CollectionEntry<'authors'>[];
  sectionEntries: CollectionEntry<'sections'>[];
  peopleEntries: CollectionEntry<'people'>[];
  publicationEntries: CollectionEntry<'publications'>[];
}

async function readCollections(): Promise<Collections> {
  const [articleEntries, authorEntries, sectionEntries, peopleEntries, publicationEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('sections'),
    getCollection('people'),
    getCollection('publications'),
  ]);
  return { articleEntries, authorEntries, sectionEntries, peopleEntries, publicationEntries };
}

/** The stored objects of every entry read: the same ones, in the same order, until the content changes. */
function storedObjects(collections: Collections): unknown[] {
  return Object.values(collections).flatMap((entries: { data: unknown }[]) => entries.map((e) => e.data));
}

function buildNewsroom(collections: Collections, at: Date): Newsroom {
  const preview = import.meta.env.NEWSROOM_PREVIEW === true;
  const { articleEntries, authorEntries, sectionEntries, peopleEntries, publicationEntries } = collections;
  const authors = new Map(authorEntries.map((e) => [e.id, e.data]));
  const peopleRegistry = new Map(peopleEntries.map((e) => [e.id, e.data]));
  const publicationRegistry = new Map(publicationEntries.map((e) => [e.id, e.data]));
  const sectionMap = new Map(sectionEntries.map((e) => [e.id, e.data]));
  const registryEntries = { authors, sections: sectionMap, people: peopleRegistry, publications: publicationRegistry };
  const ctx = storyContext(registryEntries, at, preview);
  const all = newestFirst(
    articleEntries.map((e) => {
      const story = toStory(e.id, e.data, ctx, e.filePath ?? e.id);
      // Remembered: a story is hashed once for every page key it is part of.
      return rememberDigest({ ...story, bodyDigest: String(e.digest) });
    }),
  );
  const live = all.filter((s) => s.state === 'live');
  const pages = all.filter((s) => hasPage(s.state, preview));
  const withdrawnStories = all.filter((s) => isWithdrawn(s.state));
  const withdrawn = withdrawnStories.flatMap((s) => withdrawalNotice(s) ?? []);

  const frontRaw = frontFiles['/content/front.yaml'];
  const choice = frontSchema.parse(frontRaw ? (parse(frontRaw) ?? {}) : {});

  const registries = {
    person: (id: string) => peopleRegistry.get(id),
    publication: (id: string) => publicationRegistry.get(id),
  };
  const entities = entityIndex(live, registries);

  const sections = sectionEntries
    .map((e) => ({ id: e.id, section: e.data }))
    .sort(
      (a, b) => (a.section.order ?? 1e9) - (b.section.order ?? 1e9) || a.section.name.localeCompare(b.section.name),
    );
  return {
    at,
    validUntil: nextPublicationChange(
      articleEntries.map((e) => e.data),
      at,
    ),
    preview,
    live,
    pages,
    withdrawn,
    // A withdrawn story's old paths lead to its notice; the redirect check refuses old paths onto a story
    // without a page.
    redirects: redirectRules(
      [...pages, ...withdrawnStories],
      withdrawn.map((w) => w.url),
    ),
    entries: new Map(articleEntries.map((e) => [e.id, e])),
    authors,
    sections,
    front: editorsChoice(choice, live),
    entities,
    placesShown: preview ? entityIndex(pages, registries).places : entities.places,
    // The dev server ranks the page it renders; a build ranks every page and keeps the lists for the next build.
    related: import.meta.env.NEWSROOM_DEV_SERVER ? relatedFinder(live) : keptRelated(pages, live),
    corrections: correctionLog(live),
    siteKey: pageKey(sections, preview),
  };
}

/** Every page's related stories, from the cache folder when nothing they are ranked by changed. */
function keptRelated(pages: readonly SiteStory[], live: readonly SiteStory[]): (story: SiteStory) => SiteStory[] {
  const file = path.join(import.meta.env.NEWSROOM_CACHE_DIR, 'newsroom-related.json');
  const lists = relatedStoriesKept(pages, live, file);
  return (story) => lists.get(story.slug) ?? [];
}

let newsroom: Promise<Newsroom> | undefined;
const devNewsroom = new KeptModel<Newsroom>();

async function devServerNewsroom(): Promise<Newsroom> {
  const collections = await readCollections();
  const at = buildInstant(process.env);
  return devNewsroom.get(storedObjects(collections), at, () => {
    const model = buildNewsroom(collections, at);
    return { value: model, validUntil: model.validUntil };
  });
}

export function getNewsroom(): Promise<Newsroom> {
  // Under `astro dev` the content store changes under us, and each request reads the clock: the
  // model is kept only while the store hands out the same entries and no story's state has
  // changed since (an edit of front.yaml or of the code evaluates this module again). Not on
  // import.meta.env.DEV, which follows NODE_ENV: a build run with NODE_ENV=test (vitest) or
  // development (some CI) would build every story's view model again for each page.
  if (import.meta.env.NEWSROOM_DEV_SERVER) return devServerNewsroom();
  return (newsroom ??= readCollections().then((collections) => buildNewsroom(collections, buildInstant(process.env))));
}
