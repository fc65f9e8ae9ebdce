import type { ImportNote, ImportNoteKind } from '../import-notes.ts';

/**
 * What an import did, for the editor: how many items of each kind and status
 * went where, and every post that needs a look, with what to do. Written as
 * `import-report.md` and `import-report.json`.
 */

export type Outcome = 'created' | 'updated' | 'unchanged' | 'kept' | 'conflict' | 'skipped';

export const OUTCOMES: readonly Outcome[] = ['created', 'updated', 'unchanged', 'kept', 'conflict', 'skipped'];

const OUTCOME_HEADINGS: Record<Outcome, string> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  kept: 'edited in git, kept',
  conflict: 'conflicts',
  skipped: 'skipped',
};

export interface ReportEntry {
  id: number;
  postType: string;
  status: string;
  title: string;
  outcome: Outcome;
  /** The file written or kept, relative to the project. */
  file?: string;
  notes: ImportNote[];
}

export interface ImportReport {
  exportFile: string;
  dryRun: boolean;
  /** counts[postType][status][outcome]. */
  counts: Record<string, Record<string, Partial<Record<Outcome, number>>>>;
  /** Items with a note, a conflict or skipped for a reason worth reading. */
  entries: ReportEntry[];
  authorsCreated: string[];
  sectionsCreated: string[];
  /** Problems with the export as a whole. */
  problems: string[];
}

export function emptyReport(exportFile: string, dryRun: boolean): ImportReport {
  return { exportFile, dryRun, counts: {}, entries: [], authorsCreated: [], sectionsCreated: [], problems: [] };
}

/** Counts the item and keeps it in the report when the editor needs to hear of it. */
export function record(report: ImportReport, entry: ReportEntry, worthListing = entry.notes.length > 0): void {
  const byStatus = (report.counts[entry.postType] ??= {});
  const byOutcome = (byStatus[entry.status] ??= {});
  byOutcome[entry.outcome] = (byOutcome[entry.outcome] ?? 0) + 1;
  if (worthListing || entry.outcome === 'conflict') report.entries.push(entry);
}

export function total(report: ImportReport, outcome: Outcome): number {
  let n = 0;
  for (const byStatus of Object.values(report.counts))
    for (const byOutcome of Object.values(byStatus)) n += byOutcome[outcome] ?? 0;
  return n;
}

const KIND_HEADINGS: Record<ImportNoteKind, string> = {
  conflict: 'Edited in git and changed in WordPress (not overwritten)',
  'password-protected': 'Password-protected posts (imported as drafts without their text)',
  'title-placeholder': 'Posts without a title (drafts with a placeholder)',
  'missing-image': 'Images not found',
  'image-without-alt': 'Images without alt text (marked decorative)',
  'unknown-block': 'Blocks the importer does not know',
  'unknown-shortcode': 'Shortcodes the importer does not know',
  'dropped-html': 'Embedded code left out',
  'embed-as-link': 'Embeds from hosts not in site.yaml (now links)',
  'pages-joined': 'Posts split into pages (joined into one)',
  'dek-from-body': 'Deks taken from the story (no excerpt)',
  'slug-changed': 'Address names changed',
  'slug-collision': 'Address names taken by another story',
  'redirect-skipped': 'Old addresses that cannot be redirected',
  other: 'Other notes',
};

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The report as Markdown: counts, then every note grouped by what it asks of the editor. */
export function reportMarkdown(report: ImportReport): string {
  const lines: string[] = [`# WordPress import${report.dryRun ? ' (dry run: nothing written)' : ''}`, ''];
  lines.push(`Export: \`${report.exportFile}\``, '');
  const outcomes = OUTCOMES.map((o) => OUTCOME_HEADINGS[o]);
  lines.push(
    `| type | WordPress status | ${outcomes.join(' | ')} |`,
    `| --- | --- |${' ---: |'.repeat(outcomes.length)}`,
  );
  for (const postType of Object.keys(report.counts).sort()) {
    const byStatus = report.counts[postType]!;
    for (const status of Object.keys(byStatus).sort()) {
      const byOutcome = byStatus[status]!;
      lines.push(`| ${postType} | ${status} | ${OUTCOMES.map((o) => byOutcome[o] ?? 0).join(' | ')} |`);
    }
  }
  lines.push('');
  if (report.authorsCreated.length > 0)
    lines.push(`New bylines in content/authors/: ${report.authorsCreated.join(', ')}.`, '');
  if (report.sectionsCreated.length > 0)
    lines.push(`New sections in content/sections/: ${report.sectionsCreated.join(', ')}.`, '');
  for (const problem of report.problems) lines.push(`- ${problem}`);
  if (report.problems.length > 0) lines.push('');

  const byKind = new Map<ImportNoteKind, { entry: ReportEntry; note: ImportNote }[]>();
  for (const entry of report.entries)
    for (const note of entry.notes) {
      const list = byKind.get(note.kind) ?? [];
      list.push({ entry, note });
      byKind.set(note.kind, list);
    }
  if (byKind.size === 0) lines.push('Nothing needs a look.');
  for (const kind of Object.keys(KIND_HEADINGS) as ImportNoteKind[]) {
    const list = byKind.get(kind);
    if (!list) continue;
    lines.push(`## ${KIND_HEADINGS[kind]} (${list.length})`, '');
    for (const { entry, note } of list) {
      const where = entry.file ? ` — \`${entry.file}\`` : '';
      lines.push(`- ${entry.postType} ${entry.id} “${cell(entry.title)}”${where}: ${cell(note.detail)}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function reportJson(report: ImportReport): string {
  return `${JSON.stringify(report, null, 1)}\n`;
}
