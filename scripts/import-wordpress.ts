/**
 * `npm run import:wordpress -- <export.xml> [--media <uploads copy>] [--map <map.yaml>] [--dry-run]
 * [--root <project>] [--report <folder>]`: a WordPress export into content/, with a report of
 * everything that needs an editor's look (import-report.md and import-report.json).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, importWordPress } from '../src/import/wordpress/import-wordpress.ts';
import { EMPTY_MAP, ImportMapError, readImportMap } from '../src/import/wordpress/map/import-map.ts';
import { reportJson, reportMarkdown, total } from '../src/import/wordpress/write/import-report.ts';
import { ImportStateError } from '../src/import/wordpress/write/import-state.ts';
import { WxrError } from '../src/import/wordpress/read/wxr-types.ts';

const USAGE =
  'usage: npm run import:wordpress -- <export.xml> [--media <copy of wp-content/uploads>] [--map <map.yaml>] ' +
  '[--dry-run] [--root <project folder>] [--report <folder>]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      media: { type: 'string' },
      map: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      root: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length !== 1) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const root = path.resolve(args.values.root ?? path.join(import.meta.dirname, '..'));
const exportFile = path.resolve(args.positionals[0]!);
const reportDir = path.resolve(args.values.report ?? root);
const dryRun = args.values['dry-run'] ?? false;

try {
  const map = args.values.map ? readImportMap(path.resolve(args.values.map)) : EMPTY_MAP;
  const options = {
    exportFile,
    root,
    map,
    dryRun,
    ...(args.values.media ? { mediaRoot: path.resolve(args.values.media) } : {}),
  };
  const report = await importWordPress(options);
  writeFileSync(path.join(reportDir, 'import-report.md'), reportMarkdown(report));
  writeFileSync(path.join(reportDir, 'import-report.json'), reportJson(report));
  const counts = (['created', 'updated', 'unchanged', 'kept', 'conflict', 'skipped'] as const)
    .map((outcome) => `${total(report, outcome)} ${outcome === 'kept' ? 'edited in git (kept)' : outcome}`)
    .join(', ');
  console.log(`${dryRun ? 'Dry run, nothing written: ' : ''}${counts}.`);
  const notes = report.entries.reduce((n, entry) => n + entry.notes.length, 0);
  const shown = path.relative(process.cwd(), path.join(reportDir, 'import-report.md'));
  console.log(`${notes} note${notes === 1 ? '' : 's'} for editors in ${shown}.`);
  if (!dryRun) console.log('Next: npm run check, then npm run build.');
  process.exitCode = total(report, 'conflict') > 0 ? 1 : 0;
} catch (error) {
  if (
    error instanceof WxrError ||
    error instanceof ImportError ||
    error instanceof ImportMapError ||
    error instanceof ImportStateError
  ) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
