import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMediaFile, pictureName, uploadsPath } from '../../../../src/import/wordpress/map/media-files.ts';

let dir: string;
let media: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'wp-media-'));
  media = path.join(dir, 'uploads');
  mkdirSync(path.join(media, '2017', '08'), { recursive: true });
  const jpeg = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#336' } })
    .jpeg()
    .toBuffer();
  writeFileSync(path.join(media, '2017', '08', 'Council Vote.JPG'), jpeg);
  writeFileSync(path.join(media, '2017', '08', 'misnamed.png'), jpeg);
  writeFileSync(path.join(media, '2017', '08', 'notes.jpg'), 'not a picture');
  writeFileSync(path.join(dir, 'secret.jpg'), jpeg);
  symlinkSync(path.join(dir, 'secret.jpg'), path.join(media, '2017', '08', 'linked.jpg'));
  symlinkSync(dir, path.join(media, 'outside'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('uploadsPath', () => {
  it('takes _wp_attached_file, else the part of the address after wp-content/uploads', () => {
    expect(uploadsPath('2017/08/a.jpg', 'https://x.example/wp-content/uploads/2017/08/b.jpg')).toBe('2017/08/a.jpg');
    expect(uploadsPath(undefined, 'https://x.example/news/wp-content/uploads/2017/08/caf%C3%A9.jpg')).toBe(
      '2017/08/café.jpg',
    );
  });

  it('refuses a path that climbs out or starts at the root', () => {
    expect(uploadsPath('../../etc/passwd', undefined)).toBeUndefined();
    expect(uploadsPath('/etc/passwd', undefined)).toBeUndefined();
    expect(
      uploadsPath(undefined, 'https://x.example/wp-content/uploads/2017/%2e%2e/%2e%2e/secret.jpg'),
    ).toBeUndefined();
    expect(uploadsPath(undefined, 'https://x.example/elsewhere/a.jpg')).toBeUndefined();
  });
});

describe('findMediaFile', () => {
  it('finds a picture by its bytes and names it as a slug with the extension of what it is', () => {
    const found = findMediaFile(media, '2017/08/Council Vote.JPG');
    expect('found' in found && found.found.name).toBe('council-vote.jpg');
    const misnamed = findMediaFile(media, '2017/08/misnamed.png');
    expect('found' in misnamed && misnamed.found.name).toBe('misnamed.jpg');
  });

  it('reports what is missing, not a picture, or reached through a link, and never reads outside', () => {
    for (const relative of ['2017/08/gone.jpg', '2017/08/notes.jpg', '2017/08/linked.jpg', 'outside/secret.jpg']) {
      const lookup = findMediaFile(media, relative);
      expect('missing' in lookup, relative).toBe(true);
    }
    expect(findMediaFile(undefined, '2017/08/Council Vote.JPG')).toEqual({
      missing: 'no --media folder was given to find 2017/08/Council Vote.JPG in',
    });
  });

  it('names a file with no usable stem "picture"', () => {
    expect(pictureName('2017/08/———.png', 'png')).toBe('picture.png');
  });
});
