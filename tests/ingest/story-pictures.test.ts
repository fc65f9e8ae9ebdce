import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  figureLines,
  pictureName,
  refusalMessage,
  storyFolderFileProblem,
  StoryPictures,
} from '../../src/ingest/story-pictures.ts';
import { gifHeader, jpegHeader, png, webpExtended } from '../helpers/picture-bytes.ts';

const root = mkdtempSync(path.join(tmpdir(), 'newsroom-pictures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STORY = 'content/articles/2026/council-vote/index.mdx';
const folder = path.join(root, 'content/articles/2026/council-vote');
const other = path.join(root, 'content/articles/2025/removed-story');
const outside = path.join(root, 'outside');
for (const dir of [folder, other, outside]) mkdirSync(dir, { recursive: true });
const put = (name: string, bytes: string | Buffer, dir = folder) => writeFileSync(path.join(dir, name), bytes);

put('photo.jpg', jpegHeader(1600, 900));
put('IMG_0001.JPG', jpegHeader(1600, 900));
put('chart.png', png(800, 400));
put('anim.gif', gifHeader(200, 100));
put('empty.jpg', '');
put('corrupt.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]));
put('passwd.png', 'root:x:0:0:root:/root:/bin/bash\n');
put('drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
put('drawing.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
put('really-a-png.jpg', png(10, 10));
put('huge.png', png(20000, 20000));
put('cut.png', png(300, 200).subarray(0, 60));
put('wide.webp', webpExtended(16000, 100));
put('photo.jpg', jpegHeader(800, 600), other);
put('secret.jpg', jpegHeader(800, 600), outside);
symlinkSync(path.join(outside, 'secret.jpg'), path.join(folder, 'linked.jpg'));
symlinkSync('/etc/passwd', path.join(folder, 'passwd-link.jpg'));
mkdirSync(path.join(folder, 'folder.jpg'));

const pictures = new StoryPictures(STORY, folder);
const says = (src: string) => {
  const refused = pictures.refusal(src);
  return refused && refusalMessage(src, refused);
};
const hint = (src: string) => pictures.refusal(src)?.hint;

describe('the pictures a story shows', () => {
  it('takes JPEG, PNG, WebP, AVIF and GIF files beside the story, however the path is written', () => {
    for (const src of ['./photo.jpg', 'photo.jpg', './chart.png', './anim.gif', './sub/../photo.jpg'])
      expect(says(src), src).toBeUndefined();
  });

  it('takes an extension in capitals, as cameras write it', () => {
    expect(says('./IMG_0001.JPG')).toBeUndefined();
  });

  it("refuses another story's pictures, however the path gets there", () => {
    for (const src of [
      '../../2025/removed-story/photo.jpg',
      '../council-vote/../../2025/removed-story/photo.jpg',
      `${other}/photo.jpg`,
      '/content/articles/2025/removed-story/photo.jpg',
      'https://example.com/photo.jpg',
      'file:///etc/passwd',
      '..\\removed-story\\photo.jpg',
      '.',
      '..',
    ]) {
      expect(says(src), src).toBe(`${src} is not a picture in this story's folder`);
    }
    expect(hint('../x.jpg')).toContain('content/articles/2026/council-vote/');
  });

  it('refuses a picture in a folder of its own inside the story folder: pictures sit beside index.mdx', () => {
    expect(says('./images/photo.jpg')).toMatch(/not a picture in this story's folder/);
  });

  it('refuses a link, to a picture or to anything else, without opening it', () => {
    expect(says('./linked.jpg')).toBe('./linked.jpg is a symbolic link, which the site never follows');
    expect(says('./passwd-link.jpg')).toMatch(/symbolic link/);
  });

  it('says when the picture is not there, and that capitals count', () => {
    expect(says('./missing.jpg')).toBe('./missing.jpg: no such picture in content/articles/2026/council-vote/');
    expect(says('./PHOTO.jpg')).toMatch(/no such picture/);
    expect(hint('./PHOTO.jpg')).toMatch(/capitals/);
  });

  it('refuses SVG, by name or by contents', () => {
    expect(says('./drawing.svg')).toBe('./drawing.svg is an SVG drawing, which the site cannot use');
    expect(says('./drawing.png')).toBe('./drawing.png is an SVG drawing, which the site cannot use');
    expect(hint('./drawing.svg')).toMatch(/export the drawing as PNG/);
  });

  it('refuses empty, damaged and non-picture files by their contents', () => {
    expect(says('./empty.jpg')).toBe('./empty.jpg is an empty file (0 bytes)');
    expect(says('./corrupt.jpg')).toBe('./corrupt.jpg is a damaged JPEG file: its size cannot be read');
    expect(says('./passwd.png')).toBe(
      './passwd.png is not a picture: its contents are not JPEG, PNG, WebP, AVIF or GIF',
    );
    expect(says('./cut.png')).toBe('./cut.png is cut short: the file ends before the PNG picture does');
    expect(says('./folder.jpg')).toBe('./folder.jpg is a folder, not a picture');
    expect(says('./notes.txt')).toBe('./notes.txt is not a picture file the site can show');
  });

  it('refuses a picture whose name says another format, and names the right one', () => {
    expect(says('./really-a-png.jpg')).toBe('./really-a-png.jpg is a PNG picture with a JPEG name');
    expect(hint('./really-a-png.jpg')).toBe('rename the file to really-a-png.png, and write ./really-a-png.png here');
  });

  it('refuses pictures larger than the build resizes, before any decoding', () => {
    expect(says('./huge.png')).toBe(
      './huge.png is 20,000×20,000 pixels, more than the site takes (12,000 on a side, 50 megapixels in all)',
    );
    expect(says('./wide.webp')).toMatch(/16,000×100 pixels/);
  });

  it('gives a story file without a folder no pictures, and says how to make one', () => {
    const flat = new StoryPictures('content/articles/2026/council-vote.mdx', path.dirname(folder));
    const refused = flat.refusal('./council-vote/photo.jpg');
    expect(refused?.says).toBe(': a story file on its own has no folder for pictures');
    expect(refused?.hint).toBe(
      'make it a folder story: move it to content/articles/2026/council-vote/index.mdx and put the picture beside it',
    );
  });
});

describe('pictureName', () => {
  it('is the file name in the story folder, or nothing', () => {
    expect(pictureName('./a.jpg')).toBe('a.jpg');
    expect(pictureName('a.jpg')).toBe('a.jpg');
    expect(pictureName('./x/../a.jpg')).toBe('a.jpg');
    expect(pictureName('../a.jpg')).toBeUndefined();
    expect(pictureName('x/a.jpg')).toBeUndefined();
    expect(pictureName('/a.jpg')).toBeUndefined();
    expect(pictureName('a\\b.jpg')).toBeUndefined();
    expect(pictureName('data:image/png;base64,AAAA')).toBeUndefined();
  });
});

describe('figureLines', () => {
  it("finds each figure's line, in order, whatever its quotes, and skips mentions in text", () => {
    const body = [
      'First paragraph about ./b.png in words.', // 10
      '', // 11
      "<Figure src='./a.png' alt='A' />", // 12
      '', // 13
      '<Figure', // 14
      '  alt="B > C"', // 15
      '  src="./b.png"', // 16
      '/>', // 17
      '', // 18
      '<Figure src="./a.png" alt="A again" />', // 19
    ].join('\n');
    expect(figureLines(body, 10, ['./a.png', './b.png', './a.png'])).toEqual([12, 14, 19]);
  });

  it('puts a figure it cannot match at the next <Figure line', () => {
    expect(figureLines('x\n<Figure src="./&#97;.png" />', 5, ['./a.png'])).toEqual([6]);
  });
});

describe('storyFolderFileProblem', () => {
  it('takes pictures beside a story, in any case, and refuses SVG and anything else', () => {
    expect(storyFolderFileProblem('content/articles/2026/x/IMG_1.JPG')).toBeUndefined();
    expect(storyFolderFileProblem('content/articles/2026/x/chart.svg')?.message).toMatch(/SVG/);
    expect(storyFolderFileProblem('content/articles/2026/x/notes.txt')).toMatchObject({
      file: 'content/articles/2026/x/notes.txt',
      line: 1,
      field: 'file',
      message: 'is not a picture a story can show',
    });
  });
});
