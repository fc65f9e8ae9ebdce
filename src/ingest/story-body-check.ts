import type { Root } from 'hast';
import { renderStoryTree, StoryBodyError, StoryBodyErrors, type BodyReferences } from './story-body/render.ts';
import { components } from './story-body/components.ts';
import type { EmbedProviders } from '../model/embeds.ts';
import type { Problem } from './problems.ts';

/** Components a story body may use without imports. */
export const BODY_COMPONENTS = Object.keys(components);

/**
 * Story bodies are content, not code. A body is parsed exactly as the build
 * renders it — never compiled or run — and every refusal becomes a problem:
 * ESM, {expressions}, unknown components, script-capable HTML,
 * SourceQuote/PullQuote naming no entry of the story's frontmatter, and an
 * Embed from a host the site's `embeds` allowlist does not name.
 */
export function renderCheckedBody(
  file: string,
  body: string,
  firstLine: number,
  references: BodyReferences,
  isMdx: boolean,
  embeds: EmbedProviders,
): { problems: Problem[]; tree?: Root } {
  try {
    return {
      problems: [],
      tree: renderStoryTree(body, { format: isMdx ? 'mdx' : 'md', firstLine, references, embeds }),
    };
  } catch (e) {
    if (!(e instanceof StoryBodyError)) throw e;
    const refused = e instanceof StoryBodyErrors ? e.problems : [e];
    return {
      problems: refused.map((p): Problem => ({
        severity: 'error',
        file,
        line: p.line ?? firstLine,
        field: 'body',
        message: p.message,
        hint: p.hint,
      })),
    };
  }
}

export function checkStoryBody(
  file: string,
  body: string,
  firstLine: number,
  references: BodyReferences,
  isMdx: boolean,
  embeds: EmbedProviders = [],
): Problem[] {
  return renderCheckedBody(file, body, firstLine, references, isMdx, embeds).problems;
}
