import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { feedBodyHtml } from '../../../src/lib/story-body/feed';
import { renderStoryBody } from '../../../src/lib/story-body/render';

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
    const paragraphs = parse(await feedBodyHtml(site)).querySelectorAll('p').map((p) => p.text);
    expect(paragraphs[0]).toBe('First paragraph.');
    expect(paragraphs.at(-1)).toBe('Last paragraph.');
  });
});
