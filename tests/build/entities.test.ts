import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { isUnpublishedSample, listFiles, readHtml, sampleStories } from '../helpers/dist.ts';
import { parseMapSvg, pointInPath } from '../helpers/svg-map.ts';

const dist = inject('distDir');
const stories = sampleStories();
const live = stories.filter((s) => !isUnpublishedSample(s));
const exists = (urlPath: string) => existsSync(path.join(dist, urlPath, 'index.html'));
/** The story links of an entity page, in order. */
const storyLinks = (urlPath: string) =>
  readHtml(dist, urlPath)
    .querySelectorAll('main .entity-stories .entity-story__headline a')
    .map((a) => a.getAttribute('href')!);
const articleLinks = (slug: string) =>
  readHtml(dist, `/articles/${slug}/`)
    .querySelectorAll('main .story-facts a')
    .map((a) => a.getAttribute('href')!);
const newestFirst = (list: typeof stories) =>
  [...list].sort((a, b) => new Date(b.data['date']).getTime() - new Date(a.data['date']).getTime());
const quoting = (test: (o: { name: string; id?: string }) => boolean) =>
  newestFirst(live.filter((s) => (s.data['officials'] ?? []).some(test))).map((s) => `/articles/${s.slug}/`);

// The story built on the outlet's reference story (../shared/reference/).
const reference = live.find((s) =>
  (s.data['officials'] ?? []).some((o: { name: string }) => o.name === 'Jeff Sessions'),
)!;

describe('entity pages for the reference story', () => {
  it('has its person, place and source pages, and each links back to the story', () => {
    expect(reference).toBeDefined();
    for (const page of ['/people/jeff-sessions/', '/places/albuquerque-nm/', '/sources/los-angeles-times/']) {
      expect(exists(page), page).toBe(true);
      expect(storyLinks(page), page).toContain(`/articles/${reference.slug}/`);
    }
  });

  it('the story links to those pages from its lists', () => {
    const links = articleLinks(reference.slug);
    expect(links).toEqual(
      expect.arrayContaining(['/people/jeff-sessions/', '/places/albuquerque-nm/', '/sources/los-angeles-times/']),
    );
  });

  it('the person page shows the registry bio and what the person was quoted as', () => {
    const page = readHtml(dist, '/people/jeff-sessions/');
    expect(page.querySelector('h1')!.text).toBe('Jeff Sessions');
    expect(page.querySelector('.entity-bio')!.text).toContain('attorney general');
    expect(page.querySelector('.entity-roles')!.text).toContain('Attorney General');
  });
});

describe('identity of people and publications', () => {
  it('merges a registry alias ("Jefferson Beauregard Sessions III") into one page, newest story first', () => {
    const expected = quoting((o) => ['Jeff Sessions', 'Jefferson Beauregard Sessions III'].includes(o.name));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(storyLinks('/people/jeff-sessions/')).toEqual(expected);
    expect(exists('/people/jefferson-beauregard-sessions-iii/')).toBe(false);
  });

  it('gives an accented name the contract slug and keeps its spelling', () => {
    expect(readHtml(dist, '/people/ines-ibanez/').querySelector('h1')!.text).toBe('Inés Ibáñez');
  });

  it('gives two people of one name, told apart by id, two pages with their own stories', () => {
    for (const id of ['daniel-ortiz-tucson', 'daniel-ortiz-phoenix']) {
      const page = readHtml(dist, `/people/${id}/`);
      expect(page.querySelector('h1')!.text).toBe('Daniel Ortiz');
      expect(storyLinks(`/people/${id}/`)).toEqual(quoting((o) => o.id === id));
    }
    expect(exists('/people/daniel-ortiz/')).toBe(false);
  });

  it('merges "LA Times" and "Los Angeles Times" into one source page listing each cited URL', () => {
    const citing = newestFirst(
      live.filter((s) =>
        (s.data['sources'] ?? []).some((x: { name: string }) => /^(LA Times|Los Angeles Times)$/.test(x.name)),
      ),
    );
    expect(citing.length).toBeGreaterThanOrEqual(2);
    expect(storyLinks('/sources/los-angeles-times/')).toEqual(citing.map((s) => `/articles/${s.slug}/`));
    const cited = readHtml(dist, '/sources/los-angeles-times/')
      .querySelectorAll('.entity-story__citations a')
      .map((a) => a.getAttribute('href'));
    const expected = citing.flatMap((s) =>
      s.data['sources']
        .filter((x: { name: string }) => /^(LA Times|Los Angeles Times)$/.test(x.name))
        .map((x: { url: string }) => x.url),
    );
    expect(cited).toEqual(expected);
    expect(exists('/sources/la-times/')).toBe(false);
  });
});

describe('entity indexes', () => {
  it.each(['people', 'places', 'sources'])(
    '/%s/ lists every entity page alphabetically with story counts, and nothing else',
    (kind) => {
      const index = readHtml(dist, `/${kind}/`);
      const entries = index.querySelectorAll('.entity-list li');
      const hrefs = entries.map((li) => li.querySelector('a')!.getAttribute('href')!);
      const pages = listFiles(path.join(dist, kind))
        .filter((f) => /^[^/]+\/index\.html$/.test(f))
        .map((f) => `/${kind}/${f.split('/')[0]}/`)
        .sort();
      expect([...hrefs].sort()).toEqual(pages);
      for (const li of entries) {
        const count = Number(/\((\d+) stor(y|ies)\)/.exec(li.text)![1]);
        expect(count).toBe(
          readHtml(dist, li.querySelector('a')!.getAttribute('href')!).querySelectorAll('main .entity-stories > li')
            .length,
        );
      }
      const letters = index.querySelectorAll('.entity-group h2').map((h) => h.text);
      expect(letters).toEqual([...letters].sort());
    },
  );
});

describe('locator maps', () => {
  it("Albuquerque's pin, projected from its coordinates, lies inside New Mexico and no neighbouring state", () => {
    const page = readHtml(dist, '/places/albuquerque-nm/');
    const img = page.querySelector('img.locator-map')!;
    expect(img.getAttribute('alt')).toMatch(/Albuquerque.*New Mexico/);
    const map = parseMapSvg(readFileSync(path.join(dist, img.getAttribute('src')!), 'utf8'));
    const nm = map.areas.find((a) => a.name === 'New Mexico')!;
    expect(pointInPath(nm.d, map.pin.cx, map.pin.cy)).toBe(true);
    for (const other of map.areas.filter((a) => ['Arizona', 'Texas', 'Colorado'].includes(a.name))) {
      expect(pointInPath(other.d, map.pin.cx, map.pin.cy), other.name).toBe(false);
    }
  });

  it('every story with places shows a map image for each place with coordinates', () => {
    for (const story of live.filter((s) => (s.data['locations'] ?? []).length > 0)) {
      const maps = readHtml(dist, `/articles/${story.slug}/`).querySelectorAll('.places img.locator-map');
      expect(maps.length, story.slug).toBeGreaterThan(0);
      for (const img of maps) {
        expect(img.getAttribute('alt')!.length).toBeGreaterThan(10);
        expect(existsSync(path.join(dist, img.getAttribute('src')!))).toBe(true);
      }
    }
  });

  it('a place the gazetteer cannot find, without coordinates, gets a page without a pin', () => {
    // Named only by a test fixture story (tests/fixtures/build-content): the shipped sample gives every place a pin.
    const fixture = live.find(
      (s) => s.fixture && (s.data['locations'] ?? []).some((l: { name: string }) => l.name === 'Nowhere Wash'),
    );
    expect(fixture).toBeDefined();
    const page = readHtml(dist, '/places/nowhere-wash-az/');
    expect(page.querySelector('img.locator-map')).toBeNull();
    expect(page.querySelector('.place-map-missing')!.text).toContain('Nowhere Wash');
    expect(existsSync(path.join(dist, 'maps/places/nowhere-wash-az.svg'))).toBe(false);
  });

  it('a place without coordinates in its story is placed by the gazetteer', () => {
    // Tucson, AZ is written without lat/lon in the sample.
    expect(existsSync(path.join(dist, 'maps/places/tucson-az.svg'))).toBe(true);
  });
});

describe('related stories and corrections', () => {
  it('each article lists at most four related live stories, never itself', () => {
    const liveUrls = new Set(live.map((s) => `/articles/${s.slug}/`));
    let withRelated = 0;
    for (const story of live) {
      const links = readHtml(dist, `/articles/${story.slug}/`)
        .querySelectorAll('.related a')
        .map((a) => a.getAttribute('href')!);
      expect(links.length).toBeLessThanOrEqual(4);
      expect(links).not.toContain(`/articles/${story.slug}/`);
      for (const link of links) expect(liveUrls.has(link), link).toBe(true);
      if (links.length) withRelated++;
    }
    expect(withRelated).toBeGreaterThan(live.length / 2);
  });

  it('the story quoting Jeff Sessions most recently lists the other Sessions story first', () => {
    const [newest, older] = quoting((o) => ['Jeff Sessions', 'Jefferson Beauregard Sessions III'].includes(o.name));
    const slug = newest!.split('/')[2]!;
    const first = readHtml(dist, `/articles/${slug}/`).querySelector('.related a')!.getAttribute('href');
    expect(first).toBe(older);
  });

  it('/corrections/ introduces the log in readable prose, with the corrections policy linked mid-sentence', () => {
    const intro = readHtml(dist, '/corrections/').querySelector('.listing-header p')!;
    const link = intro.querySelector('a[href="/corrections-policy/"]')!;
    // The link's words stand apart from their neighbours: "Our corrections policy says", not "Ourcorrections".
    expect(intro.text.replace(/\s+/g, ' ')).toContain(` ${link.text} `);
  });

  it('/corrections/ lists every correction and retraction newest first, linked to its story anchor', () => {
    const expected = live
      .flatMap((s) => [
        ...(s.data['corrections'] ?? []).map((c: { date: string; text: string }, i: number) => ({
          url: `/articles/${s.slug}/#correction-${i + 1}`,
          date: new Date(c.date).getTime(),
          text: c.text,
        })),
        ...(s.data['retracted']
          ? [
              {
                url: `/articles/${s.slug}/#retraction`,
                date: new Date(s.data['retracted'].date).getTime(),
                text: s.data['retracted'].notice,
              },
            ]
          : []),
      ])
      .sort((a, b) => b.date - a.date);
    expect(expected.length).toBeGreaterThan(0);
    const entries = readHtml(dist, '/corrections/').querySelectorAll('.corrections-log > li');
    expect(entries.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(expected.map((e) => e.url));
    expect(entries.map((li) => li.text)).toEqual(expected.map((e) => expect.stringContaining(e.text)));
    for (const e of expected) {
      const [page, anchor] = e.url.split('#');
      expect(readHtml(dist, page!).getElementById(anchor!), e.url).not.toBeNull();
    }
  });
});
