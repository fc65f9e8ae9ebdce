import type { ImageImporters } from '../model/story-images.ts';

export const storyImageImporters: ImageImporters = import.meta.glob<{ default: ImageMetadata }>(
  '/content/articles/**/*.{jpg,jpeg,png,webp,avif,gif}',
);
