import { describe, expect, it } from 'vitest';
import { editorsChoice, frontPage } from '../../src/model/front-page.ts';
import { newestFirst } from '../../src/model/story.ts';
import { story } from './story-fixtures.ts';

const day = (n: number) => new Date(Date.UTC(2017, 7, n, 12));
const imm1 = story('imm-1', { section: 'immigration', date: day(9) });
const imm2 = story('imm-2', { section: 'immigration', date: day(8) });
const imm3 = story('imm-3', { section: 'immigration', date: day(7) });
const imm4 = story('imm-4', { section: 'immigration', date: day(6) });
const pol1 = story('pol-1', { section: 'politics', date: day(5) });
const pol2 = story('pol-2', { section: 'politics', date: day(4) });
const live = newestFirst([imm1, imm2, imm3, imm4, pol1, pol2]);
const SECTIONS = ['immigration', 'politics', 'environment'];
const slugs = (list: readonly { slug: string }[] | undefined) => list?.map((s) => s.slug);

describe('frontPage', () => {
  it('shows the editors’ lead and does not repeat it in its section', () => {
    const page = frontPage(live, { lead: imm2, pinned: [] }, SECTIONS, 5);
    expect(page.lead).toBe(imm2);
    expect(slugs(page.bySection.get('immigration'))).toEqual(['imm-1', 'imm-3', 'imm-4']);
  });

  it('does not repeat pinned stories in their sections', () => {
    const page = frontPage(live, { lead: imm1, pinned: [pol1, imm3] }, SECTIONS, 5);
    expect(slugs(page.pinned)).toEqual(['pol-1', 'imm-3']);
    expect(slugs(page.bySection.get('immigration'))).toEqual(['imm-2', 'imm-4']);
    expect(slugs(page.bySection.get('politics'))).toEqual(['pol-2']);
  });

  it('drops the lead from the pinned picks', () => {
    const page = frontPage(live, { lead: pol1, pinned: [pol1, imm4] }, SECTIONS, 5);
    expect(slugs(page.pinned)).toEqual(['imm-4']);
  });

  it('shows a story pinned twice only once', () => {
    const page = frontPage(live, { lead: imm1, pinned: [pol2, pol2] }, SECTIONS, 5);
    expect(slugs(page.pinned)).toEqual(['pol-2']);
  });

  it('never shows one story twice anywhere on the page', () => {
    const page = frontPage(live, { lead: imm1, pinned: [imm2, pol1] }, SECTIONS, 5);
    const shown = [
      page.lead!.slug,
      ...page.pinned.map((s) => s.slug),
      ...[...page.bySection.values()].flat().map((s) => s.slug),
    ];
    expect(new Set(shown).size).toBe(shown.length);
    expect(new Set(shown)).toEqual(new Set(live.map((s) => s.slug)));
  });

  it('caps each section at the per-section count, keeping the newest', () => {
    const page = frontPage(live, { lead: undefined, pinned: [] }, SECTIONS, 2);
    expect(slugs(page.bySection.get('immigration'))).toEqual(['imm-1', 'imm-2']);
    expect(slugs(page.bySection.get('politics'))).toEqual(['pol-1', 'pol-2']);
  });

  it('fills the cap with the next story when a shown one is skipped', () => {
    const page = frontPage(live, { lead: imm1, pinned: [] }, SECTIONS, 2);
    expect(slugs(page.bySection.get('immigration'))).toEqual(['imm-2', 'imm-3']);
  });

  it('has an (empty) entry for every section asked for, in that order, and no others', () => {
    const page = frontPage(live, { lead: undefined, pinned: [] }, ['politics', 'environment'], 5);
    expect([...page.bySection.keys()]).toEqual(['politics', 'environment']);
    expect(page.bySection.get('environment')).toEqual([]);
  });

  it('has no lead when none is given', () => {
    expect(frontPage(live, { lead: undefined, pinned: [] }, SECTIONS, 5).lead).toBeUndefined();
  });
});

describe('editorsChoice', () => {
  it('takes the lead and pinned stories front.yaml names, pinned without the lead or repeats', () => {
    const choice = editorsChoice({ lead: 'pol-1', pinned: ['imm-3', 'pol-1', 'imm-3', 'imm-4'] }, live);
    expect(choice.lead).toBe(pol1);
    expect(slugs(choice.pinned)).toEqual(['imm-3', 'imm-4']);
  });

  it('without front.yaml (or a lead), the newest live story leads', () => {
    expect(editorsChoice({ pinned: [] }, live)).toEqual({ lead: imm1, pinned: [] });
  });

  it('skips a slug that is not live, in the lead or among the pinned', () => {
    const choice = editorsChoice({ lead: 'a-draft', pinned: ['scheduled-story', 'pol-2'] }, live);
    expect(choice.lead).toBe(imm1);
    expect(slugs(choice.pinned)).toEqual(['pol-2']);
  });

  it('has no lead when nothing is live', () => {
    expect(editorsChoice({ lead: 'x', pinned: ['y'] }, [])).toEqual({ lead: undefined, pinned: [] });
  });
});
