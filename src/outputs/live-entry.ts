import { LIVE } from '../model/live-markup.ts';
import type { LiveEntryView } from '../model/live-view.ts';
import { escapeXml } from './escape.ts';
import { formatTimeOfDay } from '../model/dates.ts';

/**
 * One entry of a live story as HTML: what its page prints and what live.json carries for the
 * reader's script to insert, from this one function, so an inserted entry is the page's to the
 * byte. Every text put in is escaped here; `body` is the entry's finished body HTML (the stored
 * body with its holes filled, src/site/story-body.ts).
 *
 *   <article class="live-entry" id="entry-<id>" data-entry-id="<id>">
 *     <header class="live-entry__header">
 *       <p class="live-entry__pinned">Pinned</p>            (the pinned entry, atop the story's page)
 *       <h2 class="live-entry__title">…</h2>               (if titled)
 *       <p class="live-entry__meta"><time class="live-entry__time" datetime="…">…</time> · By …
 *         · <a class="live-entry__permalink">…</a> · <a class="live-entry__correction">Corrected</a></p>
 *     </header>
 *     <div class="article-body live-entry__body">…</div>
 *   </article>
 */

const text = escapeXml;

function byline(authors: LiveEntryView['authors']): string {
  const names = authors.map((a) => `<a href="${text(a.url)}" rel="author">${text(a.name)}</a>`);
  const joined = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return `<span class="byline live-entry__byline">By ${joined}</span>`;
}

export function liveEntryHtml(entry: LiveEntryView, body: string): string {
  const meta = [
    `<time class="${LIVE.time}" datetime="${text(entry.datetime)}">${text(entry.timeText)}</time>`,
    byline(entry.authors),
    // Every entry has this link: the hidden words tell one from another in a list of links.
    `<a class="live-entry__permalink" href="${text(entry.permalink)}">Link to this update` +
      `<span class="visually-hidden"> of ${text(entry.timeText)}</span></a>`,
    ...entry.corrections.map((c) => `<a class="live-entry__correction" href="${text(c.href)}">${text(c.text)}</a>`),
  ];
  return (
    `<article class="${LIVE.entry}${entry.pinned ? ` ${LIVE.pinned}` : ''}" id="${text(entry.anchor)}" ` +
    `data-entry-id="${text(entry.id)}">` +
    `<header class="live-entry__header">` +
    (entry.pinned ? '<p class="live-entry__pinned">Pinned</p>' : '') +
    (entry.title ? `<h2 class="live-entry__title">${text(entry.title)}</h2>` : '') +
    `<p class="live-entry__meta">${meta.join(' · ')}</p>` +
    `</header>` +
    `<div class="article-body live-entry__body">${body}</div>` +
    `</article>`
  );
}

/**
 * What an untitled entry of a live story is called where a title is needed (a feed item; a
 * JSON-LD update with no words to take one from): its time, in the outlet's zone, as its page
 * shows it. The day is left to the date beside it (the item's pubDate, the update's datePublished).
 */
export function entryTimeTitle(time: Date, site: { timezone: string; language: string }): string {
  return `Update at ${formatTimeOfDay(time, site.timezone, site.language, false)}`;
}
