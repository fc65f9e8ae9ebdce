import { describe, expect, it } from 'vitest';
import { creditIsOurs, isSyndicated, joinNames, offersRepublishing } from '../../src/model/republish.ts';
import { AT, liveEntries, story } from './story-fixtures.ts';

const later = (days: number) => new Date(AT.getTime() + days * 86_400_000);
const notice = { date: new Date('2017-08-05T12:00:00Z'), notice: 'Taken down.' };

describe('offersRepublishing', () => {
  it('offers a live story of ours under the CC licence, its own or the site default', () => {
    expect(offersRepublishing(story('ours'), 'cc-by-nd-4.0')).toBe(true);
    expect(offersRepublishing(story('ours', { license: 'cc-by-nd-4.0' }), 'all-rights-reserved')).toBe(true);
  });

  it('does not offer a story whose licence, its own or the default, reserves all rights', () => {
    expect(offersRepublishing(story('reserved', { license: 'all-rights-reserved' }), 'cc-by-nd-4.0')).toBe(false);
    expect(offersRepublishing(story('default'), 'all-rights-reserved')).toBe(false);
  });

  it('does not offer a story that is not live', () => {
    expect(offersRepublishing(story('draft', { draft: true }), 'cc-by-nd-4.0')).toBe(false);
    expect(offersRepublishing(story('scheduled', { date: later(2) }), 'cc-by-nd-4.0')).toBe(false);
    expect(offersRepublishing(story('embargoed', { embargo: later(1) }), 'cc-by-nd-4.0')).toBe(false);
    expect(offersRepublishing(story('removed', { removed: notice }), 'cc-by-nd-4.0')).toBe(false);
  });

  it('does not offer a retracted story', () => {
    expect(offersRepublishing(story('retracted', { retracted: notice }), 'cc-by-nd-4.0')).toBe(false);
  });

  it('does not offer a syndicated copy or a wire story, even marked CC', () => {
    const syndication = { publisher: 'Los Angeles Times', url: 'https://www.latimes.com/x' };
    expect(offersRepublishing(story('copy', { syndication, license: 'cc-by-nd-4.0' }), 'cc-by-nd-4.0')).toBe(false);
    expect(offersRepublishing(story('wire', { authors: ['associated-press'] }), 'cc-by-nd-4.0')).toBe(false);
    expect(offersRepublishing(story('both', { authors: ['sam-ortiz', 'associated-press'] }), 'cc-by-nd-4.0')).toBe(
      false,
    );
  });

  it('does not offer live coverage', () => {
    const live = story('live', {
      type: 'live',
      coverage: { start: new Date('2017-08-03T18:00:00Z') },
      entries: liveEntries(2),
    });
    expect(live.state).toBe('live');
    expect(offersRepublishing(live, 'cc-by-nd-4.0')).toBe(false);
  });
});

describe('isSyndicated', () => {
  it('is true of a copy with an original elsewhere or an organisation byline, false of our people', () => {
    expect(isSyndicated({ syndication: { publisher: 'X', url: 'https://x.example/' }, authors: [] })).toBe(true);
    expect(isSyndicated({ authors: [{ kind: 'organization' }] })).toBe(true);
    expect(isSyndicated({ authors: [{ kind: 'person' }, { kind: 'person' }] })).toBe(false);
  });
});

describe('creditIsOurs', () => {
  const ours = { outlet: 'The Ledger Desk', people: ['Grace Kim', 'Sam Ortiz'] };

  it('takes a credit naming the outlet or one of its people, in any case and spacing', () => {
    expect(creditIsOurs('The Ledger Desk', ours)).toBe(true);
    expect(creditIsOurs('Photo: Grace Kim / the ledger desk', ours)).toBe(true);
    expect(creditIsOurs('SAM  ORTIZ', ours)).toBe(true);
  });

  it('leaves out an agency, a courtesy photo, no credit, and a name only inside a longer word', () => {
    expect(creditIsOurs('Reuters', ours)).toBe(false);
    expect(creditIsOurs('Courtesy of the Nevada Irrigation District', ours)).toBe(false);
    expect(creditIsOurs(undefined, ours)).toBe(false);
    expect(creditIsOurs('', ours)).toBe(false);
    expect(creditIsOurs('Grace Kimball', ours)).toBe(false);
    expect(creditIsOurs('The Ledger Desktop Co.', ours)).toBe(false);
  });

  it('treats the names as text, not patterns', () => {
    expect(creditIsOurs('anything', { outlet: '.*', people: [] })).toBe(false);
    expect(creditIsOurs('A.B. Photo', { outlet: 'A.B.', people: [] })).toBe(true);
  });
});

describe('joinNames', () => {
  it('joins one, two and three names as a byline reads', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
