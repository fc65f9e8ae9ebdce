import { describe, expect, it } from 'vitest';
import { liveJsonText } from '../../src/outputs/live-json.ts';

describe('liveJsonText', () => {
  it('writes the fields in a fixed order, whatever order they came in', () => {
    const text = liveJsonText({
      entries: [
        { html: '<article></article>', url: '/articles/x/page/1/#entry-a', time: '2024-11-06T02:14:00.000Z', id: 'a' },
      ],
      count: 1,
      open: true,
      updated: '2024-11-06T02:14:00.000Z',
    });
    expect(text).toBe(
      '{"updated":"2024-11-06T02:14:00.000Z","open":true,"count":1,"entries":[{"id":"a",' +
        '"time":"2024-11-06T02:14:00.000Z","url":"/articles/x/page/1/#entry-a","html":"<article></article>"}]}\n',
    );
    expect(JSON.parse(text).entries[0].id).toBe('a');
  });
});
