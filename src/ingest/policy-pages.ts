import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'hast';
import { slug } from '../model/slug.ts';
import { policyPageSchema, type PolicyPageFrontmatter } from '../schemas/pages.ts';
import { linkProblem, listContent } from './content-files.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { bodyHtml } from './story-body/body-parts.ts';
import { renderStoryTree, StoryBodyError, StoryBodyErrors } from './story-body/render.ts';
import { YamlSource } from './yaml-document.ts';
import { FILE_BYTES } from '../schemas/limits.ts';
import { bodyLimitIssues } from './body-limits.ts';
import { sizeProblem } from './size-limits.ts';

/**
 * The outlet's policy pages (about, ethics, contact, …): content/pages/<name>.md,
 * published at /<name>/ and linked from every page's footer through `policies`
 * in content/site.yaml. Written by the same hands as stories, they pass the
 * same gate: frontmatter against its schema with lines, the body through the
 * renderer and the allowlist of `.md` stories. `npm run check` and the build
 * read them here, with this code.
 */

export const PAGES_FOLDER = 'content/pages';

export interface PolicyPage {
  /** The page's address without slashes: the file's name without `.md`. */
  id: string;
  /** Relative to the project root. */
  file: string;
  data: PolicyPageFrontmatter;
  /** The body's HTML, sanitised as a story's is. */
  html: string;
}

/** The heading ids Markdown pages have always had (`## Our sources` → `id="our-sources"`), to link to a part. */
function withHeadingIds(root: Root): Root {
  const used = new Map<string, number>();
  const textOf = (node: RootContent): string =>
    node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';
  const visit = (node: RootContent): RootContent => {
    if (node.type !== 'element') return node;
    if (/^h[2-6]$/.test(node.tagName)) {
      const base = slug(textOf(node)) || 'section';
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      return { ...node, properties: { ...node.properties, id: seen ? `${base}-${seen}` : base } };
    }
    return { ...node, children: node.children.map(visit) as typeof node.children };
  };
  return { ...root, children: root.children.map(visit) };
}

/** Reads one policy page's text: its problems, and the page when it has none. */
export function readPolicyPage(file: string, text: string): { page?: PolicyPage; problems: Problem[] } {
  const problem = (line: number, field: string, message: string, hint?: string): Problem => ({
    severity: 'error',
    file,
    line,
    field,
    message,
    hint,
  });
  const tooBig = sizeProblem(file, text, FILE_BYTES.page, { noun: 'the file' });
  if (tooBig) return { problems: [tooBig] };
  const parts = splitFrontmatter(text);
  if (!parts)
    return {
      problems: [
        problem(
          1,
          'frontmatter',
          'the file does not start with a --- frontmatter block',
          'start it with title and description',
        ),
      ],
    };
  const source = new YamlSource(file, parts.frontmatter, 2, FILE_BYTES.frontmatter);
  if (source.data === undefined) return { problems: source.syntaxProblems() };
  const { problems, data } = source.checkedBy(policyPageSchema);
  // What would exhaust the body's reader is refused before it reads the body.
  const limits = bodyLimitIssues(parts.body, 'md');
  for (const { line, message, hint } of limits)
    problems.push(problem(parts.bodyLine + line - 1, 'body', message, hint));
  let html: string | undefined;
  try {
    if (!limits.length)
      html = bodyHtml(withHeadingIds(renderStoryTree(parts.body, { format: 'md', firstLine: parts.bodyLine })));
  } catch (e) {
    if (!(e instanceof StoryBodyError)) throw e;
    const refused = e instanceof StoryBodyErrors ? e.problems : [e];
    problems.push(...refused.map((p) => problem(p.line ?? parts.bodyLine, 'body', p.message, p.hint)));
  }
  if (problems.length || data === undefined || html === undefined) return { problems };
  const id = path.posix.basename(file, '.md');
  return { page: { id, file, data, html }, problems };
}

/** Why a file in content/pages/ cannot be a page, if it cannot. */
function nameProblem(name: string): Problem | undefined {
  const file = `${PAGES_FOLDER}/${name}`;
  const refuse = (message: string, hint: string): Problem => ({
    severity: 'error',
    file,
    line: 1,
    field: 'file',
    message,
    hint,
  });
  if (!name.endsWith('.md'))
    return refuse('is not a policy page', 'policy pages are Markdown files: content/pages/<name>.md');
  const id = name.slice(0, -'.md'.length);
  if (slug(id) !== id)
    return refuse(
      `"${id}" cannot be a page address`,
      slug(id)
        ? `rename it to ${slug(id)}.md (lower-case letters, digits and hyphens)`
        : 'the name needs letters or digits',
    );
  return undefined;
}

/** Every policy page of the project at `root`, and every problem of every file in content/pages/. */
export function readPolicyPages(root: string): { pages: PolicyPage[]; problems: Problem[] } {
  const dir = path.join(root, PAGES_FOLDER);
  // Links (to files or folders) are refused by name and never followed.
  const { files, links } = listContent(dir);
  const pages: PolicyPage[] = [];
  const problems: Problem[] = links.map((name) => linkProblem(`${PAGES_FOLDER}/${name}`));
  for (const name of files) {
    const refused = nameProblem(name);
    if (refused) {
      problems.push(refused);
      continue;
    }
    const file = `${PAGES_FOLDER}/${name}`;
    const read = readPolicyPage(file, readFileSync(path.join(root, file), 'utf8'));
    problems.push(...read.problems);
    if (read.page) pages.push(read.page);
  }
  return { pages: pages.sort((a, b) => (a.id < b.id ? -1 : 1)), problems };
}
