import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newslettersSchema, type EditionConfig } from '../schemas/newsletters.ts';
import { isPlainFileUnder } from './content-files.ts';
import { ContentRefusal, formatProblems, type Problem } from './problems.ts';
import { YamlSource } from './yaml-document.ts';

/**
 * content/newsletters.yaml, read one way by the content check, the pages, the publish record
 * and `npm run newsletter:send`. The file is optional: without it an outlet has no editions.
 */

export const NEWSLETTERS_FILE = 'content/newsletters.yaml';

export interface NewslettersFile {
  source: YamlSource;
  editions: EditionConfig[] | undefined;
  problems: Problem[];
}

/**
 * The file's text checked against the schema and, with the outlet's section ids, each
 * edition's `sections` against them: a misspelt section would send empty editions forever.
 */
export function parseNewslettersFile(text: string, sectionIds?: ReadonlySet<string>): NewslettersFile {
  const source = new YamlSource(NEWSLETTERS_FILE, text);
  const { problems, data } = source.checkedBy(newslettersSchema);
  if (!data) return { source, editions: undefined, problems };
  const unknown: Problem[] = [];
  if (sectionIds)
    data.editions.forEach((edition, i) =>
      edition.sections?.forEach((id, j) => {
        if (sectionIds.has(id)) return;
        unknown.push({
          severity: 'error',
          file: NEWSLETTERS_FILE,
          line: source.lineOf(['editions', i, 'sections', j]),
          field: `editions.${i}.sections.${j}`,
          message: `no section "${id}" in content/sections/`,
          hint: `add content/sections/${id}.yaml or use one of: ${[...sectionIds].sort().join(', ')}`,
        });
      }),
    );
  return unknown.length
    ? { source, editions: undefined, problems: unknown }
    : { source, editions: data.editions, problems };
}

/** The file's text, or undefined when there is none (a link in its place is never followed). */
export function readNewslettersText(root: string): string | undefined {
  return isPlainFileUnder(root, NEWSLETTERS_FILE) ? readFileSync(path.join(root, NEWSLETTERS_FILE), 'utf8') : undefined;
}

/** The editions of a build: none without the file; an invalid file stops whoever asks, with its lines. */
export function editionsOf(text: string | undefined): EditionConfig[] {
  if (text === undefined) return [];
  const { editions, problems } = parseNewslettersFile(text);
  if (!editions) {
    const lines = formatProblems(problems).join('\n');
    throw new ContentRefusal(`${NEWSLETTERS_FILE} is not valid (npm run check lists every problem):\n${lines}`);
  }
  return editions;
}

/** The content check's problems with the file; none when there is no file. */
export function newslettersProblems(root: string, sectionIds: ReadonlySet<string>): Problem[] {
  const text = readNewslettersText(root);
  return text === undefined ? [] : parseNewslettersFile(text, sectionIds).problems;
}
