import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderStoryBody, renderStoryTree, StoryBodyError } from '../../../src/ingest/story-body/render.ts';
import { figuresIn } from '../../../src/ingest/story-body/figures.ts';

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
    const doc = parse(
      mdx('<SourceQuote source="Los Angeles Times">\nThe letters went out *Thursday*.\n</SourceQuote>\n'),
    );
    expect(doc.querySelector('figure.source-quote blockquote p em')!.text).toBe('Thursday');
    expect(doc.querySelector('figure.source-quote figcaption')!.text).toBe('— Los Angeles Times');
  });

  it('expands a one-line <PullQuote> into a paragraph hidden from screen readers and search', () => {
    const aside = parse(mdx('<PullQuote by="Peter Simonson">A bullying tactic.</PullQuote>\n')).querySelector(
      'div.pull-quote',
    )!;
    expect(aside.getAttribute('aria-hidden')).toBe('true');
    expect(aside.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(aside.querySelectorAll('p').map((p) => p.text)).toEqual(['A bullying tactic.', '— Peter Simonson']);
  });

  it('leaves <Figure> as a placeholder that carries its props to the page', () => {
    const tree = renderStoryTree(
      '<Figure src="./chart.png" alt="Water levels since 2000" caption="Lake Mead" credit="USBR" />\n',
      { format: 'mdx' },
    );
    expect(figuresIn(tree)).toEqual([
      { src: './chart.png', alt: 'Water levels since 2000', decorative: false, caption: 'Lake Mead', credit: 'USBR' },
    ]);
    expect(figuresIn(renderStoryTree('<Figure src="./rule.png" decorative />\n', { format: 'mdx' }))).toEqual([
      { src: './rule.png', alt: '', decorative: true, caption: undefined, credit: undefined },
    ]);
  });

  it('keeps harmless inline HTML and escapes text', () => {
    const doc = parse(mdx('Press <abbr title="American Civil Liberties Union">ACLU</abbr> said 3 < 4 & 5.\n'));
    expect(doc.querySelector('abbr')!.getAttribute('title')).toBe('American Civil Liberties Union');
    expect(doc.querySelector('p')!.text).toContain('3 < 4 & 5');
  });

  it('renders plain Markdown stories, where braces are just text', () => {
    expect(parse(md('Budget {draft} figures, **final**.\n')).querySelector('p')!.text).toBe(
      'Budget {draft} figures, final.',
    );
  });
});

describe('renderStoryBody: <Embed>', () => {
  const EMBEDS = [
    { name: 'YouTube', kind: 'video' as const, hosts: ['www.youtube-nocookie.com'] },
    { name: 'DocumentCloud', kind: 'document' as const, hosts: ['embed.documentcloud.org'] },
  ];
  const VIDEO = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30&rel=0';
  const embed = (source: string, embeds = EMBEDS) => renderStoryBody(source, { format: 'mdx', firstLine: 20, embeds });

  it('renders a titled placeholder with a link and a hidden button, and no frame', () => {
    const html = embed(`Before.\n\n<Embed url="${VIDEO}" title="The council's vote, in full" />\n\nAfter.\n`);
    const doc = parse(html);
    const figure = doc.querySelector('figure.embed.embed--video')!;
    expect(figure.getAttribute('data-embed-url')).toBe(VIDEO);
    expect(figure.getAttribute('data-embed-kind')).toBe('video');
    expect(figure.querySelector('figcaption .embed__title')!.text).toBe("The council's vote, in full");
    expect(figure.querySelector('figcaption .embed__source')!.text).toBe('Video from YouTube');
    const link = figure.querySelector('a.embed__open')!;
    expect(link.getAttribute('href')).toBe(VIDEO);
    expect(link.text).toBe('Open on YouTube ↗');
    const stage = figure.querySelector('.embed__stage')!;
    expect(stage.hasAttribute('hidden')).toBe(true);
    expect(stage.getAttribute('data-pagefind-ignore')).toBe('all');
    const button = stage.querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.text).toBe('Load the video');
    expect(button.getAttribute('aria-describedby')).toBe(figure.querySelector('.embed__title')!.id);
    // Nothing that loads anything from the provider, and nothing a CSP would refuse.
    expect(html).not.toMatch(/<iframe|<script|<img|style=/);
    expect(doc.querySelectorAll('p').map((p) => p.text)).toEqual([
      'Before.',
      expect.stringContaining('YouTube'),
      'After.',
    ]);
  });

  it('names the kind and the provider of a document, and numbers ids apart', () => {
    const doc = parse(
      embed(
        '<Embed url="https://embed.documentcloud.org/documents/1-a/" title="One" />\n\n' +
          '<Embed url="https://embed.documentcloud.org/documents/2-b/" title="Two" />\n',
      ),
    );
    expect(doc.querySelectorAll('.embed__source').map((s) => s.text)).toEqual([
      'Document from DocumentCloud',
      'Document from DocumentCloud',
    ]);
    expect(doc.querySelectorAll('.embed__load').map((b) => b.text)).toEqual(['Load the document', 'Load the document']);
    const ids = doc.querySelectorAll('.embed__title').map((t) => t.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('escapes the title and the address', () => {
    const html = embed(
      '<Embed url="https://embed.documentcloud.org/documents/1-a/?q=&quot;x&quot;" ' +
        'title="A &quot;quoted&quot; <b>title</b>" />\n',
    );
    expect(html).not.toContain('<b>');
    expect(parse(html).querySelector('.embed__title')!.text).toBe('A "quoted" <b>title</b>');
    expect(parse(html).querySelector('figure')!.getAttribute('data-embed-url')).toBe(
      'https://embed.documentcloud.org/documents/1-a/?q=%22x%22',
    );
  });

  it.each([
    [
      'an unknown host',
      '<Embed url="https://evil.example/frame" title="T" />',
      /evil\.example is not a host this site embeds from/,
      new RegExp(
        '^allowed hosts: www\\.youtube-nocookie\\.com, embed\\.documentcloud\\.org; ' +
          'an editor can add a host under embeds in content/site\\.yaml$',
      ),
    ],
    [
      'a subdomain of an allowed host',
      '<Embed url="https://x.www.youtube-nocookie.com/embed/a" title="T" />',
      /x\.www\.youtube-nocookie\.com is not a host/,
      /allowed hosts/,
    ],
    [
      'an http: address',
      '<Embed url="http://www.youtube-nocookie.com/embed/a" title="T" />',
      /not an https:\/\/ address/,
      /https only/,
    ],
    ['a javascript: address', '<Embed url="javascript:alert(1)" title="T" />', /not an https:\/\/ address/, /https/],
    [
      'an address with a password',
      '<Embed url="https://u:p@www.youtube-nocookie.com/embed/a" title="T" />',
      /user name or password/,
      /public address/,
    ],
    ['a missing url', '<Embed title="T" />', /needs url="…"/, undefined],
    ['a missing title', `<Embed url="${VIDEO}" />`, /needs title="…"/, undefined],
    ['an empty title', `<Embed url="${VIDEO}" title="  " />`, /needs title="…"/, undefined],
    [
      'content between tags',
      `<Embed url="${VIDEO}" title="T">A caption</Embed>`,
      /takes no content between tags/,
      /<Embed url="…" title="…" \/>/,
    ],
    [
      'an attribute it does not take',
      `<Embed url="${VIDEO}" title="T" height="600" />`,
      /takes only url and title, not height/,
      /<Embed url/,
    ],
    [
      'an embed inside a line of text',
      `Watch <Embed url="${VIDEO}" title="T" /> now.`,
      /lines of its own/,
      /blank line/,
    ],
  ])('refuses %s, naming the line and saying what to do', (_name, tag, message, hint) => {
    const error = refusal(() => embed(`Intro.\n\n${tag}\n`));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(22);
    if (hint) expect(error.hint).toMatch(hint);
  });

  it('refuses every embed when no allowlist is given', () => {
    expect(refusal(() => mdx(`<Embed url="${VIDEO}" title="T" />\n`)).hint).toMatch(
      /^no host is allowed yet; an editor can add a host under embeds in content\/site\.yaml$/,
    );
  });

  it('is a component, not raw HTML: <embed> and <iframe> stay refused', () => {
    expect(refusal(() => embed(`<embed src="${VIDEO}" />\n`)).message).toMatch(/not allowed/);
    expect(refusal(() => embed(`<iframe src="${VIDEO}"></iframe>\n`)).message).toMatch(/not allowed/);
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
    ['a name on Object.prototype', 'Text.\n\n<constructor />\n', 3, /not allowed/],
    ['a component-like name on Object.prototype', '<toString />\n', 1, /not allowed/],
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

describe('renderStoryBody: component attributes', () => {
  it.each([
    [
      'SourceQuote',
      '<SourceQuote source="A" class="x">Said.</SourceQuote>',
      /<SourceQuote> takes only source, not class/,
    ],
    [
      'PullQuote',
      '<PullQuote by="A" data-pagefind-meta="title:Hijacked">Said.</PullQuote>',
      /<PullQuote> takes only by, not data-pagefind-meta/,
    ],
    [
      'Figure',
      '<Figure src="./a.png" alt="A" onerror="alert(1)" />',
      /<Figure> takes only src, alt, decorative, caption and credit, not onerror/,
    ],
  ])('refuses an attribute %s does not take, rather than drop it without a word', (_name, source, message) => {
    const error = refusal(() => mdx(`Intro.\n\n${source}\n`, 30));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(32);
    expect(error.hint).toMatch(/^write it as </);
  });

  it('shows markup in a source or a speaker’s name as the text it is', () => {
    const name = '<img src=x onerror=alert(1)>';
    const html = renderStoryBody(
      `<SourceQuote source="${name}">Said.</SourceQuote>\n\n<PullQuote by="${name}">Again.</PullQuote>\n`,
      { format: 'mdx', references: { sources: [name], officials: [name] } },
    );
    expect(html).not.toContain('<img');
    const doc = parse(html);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelector('figcaption')!.text).toBe(`— ${name}`);
    expect(doc.querySelector('.pull-quote__by')!.text).toBe(`— ${name}`);
  });
});

describe('renderStoryBody: the order of a component’s refusals', () => {
  it('says first what the component does not take, then whom it names', () => {
    const references = { sources: ['Los Angeles Times'], officials: [] };
    const render = (source: string) => () => renderStoryBody(source, { format: 'mdx', references });
    expect(refusal(render('<PullQuote by="A" onclick="x">Said.</PullQuote>\n')).message).toMatch(/takes only by/);
    expect(refusal(render('<PullQuote by="A">Said.</PullQuote>\n')).message).toMatch(/names no entry of officials/);
  });
});
