import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { escapeXml } from '../../src/outputs/escape.ts';

describe('escapeXml', () => {
  it('round-trips through a real XML parser as text and as an attribute', () => {
    const nasty = `Smith & Sons <"Gazette"> 'daily'`;
    const doc = new XMLParser({ ignoreAttributes: false }).parse(`<a title="${escapeXml(nasty)}">${escapeXml(nasty)}</a>`);
    expect(doc.a['#text']).toBe(nasty);
    expect(doc.a['@_title']).toBe(nasty);
  });
});
