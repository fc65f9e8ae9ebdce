/**
 * Finds image files in the build's asset folder that no output file names.
 * Astro emits every image a content entry points at, including the images of
 * stories that are not live; those must not reach the CDN.
 */
const ASSET_REF_RE = /\/_astro\/([A-Za-z0-9._-]+)/g;

export const PRUNABLE_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif|svg|tiff?)$/i;

export function referencedAssets(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(ASSET_REF_RE)) names.add(m[1]!);
  return names;
}

export function unreferencedAssets(assetNames: readonly string[], referenced: ReadonlySet<string>): string[] {
  return assetNames.filter((name) => PRUNABLE_EXTENSIONS.test(name) && !referenced.has(name));
}
