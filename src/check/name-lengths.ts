import path from 'node:path';
import { nameLengthProblem } from '../model/file-names.ts';
import type { Problem } from '../ingest/problems.ts';

/**
 * Names of files under content/ that the build carries into names of its own
 * (model/file-names.ts): a story's slug (its page's folder, its share card)
 * and a picture's name (Astro's optimised copies).
 */

/** A story file whose slug is too long to be the name of its page's folder and share card. */
export function storySlugLengthProblem(file: string, slug: string): Problem | undefined {
  const problem = nameLengthProblem(slug, "the story's address name");
  if (!problem) return undefined;
  return {
    severity: 'error',
    file,
    line: 1,
    field: 'slug',
    message: `is too long: ${problem}`,
    hint: 'rename the file to a shorter slug (it becomes the permanent address, so keep it to a few words)',
  };
}

/** A picture in a story's folder whose name is too long for the copies the build makes of it. */
export function imageNameLengthProblem(file: string): Problem | undefined {
  const name = path.posix.basename(file, path.posix.extname(file));
  const problem = nameLengthProblem(name, "the picture's name");
  if (!problem) return undefined;
  return {
    severity: 'error',
    file,
    line: 1,
    field: 'file',
    message: `is too long: ${problem}`,
    hint: 'rename the picture to a few words, and change the references to it in the story',
  };
}
