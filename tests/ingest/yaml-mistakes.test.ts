import { describe, expect, it } from 'vitest';
import { explainYamlMistake, listHint } from '../../src/ingest/yaml-mistakes.ts';

/** What is and is not taken for a common mistake (tests/check/yaml-mistakes.test.ts: what a writer sees). */

const explain = (text: string, line: number) => explainYamlMistake(text.split('\n'), line);

describe('explainYamlMistake', () => {
  it('takes a colon for the mistake only when a space follows it, in a value not quoted', () => {
    const quoted = 'put the value in double quotes: title: "Vote at 5:45 pm: delayed"';
    expect(explain('title: Vote at 5:45 pm: delayed', 1)?.hint).toBe(quoted);
    expect(explain('title: Vote at 5:45 pm', 1)).toBeUndefined();
    expect(explain('url: https://example.org/a', 1)).toBeUndefined();
    expect(explain('title: "Votes: 5-4" and more', 1)).toBeUndefined();
  });

  it('takes a bracket for an unclosed list only where the value starts with it', () => {
    expect(explain('title: Votes [draft\nx', 2)).toBeUndefined();
    const closed = 'end it with ] on the same line: tags: [a, "b ]", c]';
    expect(explain('tags: [a, "b ]", c\nx: 1', 2)).toMatchObject({ line: 1, hint: closed });
    expect(explain('tags: [a, b] # [old\nx: 1', 2)).toBeUndefined();
    expect(explain('tags: [[a, b], [c\nx: 1', 2)?.hint).toBe('end it with ]] on the same line: tags: [[a, b], [c]]');
  });

  it('takes items after a field for items of an empty list only when the field says []', () => {
    expect(explain('authors:\n  - a\n - b', 3)?.message).toBe('this list item is not indented like the one above it');
    expect(explain('authors: []\n  - a\n  - b', 3)).toMatchObject({ line: 1 });
    expect(explain('authors: [a]\n  - b', 2)).toBeUndefined();
  });

  it('takes a tab for the mistake only in the indentation', () => {
    expect(explain('  \t- a', 1)?.message).toBe('this line is indented with a tab');
    expect(explain('title:\tA title', 1)).toBeUndefined();
  });

  it('knows nothing of a line past the end', () => {
    expect(explain('title: x', 3)).toBeUndefined();
  });
});

describe('listHint', () => {
  it('writes the list, with its field when it has one', () => {
    expect(listHint('tags', 'courts, immigration')).toBe('a list goes in square brackets: tags: [courts, immigration]');
    expect(listHint(0, 'a')).toBe('a list goes in square brackets: [a]');
  });
});
