import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import { sanitizeStoryTree } from '../../src/ingest/story-body/allowlist.ts';
import { TEST_SITE_URL } from '../helpers/build-site.ts';
import { readHtml } from '../helpers/dist.ts';

/**
 * "Republish this story": the dialog on the pages of our own Creative Commons stories, with the
 * HTML a partner pastes. That HTML, read by a real HTML parser, must survive the site's own
 * sanitiser with its words and links intact, carry the canonical link and credit, and point
 * nowhere relative; stories that are not ours to license, or no longer stand, offer nothing.
 */
const dist = inject('distDir');
const pageUrl = (slug: string) => `${TEST_SITE_URL}/articles/${slug}/`;

const OFFERED = {
  plain: 'immigration-court-notices-wrong-addresses',
  figures: 'lake-mead-drought-plan-arizona-cuts',
  hostile: 'republish-hostile-fixture',
};
const NOT_OFFERED = {
  syndicated: 'desert-solar-tortoise-relocation',
  wire: 'colorado-river-states-short-term-conservation-deal',
  retracted: 'county-jail-phone-contract-review',
  'all rights reserved': 'all-rights-reserved-fixture',
  'live coverage': 'new-mexico-election-night-2024',
  removed: 'shelter-bed-count-dispute',
};

/** The copy in a story page's dialog, as a partner's page would parse it. */
function copyOf(slug: string): Root {
  const box = readHtml(dist, `/articles/${slug}/`).querySelector('#republish-html');
  expect(box, slug).not.toBeNull();
  return fromHtml(box!.text, { fragment: true });
}

function elements(tree: Root, tagName: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === tagName) found.push(node);
  });
  return found;
}

const hrefs = (tree: Root) => elements(tree, 'a').map((a) => String(a.properties['href']));
const addresses = (tree: Root) => [
  ...hrefs(tree),
  ...elements(tree, 'img').map((img) => String(img.properties['src'])),
  ...elements(tree, 'q').map((q) => String(q.properties['cite'])),
];

describe('the republish dialog', () => {
  it.each(Object.entries(OFFERED))('is on the page of a story of ours (%s), with a button opening it', (_, slug) => {
    const page = readHtml(dist, `/articles/${slug}/`);
    const button = page.querySelector('button[commandfor="republish-dialog"][command="show-modal"]')!;
    expect(button.text.trim()).toBe('Republish this story');
    const dialog = page.querySelector('dialog#republish-dialog')!;
    expect(dialog.querySelector('textarea#republish-html')!.getAttribute('readonly')).not.toBeUndefined();
    expect(dialog.querySelector('button[command="close"]')).not.toBeNull();
    expect(dialog.querySelector('[role="status"]')).not.toBeNull();
  });

  it.each(Object.entries(NOT_OFFERED))('is not on the page of a %s story', (_, slug) => {
    const file = path.join(dist, 'articles', slug, 'index.html');
    expect(existsSync(file), slug).toBe(true);
    const page = readFileSync(file, 'utf8');
    expect(page).not.toContain('republish-dialog');
    expect(page).not.toContain('Republish this story');
    expect(page).not.toContain('RepublishScript');
  });

  it('holds the canonical link tag for the partner page head', () => {
    const page = readHtml(dist, `/articles/${OFFERED.plain}/`);
    const head = fromHtml(page.querySelector('#republish-canonical')!.text, { fragment: true });
    const link = elements(head, 'link')[0]!;
    expect(link.properties['rel']).toEqual(['canonical']);
    expect(link.properties['href']).toBe(pageUrl(OFFERED.plain));
  });
});

describe('the HTML a partner pastes', () => {
  it.each(Object.values(OFFERED))('of %s passes the site sanitiser with its text and links unchanged', (slug) => {
    const copy = copyOf(slug);
    const clean = sanitizeStoryTree(structuredClone(copy));
    expect(toText(clean)).toBe(toText(copy));
    expect(hrefs(clean)).toEqual(hrefs(copy));
    expect(toText(clean)).toContain('This story was originally published by The Ledger Desk');
    expect(hrefs(clean)).toContain(pageUrl(slug));
  });

  it.each(Object.values(OFFERED))('of %s names the story, its byline and its credit, linked', (slug) => {
    const copy = copyOf(slug);
    const page = readHtml(dist, `/articles/${slug}/`);
    expect(toText(elements(copy, 'h1')[0]!)).toBe(page.querySelector('h1')!.text.trim());
    expect(toText(elements(copy, 'p')[0]!)).toMatch(/^by .+, The Ledger Desk$/);
    const credit = elements(copy, 'p').at(-1)!;
    expect(toText(credit)).toBe(
      'This story was originally published by The Ledger Desk and is republished under the Creative Commons ' +
        'Attribution-NoDerivatives 4.0 International licence (CC BY-ND 4.0).',
    );
    const links = elements({ type: 'root', children: [credit] }, 'a').map((a) => a.properties['href']);
    expect(links).toEqual([pageUrl(slug), 'https://creativecommons.org/licenses/by-nd/4.0/']);
  });

  it.each(Object.values(OFFERED))('of %s has no relative address', (slug) => {
    const all = addresses(copyOf(slug));
    expect(all.length).toBeGreaterThan(1);
    for (const address of all) expect(address, slug).toMatch(/^https?:\/\//);
  });

  it('carries links to this site as absolute addresses', () => {
    const links = hrefs(copyOf(OFFERED.hostile));
    expect(links).toContain(`${TEST_SITE_URL}/ethics/`);
    expect(links).toContain(`${TEST_SITE_URL}/corrections/`);
    expect(links).toContain('https://www.justice.gov/eoir');
  });

  it('keeps hostile text as text: the text box is not ended and no script is added', () => {
    const page = readFileSync(path.join(dist, 'articles', OFFERED.hostile, 'index.html'), 'utf8');
    const dialog = page.slice(page.indexOf('<dialog'), page.indexOf('</dialog>'));
    expect(dialog.match(/<\/textarea>/g)).toHaveLength(2);
    expect(dialog).not.toContain('<script');
    const copy = copyOf(OFFERED.hostile);
    expect(toText(elements(copy, 'h1')[0]!)).toBe(
      'Fixture: a "</textarea><script>alert(1)</script>" headline & <b>markup</b> to republish',
    );
    expect(elements(copy, 'script')).toHaveLength(0);
    expect(toText(copy)).toContain('</textarea><script>alert(1)</script>');
  });

  it("keeps our photo with its credit and an image the site serves, and leaves another's out with a note", () => {
    const copy = copyOf(OFFERED.figures);
    const images = elements(copy, 'img');
    expect(images).toHaveLength(1);
    const src = new URL(String(images[0]!.properties['src']));
    expect(src.origin).toBe(TEST_SITE_URL);
    expect(existsSync(path.join(dist, decodeURIComponent(src.pathname)))).toBe(true);
    expect(toText(elements(copy, 'figure')[0]!)).toContain('The Ledger Desk; source: U.S. Bureau of Reclamation');
    // The lead illustration's credit names neither the outlet nor one of its people.
    expect(toText(copy)).not.toContain('Newsroom illustration');
    const notes = readHtml(dist, `/articles/${OFFERED.figures}/`).querySelectorAll(
      '#republish-dialog [role="note"] li',
    );
    expect(notes.map((li) => li.text)).toEqual([expect.stringContaining('credited to Newsroom illustration')]);
  });

  it('carries no frame, button or script of the page', () => {
    for (const slug of Object.values(OFFERED)) {
      expect(elements(copyOf(slug), 'iframe')).toHaveLength(0);
      expect(elements(copyOf(slug), 'button')).toHaveLength(0);
      expect(elements(copyOf(slug), 'script')).toHaveLength(0);
    }
  });
});
