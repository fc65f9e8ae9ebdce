import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { feedBodyHtml, feedDatelineHtml, feedFigureHtml } from '../../src/outputs/feed-body.ts';
import { renderStoryTree, type RenderOptions } from '../../src/ingest/story-body/render.ts';
import { renderedBody } from '../../src/ingest/story-body/rendered-body.ts';

const PAGE = 'https://ledgerdesk.example/articles/sessions-grants/';

/** A body as a feed carries it: rendered, stored as parts, filled as the feed fills them. */
async function feed(source: string, options: Partial<RenderOptions> = {}): Promise<string> {
  const { feed: parts } = renderedBody(renderStoryTree(source, { format: 'mdx', ...options }));
  return feedBodyHtml(parts, {
    pageUrl: PAGE,
    figure: async (figure) => feedFigureHtml(figure, `https://ledgerdesk.example/_astro/${figure.src.slice(2)}`),
  });
}

describe('feedBodyHtml', () => {
  const story = [
    'First paragraph.',
    '',
    '<SourceQuote source="U.S. News & World Report">',
    'What the magazine reported.',
    '</SourceQuote>',
    '',
    '<PullQuote by="Peter Simonson">A bullying tactic.</PullQuote>',
    '',
    'Last paragraph.',
  ].join('\n');

  it('drops pull quotes, which repeat the text', async () => {
    const doc = parse(await feed(story));
    expect(doc.text).not.toContain('A bullying tactic.');
    expect(doc.querySelectorAll('div').length).toBe(0);
  });

  it('keeps source quotes as a plain blockquote followed by the attribution', async () => {
    const doc = parse(await feed(story));
    const quote = doc.querySelector('blockquote')!;
    expect(quote.text.trim()).toBe('What the magazine reported.');
    expect(quote.nextElementSibling!.tagName).toBe('P');
    expect(quote.nextElementSibling!.text).toBe('— U.S. News & World Report');
    expect(doc.querySelectorAll('figure').length).toBe(0);
  });

  it('keeps everything else in order', async () => {
    const paragraphs = parse(await feed(story))
      .querySelectorAll('p')
      .map((p) => p.text);
    expect(paragraphs[0]).toBe('First paragraph.');
    expect(paragraphs.at(-1)).toBe('Last paragraph.');
  });

  it('turns an embed into a paragraph linking to the original: no frame, no button', async () => {
    const embeds = [{ name: 'Datawrapper', kind: 'chart' as const, hosts: ['datawrapper.dwcdn.net'] }];
    const html = await feed(
      'Before.\n\n' +
        '<Embed url="https://datawrapper.dwcdn.net/AbC12/1/?a=1&b=2" ' +
        'title="Wells that ran dry, by county & year" />\n\n' +
        'After.\n',
      { embeds },
    );
    expect(html).not.toMatch(/<(iframe|button|figure|script|div)\b|hidden|data-/);
    const paragraphs = parse(html).querySelectorAll('p');
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Before.',
      'Wells that ran dry, by county & year (Chart from Datawrapper)',
      'After.',
    ]);
    const link = paragraphs[1]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://datawrapper.dwcdn.net/AbC12/1/?a=1&b=2');
    expect(link.text).toBe('Wells that ran dry, by county & year');
    expect(Object.keys(link.attributes)).toEqual(['href']);
  });

  it('makes links to this site absolute, and points #fragment links at the story page', async () => {
    const doc = parse(
      await feed(
        'See [politics](/sections/politics/) and [the note](#correction-1).\n\nA claim.[^1]\n\n[^1]: Source.\n',
      ),
    );
    const hrefs = doc.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://ledgerdesk.example/sections/politics/',
      `${PAGE}#correction-1`,
      `${PAGE}#user-content-fn-1`,
      `${PAGE}#user-content-fnref-1`,
    ]);
  });

  it('leaves links to other sites and e-mail addresses as they are', async () => {
    const doc = parse(
      await feed('[LA Times](https://www.latimes.com/story?id=1&b=2) [Tips](mailto:tips@ledgerdesk.example)\n'),
    );
    expect(doc.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'https://www.latimes.com/story?id=1&b=2',
      'mailto:tips@ledgerdesk.example',
    ]);
  });

  it('puts each figure in place as one image at an absolute address, with its caption', async () => {
    const doc = parse(
      await feed(
        'Before.\n\n<Figure src="./chart.png" alt="A <chart>" caption="Lake & river" credit="USBR" />\n\nAfter.\n',
      ),
    );
    const figure = doc.querySelector('figure')!;
    expect(figure.previousElementSibling!.text).toBe('Before.');
    expect(figure.nextElementSibling!.text).toBe('After.');
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://ledgerdesk.example/_astro/chart.png');
    expect(img.getAttribute('alt')).toBe('A <chart>');
    expect(figure.querySelector('figcaption')!.text).toBe('Lake & river USBR');
  });
});

describe('the feed body of an attribute that holds markup', () => {
  // ultrahtml, which once re-parsed the stored HTML for feeds, ended the tag at the first ">".
  const ATTACK = 'A <abbr title="x><script>alert(1)</script>">b</abbr> c.';

  it.each(['mdx', 'md'] as const)('keeps the markup inside the attribute, as text (%s)', async (format) => {
    const html = await feed(ATTACK, { format });
    expect(html).not.toContain('<script');
    const doc = parse(html);
    expect(doc.querySelectorAll('script').length).toBe(0);
    expect(doc.querySelector('abbr')!.getAttribute('title')).toBe('x><script>alert(1)</script>');
    expect(doc.querySelector('p')!.text).toBe('A b c.');
  });
});

describe('feed furniture', () => {
  it('writes the dateline as escaped text', () => {
    const doc = parse(feedDatelineHtml('ALBUQUERQUE <b>&</b>'));
    expect(doc.querySelector('strong')!.text).toBe('ALBUQUERQUE <b>&</b>');
    expect(doc.querySelectorAll('b').length).toBe(0);
  });

  it('writes a figure without a caption as an image alone', () => {
    const doc = parse(feedFigureHtml({ alt: 'x" onerror="y' }, 'https://ledgerdesk.example/a.jpg'));
    expect(doc.querySelector('img')!.getAttribute('alt')).toBe('x" onerror="y');
    expect(doc.querySelector('img')!.hasAttribute('onerror')).toBe(false);
    expect(doc.querySelector('figcaption')).toBeNull();
  });
});

describe('the feed body of a task list', () => {
  it('shows each checkbox as a character: feeds carry no form controls', async () => {
    const doc = parse(await feed('- [x] Filed\n- [ ] Heard\n', { format: 'md' }));
    expect(doc.querySelectorAll('input')).toHaveLength(0);
    expect(doc.querySelectorAll('li').map((li) => li.text.trim())).toEqual(['☑ Filed', '☐ Heard']);
  });
});
