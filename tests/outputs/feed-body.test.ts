import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { feedBodyHtml } from '../../src/outputs/feed-body.ts';
import { renderStoryBody } from '../../src/ingest/story-body/render.ts';

describe('feedBodyHtml', () => {
  const site = renderStoryBody(
    [
      'First paragraph.',
      '',
      '<SourceQuote source="U.S. News & World Report">',
      'What the magazine reported.',
      '</SourceQuote>',
      '',
      '<PullQuote by="Peter Simonson">A bullying tactic.</PullQuote>',
      '',
      'Last paragraph.',
    ].join('\n'),
    { format: 'mdx' },
  );

  it('drops pull quotes, which repeat the text', async () => {
    const doc = parse(await feedBodyHtml(site));
    expect(doc.text).not.toContain('A bullying tactic.');
    expect(doc.querySelectorAll('aside').length).toBe(0);
  });

  it('keeps source quotes as a plain blockquote followed by the attribution', async () => {
    const doc = parse(await feedBodyHtml(site));
    const quote = doc.querySelector('blockquote')!;
    expect(quote.text.trim()).toBe('What the magazine reported.');
    expect(quote.nextElementSibling!.tagName).toBe('P');
    expect(quote.nextElementSibling!.text).toBe('— U.S. News & World Report');
    expect(doc.querySelectorAll('figure').length).toBe(0);
  });

  it('keeps everything else in order', async () => {
    const paragraphs = parse(await feedBodyHtml(site))
      .querySelectorAll('p')
      .map((p) => p.text);
    expect(paragraphs[0]).toBe('First paragraph.');
    expect(paragraphs.at(-1)).toBe('Last paragraph.');
  });

  it('turns an embed into a paragraph linking to the original: no frame, no button', async () => {
    const embeds = [{ name: 'Datawrapper', kind: 'chart' as const, hosts: ['datawrapper.dwcdn.net'] }];
    const body = renderStoryBody(
      'Before.\n\n' +
        '<Embed url="https://datawrapper.dwcdn.net/AbC12/1/?a=1&b=2" ' +
        'title="Wells that ran dry, by county & year" />\n\n' +
        'After.\n',
      { format: 'mdx', embeds },
    );
    const feed = await feedBodyHtml(body);
    expect(feed).not.toMatch(/<(iframe|button|figure|script|div)\b|hidden|data-/);
    const doc = parse(feed);
    const paragraphs = doc.querySelectorAll('p');
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
});
