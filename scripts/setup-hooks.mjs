// `npm run setup-hooks`: installs a git pre-commit hook that runs the content check
// whenever a commit touches content/, so a reporter learns of a broken story before
// it is committed, not from a failed build. Run once per clone.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const MARK = '# installed by npm run setup-hooks';
const hook = `#!/bin/sh
${MARK}
# Checks the content when the commit touches content/ (skip once with git commit --no-verify).
if git diff --cached --name-only --diff-filter=ACMRD -- content/ | grep -q .; then
  npm run --silent check || {
    echo "Commit stopped: fix the problems above (or commit with --no-verify to skip this check)." >&2
    exit 1
  }
fi
`;

let hooksDir;
try {
  hooksDir = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], { encoding: 'utf8' }).trim();
} catch {
  console.error('npm run setup-hooks: this is not a git checkout.');
  process.exit(1);
}
const file = path.resolve(hooksDir, 'pre-commit');
if (existsSync(file) && !readFileSync(file, 'utf8').includes(MARK)) {
  console.error(
    `npm run setup-hooks: ${file} exists and was not written by this script; ` +
      'add "npm run --silent check" to it yourself.',
  );
  process.exit(1);
}
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, hook);
chmodSync(file, 0o755);
console.log(`Installed ${path.relative(process.cwd(), file)}: commits that touch content/ are checked first.`);
