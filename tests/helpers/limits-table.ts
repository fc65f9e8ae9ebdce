import { LIMITS_TABLE } from '../../src/schemas/limits.ts';

/** The table of docs/writing.md#limits as the limits module gives it; GFM splits cells on `|`, even in code. */
export function limitsMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = LIMITS_TABLE.map((row) => `| ${row.map(cell).join(' | ')} |`);
  return ['| what | limit | what to do |', '| --- | --- | --- |', ...rows].join('\n');
}
