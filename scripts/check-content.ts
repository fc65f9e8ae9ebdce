/**
 * `npm run check`: validates all content without building the site and prints
 * every problem at once as `path:line: field: message (hint)`. Exits 1 on any
 * error; warnings alone do not fail it.
 */
import path from 'node:path';
import { checkContent, formatProblems } from '../src/check/check-content';

const root = path.resolve(import.meta.dirname, '..');
const problems = await checkContent(root);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
for (const line of formatProblems(problems)) console.log(line);
console.log(
  errors === 0 && warnings === 0
    ? 'Content OK: no problems found.'
    : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
);
process.exitCode = errors > 0 ? 1 : 0;
