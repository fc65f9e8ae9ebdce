import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../helpers/build-site.ts';
import { png } from '../../helpers/picture-bytes.ts';
import { storyFile, type HostileCase } from './case.ts';

/**
 * Files are confined (issue 19, scope 3): links anywhere in content/ and
 * public/, pictures from outside a story's folder, pictures that are not what
 * their names say, empty, damaged or huge, and a logo outside public/.
 *
 * Links, files beside a story that are not pictures, and the logo are refused
 * by the content check the build runs before it reads any story; such a
 * refusal would hide the story loader's, so those cases run alone.
 */

const YEAR = 'content/articles/2026';
const SAMPLE_JPEG = readFileSync(
  path.join(PROJECT_ROOT, 'content/articles/2019/lake-mead-drought-plan-arizona-cuts/lead.jpg'),
);
const REMOVED_PHOTO = '../../2025/shelter-bed-count-dispute/removed-only-photo.jpg';
const DRAFT_PHOTO = '../salt-river-restoration-pilot-draft/draft-only-photo.jpg';

/** A folder story of its own, with a lead picture and, if given, a body. */
const pictureStory = (slug: string, lead: string | undefined, body?: string) => ({
  [`${YEAR}/${slug}/index.mdx`]: storyFile({
    title: `A story whose pictures try to leave their place (${slug})`,
    ...(lead && { frontmatter: `image:\n  src: ${lead}\n  alt: "A picture that should not be published"` }),
    ...(body && { body }),
  }),
});

const inFolder = (slug: string) => `${YEAR}/${slug}/index.mdx`;

const SAM = 'content/authors/sam-ortiz.yaml';
/** An edit of an author entry that names `photo` as its photo. */
const withPhoto = (photo: string) => (text: string) => text.replace(/^photo: .*$/m, `photo: ${JSON.stringify(photo)}`);

export const cases: HostileCase[] = [
  // Links: refused by name, before anything is opened.
  {
    name: 'a story file that is a symbolic link to /etc/passwd',
    files: { [`${YEAR}/linked-story.mdx`]: { symlink: '/etc/passwd' } },
    alone: true,
    expect: 'refused',
    file: `${YEAR}/linked-story.mdx`,
    field: 'file',
    says: /symbolic link/,
  },
  {
    name: 'a lead picture that is a symbolic link to a file outside the repository',
    files: {
      ...pictureStory('linked-lead', './photo.jpg'),
      [`${YEAR}/linked-lead/photo.jpg`]: { symlink: '/etc/passwd' },
    },
    alone: true,
    expect: 'refused',
    file: `${YEAR}/linked-lead/photo.jpg`,
    field: 'file',
    says: /symbolic link/,
  },
  {
    name: 'a story folder that is a symbolic link to a folder outside the repository',
    files: { [`${YEAR}/linked-folder`]: { symlink: '/etc' } },
    alone: true,
    expect: 'refused',
    file: `${YEAR}/linked-folder`,
    field: 'file',
    says: /symbolic link/,
  },
  {
    name: 'a policy page that is a symbolic link',
    files: { 'content/pages/passwd.md': { symlink: '/etc/passwd' } },
    alone: true,
    expect: 'refused',
    file: 'content/pages/passwd.md',
    field: 'file',
    says: /symbolic link/,
  },
  {
    name: 'a registry entry that is a symbolic link',
    files: { 'content/authors/intruder.yaml': { symlink: '/etc/passwd' } },
    alone: true,
    expect: 'refused',
    file: 'content/authors/intruder.yaml',
    field: 'file',
    says: /symbolic link/,
  },
  {
    name: 'a logo that is a symbolic link',
    files: { 'public/brand-logo.svg': { symlink: '/etc/passwd' } },
    edit: { 'content/site.yaml': (text) => text.replace(/^logo: .*$/m, 'logo: /brand-logo.svg') },
    alone: true,
    expect: 'refused',
    file: 'content/site.yaml',
    at: 'logo:',
    field: 'logo',
    says: /public\/brand-logo\.svg is a symbolic link/,
  },
  {
    name: 'a logo path that leaves public/',
    edit: { 'content/site.yaml': (text) => text.replace(/^logo: .*$/m, 'logo: /../../etc/passwd') },
    alone: true,
    expect: 'refused',
    file: 'content/site.yaml',
    at: 'logo:',
    field: 'logo',
    says: /must be a path under public\//,
  },
  // Pictures from outside the story's folder.
  {
    name: "a lead picture of another story's folder",
    files: pictureStory('borrowed-lead', '../phoenix-plans-for-smaller-colorado-river-share/chart.png'),
    expect: 'refused',
    file: inFolder('borrowed-lead'),
    at: 'src:',
    field: 'image.src',
    says: /is not a picture in this story's folder/,
  },
  {
    name: 'a lead picture of a removed story (its photo was taken down with it)',
    files: pictureStory('removed-photo-lead', REMOVED_PHOTO),
    expect: 'refused',
    file: inFolder('removed-photo-lead'),
    at: 'src:',
    field: 'image.src',
    says: /is not a picture in this story's folder/,
  },
  {
    name: 'a lead picture given as an absolute path on the build machine',
    files: pictureStory('absolute-lead', '/etc/passwd'),
    expect: 'refused',
    file: inFolder('absolute-lead'),
    at: 'src:',
    field: 'image.src',
    says: /is not a picture in this story's folder/,
  },
  {
    name: "a single-quoted Figure showing a draft story's picture",
    files: pictureStory('quoted-figure', undefined, `Text.\n\n<Figure src='${DRAFT_PHOTO}' alt='A draft picture' />\n`),
    expect: 'refused',
    file: inFolder('quoted-figure'),
    at: '<Figure',
    field: 'body',
    says: /is not a picture in this story's folder/,
  },
  {
    name: 'a lead picture in a story file without a folder',
    files: {
      [`${YEAR}/flat-with-lead.mdx`]: storyFile({
        title: 'A story file on its own that names a picture',
        frontmatter: `image:\n  src: ${REMOVED_PHOTO}\n  alt: "A picture"`,
      }),
    },
    expect: 'refused',
    file: `${YEAR}/flat-with-lead.mdx`,
    at: 'src:',
    field: 'image.src',
    says: /no folder for pictures/,
  },
  // Pictures judged by their contents.
  {
    name: 'an SVG lead picture',
    files: {
      ...pictureStory('svg-lead', './drawing.svg'),
      [`${YEAR}/svg-lead/drawing.svg`]: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>',
    },
    // The file beside the story is refused before any story is read.
    alone: true,
    expect: 'refused',
    file: `${YEAR}/svg-lead/drawing.svg`,
    field: 'file',
    says: /SVG/,
  },
  {
    name: 'an SVG with a script, named .png, as a Figure',
    files: {
      ...pictureStory('svg-figure', undefined, 'Text.\n\n<Figure src="./chart.png" alt="A chart" />\n'),
      [`${YEAR}/svg-figure/chart.png`]:
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><script>alert(document.domain)</script></svg>',
    },
    expect: 'refused',
    file: inFolder('svg-figure'),
    at: '<Figure',
    field: 'body',
    says: /SVG drawing/,
  },
  {
    name: 'a zero-byte JPEG',
    files: { ...pictureStory('empty-jpeg', './photo.jpg'), [`${YEAR}/empty-jpeg/photo.jpg`]: '' },
    expect: 'refused',
    file: inFolder('empty-jpeg'),
    at: 'src:',
    field: 'image.src',
    says: /empty file/,
  },
  {
    name: 'a corrupt JPEG (its header ends before the picture size)',
    files: {
      ...pictureStory('corrupt-jpeg', './photo.jpg'),
      [`${YEAR}/corrupt-jpeg/photo.jpg`]: SAMPLE_JPEG.subarray(0, 12),
    },
    expect: 'refused',
    file: inFolder('corrupt-jpeg'),
    at: 'src:',
    field: 'image.src',
    says: /damaged JPEG/,
  },
  {
    name: 'a PNG of 20000×20000 pixels in a few kilobytes',
    files: {
      ...pictureStory('huge-png', undefined, 'Text.\n\n<Figure src="./huge.png" alt="A huge picture" />\n'),
      [`${YEAR}/huge-png/huge.png`]: png(20000, 20000),
    },
    expect: 'refused',
    file: inFolder('huge-png'),
    at: '<Figure',
    field: 'body',
    says: /20,000×20,000 pixels/,
  },
  {
    name: 'a PNG whose file is cut short',
    files: { ...pictureStory('cut-png', './chart.png'), [`${YEAR}/cut-png/chart.png`]: png(400, 300).subarray(0, 60) },
    expect: 'refused',
    file: inFolder('cut-png'),
    at: 'src:',
    field: 'image.src',
    says: /cut short/,
  },
  {
    name: 'a text file renamed .png',
    files: {
      ...pictureStory('text-png', './photo.png'),
      [`${YEAR}/text-png/photo.png`]: 'root:x:0:0:root:/root:/bin/bash\n',
    },
    expect: 'refused',
    file: inFolder('text-png'),
    at: 'src:',
    field: 'image.src',
    says: /is not a picture/,
  },
  {
    name: 'a PNG named .jpg',
    files: { ...pictureStory('png-as-jpeg', './photo.jpg'), [`${YEAR}/png-as-jpeg/photo.jpg`]: png(64, 48) },
    expect: 'refused',
    file: inFolder('png-as-jpeg'),
    at: 'src:',
    field: 'image.src',
    says: /PNG picture with a JPEG name/,
  },
  {
    name: 'a picture with an upper-case extension, as cameras name them (IMG_0001.JPG)',
    files: {
      ...pictureStory(
        'camera-jpeg',
        './IMG_0001.JPG',
        'Text.\n\n<Figure src="./IMG_0001.JPG" alt="ZZCAMERAJPEG4410 the camera\'s picture" />\n',
      ),
      [`${YEAR}/camera-jpeg/IMG_0001.JPG`]: SAMPLE_JPEG,
    },
    expect: 'published safely',
    absent: [],
    present: ['ZZCAMERAJPEG4410'],
  },
  // Author photos (content/authors/<id>.yaml `photo:`): refused while the registries are read, before any
  // story is, so each runs alone.
  {
    name: "an author photo reaching into a story's folder",
    edit: { [SAM]: withPhoto('../articles/2019/lake-mead-drought-plan-arizona-cuts/lead.jpg') },
    alone: true,
    expect: 'refused',
    file: SAM,
    at: 'photo:',
    field: 'photo',
    says: /is not a picture in content\/authors\//,
  },
  {
    name: 'an author photo given as an absolute path on the build machine',
    edit: { [SAM]: withPhoto('/etc/passwd') },
    alone: true,
    expect: 'refused',
    file: SAM,
    at: 'photo:',
    field: 'photo',
    says: /is not a picture in content\/authors\//,
  },
  {
    name: 'an author photo that is a symbolic link to a file outside the repository',
    files: { 'content/authors/portrait.jpg': { symlink: '/etc/passwd' } },
    edit: { [SAM]: withPhoto('portrait.jpg') },
    alone: true,
    expect: 'refused',
    file: SAM,
    at: 'photo:',
    field: 'photo',
    says: /symbolic link/,
  },
  {
    name: 'an author photo that is a text file renamed .jpg',
    files: { 'content/authors/portrait.jpg': 'root:x:0:0:root:/root:/bin/bash\n' },
    edit: { [SAM]: withPhoto('portrait.jpg') },
    alone: true,
    expect: 'refused',
    file: SAM,
    at: 'photo:',
    field: 'photo',
    says: /is not a picture/,
  },
];
