import path from 'node:path';

/**
 * Images beside folder-form stories, keyed by their root-relative path. Lazy:
 * only the images a rendered page asks for are ever imported, so an image that
 * only an unpublished story uses never reaches the output.
 */
export type ImageImporters = Record<string, () => Promise<{ default: ImageMetadata }>>;

/** Resolves `<Figure src="./chart.png">` against the story file it appears in. */
export async function resolveStoryImage(
  importers: ImageImporters,
  storyFile: string,
  src: string,
): Promise<ImageMetadata> {
  const key = '/' + path.posix.normalize(path.posix.join(path.posix.dirname(storyFile.replaceAll('\\', '/')), src));
  const importer = importers[key];
  if (!importer) {
    throw new Error(
      `${storyFile}: <Figure src="${src}">: no image at ${key.slice(1)} (the path is relative to the story file)`,
    );
  }
  return (await importer()).default;
}
