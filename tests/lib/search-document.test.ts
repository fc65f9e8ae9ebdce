import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { searchDocumentHtml, searchShard, shardBundlePath } from '../../src/lib/search-document';
import { renderStoryBody } from '../../src/lib/story-body/render';

describe('searchDocumentHtml', () => {
  const body = renderStoryBody(
    'The letters went out **Thursday**.\n\n<PullQuote by="Jeff Sessions">Repeated words.</PullQuote>\n\n<Figure src="./chart.png" alt="Grants by city" caption="Grant totals" credit="DOJ" />\n',
    { format: 'mdx' },
  );
  const doc = parse(searchDocumentHtml({ title: 'Grants & cities', dek: 'Four cities were told.', bodyHtml: body, language: 'en-US' }));

  it('holds the headline as the result title, the dek and the body, all inside the indexed element', () => {
    const indexed = doc.querySelector('[data-pagefind-body]')!;
    expect(indexed.querySelector('h1')!.text).toBe('Grants & cities');
    expect(indexed.querySelector('h1')!.getAttribute('data-pagefind-meta')).toBe('title');
    expect(indexed.text).toContain('Four cities were told.');
    expect(indexed.text).toContain('The letters went out Thursday.');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('en-US');
  });

  it('keeps pull quotes out of the index and figures in as their alt text and caption', () => {
    expect(doc.querySelector('aside.pull-quote')!.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(doc.querySelector('figure img')!.getAttribute('alt')).toBe('Grants by city');
    expect(doc.querySelector('figure figcaption')!.text).toBe('Grant totals DOJ');
  });
});

describe('searchShard', () => {
  it('is the year folder of the story file, in either story form', () => {
    expect(searchShard('content/articles/2017/sessions-letters.mdx')).toBe('2017');
    expect(searchShard('content/articles/2019/lake-mead/index.mdx')).toBe('2019');
    expect(shardBundlePath('2019')).toBe('/pagefind/2019/');
  });

  it('refuses a file outside a year folder', () => {
    expect(() => searchShard('content/articles/loose.mdx')).toThrow(/year folder/);
  });
});
