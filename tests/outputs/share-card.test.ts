import { describe, expect, it } from 'vitest';
import {
  bylineText,
  headlineSize,
  shareCardAlt,
  shareCardContent,
  shareCardKey,
  shareCardPath,
  shareCardTree,
  type CardNode,
  type ShareCardContent,
} from '../../src/outputs/share-card.ts';
import { story } from '../model/story-fixtures.ts';
import { COVERAGE_START, ENTRIES, entry, liveStory } from './live-fixtures.ts';

const CONTENT: ShareCardContent = {
  outlet: 'The Ledger Desk',
  kicker: 'Analysis · Environment',
  headline: 'Arizona takes the first mandatory Colorado River cut',
  byline: 'By Maria Lopez and Sam Ortiz',
  retracted: false,
};

/** Every string a card tree shows, in document order. */
function texts(node: CardNode | string): string[] {
  if (typeof node === 'string') return node ? [node] : [];
  const children = node.props.children;
  if (children === undefined) return [];
  return typeof children === 'string' ? texts(children) : children.flatMap(texts);
}

describe('bylineText', () => {
  it.each([
    [[], ''],
    [['Maria Lopez'], 'By Maria Lopez'],
    [['Maria Lopez', 'Sam Ortiz'], 'By Maria Lopez and Sam Ortiz'],
    [['Maria Lopez', 'Sam Ortiz', 'Associated Press'], 'By Maria Lopez, Sam Ortiz and Associated Press'],
  ])('%j reads "%s"', (names, text) => {
    expect(bylineText(names.map((name) => ({ name })))).toBe(text);
  });
});

describe('shareCardContent', () => {
  it('shows the headline, type of work and section, the byline and the outlet', () => {
    const content = shareCardContent(
      story('grants', { type: 'analysis', section: 'environment', authors: ['maria-lopez', 'sam-ortiz'] }),
      'The Ledger Desk',
    );
    expect(content).toEqual({
      outlet: 'The Ledger Desk',
      kicker: 'Analysis · Environment',
      headline: 'Justice Department ties grants to immigration cooperation',
      byline: 'By Maria Lopez and Sam Ortiz',
      retracted: false,
    });
  });

  it('keeps a live story’s card as entries come, and as its coverage closes', () => {
    const keyOf = (s: Parameters<typeof shareCardContent>[0]) => shareCardKey(shareCardContent(s, 'Ledger'), 'd');
    const before = liveStory();
    const after = liveStory({
      entries: [...ENTRIES, entry('late-call', '2017-08-10T01:00:00-04:00', { title: 'Race called' })],
    });
    // The new entry is published, and the story says it changed: its card does not.
    expect(after.live!.entries.length).toBe(before.live!.entries.length + 1);
    expect(after.modified).not.toEqual(before.modified);
    expect(keyOf(after)).toBe(keyOf(before));
    const closed = liveStory({ coverage: { start: COVERAGE_START, end: new Date('2017-08-10T03:00:00-04:00') } });
    expect(keyOf(closed)).toBe(keyOf(before));
  });

  it('marks a retracted story', () => {
    const retracted = story('grants', {
      retracted: { date: new Date('2017-08-09T12:00:00Z'), notice: 'The letters were misdated.' },
    });
    expect(shareCardContent(retracted, 'The Ledger Desk').retracted).toBe(true);
  });
});

describe('shareCardKey and shareCardPath', () => {
  const key = shareCardKey(CONTENT, 'design-1');

  it('names the same card the same way every time', () => {
    expect(shareCardKey({ ...CONTENT }, 'design-1')).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives a new name when anything the card shows, or its design, changes', () => {
    const changed: ShareCardContent[] = [
      { ...CONTENT, headline: `${CONTENT.headline}, officials say` },
      { ...CONTENT, kicker: 'News · Environment' },
      { ...CONTENT, byline: 'By Maria Lopez' },
      { ...CONTENT, outlet: 'The Ledger' },
      { ...CONTENT, retracted: true },
    ];
    const keys = new Set([key, ...changed.map((c) => shareCardKey(c, 'design-1')), shareCardKey(CONTENT, 'design-2')]);
    expect(keys.size).toBe(changed.length + 2);
  });

  it('serves the card under /cards/, named by the story and the key', () => {
    expect(shareCardPath('lake-mead-cuts', key)).toBe(`/cards/lake-mead-cuts-${key}.png`);
  });
});

describe('headlineSize', () => {
  it('sets short headlines larger than long ones', () => {
    const sizes = [20, 60, 100, 160].map((n) => headlineSize('x'.repeat(n)));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(sizes[0]).toBeGreaterThan(sizes[3]!);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(headlineSize('𝐀'.repeat(50))).toBe(headlineSize('a'.repeat(50)));
  });
});

describe('shareCardAlt', () => {
  it('says what the card shows, in order', () => {
    expect(shareCardAlt(CONTENT)).toBe(
      'The Ledger Desk. Analysis · Environment: ' +
        'Arizona takes the first mandatory Colorado River cut. By Maria Lopez and Sam Ortiz',
    );
  });

  it('keeps a question mark and says "Retracted" for a retracted story', () => {
    expect(shareCardAlt({ ...CONTENT, headline: 'Who pays for the cut?', retracted: true })).toBe(
      'The Ledger Desk. Retracted · Analysis · Environment: Who pays for the cut? By Maria Lopez and Sam Ortiz',
    );
  });

  it('leaves out an empty byline', () => {
    expect(shareCardAlt({ ...CONTENT, byline: '' })).toBe(
      'The Ledger Desk. Analysis · Environment: Arizona takes the first mandatory Colorado River cut',
    );
  });
});

describe('shareCardTree', () => {
  it('lays out outlet, kicker, headline and byline in reading order', () => {
    expect(texts(shareCardTree(CONTENT, 'data:image/svg+xml;base64,'))).toEqual([
      'The Ledger Desk',
      'Analysis · Environment',
      CONTENT.headline,
      'By Maria Lopez and Sam Ortiz',
    ]);
  });

  it('puts "Retracted" before the kicker of a retracted story', () => {
    expect(texts(shareCardTree({ ...CONTENT, retracted: true }, 'data:'))).toContain('Retracted');
    expect(texts(shareCardTree(CONTENT, 'data:'))).not.toContain('Retracted');
  });
});

describe('shareCardTree layers', () => {
  it('puts the outlet in the frame and the story in the text layer', () => {
    const frame = texts(shareCardTree({ ...CONTENT, retracted: true }, 'data:', { frame: true, text: false }));
    const text = texts(shareCardTree({ ...CONTENT, retracted: true }, 'data:', { frame: false, text: true }));
    expect(frame).toEqual(['The Ledger Desk']);
    expect(text).toEqual(['Retracted', 'Analysis · Environment', CONTENT.headline, 'By Maria Lopez and Sam Ortiz']);
  });

  it('leaves the text layer see-through, with no logo', () => {
    const tree = shareCardTree(CONTENT, 'data:logo', { frame: false, text: true });
    expect(tree.props.style?.['backgroundColor']).toBe('transparent');
    expect(JSON.stringify(tree)).not.toContain('data:logo');
  });
});
