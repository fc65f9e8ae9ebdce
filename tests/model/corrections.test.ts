import { describe, expect, it } from 'vitest';
import { correctionLog } from '../../src/model/corrections.ts';
import { story } from './story-fixtures.ts';

const at = (iso: string) => new Date(iso);

describe('correctionLog', () => {
  const a = story('water-rates', {
    corrections: [
      { date: at('2020-03-01T10:00:00Z'), kind: 'correction', text: 'Misstated the rate.' },
      { date: at('2020-03-05T10:00:00Z'), kind: 'clarification', text: 'Clarifies the vote.' },
    ],
  });
  const b = story('budget-vote', {
    corrections: [{ date: at('2020-03-03T10:00:00Z'), kind: 'editors-note', text: 'Adds context.' }],
  });
  const c = story('no-corrections');

  it('lists every correction of every story, newest first, with its kind and a link to its anchor', () => {
    const log = correctionLog([a, b, c]);
    expect(log.map((l) => [l.story.slug, l.correction.label, l.url])).toEqual([
      ['water-rates', 'Clarification', '/articles/water-rates/#correction-2'],
      ['budget-vote', "Editor's note", '/articles/budget-vote/#correction-1'],
      ['water-rates', 'Correction', '/articles/water-rates/#correction-1'],
    ]);
  });

  it("lists a retraction as the story's last note, labelled and linked to the notice", () => {
    const retracted = story('phone-deal', {
      corrections: [{ date: at('2024-09-20T10:00:00Z'), kind: 'correction', text: 'Fixes a rate.' }],
      retracted: { date: at('2024-10-02T20:00:00Z'), notice: 'The documents were drafts.' },
    });
    expect(
      correctionLog([retracted, b]).map((l) => [l.story.slug, l.correction.label, l.correction.text, l.url]),
    ).toEqual([
      ['phone-deal', 'Retraction', 'The documents were drafts.', '/articles/phone-deal/#retraction'],
      ['phone-deal', 'Correction', 'Fixes a rate.', '/articles/phone-deal/#correction-1'],
      ['budget-vote', "Editor's note", 'Adds context.', '/articles/budget-vote/#correction-1'],
    ]);
  });

  it('orders corrections made at the same instant by story, whatever the input order', () => {
    const same = (slug: string) =>
      story(slug, { corrections: [{ date: at('2021-01-01T00:00:00Z'), kind: 'correction', text: 'x' }] });
    const forward = correctionLog([same('b'), same('a')]).map((l) => l.story.slug);
    const backward = correctionLog([same('a'), same('b')]).map((l) => l.story.slug);
    expect(forward).toEqual(['a', 'b']);
    expect(backward).toEqual(forward);
  });
});
