/**
 * The pictures of the benchmark export's uploads folder. A handful of real
 * JPEG and PNG images, each in the sizes WordPress makes (thumbnail, medium,
 * large …), drawn once with sharp; every attachment's files are hard links to
 * them under the names WordPress gave them (YYYY/MM/name-300x200.jpg), so ten
 * thousand posts' pictures take a few hundred kilobytes of disk.
 */
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export type PictureFamily = 'photo' | 'old-photo' | 'chart';

export interface PictureSize {
  /** WordPress's size name: thumbnail, medium, medium_large, large, 1536x1536. */
  name: string;
  width: number;
  height: number;
}

export interface FamilyShape {
  mime: 'image/jpeg' | 'image/png';
  ext: 'jpg' | 'png';
  width: number;
  height: number;
  sizes: readonly PictureSize[];
}

const THUMBNAIL: PictureSize = { name: 'thumbnail', width: 150, height: 150 };
const MEDIUM: PictureSize = { name: 'medium', width: 300, height: 200 };
const MEDIUM_LARGE: PictureSize = { name: 'medium_large', width: 768, height: 512 };
const LARGE: PictureSize = { name: 'large', width: 1024, height: 683 };

/** What each kind of upload looks like: a camera photo, a small photo from the early years, a chart. */
export const FAMILIES: Record<PictureFamily, FamilyShape> = {
  photo: {
    mime: 'image/jpeg',
    ext: 'jpg',
    width: 1600,
    height: 1067,
    sizes: [MEDIUM, LARGE, THUMBNAIL, MEDIUM_LARGE, { name: '1536x1536', width: 1536, height: 1024 }],
  },
  'old-photo': { mime: 'image/jpeg', ext: 'jpg', width: 640, height: 427, sizes: [MEDIUM, THUMBNAIL] },
  chart: { mime: 'image/png', ext: 'png', width: 1200, height: 800, sizes: [MEDIUM, LARGE, THUMBNAIL, MEDIUM_LARGE] },
};

/** Variants per family, so neighbouring pictures differ. */
export const VARIANTS = 3;

function svg(family: PictureFamily, variant: number, width: number, height: number): string {
  const hue = (variant * 97 + (family === 'chart' ? 200 : 20)) % 360;
  if (family === 'chart') {
    const bars = Array.from({ length: 8 }, (_, i) => {
      const h = ((i * 37 + variant * 53) % 70) + 20;
      return (
        `<rect x="${(i * width) / 9 + width / 18}" y="${height - (h * height) / 100}" ` +
        `width="${width / 12}" height="${(h * height) / 100}" fill="hsl(${hue},60%,45%)"/>`
      );
    });
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="#fff"/>${bars.join('')}</svg>`
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/>` +
    `<stop offset="1" stop-color="hsl(${(hue + 40) % 360},40%,90%)"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>` +
    `<polygon points="0,${height} ${width * 0.3},${height * 0.55} ${width * 0.6},${height * 0.75} ` +
    `${width},${height * 0.5} ${width},${height}" fill="hsl(${(hue + 150) % 360},35%,35%)"/></svg>`
  );
}

/** Pool key of one file: family, variant and size (`full` for the original). */
const poolKey = (family: PictureFamily, variant: number, size: string) => `${family}/${variant}/${size}`;

/** Draws every family, variant and size once. */
export async function drawPicturePool(): Promise<Map<string, Buffer>> {
  const pool = new Map<string, Buffer>();
  for (const family of Object.keys(FAMILIES) as PictureFamily[]) {
    const shape = FAMILIES[family];
    for (let v = 0; v < VARIANTS; v++) {
      const full = Buffer.from(svg(family, v, shape.width, shape.height));
      const encode = (img: ReturnType<typeof sharp>) =>
        shape.ext === 'png' ? img.png({ compressionLevel: 9 }).toBuffer() : img.jpeg({ quality: 70 }).toBuffer();
      pool.set(poolKey(family, v, 'full'), await encode(sharp(full)));
      for (const size of shape.sizes) {
        const resized = sharp(full).resize(size.width, size.height, { fit: 'cover' });
        pool.set(poolKey(family, v, size.name), await encode(resized));
      }
    }
  }
  return pool;
}

/**
 * Writes an uploads folder: the first file made from each pool entry is
 * written, every later one is a hard link to it (a copy where the file system
 * refuses links).
 */
export class UploadsWriter {
  readonly #root: string;
  readonly #pool: Map<string, Buffer>;
  readonly #firstFile = new Map<string, string>();
  readonly #dirs = new Set<string>();
  files = 0;

  constructor(root: string, pool: Map<string, Buffer>) {
    this.#root = root;
    this.#pool = pool;
  }

  /** Writes `rel` (e.g. `2019/05/name-300x200.jpg`) with the pool's bytes for that family, variant and size. */
  write(rel: string, family: PictureFamily, variant: number, size: string): void {
    const key = poolKey(family, variant, size);
    const target = path.join(this.#root, rel);
    const dir = path.dirname(target);
    if (!this.#dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#dirs.add(dir);
    }
    const first = this.#firstFile.get(key);
    if (first) {
      try {
        linkSync(first, target);
      } catch {
        copyFileSync(first, target);
      }
    } else {
      const bytes = this.#pool.get(key);
      if (!bytes) throw new Error(`no picture ${key} in the pool`);
      writeFileSync(target, bytes);
      this.#firstFile.set(key, target);
    }
    this.files++;
  }
}
