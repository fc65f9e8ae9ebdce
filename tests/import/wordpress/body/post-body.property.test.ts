import fc from 'fast-check';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { collapse, convertAndRead } from './story-gate.ts';

/**
 * Whatever text and allowed HTML a post holds, its converted body is accepted
 * by the story gate and shows the reader the text the post showed.
 */

/** Characters Markdown, MDX, HTML and shortcodes give a meaning to, with a few letters and spaces. */
const CHARACTERS = [...'abcXYZ 019{}<>*_#`|~\\!-+.()"\'&;:/[]@=\n\t', 'é', '—', '…', '€', '\u00a0'];

/** What means something at the start of a line or as a whole: Markdown, MDX, HTML, addresses. */
const TOKENS = [
  ...['import x from "y"', 'export const a = 1', 'export default {}', '<!--', '-->', '<Figure />', '{{x}}', '$x$'],
  ...['```', '~~~', '***', '---', '===', '1.', '1)', '* ', '+ ', '> ', '# ', '    ', '|---|', ':::', '[^1]', '<br>'],
  ...['http://example.com/x', 'HTTPS://example.com', 'www.example.com', 'a@b.co', '&amp;', '&#123;', '\\'],
];

// A bracket followed by a space opens no shortcode: the text stays text whatever follows.
const textArbitrary = fc
  .array(fc.oneof(fc.constantFrom(...CHARACTERS), fc.constantFrom(...TOKENS, '\n')), { maxLength: 24 })
  .map((units) => units.join('').replaceAll('[', '[ '));

const TAGS = [
  ...['p', 'em', 'strong', 'b', 'i', 'a', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'code', 'pre'],
  ...['br', 'span', 'del', 'sup', 'sub', 'table', 'tr', 'td', 'th', 'div', 'hr', 'q', 's', 'u', 'small', 'abbr'],
];
const HREFS = [
  'https://example.com/a?b=1&c={2}',
  '/about/',
  '#notes',
  'mailto:desk@example.org',
  'javascript:alert(1)',
];

type Tree = { text: string } | { tag: string; href: string; children: Tree[] };

const { tree } = fc.letrec<{ tree: Tree; text: Tree; element: Tree }>((tie) => ({
  tree: fc.oneof({ maxDepth: 6, depthSize: 'small' }, tie('text'), tie('element')),
  text: textArbitrary.map((text) => ({ text })),
  element: fc.record({
    tag: fc.constantFrom(...TAGS),
    href: fc.constantFrom(...HREFS),
    children: fc.array(tie('tree'), { maxLength: 4 }),
  }),
}));

const escapeHtml = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function html(node: Tree): string {
  if ('text' in node) return escapeHtml(node.text);
  if (node.tag === 'br' || node.tag === 'hr') return `<${node.tag}>`;
  const attributes = node.tag === 'a' ? ` href="${escapeHtml(node.href)}"` : '';
  return `<${node.tag}${attributes}>${node.children.map(html).join('')}</${node.tag}>`;
}

/** The text a browser shows for the HTML in a page's body (where it places misnested text). */
function shownText(source: string): string {
  const visit = (node: Nodes): string =>
    node.type === 'text' ? node.value : 'children' in node ? node.children.map(visit).join('') : '';
  return visit(fromHtml(`<!doctype html><body>${source}`));
}

/**
 * Text compared without its spaces, and without what the site's typography
 * turns into other characters: straight quotes into curly ones, dashes and
 * dots into dashes and ellipses (as WordPress's wptexturize did).
 */
const comparable = (value: string) => value.replace(/[\s"'‘’“”.…\-–—]/g, '');

const forms = {
  classic: (body: string) => body,
  'html block': (body: string) => `<!-- wp:html -->\n${body}\n<!-- /wp:html -->`,
  'paragraph blocks': (body: string) => `<!-- wp:paragraph -->\n<p>${body}</p>\n<!-- /wp:paragraph -->`,
};

/** What posts hold besides text: pictures, shortcodes, embeds, page breaks, things that run or load. */
const feature = fc.oneof(
  fc
    .tuple(fc.constantFrom(12, 13, 14, 404), textArbitrary)
    .map(([id, alt]) => `<img class="wp-image-${id}" src="https://old.example/${id}.jpg" alt="${escapeHtml(alt)}">`),
  fc
    .tuple(fc.constantFrom(12, 13, 404), textArbitrary)
    .map(([id, caption]) => `[caption id="attachment_${id}"]<img src="x.jpg"> ${escapeHtml(caption)}[/caption]`),
  fc.constantFrom(
    '[gallery ids="12,13,404"]',
    '[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]',
    '\nhttps://youtu.be/dQw4w9WgXcQ\n',
    '\nhttps://vimeo.com/1\n',
    '[audio src="https://old.example/a.mp3"]',
    '<script>alert(1)</script>',
    '<iframe src="https://evil.example/"></iframe>',
    '<!--more-->',
    '<!--nextpage-->',
    '[[caption]]',
  ),
  textArbitrary.map((text) => `[unknown_box title="x"]${escapeHtml(text)}[/unknown_box]`),
  tree.map(html),
);

describe('any post body', () => {
  it('with pictures, shortcodes and embeds among its text is accepted by the story gate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(feature, fc.constantFrom('', ' ', '\n', '\n\n')), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...Object.values(forms)),
        (parts, wrap) => {
          const read = convertAndRead(wrap(parts.map(([part, separator]) => part + separator).join('')));
          expect(read.errors, read.mdx).toEqual([]);
          // An escaped [[caption]] is the text "[caption]", written \[caption\]; no other shortcode is left
          // (a caption's text may quote one, as WordPress would have shown it).
          expect(read.mdx.replace(/="[^"]*"/g, '')).not.toMatch(
            /<!--\s*\/?wp:|<!--(more|nextpage)|(?<!\\)\[\/?(caption|gallery|embed|audio|unknown_box)\b|<script|<iframe/,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  for (const [form, wrap] of Object.entries(forms)) {
    it(`is accepted by the story gate with its text intact (${form})`, () => {
      fc.assert(
        fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (nodes) => {
          const source = nodes.map(html).join('');
          const read = convertAndRead(wrap(source));
          expect(read.errors, read.mdx).toEqual([]);
          expect(comparable(collapse(read.text)), read.mdx).toBe(comparable(shownText(source)));
        }),
        { numRuns: 200 },
      );
    });
  }
});
