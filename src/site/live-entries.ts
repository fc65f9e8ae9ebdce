import { liveEntryView, livePageView, type LiveEntryView, type LivePageView } from '../model/live-view.ts';
import { liveEntryHtml } from '../outputs/live-entry.ts';
import { LIVE_JSON_ENTRIES, liveJsonText } from '../outputs/live-json.ts';
import { getNewsroom, type SiteStory } from './newsroom.ts';
import { site } from './site.ts';
import { siteEntryBodies } from './story-body.ts';

/**
 * A live story's entries as the site writes them, for its pages and its live.json alike: the
 * view (src/model/live-view.ts), the body from the body store, one writer for the HTML
 * (src/outputs/live-entry.ts).
 */

const zone = { timeZone: site.timezone, locale: site.language };

async function entriesHtml(story: SiteStory, views: readonly LiveEntryView[]) {
  const entry = (await getNewsroom()).entries.get(story.slug)!;
  const bodies = await siteEntryBodies(
    entry,
    views.map((v) => v.id),
  );
  return {
    html: views.map((v) => liveEntryHtml(v, bodies.get(v.id)!.html)),
    hasEmbed: [...bodies.values()].some((b) => b.hasEmbed),
  };
}

export interface SiteLivePage {
  view: LivePageView;
  /** The pinned entry's finished HTML, on the story's page. */
  pinned: string | undefined;
  /** Each entry's finished HTML, in reading order. */
  entries: string[];
  /** Whether an entry shown holds an embed, which needs the embed script. */
  hasEmbed: boolean;
}

/** A page of a live story: its own (`number` undefined) or a numbered one; undefined if there is none. */
export async function siteLivePage(story: SiteStory, number: number | undefined): Promise<SiteLivePage | undefined> {
  const view = livePageView(story, number, zone);
  if (!view) return undefined;
  const shown = view.pinned ? [view.pinned, ...view.entries] : view.entries;
  const { html, hasEmbed } = await entriesHtml(story, shown);
  return { view, pinned: view.pinned && html[0], entries: view.pinned ? html.slice(1) : html, hasEmbed };
}

/** The text of an open live story's live.json. */
export async function siteLiveJson(story: SiteStory): Promise<string> {
  const coverage = story.live!;
  const views = coverage.entries.slice(0, LIVE_JSON_ENTRIES).map((e) => liveEntryView(story.url, coverage, e, zone));
  const { html } = await entriesHtml(story, views);
  return liveJsonText({
    updated: (story.modified ?? story.date).toISOString(),
    open: coverage.open,
    count: coverage.entries.length,
    entries: views.map((v, i) => ({ id: v.id, time: v.datetime, url: v.permalink, html: html[i]! })),
  });
}
