import type { Root } from 'hast';
import { bodyLimitIssues } from '../../../ingest/body-limits.ts';
import type { BodyContext } from './body-context.ts';
import { postBlocks } from './blocks.ts';
import { Conversion, withoutMarkers } from './conversion.ts';
import { firstSentence } from './first-sentence.ts';
import { shiftHeadings } from './headings.ts';
import { applyHtmlRules } from './html-rules.ts';
import { hastToMdx } from './html-to-mdx.ts';
import type { ImportNote } from '../import-notes.ts';
import { liftBlocks } from './lift-blocks.ts';
import { tidyTables } from './tables.ts';

export { textOfHtml } from './plain-text.ts';

/**
 * One WordPress post's body (`content:encoded`: block markup or classic-editor
 * HTML, with shortcodes) as a story body in MDX that the story checker
 * accepts, with notes on what could not come across as it was.
 */
export interface ConvertedBody {
  mdx: string;
  notes: ImportNote[];
  /** The body's first sentence, at most a dek long: a dek for a post without an excerpt. */
  firstSentence?: string;
}

export function convertPostBody(content: string, ctx: BodyContext): ConvertedBody {
  const conversion = new Conversion(ctx);
  let mdx: string;
  let first: string | undefined;
  try {
    const nodes = applyHtmlRules(postBlocks(withoutMarkers(content), conversion), conversion);
    const tree: Root = { type: 'root', children: shiftHeadings(tidyTables(liftBlocks(nodes))) };
    const markdown = hastToMdx(tree, conversion);
    mdx = markdown.mdx;
    first = firstSentence(markdown.tree);
  } catch (e) {
    // Only markup nested thousands deep exhausts the stack; no writer's post is like that.
    if (!(e instanceof RangeError)) throw e;
    conversion.note('other', 'the body is nested too deeply to convert: copy its text into the story by hand');
    mdx = '';
  }
  for (const issue of bodyLimitIssues(mdx, 'mdx')) {
    conversion.note('other', `the converted body, line ${issue.line}: ${issue.message} (${issue.hint})`);
  }
  return { mdx, notes: conversion.notes(), ...(first && { firstSentence: first }) };
}
