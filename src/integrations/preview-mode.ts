import type { AstroIntegration } from 'astro';

/**
 * Decides once, from the command, whether unpublished stories get preview
 * pages: under `astro dev`, or a build with PREVIEW=1. Never inferred from
 * NODE_ENV or Vite's mode, which a CI environment may set to anything.
 */
export default function previewMode(): AstroIntegration {
  return {
    name: 'newsroom:preview-mode',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        const preview = command === 'dev' || process.env['PREVIEW'] === '1';
        if (preview && command === 'build') logger.warn('PREVIEW=1: drafts and scheduled stories get pages with a banner. Never deploy this build.');
        updateConfig({ vite: { define: { 'import.meta.env.NEWSROOM_PREVIEW': JSON.stringify(preview) } } });
      },
    },
  };
}
