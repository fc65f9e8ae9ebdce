import { storyFile, type HostileCase } from './case.ts';

/**
 * "Republish this story": the story's `license` and site.yaml's `republish` block. A licence
 * that is not one of ours, or a tracking image that is not an https address, is refused. (Text
 * that would end the dialog's text box is a fixture story of tests/build/republish.test.ts.)
 */

const DIR = 'content/articles/2026';

export const cases: HostileCase[] = [
  {
    name: 'a licence that is not one of ours',
    expect: 'refused',
    files: { [`${DIR}/licence-typo.mdx`]: storyFile({ frontmatter: 'license: "CC BY-ND 4.0"' }) },
    file: `${DIR}/licence-typo.mdx`,
    at: 'license:',
    field: 'license',
    says: /cc-by-nd-4\.0/,
  },
  {
    name: 'a javascript: tracking image in site.yaml',
    expect: 'refused',
    alone: true,
    edit: {
      'content/site.yaml': (text) =>
        text.replace(/^republish:\n/m, 'republish:\n  trackingPixel: "javascript:alert(document.cookie)"\n'),
    },
    file: 'content/site.yaml',
    at: 'javascript:alert(document.cookie)',
    field: 'republish.trackingPixel',
    says: /https/,
  },
  {
    name: 'an http tracking image in site.yaml',
    expect: 'refused',
    alone: true,
    edit: {
      'content/site.yaml': (text) =>
        text.replace(/^republish:\n/m, 'republish:\n  trackingPixel: "http://stats.example/zzpixel.gif"\n'),
    },
    file: 'content/site.yaml',
    at: 'http://stats.example/zzpixel.gif',
    field: 'republish.trackingPixel',
    says: /must be a full https:\/\/ address/,
  },
];
