// `npm run build`: publishes what changed since the last build into dist/, either by
// re-writing a few stories' bodies in a copy of the last output (src/publish/: only when
// nothing but story texts changed) or by a full `astro build` into a staging folder. Either
// way the new output takes dist/'s place only once it is whole. A failing build leaves the
// previous dist/ exactly as it was, and no half-written folder behind.
//
//   npm run build                      # → dist/
//   npm run build -- --full            # always a full build
//   npm run build -- --outDir public-site
//
// The staging folder keeps one path from build to build (<outDir>.staging):
// Astro hashes its output folder into the pages' code, so another path each
// time would defeat the incremental build.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
let outDir = 'dist';
if (at >= 0) {
  outDir = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  args.splice(at, args[at].includes('=') ? 1 : 2);
}
const fullAsked = args.includes('--full');
if (fullAsked) args.splice(args.indexOf('--full'), 1);
const target = path.resolve(root, outDir);
const staging = `${target}.staging`;
const previous = `${target}.previous`;
const shown = path.relative(root, target) || target;
const started = process.hrtime.bigint();
const seconds = () => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);

// Node loads the publish's TypeScript modules as they are (it strips their types); the publish
// itself (src/publish/fast-publish.ts) is loaded only when there is a record to start from.
const record = await import('../src/publish/publish-record.ts');
const cacheDir = path.join(root, 'node_modules/.astro');

// Other options are Astro's: they may change what is built, so only a full build takes them.
if (fullAsked) {
  console.log('Full build: asked for with --full.');
} else if (args.length) {
  console.log(`Full build: options for Astro were given (${args.join(' ')}).`);
} else if (!record.hasPublishRecord(cacheDir)) {
  console.log('Full build: there is no record of a full build to start from.');
} else {
  const { publishChangedStories } = await import('../src/publish/fast-publish.ts');
  const outcome = await publishChangedStories({ root, target, env: process.env });
  if (outcome.kind === 'current') {
    console.log(`Nothing changed since the last build: ${shown}/ is current.`);
    process.exit(0);
  }
  if (outcome.kind === 'refused') {
    for (const line of outcome.warnings) console.warn(line);
    const count = `${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} in stories`;
    console.error(`${count}; fix and build again:\n${outcome.problems.join('\n')}`);
    console.error(`\nThe build failed; ${shown}/ was left as it was.`);
    process.exit(1);
  }
  if (outcome.kind === 'published') {
    for (const line of outcome.warnings) console.warn(line);
    const outputs = outcome.outputs.length
      ? outcome.outputs.join(', ')
      : 'nothing in the output (the story or entry is not live)';
    console.log(`Published ${outcome.stories.join(', ')} in ${seconds()} s: ${outputs}`);
    console.log(`Site written to ${shown}/`);
    process.exit(0);
  }
  console.log(`Full build: ${outcome.reason}.`);
}
rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const status = await new Promise((resolve) => {
  const child = spawn(process.execPath, [astro, 'build', '--outDir', staging, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
  });
  child.on('error', () => resolve(1));
  child.on('exit', (code) => resolve(code ?? 1));
});
if (status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  record.dropPendingRecord(cacheDir);
  console.error(`\nThe build failed; ${shown}/ was left as it was.`);
  process.exit(status);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
// Options given to Astro may change what it builds: the next build starts from no record.
if (args.length) record.dropPendingRecord(cacheDir);
record.commitPendingRecord(cacheDir, target);
console.log(`Site written to ${shown}/`);
