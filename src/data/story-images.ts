import type { ImageImporters } from '../lib/story-images';

export const storyImageImporters: ImageImporters = import.meta.glob<{ default: ImageMetadata }>(
  '/content/articles/**/*.{jpg,jpeg,png,webp,avif,gif}',
);
