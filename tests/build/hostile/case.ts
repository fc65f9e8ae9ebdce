/**
 * One hostile input for tests/build/hostile-input.test.ts: what a careless or
 * malicious contributor could commit, and what must happen to it.
 *
 * Files are written into a disposable copy of the project (paths relative to
 * its root). A case either is refused — `npm run check` and `npm run build`
 * both exit non-zero and both print `file:line: field: message`, no stack
 * trace, and the last good dist/ is left as it was — or is published safely:
 * the build succeeds and no output file holds any trace of the attack.
 */

/** A file's new contents; `{ symlink }` makes a symbolic link to that target instead. */
export type FileContents = string | Buffer | { symlink: string };

interface CaseBase {
  /** Unique, says what the attack is. */
  name: string;
  /** Files added (or replaced) for this case, relative to the project root. */
  files?: Record<string, FileContents>;
  /** Edits of existing files of the sample project, relative to the project root. */
  edit?: Record<string, (text: string) => string>;
  /**
   * The case touches files other cases touch too (site.yaml, a registry, public/), or
   * must be the only problem for its error to show: it gets a project copy of its own.
   * Without it, cases are batched: all their files are laid into one copy, checked and
   * built once, and each case's own line is looked for in the output.
   */
  alone?: boolean;
  /**
   * Commits made, in order, before the case's files are laid: the project copy becomes a
   * git repository whose first commit is the sample project, then one commit per entry
   * (`null` deletes the file). Such a case always runs alone.
   */
  history?: Record<string, FileContents | null>[];
}

export interface RefusedCase extends CaseBase {
  expect: 'refused';
  /** The file the problem is reported in. */
  file: string;
  /** Text on the line the problem must name (the first line of `file` holding it); without it, any line. */
  at?: string;
  /** The field the message names (`body`, `image.src`, `redirect_from.0`, `file`, …). */
  field: string;
  /** What the message (and hint) must say. */
  says: RegExp;
  /** Why only `npm run check` sees it (e.g. git history); without it, the build must refuse it too. */
  checkOnly?: string;
}

export interface SanitisedCase extends CaseBase {
  expect: 'published safely';
  /**
   * Strings that must appear in no output file (pages, feeds, sitemaps, search index
   * decompressed, _redirects, _headers) — pick a unique marker placed inside the
   * dangerous part, so that its absence proves the dangerous part was dropped.
   */
  absent: string[];
  /** Strings that must appear in some page (the harmless part survived), when it matters. */
  present?: string[];
}

export type HostileCase = RefusedCase | SanitisedCase;

/** A story file with valid frontmatter, for cases that add a story of their own. */
export function storyFile(options: { title?: string; frontmatter?: string; body?: string } = {}): string {
  const title = options.title ?? 'A hostile contribution to the archive';
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'dek: "A story written to test what the build does with hostile input."',
    'date: 2026-11-20T11:00:00-05:00',
    'authors: [sam-ortiz]',
    'section: politics',
    ...(options.frontmatter ? [options.frontmatter.trimEnd()] : []),
    '---',
    '',
    options.body ?? 'A paragraph of ordinary text.',
    '',
  ].join('\n');
}
