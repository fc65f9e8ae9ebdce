import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { Conversion } from '../../../../src/import/wordpress/body/conversion.ts';
import { autoEmbed, embedOrLink, mediaLink } from '../../../../src/import/wordpress/body/embedded-media.ts';
import { testContext } from './story-gate.ts';

const conversion = () => new Conversion(testContext());

describe('embedOrLink', () => {
  it('embeds from an allowlisted host, titled by the caption or the provider', () => {
    const c = conversion();
    expect(toHtml(embedOrLink('https://youtu.be/abcdefghijk', 'Debate', c))).toMatch(
      /^<Embed url="https:\/\/www\.youtube-nocookie\.com\/embed\/abcdefghijk" title="Debate">/,
    );
    expect(toHtml(embedOrLink('https://youtu.be/abcdefghijk', undefined, c))).toContain('title="Video from YouTube"');
    expect(c.notes()).toEqual([]);
  });

  it('links to anything else, and says so', () => {
    const c = conversion();
    expect(toHtml(embedOrLink('https://vimeo.com/1', undefined, c))).toBe(
      '<p><a href="https://vimeo.com/1">https://vimeo.com/1</a></p>',
    );
    expect(c.notes()).toEqual([{ kind: 'embed-as-link', detail: expect.stringContaining('https://vimeo.com/1') }]);
  });
});

describe('mediaLink', () => {
  it('links to the file by its name, and asks the editor to move it', () => {
    const c = conversion();
    expect(toHtml(mediaLink('audio', 'https://old.example/up/Mayor%20interview.mp3', c))).toBe(
      '<a href="https://old.example/up/Mayor%20interview.mp3">Audio: Mayor interview.mp3</a>',
    );
    expect(c.notes()[0]?.detail).toMatch(/copy the file/);
  });
});

describe('autoEmbed', () => {
  it('embeds or links an address WordPress would embed, and leaves any other alone', () => {
    const c = conversion();
    expect(autoEmbed('https://youtu.be/abcdefghijk', c)).toHaveLength(1);
    expect(toHtml(autoEmbed('https://twitter.com/x/status/1', c)!)).toContain(
      '<a href="https://twitter.com/x/status/1"',
    );
    expect(autoEmbed('https://example.com/report.pdf', c)).toBeUndefined();
  });
});
