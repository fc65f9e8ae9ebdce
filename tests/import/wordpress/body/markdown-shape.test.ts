import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { inMarkdownShape } from '../../../../src/import/wordpress/body/markdown-shape.ts';

const t = (value: string) => ({ type: 'text' as const, value });
const written = (children: Root['children']) =>
  toMarkdown(inMarkdownShape({ type: 'root', children }), { extensions: [gfmToMarkdown()] }).trim();

describe('inMarkdownShape', () => {
  it('makes text straight inside a list item a paragraph, and escaped as one', () => {
    const list = {
      type: 'list' as const,
      children: [{ type: 'listItem' as const, children: [t('a<b *c*')] as never }],
    };
    expect(written([list])).toBe('* a\\<b \\*c\\*');
  });

  it('makes a list inside a heading its text', () => {
    const heading = {
      type: 'heading' as const,
      depth: 2 as const,
      children: [{ type: 'list', children: [{ type: 'listItem', children: [t('item')] }] }] as never,
    };
    expect(written([heading])).toBe('## item');
  });

  it('merges strikethrough inside and beside strikethrough, which would open a code block', () => {
    const del = (children: never[]) => ({ type: 'delete' as const, children });
    const paragraph = {
      type: 'paragraph' as const,
      children: [del([del([t('a')] as never)] as never), del([t('b')] as never)],
    };
    expect(written([paragraph])).toBe('~~ab~~');
  });

  it('moves line breaks out of emphasis and off the ends of a paragraph', () => {
    const paragraph = {
      type: 'paragraph' as const,
      children: [
        { type: 'break' as const },
        { type: 'strong' as const, children: [t('bold'), { type: 'break' as const }] },
        t('next'),
      ],
    };
    expect(written([paragraph])).toBe('**bold**\\\nnext');
  });

  it('joins texts side by side, so that what starts a list is escaped', () => {
    expect(written([{ type: 'paragraph', children: [t('1'), t('. not a list')] }])).toBe('1\\. not a list');
  });

  it('leaves out empty paragraphs, list items and lists', () => {
    const emptyItem = { type: 'listItem' as const, children: [{ type: 'paragraph' as const, children: [t(' ')] }] };
    expect(
      written([
        { type: 'paragraph', children: [t(' ')] },
        { type: 'list', children: [emptyItem] },
      ]),
    ).toBe('');
  });
});
