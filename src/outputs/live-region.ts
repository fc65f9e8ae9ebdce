import { LIVE } from '../model/live-markup.ts';
import type { LivePageView } from '../model/live-view.ts';
import { escapeXml } from './escape.ts';

/**
 * The part of a live story's page that entries change: on the story's page the key events, the
 * pinned entry, the list and the links to earlier pages; on a numbered page its list and the
 * links between pages. Written here, as text, between two comments, so that a publish of new
 * entries (src/publish/entry-publish.ts) writes the region again into the last build's page and
 * gets what a build would: the page components print this, and nothing else of the entries.
 * `entries` are the entries' finished articles (src/outputs/live-entry.ts), in the view's order.
 */

export const LIVE_REGION = { start: '<!--live-region-->', end: '<!--/live-region-->' } as const;

const text = escapeXml;

export interface LiveRegionEntries {
  /** The pinned entry's article, on the story's page. */
  pinned: string | undefined;
  /** The other entries' articles, in reading order. */
  entries: readonly string[];
}

function keyEventsHtml(view: LivePageView): string {
  if (!view.keyEvents.length) return '';
  const items = view.keyEvents.map((k) => {
    const time = `<time datetime="${text(k.datetime)}">${text(k.timeText)}</time>`;
    return k.title
      ? `<li><a href="${text(k.href)}">${text(k.title)}</a> ${time}</li>`
      : `<li><a href="${text(k.href)}">${time}</a></li>`;
  });
  return (
    '<nav class="live-key-events" aria-labelledby="key-events-heading">' +
    '<h2 id="key-events-heading">Key events</h2>' +
    `<ul>${items.join('')}</ul></nav>`
  );
}

function pageNavHtml(view: LivePageView): string {
  const link = (url: string, words: string, attributes = '') => `<a href="${text(url)}"${attributes}>${words}</a>`;
  if (view.number === undefined) {
    if (!view.pages.length) return '';
    const items = view.pages.map((p) => `<li>${link(p.url, text(p.text))}</li>`);
    return (
      '<nav class="live-pages" aria-labelledby="earlier-updates-heading">' +
      '<h2 id="earlier-updates-heading">Earlier updates</h2>' +
      `<ul class="live-pages__list">${items.join('')}</ul></nav>`
    );
  }
  const steps = [
    view.previous &&
      link(view.previous.url, `← ${text(view.previous.label)} (${text(view.previous.text)})`, ' rel="prev"'),
    view.next && link(view.next.url, `${text(view.next.label)} (${text(view.next.text)}) →`, ' rel="next"'),
  ].filter(Boolean);
  const items = [
    `<li>${link(view.storyUrl, view.open ? 'Latest updates' : 'Summary and latest updates')}</li>`,
    ...view.pages.map(
      (p) => `<li>${link(p.url, text(p.text), p.number === view.number ? ' aria-current="page"' : '')}</li>`,
    ),
  ];
  return (
    '<nav class="live-pages" aria-label="Pages of updates">' +
    (steps.length ? `<p class="live-pages__steps">${steps.join(' ')}</p>` : '') +
    `<ul class="live-pages__list">${items.join('')}</ul></nav>`
  );
}

/** The region of a live story's page (`view.number` undefined) or of one of its numbered pages. */
export function liveRegionHtml(view: LivePageView, shown: LiveRegionEntries): string {
  const list =
    `<div class="${LIVE.list}">${shown.entries.join('')}` +
    (shown.entries.length === 0 && !shown.pinned ? `<p class="${LIVE.empty}">No updates yet.</p>` : '') +
    '</div>';
  const slot = view.liveJson
    ? `<div class="${LIVE.slot}"><p class="${LIVE.note}">Newest first</p>` +
      `<button type="button" class="${LIVE.button}" hidden>New updates</button></div>`
    : '';
  const status = view.liveJson
    ? `<div class="${LIVE.status} visually-hidden" role="status" aria-live="polite"></div>`
    : '';
  const json = view.liveJson ? ` data-live-json="${text(view.liveJson)}"` : '';
  const coverage = `<div class="${LIVE.coverage}"${json}>${shown.pinned ?? ''}${slot}${list}${status}</div>`;
  return LIVE_REGION.start + keyEventsHtml(view) + coverage + pageNavHtml(view) + LIVE_REGION.end;
}
