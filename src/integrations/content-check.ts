import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems } from '../check/check-content.ts';
import { ContentRefusal } from '../ingest/problems.ts';

/**
 * Validates every content file before Astro reads or compiles any of it, and
 * stops the build on errors with `path:line: field: message` lines.
 */
export default function contentCheck(): AstroIntegration {
  return {
    name: 'newsroom:content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        // Story files themselves are analysed once, by the story loader, which lists every problem.
        const problems = await checkContent(fileURLToPath(config.root), { stories: false });
        const errors = problems.filter((p) => p.severity === 'error');
        for (const line of formatProblems(problems.filter((p) => p.severity === 'warning'))) logger.warn(line);
        if (errors.length) {
          throw new ContentRefusal(
            `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}; ` +
              `fix ${errors.length === 1 ? 'it' : 'them'} and build again:\n` +
              formatProblems(errors).join('\n'),
          );
        }
      },
    },
  };
}
