// @ts-check
// Frozen: Astro's default configuration plus @astrojs/mdx, nothing else (see README.md).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
});
