import { describe, expect, it } from 'vitest';
import { bodyText, textExcerpt } from '../../src/outputs/body-text.ts';
import { renderStoryTree } from '../../src/ingest/story-body/render.ts';
import { renderedBody } from '../../src/ingest/story-body/rendered-body.ts';

const embeds = [{ name: 'Datawrapper', kind: 'chart' as const, hosts: ['datawrapper.dwcdn.net'] }];
const pageParts = (source: string) => renderedBody(renderStoryTree(source, { format: 'mdx', embeds })).page;

describe('bodyText', () => {
  it('keeps the words, a paragraph a line, with entities read and inline markup gone', () => {
    const text = bodyText(
      pageParts(
        'Turnout in **Maricopa** was [high](https://example.org/a?b=1&c=2) & rising.\n\n' +
          '## What comes next\n\n- Yuma\n- Pima\n',
      ),
    );
    expect(text).toBe('Turnout in Maricopa was high & rising.\nWhat comes next\nYuma\nPima');
  });

  it('leaves out what search leaves out: pull quotes, figures, an embed’s buttons', () => {
    const text = bodyText(
      pageParts(
        'The count went on.\n\n' +
          '<PullQuote>Repeated words.</PullQuote>\n\n' +
          '<Figure src="./chart.png" alt="Votes by county" caption="Votes so far" />\n\n' +
          '<Embed url="https://datawrapper.dwcdn.net/AbC12/1/" title="Returns by county" />\n',
      ),
    );
    expect(text).toContain('The count went on.');
    expect(text).toContain('Returns by county');
    for (const hidden of ['Repeated words', 'Votes by county', 'Votes so far', 'Load', '↗']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('is empty for a body of a figure alone', () => {
    expect(bodyText(pageParts('<Figure src="./chart.png" alt="Votes by county" />\n'))).toBe('');
  });
});

describe('textExcerpt', () => {
  it('keeps a short first paragraph whole', () => {
    expect(textExcerpt('Polls close.\nMore later.', 110)).toBe('Polls close.');
  });

  it('cuts a long one at a word, within the limit, and says so', () => {
    const excerpt = textExcerpt('word '.repeat(40).trim(), 22)!;
    expect(excerpt).toBe('word word word word…');
    expect(excerpt.length).toBeLessThanOrEqual(22);
  });

  it('gives nothing for no words', () => {
    expect(textExcerpt('', 110)).toBeUndefined();
  });
});
