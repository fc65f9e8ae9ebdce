import type { Problem } from './problems';

/** Components a story body may use without imports (CONTENT-MODEL.md, "Body"). */
export const BODY_COMPONENTS = ['SourceQuote', 'PullQuote', 'Figure'] as const;

/** In the contract but not built yet: refused with a message that says so, not as unknown. */
const PLANNED_COMPONENTS = ['Embed'];

const FORBIDDEN_TAGS = ['script', 'style', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form'];

export interface BodyReferences {
  sources: readonly string[];
  officials: readonly string[];
}

/** Replaces code (fenced blocks and inline spans) with blanks, keeping line numbers. */
function blankCode(body: string): string {
  const fenced = body.replace(/^(\s*)(```|~~~)[^\n]*\n[\s\S]*?^\s*\2[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
  return fenced.replace(/`[^`\n]+`/g, (span) => ' '.repeat(span.length));
}

/**
 * Story bodies are content, not code. This refuses what MDX would run at build
 * time — ESM, `{expressions}`, unknown components — and raw tags that would
 * run in readers' browsers. It reads the text only; nothing is compiled.
 */
export function checkStoryBody(file: string, body: string, firstLine: number, refs: BodyReferences, isMdx: boolean): Problem[] {
  const problems: Problem[] = [];
  const text = blankCode(body);
  const lineAt = (index: number) => firstLine + text.slice(0, index).split('\n').length - 1;
  const error = (index: number, message: string, hint?: string) =>
    problems.push({ severity: 'error', file, line: lineAt(index), field: 'body', message, hint });

  for (const m of text.matchAll(/^[ \t]*(import|export)\b[^\n]*/gm)) {
    error(m.index, `"${m[1]}" statements are not allowed in a story`, 'stories are content, not code; the components SourceQuote, PullQuote and Figure need no import');
  }
  if (isMdx) {
    for (const m of text.matchAll(/(?<!\\)\{/g)) {
      error(m.index, 'a { starts a JavaScript expression, which stories may not contain', 'write \\{ for a literal brace, or put code samples in backticks');
    }
  }
  for (const m of text.matchAll(/<(\/?)([A-Za-z][\w.:-]*)([^>]*)>/g)) {
    const closing = m[1] === '/';
    const tag = m[2]!;
    const attrs = m[3] ?? '';
    if (FORBIDDEN_TAGS.includes(tag)) {
      error(m.index, `<${tag}> is not allowed in a story`, 'stories may not carry raw HTML that runs or loads code');
      continue;
    }
    if (/\son[a-z]+\s*=/i.test(attrs)) error(m.index, `event-handler attributes are not allowed (in <${tag}>)`);
    if (PLANNED_COMPONENTS.includes(tag)) {
      if (!closing) error(m.index, `<${tag}> is not available on this site yet`, 'link to the document, chart or video instead');
      continue;
    }
    if (/^[A-Z]/.test(tag) && !(BODY_COMPONENTS as readonly string[]).includes(tag)) {
      if (!closing) error(m.index, `<${tag}> is not a component stories can use`, `use one of ${BODY_COMPONENTS.join(', ')}`);
      continue;
    }
    if (closing) continue;
    if (tag === 'SourceQuote') {
      const source = /\bsource\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      if (source === undefined) error(m.index, '<SourceQuote> needs source="…" naming one of the story\'s sources');
      else if (!refs.sources.includes(source)) {
        error(m.index, `<SourceQuote source="${source}"> names no entry of sources`, `use one of: ${refs.sources.join(', ') || '(add the publication to sources first)'}`);
      }
    }
    if (tag === 'PullQuote') {
      const by = /\bby\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
      if (by !== undefined && !refs.officials.includes(by)) {
        error(m.index, `<PullQuote by="${by}"> names no entry of officials`, `use one of: ${refs.officials.join(', ') || '(add the person to officials first)'}`);
      }
    }
  }
  return problems;
}
