/**
 * `npm run check`: validates all content without building the site and prints
 * every problem at once as `path:line: field: message (hint)`. Exits 1 on any
 * error; warnings alone do not fail it.
 */
import path from 'node:path';
import { checkContent, formatProblems } from '../src/check/check-content.ts';
import { checkUrlPermanence, readCurrentStories } from '../src/check/url-permanence.ts';
import { buildInstant } from '../src/model/publication.ts';

const root = path.resolve(import.meta.dirname, '..');
// One instant for every rule below, as in a build: a story dated between two readings of the
// clock would otherwise be judged twice, differently.
const at = buildInstant(process.env);
// A published URL never silently disappears: a story published at any point of git history must
// still have its page, a removed notice or a published successor's redirect_from. Started first,
// so that git reads the history while the content is checked.
const checkingPermanence = checkUrlPermanence(root, at, readCurrentStories(root, at));
const problems = await checkContent(root, { at });
const permanence = await checkingPermanence;
problems.push(...permanence.problems);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
for (const line of formatProblems(problems)) console.log(line);
console.log(permanence.summary);
console.log(
  errors === 0 && warnings === 0
    ? 'Content OK: no problems found.'
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
);
process.exitCode = errors > 0 ? 1 : 0;
