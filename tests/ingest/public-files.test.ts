import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { logoMediaType, logoRefusal, svgHasSize } from '../../src/ingest/public-files.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { jpegHeader, png, webpExtended } from '../helpers/picture-bytes.ts';

const root = mkdtempSync(path.join(tmpdir(), 'newsroom-public-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const put = (rel: string, bytes: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), bytes);
};
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64"/></svg>';

put('public/logo.svg', SVG);
put('public/brand/logo.png', png(64, 64));
put('public/logo.jpg', jpegHeader(64, 64));
put('public/sizeless.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect width="64" height="64"/></svg>');
put('public/logo.webp', webpExtended(64, 64));
put('public/empty.png', '');
put('public/notes.png', 'not a picture');
put('public/huge.png', png(20000, 20000));
put('outside/logo.svg', SVG);
symlinkSync(path.join(root, 'outside/logo.svg'), path.join(root, 'public/linked.svg'));
symlinkSync(path.join(root, 'outside'), path.join(root, 'public/linked-folder'));
mkdirSync(path.join(root, 'public/folder.svg'));
const withScript = (inside: string) => SVG.replace('<rect', `${inside}<rect`);
put('public/script.svg', withScript('<script>alert(document.domain)</script>'));
put('public/onload.svg', SVG.replace('<svg ', '<svg onload="alert(1)" '));
put('public/link.svg', withScript('<a href="javascript:alert(1)"><text>x</text></a>'));
put('public/page.svg', withScript('<foreignObject><iframe src="https://evil.example/"/></foreignObject>'));

const says = (logo: string) => logoRefusal(root, logo)?.message;

describe('the logo', () => {
  it('takes an SVG with a size, a PNG or a JPEG in public/, in a folder or not', () => {
    expect(says('/logo.svg')).toBeUndefined();
    expect(says('/brand/logo.png')).toBeUndefined();
    expect(says('/logo.jpg')).toBeUndefined();
  });

  // The logo is served at its own address too, where a browser opening it runs what it holds.
  it('refuses an SVG that holds a script, an event handler, a javascript: link or an embedded page', () => {
    expect(says('/script.svg')).toBe('public/script.svg holds a <script>, which a logo never needs');
    expect(says('/onload.svg')).toBe('public/onload.svg holds an event handler (on…=), which a logo never needs');
    expect(says('/link.svg')).toBe('public/link.svg holds a javascript: link, which a logo never needs');
    expect(says('/page.svg')).toBe('public/page.svg holds an embedded document, which a logo never needs');
  });

  it('says when it is missing', () => {
    expect(says('/no-such-logo.svg')).toBe('there is no public/no-such-logo.svg');
  });

  it('refuses a link, to the file or to a folder on the way, by name', () => {
    expect(says('/linked.svg')).toBe('public/linked.svg is a symbolic link, which the site never follows');
    expect(says('/linked-folder/logo.svg')).toBe(
      'public/linked-folder is a symbolic link, which the site never follows',
    );
  });

  it('refuses what share cards cannot draw: a sizeless SVG, WebP, an empty or non-picture file', () => {
    expect(says('/sizeless.svg')).toMatch(/gives no size/);
    expect(says('/logo.webp')).toBe('public/logo.webp is a WebP picture, which share cards cannot draw');
    expect(says('/empty.png')).toBe('public/empty.png is an empty file (0 bytes)');
    expect(says('/notes.png')).toBe('public/notes.png is not a picture');
    expect(says('/folder.svg')).toBe('public/folder.svg is not a file');
    expect(says('/huge.png')).toMatch(/20000×20000/);
  });

  it('is a plain path under public/ in site.yaml: no way up or out', () => {
    const logoIssue = (logo: string) => siteSchema.shape.logo.safeParse(logo).success;
    for (const bad of [
      '/../../etc/passwd',
      '/./logo.svg',
      '//evil.example/logo.svg',
      '/a/../logo.svg',
      'logo.svg',
      '/logo.svg?x',
      '/.env',
      '/logo%2e.svg',
      '/logo .svg',
      '/brand\\logo.svg',
    ])
      expect(logoIssue(bad), bad).toBe(false);
    for (const good of ['/logo.svg', '/brand/logo-2026.png', '/images/Logo_Final.JPG'])
      expect(logoIssue(good), good).toBe(true);
  });
});

describe('svgHasSize', () => {
  it("reads the root element's size as the share card renderer does", () => {
    const size = (svg: string) => svgHasSize(Buffer.from(svg));
    expect(size('<svg viewBox="0 0 64 64"/>')).toBe(true);
    expect(size("<svg viewBox='0,0,64,64'/>")).toBe(true);
    expect(size('<svg width="64" height="64px"/>')).toBe(true);
    expect(size('<svg width="64"/>')).toBe(false);
    expect(size('<svg width="100%" height="100%"/>')).toBe(false);
    expect(size('<svg viewBox="0 0 wide tall"/>')).toBe(false);
    expect(size('<svg/>')).toBe(false);
  });
});

describe('logoMediaType', () => {
  it('is told by the contents, whatever the name', async () => {
    expect(logoMediaType(Buffer.from(SVG))).toBe('image/svg+xml');
    expect(logoMediaType(png(8, 8))).toBe('image/png');
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    expect(logoMediaType(jpeg)).toBe('image/jpeg');
    expect(() => logoMediaType(Buffer.from('root:x:0:0'))).toThrow(/npm run check/);
  });
});
