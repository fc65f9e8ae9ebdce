import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderStoryBody, StoryBodyError } from '../../../src/lib/story-body/render';
import { figuresIn } from '../../../src/lib/story-body/figures';

const mdx = (source: string, firstLine = 1) => renderStoryBody(source, { format: 'mdx', firstLine });
const md = (source: string) => renderStoryBody(source, { format: 'md' });

function refusal(run: () => unknown): StoryBodyError {
  try {
    run();
  } catch (e) {
    if (e instanceof StoryBodyError) return e;
    throw e;
  }
  throw new Error('expected the body to be refused');
}

describe('renderStoryBody: what a story may contain', () => {
  it('renders Markdown: paragraphs, emphasis, links, headings, lists', () => {
    const doc = parse(mdx('Some **bold** and [a link](https://example.org/a).\n\n## Reaction\n\n- one\n- two\n'));
    expect(doc.querySelector('p strong')!.text).toBe('bold');
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('https://example.org/a');
    expect(doc.querySelector('h2')!.text).toBe('Reaction');
    expect(doc.querySelectorAll('li').map((li) => li.text)).toEqual(['one', 'two']);
  });

  it('uses typographic quotes and dashes, as a newsroom sets type', () => {
    expect(parse(mdx('He said "no" -- twice.')).text).toContain('“no” – twice');
  });

  it('expands <SourceQuote> into a quote with its attribution', () => {
    const doc = parse(mdx('<SourceQuote source="Los Angeles Times">\nThe letters went out *Thursday*.\n</SourceQuote>\n'));
    expect(doc.querySelector('figure.source-quote blockquote p em')!.text).toBe('Thursday');
    expect(doc.querySelector('figure.source-quote figcaption')!.text).toBe('— Los Angeles Times');
  });

  it('expands a one-line <PullQuote> into a paragraph hidden from screen readers and search', () => {
    const aside = parse(mdx('<PullQuote by="Peter Simonson">A bullying tactic.</PullQuote>\n')).querySelector('div.pull-quote')!;
    expect(aside.getAttribute('aria-hidden')).toBe('true');
    expect(aside.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(aside.querySelectorAll('p').map((p) => p.text)).toEqual(['A bullying tactic.', '— Peter Simonson']);
  });

  it('leaves <Figure> as a placeholder that carries its props to the page', () => {
    const html = mdx('<Figure src="./chart.png" alt="Water levels since 2000" caption="Lake Mead" credit="USBR" />\n');
    expect(figuresIn(html)).toEqual([{ src: './chart.png', alt: 'Water levels since 2000', decorative: false, caption: 'Lake Mead', credit: 'USBR' }]);
    expect(figuresIn(mdx('<Figure src="./rule.png" decorative />\n'))).toEqual([{ src: './rule.png', alt: '', decorative: true, caption: undefined, credit: undefined }]);
  });

  it('keeps harmless inline HTML and escapes text', () => {
    const doc = parse(mdx('Press <abbr title="American Civil Liberties Union">ACLU</abbr> said 3 < 4 & 5.\n'));
    expect(doc.querySelector('abbr')!.getAttribute('title')).toBe('American Civil Liberties Union');
    expect(doc.querySelector('p')!.text).toContain('3 < 4 & 5');
  });

  it('renders plain Markdown stories, where braces are just text', () => {
    expect(parse(md('Budget {draft} figures, **final**.\n')).querySelector('p')!.text).toBe('Budget {draft} figures, final.');
  });
});

describe('renderStoryBody: a story body is content, not code', () => {
  it.each([
    ['an import', 'import x from "./x.js"\n\nText.', 1, /import/],
    ['an export', 'Text.\n\nexport const a = 1\n', 3, /import and export/],
    ['a block expression', 'Text.\n\n{process.exit(1)}\n', 3, /expression/],
    ['an inline expression', 'Total: {1 + 1} dollars.\n', 1, /expression/],
    ['an unknown component', 'Text.\n\n<Chart data="x" />\n', 3, /not a component/],
    ['a script tag', '<script>alert(1)</script>\n', 1, /not allowed/],
    ['an iframe', '<iframe src="https://example.org"></iframe>\n', 1, /not allowed/],
    ['a style tag', '<style>body{}</style>\n', 1, /not allowed|expression/],
    ['an event handler', 'Click <span onclick="alert(1)">here</span>.\n', 1, /event-handler|may not carry/],
    ['an attribute expression', '<SourceQuote source={name}>x</SourceQuote>\n', 1, /code/],
    ['a spread attribute', '<PullQuote {...props}>x</PullQuote>\n', 1, /code/],
    ['a javascript: link', '[click](javascript:alert(1))\n', 1, /not an http/],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">x</a>\n', 1, /not an http/],
    ['a fragment', '<>text</>\n', 1, /fragment/],
    ['a Markdown image', '![a chart](./chart.png)\n', 1, /images are not supported/],
    ['a Figure without alt', '<Figure src="./chart.png" />\n', 1, /alt/],
    ['a SourceQuote without source', '<SourceQuote>x</SourceQuote>\n', 1, /source/],
  ])('refuses %s, naming the line', (_name, source, line, message) => {
    const error = refusal(() => mdx(source, 10));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line + 9);
  });

  it('refuses raw script in a plain Markdown story too', () => {
    expect(refusal(() => md('Text.\n\n<script>alert(1)</script>\n')).message).toMatch(/not allowed/);
    expect(refusal(() => md('Click <em onclick="x">here</em>.\n')).message).toMatch(/event-handler/);
  });

  it('reports MDX syntax errors as refusals with a line', () => {
    const error = refusal(() => mdx('First.\n\nHi <b>unclosed\n', 5));
    expect(error.message).toMatch(/could not be read/);
    expect(error.line).toBe(7);
  });
});
