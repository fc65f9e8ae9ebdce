import { describe, expect, it, vi } from 'vitest';
import { resolveStoryImage, type ImageImporters } from '../../src/model/story-images.ts';

const image = (src: string): ImageMetadata => ({ src, width: 800, height: 600, format: 'png' });

function importers(): ImageImporters {
  return {
    '/content/articles/2019/x/chart.png': vi.fn(async () => ({ default: image('/_astro/chart.1.png') })),
    '/content/articles/2019/x/lead.jpg': vi.fn(async () => ({ default: image('/_astro/lead.1.jpg') })),
    '/content/articles/2019/shared/map.png': vi.fn(async () => ({ default: image('/_astro/map.1.png') })),
  };
}

describe('resolveStoryImage', () => {
  it('resolves ./chart.png beside a folder story', async () => {
    const table = importers();
    const img = await resolveStoryImage(table, 'content/articles/2019/x/index.mdx', './chart.png');
    expect(img.src).toBe('/_astro/chart.1.png');
    expect(table['/content/articles/2019/x/chart.png']).toHaveBeenCalledTimes(1);
  });

  it('resolves a path without ./ the same way', async () => {
    const img = await resolveStoryImage(importers(), 'content/articles/2019/x/index.mdx', 'lead.jpg');
    expect(img.src).toBe('/_astro/lead.1.jpg');
  });

  it('resolves ../ against the story folder', async () => {
    const img = await resolveStoryImage(importers(), 'content/articles/2019/x/index.mdx', '../shared/map.png');
    expect(img.src).toBe('/_astro/map.1.png');
  });

  it('accepts a story path written with Windows separators', async () => {
    const img = await resolveStoryImage(importers(), 'content\\articles\\2019\\x\\index.mdx', './chart.png');
    expect(img.src).toBe('/_astro/chart.1.png');
  });

  it('imports only the image asked for', async () => {
    const table = importers();
    await resolveStoryImage(table, 'content/articles/2019/x/index.mdx', './chart.png');
    expect(table['/content/articles/2019/x/lead.jpg']).not.toHaveBeenCalled();
    expect(table['/content/articles/2019/shared/map.png']).not.toHaveBeenCalled();
  });

  it('throws an error naming the story file and the src for an unknown image', async () => {
    const attempt = resolveStoryImage(importers(), 'content/articles/2019/x/index.mdx', './missing.png');
    await expect(attempt).rejects.toThrow('content/articles/2019/x/index.mdx');
    await expect(resolveStoryImage(importers(), 'content/articles/2019/x/index.mdx', './missing.png')).rejects.toThrow(
      './missing.png',
    );
  });

  it('does not find an image of another story', async () => {
    await expect(resolveStoryImage(importers(), 'content/articles/2019/y/index.mdx', './chart.png')).rejects.toThrow(
      /chart\.png/,
    );
  });
});
