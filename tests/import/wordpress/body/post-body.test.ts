import { describe, expect, it } from 'vitest';
import { convertPostBody } from '../../../../src/import/wordpress/body/post-body.ts';
import { readPolicyPage } from '../../../../src/ingest/policy-pages.ts';
import { convertAndRead, testContext, type ReaderView } from './story-gate.ts';
import type { ConvertedBody } from '../../../../src/import/wordpress/body/post-body.ts';

/** Converts a body and reads it through the story gate, which must accept it. */
function accepted(content: string, ctx = testContext()): ConvertedBody & ReaderView {
  const read = convertAndRead(content, ctx);
  expect(read.errors, read.mdx).toEqual([]);
  return read;
}

const block = (name: string, html: string, attrs?: object) =>
  `<!-- wp:${name}${attrs ? ` ${JSON.stringify(attrs)}` : ''} -->\n${html}\n<!-- /wp:${name} -->\n\n`;

const kinds = (body: ConvertedBody) => body.notes.map((n) => n.kind);

describe('block markup', () => {
  it('shows paragraphs with their links and emphasis, entities decoded', () => {
    const read = accepted(
      block(
        'paragraph',
        '<p>Rates rose &amp; fell &#8212; <a href="https://example.com/r">the report</a> <em>said</em>.</p>',
      ),
    );
    expect(read.blocks).toEqual(['Rates rose & fell — the report said.']);
    expect(read.links).toEqual(['https://example.com/r']);
    expect(read.tree && JSON.stringify(read.tree)).toContain('"tagName":"em"');
  });

  it('starts headings at h2 and never skips a level', () => {
    const read = accepted(
      block('heading', '<h3>First</h3>', { level: 3 }) +
        block('heading', '<h5>Under it</h5>', { level: 5 }) +
        block('heading', '<h1>Top</h1>', { level: 1 }) +
        block('heading', '<h5>Jump</h5>', { level: 5 }),
    );
    expect(read.headings).toEqual(['h2 First', 'h3 Under it', 'h2 Top', 'h3 Jump']);
  });

  it('keeps ordered and unordered lists, nested, in both list formats', () => {
    const modern = block(
      'list',
      '<ol><!-- wp:list-item --><li>One</li><!-- /wp:list-item --><!-- wp:list-item --><li>Two' +
        '<!-- wp:list --><ul><!-- wp:list-item --><li>Two A</li><!-- /wp:list-item --></ul><!-- /wp:list -->' +
        '</li><!-- /wp:list-item --></ol>',
      { ordered: true },
    );
    const classic = block('list', '<ul><li>Alpha<ul><li>Beta</li></ul></li></ul>');
    const read = accepted(modern + classic);
    const html = JSON.stringify(read.tree);
    expect(read.text).toBe('One Two Two A Alpha Beta');
    expect(html).toMatch(/"tagName":"ol".*"tagName":"ul".*"Two A".*"tagName":"ul".*"tagName":"ul".*"Beta"/);
  });

  it('ends a quote with its citation', () => {
    const read = accepted(
      block('quote', '<blockquote class="wp-block-quote"><p>Not a penny more.</p><cite>The mayor</cite></blockquote>'),
    );
    const quote = read.tree!.children.find((n) => n.type === 'element' && n.tagName === 'blockquote');
    expect(quote && read.blocks).toEqual(['Not a penny more.', '— The mayor']);
  });

  it('makes a pull quote a PullQuote without the citation, and says so', () => {
    const read = accepted(
      block(
        'pullquote',
        '<figure class="wp-block-pullquote"><blockquote><p>We will rebuild.</p>' +
          '<cite>Jane Doe</cite></blockquote></figure>',
      ),
    );
    expect(read.mdx).toContain('<PullQuote>');
    expect(read.mdx).not.toContain('by=');
    expect(read.text).toBe('We will rebuild.');
    expect(read.notes).toContainEqual({ kind: 'other', detail: expect.stringContaining('"Jane Doe"') });
  });

  it("shows an image block's picture as a Figure: alt and caption of the post, else of the attachment", () => {
    const read = accepted(
      block(
        'image',
        '<figure class="wp-block-image"><img src="https://old.example/x-300x200.jpg" alt="Rex at rest"/>' +
          '<figcaption>Rex, <strong>asleep</strong></figcaption></figure>',
        { id: 12 },
      ) +
        block(
          'image',
          '<figure class="wp-block-image"><img src="https://old.example/x.jpg" alt="" class="wp-image-12"/></figure>',
          { id: 12 },
        ),
    );
    expect(read.figures).toEqual([
      { src: './dog.png', alt: 'Rex at rest', decorative: false, caption: 'Rex, asleep', credit: 'Ana Ruiz' },
      {
        src: './dog.png',
        alt: 'A dog asleep on a porch',
        decorative: false,
        caption: 'Rex, the newsroom dog',
        credit: 'Ana Ruiz',
      },
    ]);
  });

  it('shows every picture of a gallery, in both gallery formats and from ids alone', () => {
    const nested = block(
      'gallery',
      '<figure class="wp-block-gallery has-nested-images">' +
        block(
          'image',
          '<figure class="wp-block-image"><img src="a.jpg" alt="" class="wp-image-13"/>' +
            '<figcaption>Cat!</figcaption></figure>',
          { id: 13 },
        ) +
        block('image', '<figure class="wp-block-image"><img src="b.jpg" alt="" class="wp-image-14"/></figure>', {
          id: 14,
        }) +
        '<figcaption class="blocks-gallery-caption">Our animals</figcaption></figure>',
    );
    const listed = block(
      'gallery',
      '<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure>' +
        '<img src="c.jpg" alt="Heron" data-id="14" class="wp-image-14"/></figure></li></ul></figure>',
      { ids: [14] },
    );
    const idsOnly = '<!-- wp:gallery {"ids":[12,14]} /-->';
    const read = accepted(nested + listed + idsOnly);
    expect(read.figures.map((f) => [f.src, f.caption])).toEqual([
      ['./cat.png', 'Cat!'],
      ['./bird.png', undefined],
      ['./bird.png', undefined],
      ['./dog.png', 'Rex, the newsroom dog'],
      ['./bird.png', undefined],
    ]);
    expect(read.blocks).toContain('Our animals');
  });

  it('keeps tables, a cell on one line', () => {
    const read = accepted(
      block(
        'table',
        '<figure class="wp-block-table"><table><thead><tr><th>Ward</th><th>Votes | share</th></tr></thead>' +
          '<tbody><tr><td><p>North</p><p>(new)</p></td><td>1,204<br>38%</td></tr></tbody></table></figure>',
      ),
    );
    const cells: string[] = [];
    JSON.stringify(read.tree, (_key, value) => {
      if (value?.tagName === 'td' || value?.tagName === 'th')
        cells.push(value.children.map((c: any) => c.value ?? '').join(''));
      return value;
    });
    expect(cells.map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      'Ward',
      'Votes | share',
      'North (new)',
      '1,204 38%',
    ]);
  });

  it('makes a separator a thematic break and code a fenced block, as written', () => {
    const code = 'if (a < b) { return `x`; }\n```\n  indented';
    const read = accepted(
      block('paragraph', '<p>Before</p>') +
        block('separator', '<hr class="wp-block-separator"/>') +
        block('code', `<pre class="wp-block-code"><code>${code.replaceAll('<', '&lt;')}</code></pre>`) +
        block('preformatted', '<pre class="wp-block-preformatted">Name   Votes\nAna    12</pre>'),
    );
    expect(read.mdx).toMatch(/^---$/m);
    const pres: string[] = [];
    JSON.stringify(read.tree, (_key, value) => {
      if (value?.tagName === 'code') pres.push(value.children.map((c: any) => c.value).join(''));
      return value;
    });
    expect(pres).toEqual([`${code}\n`, 'Name   Votes\nAna    12\n']);
    expect(JSON.stringify(read.tree)).toContain('"tagName":"hr"');
  });

  it('embeds an allowlisted video, YouTube page addresses as the private embed address', () => {
    const read = accepted(
      block(
        'embed',
        '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\n' +
          'https://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div><figcaption>The council meeting</figcaption></figure>',
        { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', providerNameSlug: 'youtube' },
      ) +
        block(
          'core-embed/youtube',
          '<figure class="wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\n' +
            'https://youtu.be/abcdefghijk\n</div></figure>',
          { url: 'https://youtu.be/abcdefghijk' },
        ),
    );
    expect(read.embeds).toEqual([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/abcdefghijk',
    ]);
    expect(read.text).toContain('The council meeting');
    expect(read.mdx).toMatch(/^<Embed url="[^"]+" title="The council meeting" \/>$/m);
  });

  it('links to what the site cannot embed, and says so', () => {
    const read = accepted(
      block(
        'embed',
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://vimeo.com/1</div></figure>',
        {
          url: 'https://vimeo.com/1',
        },
      ),
    );
    expect(read.embeds).toEqual([]);
    expect(read.links).toEqual(['https://vimeo.com/1']);
    expect(kinds(read)).toEqual(['embed-as-link']);
  });

  it('reads html and classic blocks as HTML, leaving scripts and forms out', () => {
    const read = accepted(
      block('html', '<div><p>From the html block</p><script>track()</script><form><input name="q"></form></div>') +
        '<p>Classic <b>content</b></p>\n\nbetween blocks',
    );
    expect(read.blocks).toEqual(['From the html block', 'Classic content', 'between blocks']);
    expect(read.mdx).not.toMatch(/script|track|form|input/);
    expect(kinds(read)).toEqual(['dropped-html', 'dropped-html']);
  });

  it('keeps the text of unknown blocks, drops those without any, and names each', () => {
    const read = accepted(
      block('acme/fact-box', '<div class="fact-box"><p>Fact: 12 wards.</p></div>', { color: 'red' }) +
        '<!-- wp:latest-posts {"postsToShow":3} /-->\n' +
        block('acme/fact-box', '<div><p>Fact: 3 mayors.</p></div>'),
    );
    expect(read.blocks).toEqual(['Fact: 12 wards.', 'Fact: 3 mayors.']);
    expect(read.notes).toEqual([
      { kind: 'unknown-block', detail: expect.stringMatching(/^the block acme\/fact-box \(2 times\)/) },
      { kind: 'unknown-block', detail: expect.stringMatching(/^the block core\/latest-posts \(once\)/) },
    ]);
  });

  it('leaves nothing of the block comments', () => {
    const read = accepted(block('group', block('paragraph', '<p>Inside a group</p>')) + '<!-- wp:spacer /-->');
    expect(read.mdx).not.toContain('<!--');
    expect(read.mdx).not.toContain('wp:');
    expect(read.notes).toEqual([]);
  });
});

describe('classic-editor HTML', () => {
  it('makes paragraphs of blank-line-separated text and line breaks of single line ends, as wpautop does', () => {
    const read = accepted(
      'First <em>paragraph</em>\nstill first.\n\n\nSecond one.<blockquote>Quoted\n\nTwice</blockquote>',
    );
    expect(read.blocks).toEqual(['First paragraph still first.', 'Second one.', 'Quoted', 'Twice']);
    expect(JSON.stringify(read.tree)).toMatch(/"paragraph".*"tagName":"br".*"still first."/);
  });
});

describe('shortcodes', () => {
  it('shows a [caption] as a Figure with its caption', () => {
    const read = accepted(
      'Before.\n\n[caption id="attachment_12" align="alignleft" width="300"]<a href="https://old.example/dog.jpg">' +
        '<img class="size-medium wp-image-12" src="https://old.example/dog-300x200.jpg" alt="" width="300" /></a>' +
        ' Rex &amp; friends at the fair[/caption]\n\nAfter.',
    );
    expect(read.figures).toEqual([
      {
        src: './dog.png',
        alt: 'A dog asleep on a porch',
        decorative: false,
        caption: 'Rex & friends at the fair',
        credit: 'Ana Ruiz',
      },
    ]);
    expect(read.blocks).toEqual(['Before.', 'After.']);
  });

  it('finds the picture of a [caption] by its address when the image has no attachment class', () => {
    const read = accepted(
      '[caption width="300"]<img src="https://old.example/wp-content/uploads/2017/08/bird.jpg" /> A heron[/caption]',
    );
    expect(read.figures).toEqual([{ src: './bird.png', alt: 'A heron', decorative: false, caption: 'A heron' }]);
  });

  it('shows a [gallery] as Figures, and notes one that lists no pictures', () => {
    const read = accepted('Animals:\n\n[gallery ids="12,14" columns="2"]\n\n[gallery]');
    expect(read.figures.map((f) => f.src)).toEqual(['./dog.png', './bird.png']);
    expect(kinds(read)).toEqual(['missing-image']);
  });

  it('embeds [embed] addresses and addresses alone on a line, as WordPress does', () => {
    const read = accepted(
      'Watch:\n\n[embed width="560"]https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90[/embed]\n\n' +
        'And this one:\nhttps://youtu.be/abcdefghijk\nthen the rest.\n\nhttps://example.com/report.pdf',
    );
    expect(read.embeds).toEqual([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
      'https://www.youtube-nocookie.com/embed/abcdefghijk',
    ]);
    expect(read.blocks).toEqual(['Watch:', 'And this one:', 'then the rest.', 'https://example.com/report.pdf']);
    expect(read.links).toEqual(['https://example.com/report.pdf']);
    expect(read.notes).toEqual([]);
  });

  it('links [audio] and [video] files, and says so', () => {
    const read = accepted(
      '[audio mp3="https://old.example/interview.mp3"][/audio]\n\n[video src="https://old.example/clip.mp4"]',
    );
    expect(read.links).toEqual(['https://old.example/interview.mp3', 'https://old.example/clip.mp4']);
    expect(read.blocks).toEqual(['Audio: interview.mp3', 'Video: clip.mp4']);
    expect(kinds(read)).toEqual(['embed-as-link', 'embed-as-link']);
  });

  it('keeps what unknown shortcodes wrap, drops those wrapping nothing, and names them', () => {
    const read = accepted(
      '[vc_row][vc_column]\n\nFirst paragraph.\n\n' +
        'A [highlight color="red"]key[/highlight] word.\n\n[/vc_column][/vc_row]' +
        '\n\n[contact-form-7 id="5" title="Contact"]',
    );
    expect(read.blocks).toEqual(['First paragraph.', 'A key word.']);
    expect(read.notes.map((n) => n.detail.split(' (')[0])).toEqual([
      'the shortcode [vc_row]',
      'the shortcode [vc_column]',
      'the shortcode [highlight]',
      'the shortcode [contact-form-7]',
    ]);
  });

  it('leaves nothing of shortcode syntax, but shows escaped shortcodes and bracketed text as written', () => {
    const read = accepted(
      'Use [[caption]] to caption. He said it was "final" [sic] [1].\n\n[box type="info"]Boxed[/box] [toc_here]',
    );
    expect(read.blocks).toEqual(['Use [caption] to caption. He said it was “final” [sic] [1].', 'Boxed']);
    expect(read.mdx).not.toMatch(/\[\/?(box|toc_here)/);
  });
});

describe('more and nextpage', () => {
  it('drops the more tag and joins pages into one, saying so', () => {
    const classic = accepted('The lead.<!--more-->\nThe rest.\n\n<!--nextpage-->\n\nPage two.');
    expect(classic.blocks).toEqual(['The lead.', 'The rest.', 'Page two.']);
    expect(kinds(classic)).toEqual(['pages-joined']);
    const blocks = accepted(
      block('paragraph', '<p>Lead</p>') +
        block('more', '<!--more-->') +
        block('nextpage', '<!--nextpage-->') +
        block('paragraph', '<p>Two</p>'),
    );
    expect(blocks.blocks).toEqual(['Lead', 'Two']);
    expect(kinds(blocks)).toEqual(['pages-joined']);
  });
});

describe('inline images', () => {
  it('lifts a picture out of its paragraph onto lines of its own', () => {
    const read = accepted('<p>Before the picture <img class="alignright wp-image-14" src="x.jpg"> after it.</p>');
    expect(read.blocks).toEqual(['Before the picture', 'after it.']);
    expect(read.figures).toEqual([{ src: './bird.png', alt: 'A heron', decorative: false }]);
    expect(read.mdx).toMatch(/^<Figure src="\.\/bird\.png" alt="A heron" \/>$/m);
    expect(read.mdx).not.toContain('![');
  });

  it("takes the image's own alt first, then the attachment's, else marks it decorative and asks for one", () => {
    const read = accepted(
      '<img class="wp-image-12" alt="Rex, awake" src="a.jpg"> <img class="wp-image-12" src="a.jpg"> ' +
        '<img class="wp-image-13" alt=" " src="b.jpg">',
    );
    expect(read.figures.map((f) => [f.alt, f.decorative])).toEqual([
      ['Rex, awake', false],
      ['A dog asleep on a porch', false],
      ['', true],
    ]);
    expect(read.notes).toEqual([{ kind: 'image-without-alt', detail: expect.stringContaining('./cat.png') }]);
  });

  it('leaves out a picture that cannot be found, naming its address', () => {
    const read = accepted('<p>Text <img src="https://old.example/gone.jpg" alt="Gone"> more.</p>');
    expect(read.figures).toEqual([]);
    expect(read.blocks).toEqual(['Text more.']);
    expect(read.notes).toEqual([
      { kind: 'missing-image', detail: expect.stringContaining('https://old.example/gone.jpg') },
    ]);
  });

  it('shows emoji pictures as the character', () => {
    const read = accepted(
      '<p>Great <img class="wp-smiley" src="https://s.w.org/images/core/emoji/smile.png" alt="🙂"></p>',
    );
    expect(read.blocks).toEqual(['Great 🙂']);
  });
});

describe('what runs, loads or submits', () => {
  it('never lets scripts, styles, frames, objects, forms, handlers or inline styles through', () => {
    const read = accepted(
      '<p style="color:red" onclick="steal()">Safe text</p><style>p{}</style><script>alert(1)</script>' +
        '<iframe src="https://evil.example/frame"></iframe><object data="x.swf"></object>' +
        '<form action="/x"><input name="q"><button>Go</button></form><noscript><img src="t.gif"></noscript>',
    );
    expect(read.blocks).toEqual(['Safe text']);
    expect(read.mdx).not.toMatch(/style|onclick|steal|script|iframe|object|form|alert/i);
    expect(kinds(read).sort()).toEqual(['dropped-html', 'dropped-html', 'dropped-html', 'dropped-html']);
  });

  it('embeds a frame from an allowlisted host', () => {
    const read = accepted('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Debate"></iframe>');
    expect(read.embeds).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']);
  });

  it('keeps links to the web, e-mail, the page and the site, and only the text of any other', () => {
    const read = accepted(
      '<p><a href="https://a.example/">web</a> <a href="mailto:desk@example.org">mail</a> <a href="#notes">notes</a> ' +
        '<a href="/about/">about</a> <a href="javascript:alert(1)">script</a> <a href="data:text/html,x">data</a></p>',
    );
    expect(read.links).toEqual(['https://a.example/', 'mailto:desk@example.org', '#notes', '/about/']);
    expect(read.blocks).toEqual(['web mail notes about script data']);
    expect(read.mdx).not.toMatch(/javascript|data:/);
  });
});

describe('MDX safety', () => {
  it('shows braces, angle brackets and Markdown characters as the text they are', () => {
    const text = 'Use {count} <Figure> & &amp; <b>x</b> *not* _em_ `tick` # no | pipe ~ \\ [x](y) 1. two';
    const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
    const read = accepted(
      `<p>${escaped}</p>\n\n<p># Not a heading</p>\n\n<p>- not a list</p>\n\n<p>&gt; not a quote</p>`,
    );
    expect(read.blocks).toEqual([text, '# Not a heading', '- not a list', '> not a quote']);
  });

  it('keeps text that reads as code in MDX as text: import and export at a line’s start', () => {
    const read = accepted('import x from "y"\n\nexport const a = 1;\n\n<p>export default {}</p>');
    expect(read.blocks).toEqual(['import x from “y”', 'export const a = 1;', 'export default {}']);
  });

  it('links web addresses in text where they end, whatever follows them', () => {
    const read = accepted('<p>See www.example.com&lt;br&gt; and https://example.org/a|b or WWW.EXAMPLE.NET.</p>');
    expect(read.blocks).toEqual(['See www.example.com<br> and https://example.org/a|b or WWW.EXAMPLE.NET.']);
    expect(read.links).toEqual(['http://www.example.com', 'https://example.org/a', 'http://WWW.EXAMPLE.NET']);
  });

  it('keeps quotes, ampersands, braces and line ends of attribute values', () => {
    const ctx = testContext();
    const read = accepted(
      '[caption id="attachment_13"]' +
        '<img class="wp-image-13" alt="The &quot;big&quot; cat &amp; {friends} &lt;3" src="c.jpg">' +
        ' Says &quot;meow&quot;\nat &amp;amp; {noon} &lt;Figure /&gt;[/caption]',
      ctx,
    );
    expect(read.figures).toEqual([
      {
        src: './cat.png',
        alt: 'The "big" cat & {friends} <3',
        decorative: false,
        caption: 'Says "meow" at &amp; {noon} <Figure />',
      },
    ]);
  });

  it('never writes Markdown images or raw HTML', () => {
    const body = convertPostBody(
      '<p><img src="https://elsewhere.example/x.png" alt="x"><span>a</span><u>b</u></p>',
      testContext(),
    );
    expect(body.mdx).not.toMatch(/!\[|<span|<u>/);
  });
});

describe('a page in plain Markdown (markdownOnly)', () => {
  const page = (content: string) => {
    const converted = convertPostBody(content, { ...testContext(), markdownOnly: true });
    const text = `---\ntitle: About us\ndescription: Who we are.\n---\n\n${converted.mdx}`;
    return { ...converted, ...readPolicyPage('content/pages/about.md', text) };
  };

  it('is accepted as a policy page: no components, pictures left out, quotes and embeds as Markdown', () => {
    const read = page(
      '<p>We are {independent} &amp; small.</p><img class="wp-image-12" src="a.jpg">' +
        block('pullquote', '<figure class="wp-block-pullquote"><blockquote><p>Facts first.</p></blockquote></figure>') +
        '[embed]https://youtu.be/abcdefghijk[/embed]\n\nH<sub>2</sub>O',
    );
    expect(read.problems).toEqual([]);
    expect(read.page?.html).toMatch(
      /<p>We are \{independent\} &#x26; small.<\/p>\s*<blockquote>\s*<p>Facts first.<\/p>/,
    );
    expect(read.page?.html).toContain('<a href="https://youtu.be/abcdefghijk">');
    expect(read.page?.html).toContain('H<sub>2</sub>O');
    expect(read.mdx).not.toMatch(/<(Figure|PullQuote|Embed)/);
    expect(kinds(read)).toEqual(['missing-image', 'other', 'embed-as-link']);
  });
});

describe('bodies no writer makes', () => {
  it('flattens quotes and lists nested past what Markdown indents, keeping their text', () => {
    const read = accepted('<ul><li>'.repeat(40) + 'deep item' + '<blockquote>'.repeat(40) + 'deep quote');
    expect(read.blocks).toEqual(['deep item', 'deep quote']);
    expect(kinds(read)).toEqual(['other']);
  });

  it('leaves a body nested thousands deep for the editor to copy, saying so', () => {
    const read = accepted('<span>'.repeat(6000) + 'text');
    expect(read.mdx).toBe('');
    expect(read.notes).toEqual([{ kind: 'other', detail: expect.stringContaining('nested too deeply') }]);
  });
});

describe('firstSentence', () => {
  it('is the first sentence of the first paragraph', () => {
    const read = accepted(
      block('heading', '<h2>Not this</h2>') +
        block('image', '<figure><img class="wp-image-14" src="x"/></figure>', { id: 14 }) +
        block('paragraph', '<p>The council voted <em>7–2</em> on Tuesday. Then it adjourned.</p>'),
    );
    expect(read.firstSentence).toBe('The council voted 7–2 on Tuesday.');
  });

  it('is cut at a word boundary to fit a dek', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const { firstSentence } = convertPostBody(`<p>${words}.</p>`, testContext());
    expect(firstSentence!.length).toBeLessThanOrEqual(300);
    expect(firstSentence).toMatch(/^word0 word1 .* word\d+…$/);
    expect(words.startsWith(firstSentence!.slice(0, -1))).toBe(true);
  });

  it('is absent from a body without text', () => {
    expect(convertPostBody('<!-- wp:spacer /-->', testContext()).firstSentence).toBeUndefined();
  });
});
