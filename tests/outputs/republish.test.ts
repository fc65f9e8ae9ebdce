import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  canonicalLinkTag,
  CC_BY_ND,
  republishBodyHtml,
  republishByline,
  republishHtml,
  type RepublishCopy,
} from '../../src/outputs/republish.ts';
import { renderStoryTree, type RenderOptions } from '../../src/ingest/story-body/render.ts';
import { renderedBody } from '../../src/ingest/story-body/rendered-body.ts';

const PAGE = 'https://ledgerdesk.example/articles/sessions-grants/';

/** A body as the copy carries it: rendered, stored as the feed's parts, filled; photos credited "Ours" are ours. */
function body(source: string, options: Partial<RenderOptions> = {}) {
  const { feed } = renderedBody(renderStoryTree(source, { format: 'mdx', ...options }));
  return republishBodyHtml(feed, {
    pageUrl: PAGE,
    isOurs: (figure) => figure.credit === 'Ours',
    imageUrl: async (figure) => `https://ledgerdesk.example/_astro/${figure.src.slice(2)}`,
  });
}

const copy = (overrides: Partial<RepublishCopy> = {}): RepublishCopy => ({
  headline: 'Justice Department ties grants to immigration cooperation',
  authors: ['Maria Lopez', 'Sam Ortiz'],
  outlet: 'The Ledger Desk',
  credit: 'The Ledger Desk',
  published: new Date('2017-08-03T21:30:00Z'),
  publishedText: 'August 3, 2017',
  canonicalUrl: PAGE,
  lead: '',
  body: '<p>The story.</p>',
  ...overrides,
});

describe('republishHtml', () => {
  it('starts with the headline, the byline with the outlet, and the date', () => {
    const doc = parse(republishHtml(copy()));
    expect(doc.querySelector('h1')!.text).toBe('Justice Department ties grants to immigration cooperation');
    const [byline, date] = doc.querySelectorAll('p');
    expect(byline!.text).toBe('by Maria Lopez and Sam Ortiz, The Ledger Desk');
    expect(date!.querySelector('time')!.getAttribute('datetime')).toBe('2017-08-03T21:30:00.000Z');
    expect(date!.text).toBe('August 3, 2017');
  });

  it('ends with the credit linking to the original and the licence deed', () => {
    const doc = parse(republishHtml(copy({ credit: 'The Ledger Desk, a nonprofit newsroom' })));
    const credit = doc.querySelectorAll('p').at(-1)!;
    expect(credit.text).toBe(
      'This story was originally published by The Ledger Desk, a nonprofit newsroom and is republished under the ' +
        'Creative Commons Attribution-NoDerivatives 4.0 International licence (CC BY-ND 4.0).',
    );
    const links = credit.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toEqual([PAGE, 'https://creativecommons.org/licenses/by-nd/4.0/']);
    expect(CC_BY_ND.deed).toBe('https://creativecommons.org/licenses/by-nd/4.0/');
  });

  it('adds the 1×1 tracking image only when the site has one', () => {
    expect(parse(republishHtml(copy())).querySelectorAll('img')).toHaveLength(0);
    const pixel = parse(republishHtml(copy({ trackingPixel: 'https://stats.example/p.gif?a=1&b=2' })))
      .querySelectorAll('img')
      .at(-1)!;
    expect(pixel.getAttribute('src')).toBe('https://stats.example/p.gif?a=1&b=2');
    expect(pixel.getAttribute('width')).toBe('1');
    expect(pixel.getAttribute('height')).toBe('1');
    expect(pixel.getAttribute('alt')).toBe('');
  });

  it('escapes hostile headline, names, outlet and addresses', () => {
    const html = republishHtml(
      copy({
        headline: '</textarea><script>alert(1)</script>',
        authors: ['<img src=x onerror=alert(1)>'],
        credit: '<b>Us</b>',
        canonicalUrl: 'https://ledgerdesk.example/"><script>x</script>',
        trackingPixel: 'https://stats.example/"onload="x',
      }),
    );
    expect(html).not.toMatch(/<script|<\/textarea|<b>|<img src=x|"onload=/);
    const doc = parse(html);
    expect(doc.querySelector('h1')!.text).toBe('</textarea><script>alert(1)</script>');
    expect(doc.querySelectorAll('p')[0]!.text).toBe('by <img src=x onerror=alert(1)>, The Ledger Desk');
    expect(doc.querySelectorAll('img')).toHaveLength(1);
  });
});

describe('republishByline and canonicalLinkTag', () => {
  it('name one author, or several joined as a byline reads', () => {
    expect(republishByline(['Grace Kim'], 'The Ledger Desk')).toBe('by Grace Kim, The Ledger Desk');
    expect(republishByline(['A', 'B', 'C'], 'X')).toBe('by A, B and C, X');
  });

  it('writes the canonical tag for the partner head, escaped', () => {
    const link = parse(canonicalLinkTag('https://ledgerdesk.example/a?b=1&c="2"')).querySelector('link')!;
    expect(link.getAttribute('rel')).toBe('canonical');
    expect(link.getAttribute('href')).toBe('https://ledgerdesk.example/a?b=1&c="2"');
  });
});

describe('republishBodyHtml', () => {
  it('makes links to this site absolute and keeps others as they are', async () => {
    const { html } = await body('See [the archive](/archive/), [a note](#n1) and [the law](https://law.example/x).\n');
    const hrefs = parse(html)
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://ledgerdesk.example/archive/',
      'https://ledgerdesk.example/articles/sessions-grants/#n1',
      'https://law.example/x',
    ]);
  });

  it('turns an embed into a link to the original: no frame, button or script', async () => {
    const embeds = [{ name: 'Datawrapper', kind: 'chart' as const, hosts: ['datawrapper.dwcdn.net'] }];
    const { html } = await body(
      'Before.\n\n<Embed url="https://datawrapper.dwcdn.net/AbC12/1/" title="Wells that ran dry" />\n\nAfter.\n',
      { embeds },
    );
    expect(html).not.toMatch(/<(iframe|button|script|div)\b|data-/);
    const link = parse(html).querySelectorAll('a')[0]!;
    expect(link.getAttribute('href')).toBe('https://datawrapper.dwcdn.net/AbC12/1/');
    expect(link.text).toBe('Wells that ran dry');
  });

  it('leaves out pull quotes', async () => {
    const { html } = await body('First.\n\n<PullQuote by="Peter Simonson">A bullying tactic.</PullQuote>\n\nLast.\n');
    expect(parse(html).text).not.toContain('A bullying tactic.');
  });

  it('keeps our photos with an absolute address and credit, and leaves out the others, returning them', async () => {
    const { html, leftOut } = await body(
      'One.\n\n<Figure src="./ours.jpg" alt="A <dam>" caption="Hoover Dam" credit="Ours" />\n\n' +
        'Two.\n\n<Figure src="./agency.jpg" alt="A river" caption="The river" credit="Reuters" />\n\nThree.\n',
    );
    const doc = parse(html);
    const figures = doc.querySelectorAll('figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.querySelector('img')!.getAttribute('src')).toBe('https://ledgerdesk.example/_astro/ours.jpg');
    expect(figures[0]!.querySelector('img')!.getAttribute('alt')).toBe('A <dam>');
    expect(figures[0]!.querySelector('figcaption')!.text).toBe('Hoover Dam Ours');
    expect(doc.text).not.toContain('The river');
    expect(doc.querySelectorAll('p').map((p) => p.text)).toEqual(['One.', 'Two.', 'Three.']);
    expect(leftOut.map((f) => f.credit)).toEqual(['Reuters']);
  });
});
