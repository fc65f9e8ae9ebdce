import type { ImageImporters } from '../model/story-images.ts';

// Extensions in any case (a camera's IMG_0001.JPG), as the content check takes them (image-files.ts).
export const storyImageImporters: ImageImporters = import.meta.glob<{ default: ImageMetadata }>(
  '/content/articles/**/*.{[jJ][pP][gG],[jJ][pP][eE][gG],[pP][nN][gG],[wW][eE][bB][pP],[aA][vV][iI][fF],[gG][iI][fF]}',
);
