import type { Element, Root } from 'hast';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  GLOBAL_ATTRIBUTES,
  propertyOf,
  sanitizeStoryTree,
  STORY_SCHEMA,
  WRITTEN_HTML,
} from '../../../src/ingest/story-body/allowlist.ts';
import { bodyHtml } from '../../../src/ingest/story-body/body-parts.ts';
import { renderStoryBody, StoryBodyError, type RenderOptions } from '../../../src/ingest/story-body/render.ts';

const EMBEDS = [{ name: 'YouTube', kind: 'video' as const, hosts: ['www.youtube-nocookie.com'] }];
const render = (source: string, format: RenderOptions['format']) =>
  // node-html-parser reads <pre> as text unless told otherwise.
  parse(renderStoryBody(source, { format, embeds: EMBEDS }), { blockTextElements: { script: true, style: true } });

function refusal(run: () => unknown): StoryBodyError {
  try {
    run();
  } catch (e) {
    if (e instanceof StoryBodyError) return e;
    throw e;
  }
  throw new Error('expected the body to be refused');
}

const el = (tagName: string, properties: Element['properties'], children: Element['children'] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const sanitized = (...children: Element[]) => bodyHtml(sanitizeStoryTree({ type: 'root', children } as Root));

describe('what a writer may type, in .md and .mdx alike', () => {
  it('lets every attribute the allowlist names through the final allowlist, on its own element', () => {
    for (const [tag, attributes] of Object.entries(WRITTEN_HTML)) {
      const allowed = STORY_SCHEMA.attributes![tag]!.map((d) => (typeof d === 'string' ? d : d[0]));
      for (const attribute of [...attributes, ...GLOBAL_ATTRIBUTES]) {
        const inherited = STORY_SCHEMA.attributes!['*']!.includes(propertyOf(attribute));
        expect(allowed.includes(propertyOf(attribute)) || inherited, `${tag} ${attribute}`).toBe(true);
      }
    }
  });

  const TABLE =
    '<table><caption>Totals</caption><thead><tr><th scope="col" colspan="2">A</th></tr></thead>' +
    '<tbody><tr><td rowspan="2" lang="es">1</td><td>2</td></tr></tbody></table>';
  const INLINE =
    'Said <abbr title="American Civil Liberties Union">ACLU</abbr> on <time datetime="2017-08-03">Thursday</time>, ' +
    '<q cite="https://example.org/q">no</q>, <a href="/about/" title="About">us</a> ' +
    '<span lang="es" dir="ltr">sí</span> H<sub>2</sub>O <mark>x</mark>.';

  it.each(['md', 'mdx'] as const)('keeps the written elements and their attributes as written (%s)', (format) => {
    const doc = render(`${INLINE}\n\n${TABLE}\n\n<ol start="3"><li>three</li></ol>\n`, format);
    expect(doc.querySelector('abbr')!.getAttribute('title')).toBe('American Civil Liberties Union');
    expect(doc.querySelector('time')!.getAttribute('datetime')).toBe('2017-08-03');
    expect(doc.querySelector('q')!.getAttribute('cite')).toBe('https://example.org/q');
    expect(doc.querySelector('a')!.attributes).toEqual({ href: '/about/', title: 'About' });
    expect(doc.querySelector('span')!.attributes).toEqual({ lang: 'es', dir: 'ltr' });
    expect(doc.querySelector('th')!.attributes).toEqual({ scope: 'col', colspan: '2' });
    expect(doc.querySelector('td')!.attributes).toEqual({ rowspan: '2', lang: 'es' });
    expect(doc.querySelector('caption')!.text).toBe('Totals');
    expect(doc.querySelector('ol')!.getAttribute('start')).toBe('3');
    expect(doc.querySelector('sub')!.text).toBe('2');
  });

  it.each([
    ['a style', 'A <span style="color:red">red</span> word.', /may not carry the attribute style/, /site's design/],
    ['an id', 'A <span id="top">word</span>.', /may not carry the attribute id/, /remove id/],
    ['a class', 'A <em class="big">word</em>.', /may not carry the attribute class/, /site's design/],
    ['ping', 'A <a href="/x" ping="https://evil.example/t">link</a>.', /may not carry the attribute ping/, /only href/],
    ['formaction', 'A <a href="/x" formaction="https://evil.example">l</a>.', /attribute formaction/, /only href/],
    [
      'data-pagefind-meta',
      'A <span data-pagefind-meta="title:Hijacked">word</span>.',
      /may not carry the attribute data-pagefind-meta/,
      /data- attributes steer the site's scripts and search results/,
    ],
    ['data-anything', 'A <span data-x="1">word</span>.', /attribute data-x/, /data- attributes/],
    ['an event handler', 'A <em onmouseover="alert(1)">word</em>.', /event-handler attributes/, /run no scripts/],
    [
      'an image input',
      'A <input type="image" src="https://evil.example/p.gif" /> pixel.',
      /<input> is not allowed/,
      /Markdown/,
    ],
    [
      'details',
      '<details open ontoggle="alert(1)"><summary>x</summary></details>',
      /<details> is not allowed/,
      /Markdown/,
    ],
    ['svg', '<svg><script>alert(1)</script></svg>', /<svg> is not allowed/, /nothing that runs/],
    ['math', '<math><mi>x</mi></math>', /<math> is not allowed/, /nothing that runs/],
    ['an image', 'A <img src="x" onerror="alert(1)" /> picture.', /<img> is not allowed/, /<Figure/],
    ['an iframe', '<iframe src="https://example.org"></iframe>', /<iframe> is not allowed/, /<Embed/],
    ['a div', '<div>x</div>', /<div> is not allowed/, /Markdown/],
    ['a protocol-relative link', 'A <a href="//evil.example/">link</a>.', /starts with \/\/ or \/\\/, /https:\/\//],
    ['a backslash link', 'A <a href="/\\evil.example/">link</a>.', /starts with \/\/ or \/\\/, /https:\/\//],
    ['an entity-encoded scheme', 'A <a href="java&#x09;script:alert(1)">link</a>.', /not an http/, /https:\/\//],
    ['a javascript: quote source', 'A <q cite="javascript:alert(1)">quote</q>.', /not an http/, /https:\/\//],
  ])('refuses %s, with its line and what to do', (_name, html, message, hint) => {
    for (const format of ['md', 'mdx'] as const) {
      const error = refusal(() => renderStoryBody(`Intro.\n\n${html}\n`, { format, firstLine: 20 }));
      expect(error.message, format).toMatch(message);
      expect(error.hint, format).toMatch(hint);
      expect(error.line, format).toBe(22);
    }
  });

  it('names the line of a refused element inside a raw HTML block, not the block’s first line', () => {
    const error = refusal(() =>
      renderStoryBody('Intro.\n\n<table>\n<tr>\n<td style="x">1</td>\n</tr>\n</table>\n', {
        format: 'md',
        firstLine: 9,
      }),
    );
    expect(error.message).toMatch(/<td> may not carry the attribute style/);
    expect(error.line).toBe(13);
  });
});

describe('what Markdown and the components make passes the allowlist whole', () => {
  it('keeps footnotes linked both ways', () => {
    const doc = render('A claim.[^1]\n\n[^1]: The source.\n', 'md');
    const ref = doc.querySelector('sup a')!;
    expect(ref.getAttribute('href')).toBe('#user-content-fn-1');
    expect(doc.getElementById('user-content-fn-1')).not.toBeNull();
    expect(doc.querySelector('section.footnotes h2.sr-only')!.id).toBe('footnote-label');
    expect(doc.querySelector('a.data-footnote-backref')!.getAttribute('href')).toBe('#user-content-fnref-1');
    expect(ref.id).toBe('user-content-fnref-1');
  });

  it('keeps task lists as disabled checkboxes and code blocks with their language', () => {
    const doc = render('- [x] done\n- [ ] not yet\n\n```js\nconst a = 1;\n```\n', 'md');
    const boxes = doc.querySelectorAll('ul.contains-task-list li.task-list-item input');
    expect(boxes.map((b) => [b.getAttribute('type'), b.hasAttribute('checked'), b.hasAttribute('disabled')])).toEqual([
      ['checkbox', true, true],
      ['checkbox', false, true],
    ]);
    expect(doc.querySelector('pre code')!.getAttribute('class')).toBe('language-js');
  });

  it('keeps what the components make', () => {
    const doc = render(
      '<PullQuote by="A">Said.</PullQuote>\n\n' +
        '<Embed url="https://www.youtube-nocookie.com/embed/x" title="T" />\n\n' +
        '<Figure src="./a.png" alt="A" />\n',
      'mdx',
    );
    expect(doc.querySelector('div.pull-quote')!.attributes).toEqual({
      class: 'pull-quote',
      'aria-hidden': 'true',
      'data-pagefind-ignore': 'all',
    });
    expect(doc.querySelector('figure.embed')!.getAttribute('data-embed-url')).toBe(
      'https://www.youtube-nocookie.com/embed/x',
    );
    expect(doc.querySelector('button.embed__load')!.getAttribute('aria-describedby')).toBe('embed-1-title');
    expect(doc.querySelector('figure[data-newsroom-figure]')).not.toBeNull();
  });
});

describe('sanitizeStoryTree: the last step, whatever a refusal missed', () => {
  it('drops elements that run or load, with what they hold', () => {
    const html = sanitized(
      el('p', {}, [{ type: 'text', value: 'kept' }]),
      el('script', {}, [{ type: 'text', value: 'alert("MARK1")' }]),
      el('svg', {}, [el('script', {}, [{ type: 'text', value: 'MARK2' }])]),
      el('iframe', { src: 'https://evil.example' }),
      el('style', {}, [{ type: 'text', value: 'MARK3' }]),
    );
    expect(html).toBe('<p>kept</p>');
  });

  it('drops attributes that are not on the element’s list, or hold values that are not ours', () => {
    const html = sanitized(
      el('span', { style: 'x', id: 'top', className: ['evil'], dataPagefindMeta: 'title:x', onClick: 'x' }, [
        { type: 'text', value: 'a' },
      ]),
      el('a', { href: '/ok/', ping: ['https://evil.example'], className: ['embed__open', 'evil'] }, []),
      el('div', { className: ['pull-quote'], ariaHidden: 'false', dataPagefindIgnore: 'none' }, []),
      el('figure', { dataEmbedUrl: 'javascript:alert(1)', dataNewsroomFigure: 'e30"><script>' }, []),
      el('input', { type: 'image', src: 'https://evil.example/p.gif' }),
      el('button', { type: 'submit', formAction: 'https://evil.example' }, []),
    );
    expect(html).toBe(
      '<span>a</span><a href="/ok/" class="embed__open"></a><div class="pull-quote"></div><figure></figure>' +
        '<input type="checkbox" disabled><button></button>',
    );
  });

  it.each(['//evil.example', '/\\evil.example', 'javascript:alert(1)', 'java\tscript:x', 'data:text/html,x', 'x.org'])(
    'drops the address %j, which the link rule refuses',
    (href) => {
      expect(sanitized(el('a', { href }, []), el('q', { cite: href }, []))).toBe('<a></a><q></q>');
    },
  );

  it('writes < and > in attribute values as references, so a careless parser cannot leave the attribute', () => {
    const html = sanitized(el('abbr', { title: 'x"><script>alert(1)</script>' }, [{ type: 'text', value: 'b' }]));
    expect(html).toBe('<abbr title="x&#x22;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">b</abbr>');
    expect(parse(html).querySelector('abbr')!.getAttribute('title')).toBe('x"><script>alert(1)</script>');
  });
});
