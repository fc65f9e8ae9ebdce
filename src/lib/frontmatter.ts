/** Splits a story file into its frontmatter, the body, and the file line the body starts on. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1]!, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
