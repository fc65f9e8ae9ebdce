import { renderStoryBody, StoryBodyError, StoryBodyErrors, type BodyReferences } from '../lib/story-body/render';
import { components } from '../lib/story-body/components';
import type { Problem } from './problems';

/** Components a story body may use without imports. */
export const BODY_COMPONENTS = Object.keys(components);

/**
 * Story bodies are content, not code. The check parses each body exactly as the
 * build renders it — never compiling or running it — and reports every
 * refusal: ESM, {expressions}, unknown components, script-capable HTML, and
 * SourceQuote/PullQuote naming no entry of the story's frontmatter.
 */
export function checkStoryBody(file: string, body: string, firstLine: number, references: BodyReferences, isMdx: boolean): Problem[] {
  try {
    renderStoryBody(body, { format: isMdx ? 'mdx' : 'md', firstLine, references });
    return [];
  } catch (e) {
    if (!(e instanceof StoryBodyError)) throw e;
    const problems = e instanceof StoryBodyErrors ? e.problems : [e];
    return problems.map((p) => ({ severity: 'error', file, line: p.line ?? firstLine, field: 'body', message: p.message, hint: p.hint }));
  }
}
