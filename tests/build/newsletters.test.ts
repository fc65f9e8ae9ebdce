import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../src/outputs/cdn-headers.ts';
import { TEST_BUILD_TIME, TEST_SITE_URL } from '../helpers/build-site.ts';
import { cspDirectives } from '../helpers/csp.ts';
import { listFiles, readHtml, sampleStories, type SampleStory } from '../helpers/dist.ts';

/**
 * The email editions of the test build (content/newsletters.yaml: "morning", every day at 06:00,
 * 12 stories at most, 14 kept; "week-in-politics", Mondays at 07:00, politics and immigration,
 * 8 kept), at the test builds' instant: 07:00 in New York on Sunday, November 29, 2026. What each
 * edition should hold is worked out here from the story files, by the publication rule as the
 * content model states it, not by the site's code.
 */

const dist = inject('distDir');
const built = new Date(TEST_BUILD_TIME);
const stories = sampleStories();
const DAY = 86_400_000;
const HOUR = 3_600_000;

const at = (value: unknown) => new Date(String(value));
function liveAt(story: SampleStory, instant: Date): boolean {
  const d = story.data;
  if (d['draft'] === true || d['removed']) return false;
  if (at(d['date']) > instant) return false;
  if (d['embargo'] && at(d['embargo']) > instant) return false;
  if (d['syndication']?.expires && at(d['syndication'].expires) <= instant) return false;
  return true;
}
const released = (story: SampleStory) =>
  story.data['embargo'] && at(story.data['embargo']) > at(story.data['date'])
    ? at(story.data['embargo'])
    : at(story.data['date']);

interface Slot {
  date: string;
  send: Date;
  previous: Date;
}

/** New York's offset is -4 h until 2026-11-01 02:00 (06:00 UTC), -5 h after. */
const newYorkOffsetHours = (utc: number) => (utc < Date.UTC(2026, 10, 1, 6) ? -4 : -5);
const sendOn = (y: number, m: number, d: number, hour: number) => {
  const wall = Date.UTC(y, m - 1, d, hour);
  return new Date(wall - newYorkOffsetHours(wall + 5 * HOUR) * HOUR);
};
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

function slots(hour: number, everyDays: number, firstDay: Date, keep: number): Slot[] {
  const times = Array.from({ length: keep + 1 }, (_, i) => {
    const day = new Date(firstDay.getTime() - i * everyDays * DAY);
    const date = isoDay(day.getTime());
    return { date, send: sendOn(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour) };
  });
  return times.slice(0, keep).map((t, i) => ({ ...t, previous: times[i + 1]!.send }));
}

const EDITIONS = {
  morning: { slots: slots(6, 1, new Date(Date.UTC(2026, 10, 29)), 14), sections: undefined, max: 12 },
  'week-in-politics': {
    slots: slots(7, 7, new Date(Date.UTC(2026, 10, 23)), 8),
    sections: ['politics', 'immigration'],
    max: 10,
  },
};

function expectedStories(edition: keyof typeof EDITIONS, slot: Slot): SampleStory[] {
  const { sections, max } = EDITIONS[edition];
  return stories
    .filter((s) => liveAt(s, built) && liveAt(s, slot.send) && released(s) > slot.previous)
    .filter((s) => !sections || sections.includes(s.data['section']))
    .sort((a, b) => at(b.data['date']).getTime() - at(a.data['date']).getTime())
    .slice(0, max);
}

const editionDirs = (id: string) =>
  existsSync(path.join(dist, 'newsletters', id))
    ? readdirSync(path.join(dist, 'newsletters', id)).filter((n) => /^\d/.test(n))
    : [];
const readEdition = (id: string, date: string) =>
  JSON.parse(readFileSync(path.join(dist, 'newsletters', id, date, 'edition.json'), 'utf8'));
const slugOf = (url: string) => /\/articles\/([^/]+)\/$/.exec(new URL(url).pathname)![1]!;

describe('email editions', () => {
  it('are written for the due send times that had stories, with the stories live at each send time', () => {
    for (const [id, edition] of Object.entries(EDITIONS) as [keyof typeof EDITIONS, (typeof EDITIONS)['morning']][]) {
      const due = edition.slots.filter((slot) => expectedStories(id, slot).length > 0);
      expect(editionDirs(id).sort(), id).toEqual(due.map((s) => s.date).sort());
      for (const slot of due) {
        const data = readEdition(id, slot.date);
        expect(data.sendTime, `${id} ${slot.date}`).toBe(slot.send.toISOString());
        expect(
          data.stories.map((s: { url: string }) => slugOf(s.url)),
          `${id} ${slot.date}`,
        ).toEqual(expectedStories(id, slot).map((s) => s.slug));
      }
    }
    expect(editionDirs('morning')).toContain('2026-11-29');
  });

  it('keeps a weekly edition at 07:00 on the wall across the change of the clocks', () => {
    // The sample's politics and immigration stories put some Mondays in the window; any written keeps the wall time.
    for (const date of editionDirs('week-in-politics')) {
      const sent = new Date(readEdition('week-in-politics', date).sendTime);
      expect(new Date(sent.getTime() + newYorkOffsetHours(sent.getTime()) * HOUR).getUTCHours(), date).toBe(7);
      expect(new Date(sent.getTime() + newYorkOffsetHours(sent.getTime()) * HOUR).getUTCDay(), date).toBe(1);
    }
  });

  it('never list a story that was not live at their send time, though it is live now', () => {
    const fixture = stories.find((s) => s.slug === 'newsletter-embargo-fixture')!;
    expect(liveAt(fixture, built)).toBe(true);
    expect(existsSync(path.join(dist, 'articles/newsletter-embargo-fixture/index.html'))).toBe(true);
    for (const file of listFiles(path.join(dist, 'newsletters')))
      expect(readFileSync(path.join(dist, 'newsletters', file), 'utf8'), file).not.toContain(
        'newsletter-embargo-fixture',
      );
    for (const id of Object.keys(EDITIONS))
      for (const date of editionDirs(id)) {
        const data = readEdition(id, date);
        for (const story of data.stories) {
          const sample = stories.find((s) => s.slug === slugOf(story.url))!;
          expect(liveAt(sample, new Date(data.sendTime)), `${id} ${date}: ${sample.slug}`).toBe(true);
        }
      }
  });
});

describe('an edition’s files', () => {
  const dir = path.join(dist, 'newsletters/morning/2026-11-29');
  const data = readEdition('morning', '2026-11-29');
  const html = readFileSync(path.join(dir, 'email.html'), 'utf8');
  const doc = parseHtml(html);
  const text = readFileSync(path.join(dir, 'email.txt'), 'utf8');

  it('has a JSON twin that says what the e-mail holds', () => {
    expect(data).toMatchObject({
      id: 'morning',
      date: '2026-11-29',
      url: `${TEST_SITE_URL}/newsletters/morning/2026-11-29/`,
    });
    expect(data.subject).toMatch(/^The Morning Ledger, November 29, 2026$/);
    expect(data.stories.length).toBeGreaterThan(0);
    for (const story of data.stories) {
      const sample = stories.find((s) => s.slug === slugOf(story.url))!;
      expect(story).toMatchObject({ title: sample.data['title'], dek: sample.data['dek'] ?? '' });
      expect(story.authors.length).toBe(sample.data['authors'].length);
    }
  });

  it('is an e-mail laid out in tables, styled inline, with absolute https links only', () => {
    expect(doc.querySelectorAll('table').length).toBeGreaterThanOrEqual(2);
    expect(doc.querySelectorAll('script, style, link')).toHaveLength(0);
    expect(doc.querySelectorAll('td[style]').length).toBeGreaterThan(data.stories.length);
    const hrefs = doc.querySelectorAll('a').map((a) => a.getAttribute('href')!);
    for (const href of hrefs) expect(new URL(href).protocol, href).toBe('https:');
    for (const story of data.stories) expect(hrefs).toContain(story.url);
    expect(hrefs).toContain(`${TEST_SITE_URL}/newsletters/`);
    expect(hrefs).toContain('https://lists.ledgerdesk-mail.example/unsubscribe');
    expect(doc.querySelector('title')!.text).toBe(data.subject);
  });

  it('has a plain-text part with every story’s address', () => {
    for (const story of data.stories) {
      expect(text).toContain(story.url);
      expect(text).toContain(story.title);
    }
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('has a web view that is a page of the site', () => {
    const page = readHtml(dist, '/newsletters/morning/2026-11-29/');
    expect(page.querySelector('h1')!.text).toBe(data.subject);
    const links = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const story of data.stories) expect(links).toContain(story.url);
    expect(page.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('is served with a policy of its own for email.html, the site’s for the web view', () => {
    const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
    const email = cspDirectives(
      headersForPath(rules, '/newsletters/morning/2026-11-29/email.html')['Content-Security-Policy']!,
    );
    expect(email.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(email.get('default-src')).toEqual(["'none'"]);
    expect(email.has('script-src')).toBe(false);
    const view = cspDirectives(headersForPath(rules, '/newsletters/morning/2026-11-29/')['Content-Security-Policy']!);
    expect(view.get('style-src')).toEqual(["'self'"]);
  });
});

describe('the newsletter archive', () => {
  it('lists every edition with its schedule', () => {
    const page = readHtml(dist, '/newsletters/');
    const links = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['/newsletters/morning/', '/newsletters/week-in-politics/']));
    expect(page.querySelector('main')!.text).toMatch(/Every day at 06:00/);
    expect(page.querySelector('main')!.text).toMatch(/Mondays at 07:00/);
  });

  it('lists an edition’s past editions newest first', () => {
    const page = readHtml(dist, '/newsletters/morning/');
    const listed = page
      .querySelectorAll('main ol a')
      .map((a) => /\/newsletters\/morning\/([^/]+)\/$/.exec(a.getAttribute('href')!)![1]);
    expect(listed).toEqual(editionDirs('morning').sort().reverse());
  });
});

describe('the signup form', () => {
  const fixture = stories.find((s) => s.slug === 'newsletter-embargo-fixture')!;
  it.each(['/', `/articles/${fixture.slug}/`, '/newsletters/'])(
    'on %s posts to the provider, without script',
    (url) => {
      const page = readHtml(dist, url);
      const form = page.querySelector('.newsletter-signup form')!;
      expect(form.getAttribute('method')).toBe('post');
      expect(form.getAttribute('action')).toBe('https://lists.ledgerdesk-mail.example/subscribe');
      const input = form.querySelector('input[type=email]')!;
      expect(input.getAttribute('name')).toBe('email');
      expect(page.querySelector(`label[for="${input.getAttribute('id')}"]`)).not.toBeNull();
      expect(form.querySelector('input[type=hidden][name=list]')!.getAttribute('value')).toBe('ledger-desk');
      expect(page.querySelectorAll('.newsletter-signup script')).toHaveLength(0);
    },
  );

  it('is an origin the policy lets forms post to', () => {
    const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
    const policy = cspDirectives(headersForPath(rules, '/')['Content-Security-Policy']!);
    expect(policy.get('form-action')).toEqual(["'self'", 'https://lists.ledgerdesk-mail.example']);
  });
});
