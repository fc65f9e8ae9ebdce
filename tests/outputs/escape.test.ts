import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { escapeHtmlText, escapeXml } from '../../src/outputs/escape.ts';

describe('escapeXml', () => {
  it('round-trips through a real XML parser as text and as an attribute', () => {
    const nasty = `Smith & Sons <"Gazette"> 'daily'`;
    const doc = new XMLParser({ ignoreAttributes: false }).parse(
      `<a title="${escapeXml(nasty)}">${escapeXml(nasty)}</a>`,
    );
    expect(doc.a['#text']).toBe(nasty);
    expect(doc.a['@_title']).toBe(nasty);
  });
});

describe('escapeHtmlText', () => {
  it('gives HTML that a parser reads back as the text, with no element made of it', () => {
    const nasty = `<b>bold</b> & "quotes" 'apostrophes' &amp; </p>`;
    const html = parseHtml(`<p>${escapeHtmlText(nasty)}</p>`);
    expect(html.text).toBe(nasty);
    expect(html.querySelectorAll('b').length).toBe(0);
  });
});
