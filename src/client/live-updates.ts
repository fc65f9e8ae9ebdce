/**
 * An open live story's page (src/components/article/LiveCoverage.astro): polls the story's
 * live.json, offers the entries the page lacks on a button in the space kept for it, and on a
 * click puts them above the newest entry, moves focus to the first and says how many came. Adds
 * "12 min ago" beside each entry's time. Without it the page is whole, with absolute times; it
 * never moves what the reader is looking at by itself. The rules are in live-update-rules.ts.
 */
import { LIVE } from '../model/live-markup.ts';
import { startEmbeds } from './embed.ts';
import {
  addedAnnouncement,
  delayWhenVisible,
  newUpdatesLabel,
  parseLiveJson,
  planUpdate,
  pollDelay,
  relativeTime,
  type UpdatePlan,
} from './live-update-rules.ts';

const MINUTE = 60_000;

/** Shows each entry's age after its time, or nothing where the absolute time says enough. */
function showAges(root: ParentNode, now: number): void {
  for (const time of root.querySelectorAll<HTMLTimeElement>(`time.${LIVE.time}`)) {
    const text = relativeTime(Date.parse(time.dateTime), now);
    let ago = time.nextElementSibling;
    if (!ago?.classList.contains(LIVE.ago)) {
      if (text === undefined) continue;
      ago = document.createElement('span');
      ago.className = LIVE.ago;
      time.after(ago);
    }
    ago.textContent = text === undefined ? '' : ` (${text})`;
  }
}

/** An entry of live.json as an element, if its HTML is one entry with the id it claims. */
function entryElement(id: string, html: string): HTMLElement | undefined {
  const template = document.createElement('template');
  template.innerHTML = html;
  const element = template.content.firstElementChild;
  const whole = template.content.childElementCount === 1;
  return whole &&
    element instanceof HTMLElement &&
    element.classList.contains(LIVE.entry) &&
    element.id === `entry-${id}`
    ? element
    : undefined;
}

export function startLiveUpdates(root: Document = document): void {
  const coverage = root.querySelector<HTMLElement>(`.${LIVE.coverage}[data-live-json]`);
  const list = coverage?.querySelector<HTMLElement>(`.${LIVE.list}`);
  const note = coverage?.querySelector<HTMLElement>(`.${LIVE.note}`);
  const button = coverage?.querySelector<HTMLButtonElement>(`.${LIVE.button}`);
  const status = coverage?.querySelector<HTMLElement>(`.${LIVE.status}`);
  const url = coverage?.dataset['liveJson'];
  if (!coverage || !list || !note || !button || !status || !url) return;

  let plan: UpdatePlan | undefined;
  let backoff = 0;
  let lastPoll = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  let stopped = false;

  const onPage = (id: string) => root.getElementById(`entry-${id}`) !== null;
  const newestOnPage = () => {
    const times = [...coverage.querySelectorAll<HTMLTimeElement>(`time.${LIVE.time}`)].map((t) =>
      Date.parse(t.dateTime),
    );
    const known = times.filter((t) => !Number.isNaN(t));
    return known.length ? Math.max(...known) : undefined;
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void poll(), delay);
  };
  const offer = (next: UpdatePlan | undefined) => {
    plan = next?.fresh.length ? next : undefined;
    // The button and the note share the space kept for them: one shows, nothing below moves.
    if (plan) button.textContent = newUpdatesLabel(plan);
    button.hidden = !plan;
    note.hidden = !!plan;
  };

  async function poll(): Promise<void> {
    if (polling || stopped) return;
    polling = true;
    lastPoll = Date.now();
    try {
      // Revalidated every time, whatever a cache in between was told: the file changes with each build.
      const response = await fetch(url!, { cache: 'no-cache', headers: { Accept: 'application/json' } });
      // The file is written only while coverage is open: gone, it has ended (or the story has).
      if (response.status === 404 || response.status === 410) stopped = true;
      else if (!response.ok) throw new Error(`live.json: ${response.status}`);
      else {
        const live = parseLiveJson(await response.json());
        if (!live) throw new Error('live.json: not in the expected shape');
        offer(planUpdate(live, onPage, newestOnPage()));
        if (!live.open) stopped = true;
        backoff = document.hidden ? backoff + 1 : 0;
      }
    } catch {
      backoff += 1;
    } finally {
      polling = false;
    }
    schedule(pollDelay(backoff, Math.random()));
  }

  button.addEventListener('click', () => {
    if (!plan) return;
    // More came than the file carries: only a fresh page has them all, in order.
    if (plan.gap) {
      location.reload();
      return;
    }
    const entries = plan.fresh
      .flatMap((e) => entryElement(e.id, e.html) ?? [])
      .filter((e) => !onPage(e.dataset['entryId']!));
    offer(undefined);
    if (!entries.length) return;
    coverage.querySelector(`.${LIVE.empty}`)?.remove();
    list.prepend(...entries);
    showAges(coverage, Date.now());
    for (const entry of entries) startEmbeds(entry);
    // The button is gone: focus goes to what it brought, and the live region says how much.
    const first = entries[0]!;
    first.tabIndex = -1;
    first.focus();
    status.textContent = '';
    setTimeout(() => (status.textContent = addedAnnouncement(entries.length)), 100);
  });

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    backoff = 0;
    showAges(coverage, Date.now());
    schedule(delayWhenVisible(Date.now() - lastPoll));
  });

  showAges(coverage, Date.now());
  setInterval(() => showAges(coverage, Date.now()), MINUTE);
  schedule(pollDelay(0, Math.random()));
}
