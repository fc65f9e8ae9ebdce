import { describe, expect, it } from 'vitest';
import type { Author } from '../../src/schemas/registries.ts';
import { staffDirectory } from '../../src/model/staff-directory.ts';
import { story } from './story-fixtures.ts';

const authors = new Map<string, Author>([
  ['sam-ortiz', { name: 'Sam Ortiz', kind: 'person', role: 'Politics reporter', links: [], photo: 'sam-ortiz.jpg' }],
  ['maria-lopez', { name: 'Maria Lopez', kind: 'person', links: [] }],
  ['ann-zeller', { name: 'Ann Zeller', kind: 'person', links: [] }],
  ['associated-press', { name: 'Associated Press', kind: 'organization', links: [] }],
]);

// Newest first, as the newsroom's live list is.
const newest = story('newest', { authors: ['sam-ortiz'], contributors: [{ id: 'maria-lopez', role: 'photos' }] });
const older = story('older', { authors: ['maria-lopez'] });
const oldest = story('oldest', { authors: ['sam-ortiz', 'associated-press'] });

describe('staffDirectory', () => {
  const { people, organizations } = staffDirectory(authors, [newest, older, oldest]);

  it('lists people by surname and organisations apart', () => {
    expect(people.map((p) => p.id)).toEqual(['maria-lopez', 'sam-ortiz', 'ann-zeller']);
    expect(organizations.map((o) => o.id)).toEqual(['associated-press']);
  });

  it('gives each byline their newest story, a contribution counting as theirs', () => {
    const latest = new Map([...people, ...organizations].map((e) => [e.id, e.latest?.slug]));
    expect(latest.get('sam-ortiz')).toBe('newest');
    expect(latest.get('maria-lopez')).toBe('newest');
    expect(latest.get('associated-press')).toBe('oldest');
  });

  it('gives no latest story to someone with none among the stories given', () => {
    expect(people.find((p) => p.id === 'ann-zeller')!.latest).toBeUndefined();
  });

  it("names only stories it is given: a story left out (not live) is never anyone's latest", () => {
    const { people: withoutNewest } = staffDirectory(authors, [older, oldest]);
    expect(withoutNewest.find((p) => p.id === 'sam-ortiz')!.latest?.slug).toBe('oldest');
    expect(withoutNewest.find((p) => p.id === 'maria-lopez')!.latest?.slug).toBe('older');
  });

  it('carries the role, photo and page of each byline', () => {
    const sam = people.find((p) => p.id === 'sam-ortiz')!;
    expect(sam).toMatchObject({ name: 'Sam Ortiz', role: 'Politics reporter', photo: 'sam-ortiz.jpg' });
    expect(sam.url).toBe('/authors/sam-ortiz/');
  });
});
