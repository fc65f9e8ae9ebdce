// `npm run build`: builds the site into a staging folder and puts it in place of
// dist/ only when the whole build succeeded. A failing build leaves the previous
// dist/ exactly as it was, and no half-written folder behind.
//
//   npm run build                      # → dist/
//   npm run build -- --outDir public-site
//
// The staging folder keeps one path from build to build (<outDir>.staging):
// Astro hashes its output folder into the pages' code, so another path each
// time would defeat the incremental build.
import { spawnSync } from 'node:child_process';
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
const target = path.resolve(root, outDir);
const staging = `${target}.staging`;
const previous = `${target}.previous`;

rmSync(staging, { recursive: true, force: true });
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', staging, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${path.relative(root, target) || target}/ was left as it was.`);
  process.exit(result.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Site written to ${path.relative(root, target) || target}/`);
