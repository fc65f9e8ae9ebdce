import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import type { BodyContext, PictureRef, StoryPicture } from '../../../../src/import/wordpress/body/body-context.ts';
import { convertPostBody, type ConvertedBody } from '../../../../src/import/wordpress/body/post-body.ts';
import { analyzeStory } from '../../../../src/ingest/parse-story.ts';
import type { Problem } from '../../../../src/ingest/problems.ts';
import { peopleIndex } from '../../../../src/ingest/registries.ts';
import type { FigureSpec } from '../../../../src/ingest/story-body/components.ts';
import { figuresIn } from '../../../../src/ingest/story-body/figures.ts';
import { png } from '../../../helpers/picture-bytes.ts';

/**
 * The story gate for converted bodies: a body is put under a minimal valid
 * frontmatter in a folder story whose folder holds the test pictures, and
 * read by analyzeStory exactly as `npm run check` and the build read stories.
 * What comes back is what a reader is shown.
 */

export const EMBEDS = [
  { name: 'YouTube', kind: 'video' as const, hosts: ['www.youtube-nocookie.com'] },
  { name: 'DocumentCloud', kind: 'document' as const, hosts: ['embed.documentcloud.org'] },
];

/** The pictures the test site's media library has, by attachment id, and the address each was uploaded at. */
export const LIBRARY: Record<number, StoryPicture & { url: string }> = {
  12: {
    url: 'https://old.example/wp-content/uploads/2017/08/dog.jpg',
    src: './dog.png',
    alt: 'A dog asleep on a porch',
    caption: 'Rex, the <em>newsroom</em> dog',
    credit: 'Ana Ruiz',
  },
  13: { url: 'https://old.example/wp-content/uploads/2017/08/cat.jpg', src: './cat.png', caption: 'The cat' },
  14: { url: 'https://old.example/wp-content/uploads/2017/08/bird.jpg', src: './bird.png', alt: 'A heron' },
};

/** The context a mapper would hand over: pictures found by attachment id or by address. */
export function testContext(embeds = EMBEDS): BodyContext {
  return {
    postId: 42,
    embeds,
    picture(ref: PictureRef) {
      const entries = Object.entries(LIBRARY);
      const found =
        (ref.attachmentId !== undefined ? LIBRARY[ref.attachmentId] : undefined) ??
        entries.find(([, p]) => ref.url !== undefined && p.url === ref.url)?.[1];
      if (!found) return undefined;
      const { url: _url, ...picture } = found;
      return picture;
    },
  };
}

const FRONTMATTER = [
  '---',
  'title: "An imported WordPress story"',
  'dek: "A story the importer converted."',
  'date: 2017-08-03T17:30:00-04:00',
  'authors: [maria-lopez]',
  'section: news',
  '---',
  '',
].join('\n');

const FILE = 'content/articles/2017/imported/index.mdx';
let folder: string | undefined;

/** The story's folder, with the library's pictures in it. */
function storyFolder(): string {
  if (!folder) {
    folder = path.join(mkdtempSync(path.join(tmpdir(), 'wp-body-')), 'content/articles/2017/imported');
    mkdirSync(folder, { recursive: true });
    for (const picture of Object.values(LIBRARY)) writeFileSync(path.join(folder, picture.src), png(8, 6));
  }
  return folder;
}

export interface ReaderView {
  /** What the story gate refuses (warnings are left out: they hold no story back). */
  errors: Problem[];
  /** The body's text as a reader reads it, whitespace collapsed. */
  text: string;
  /** Each paragraph's and heading's text, in order. */
  blocks: string[];
  figures: FigureSpec[];
  /** The address of each embed. */
  embeds: string[];
  /** The address of each link in the text. */
  links: string[];
  /** The level and text of each heading. */
  headings: string[];
  tree?: Root;
}

/** The converted body as the story gate reads it. */
export function readStory(mdx: string): ReaderView {
  const analysis = analyzeStory(FILE, FRONTMATTER + mdx, {
    authors: new Set(['maria-lopez']),
    sections: new Set(['news']),
    people: peopleIndex([]),
    embeds: EMBEDS,
    dir: storyFolder(),
  });
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  const tree = analysis.body;
  const view: ReaderView = { errors, text: '', blocks: [], figures: [], embeds: [], links: [], headings: [] };
  if (!tree) return view;
  view.tree = tree;
  view.text = collapse(textOf(tree.children));
  view.figures = figuresIn(tree);
  walk(tree.children, (node) => {
    const className = node.properties['className'];
    const classes = Array.isArray(className) ? className : [];
    if (typeof node.properties['dataEmbedUrl'] === 'string') view.embeds.push(node.properties['dataEmbedUrl']);
    if (node.tagName === 'a' && !classes.includes('embed__open')) view.links.push(String(node.properties['href']));
    if (/^h[1-6]$/.test(node.tagName)) view.headings.push(`${node.tagName} ${collapse(textOf(node.children))}`);
    if (/^(p|h[1-6])$/.test(node.tagName)) view.blocks.push(collapse(textOf(node.children)));
  });
  return view;
}

/** Converts a post body and reads it through the gate. */
export function convertAndRead(content: string, ctx: BodyContext = testContext()): ConvertedBody & ReaderView {
  const converted = convertPostBody(content, ctx);
  return { ...converted, ...readStory(converted.mdx) };
}

const isHidden = (node: Element) => node.properties['hidden'] !== undefined && node.properties['hidden'] !== false;

/** Each element a reader is shown (the embeds' chrome, hidden until loaded, left out), in order. */
function walk(nodes: RootContent[], visit: (node: Element) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element' || isHidden(node)) continue;
    visit(node);
    walk(node.children, visit);
  }
}

/** The text of nodes, with the embeds' placeholder chrome (button, notice) left out. */
export function textOf(nodes: RootContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element') return '';
      if (isHidden(node)) return '';
      const text = textOf(node.children);
      return /^(p|h[1-6]|li|blockquote|figure|figcaption|div|tr|td|th|pre)$/.test(node.tagName) ? ` ${text} ` : text;
    })
    .join('');
}

export const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();
