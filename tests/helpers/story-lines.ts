/**
 * The frontmatter of a valid story up to its last field, one entry a line (line 1 is the opening
 * `---`), so tests can compute the line a problem must be reported at.
 */
export const STORY_FRONTMATTER_LINES: readonly string[] = [
  '---', // 1
  'title: "Justice Department ties grants to immigration cooperation"', // 2
  'dek: "Four cities were told to prove they share jail access with federal agents."', // 3
  'date: 2017-08-03T17:30:00-04:00', // 4
  'authors: [maria-lopez]', // 5
  'section: immigration', // 6
  'sources:', // 7
  '  - name: Los Angeles Times', // 8
  '    url: https://www.latimes.com/story', // 9
  'officials:', // 10
  '  - name: Jeff Sessions', // 11
];
