import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  editionEmailHtml,
  editionEmailText,
  editionJson,
  editionPreheader,
  type EditionView,
} from '../../src/outputs/newsletter-email.ts';

const edition: EditionView = {
  id: 'morning',
  name: 'The Morning Ledger',
  date: '2026-12-06',
  sendTime: new Date('2026-12-06T11:00:00Z'),
  subject: 'The Morning Ledger, December 6, 2026',
  preheader: 'Council delays the budget vote',
  webUrl: 'https://news.example.test/newsletters/morning/2026-12-06/',
  stories: [
    {
      url: 'https://news.example.test/articles/council-delays-budget-vote/',
      title: '</a><script>alert(1)</script> Council delays the budget vote',
      dek: 'The vote moves to January "after" a tie & a recount.',
      authors: ['Maria Lopez', 'Sam Ortiz'],
      section: 'Politics',
    },
    {
      url: 'https://news.example.test/articles/river-rules/',
      title: 'River rules run out',
      dek: '',
      authors: [],
      section: 'Environment',
    },
  ],
};
const furniture = {
  siteName: 'The Ledger Desk',
  siteUrl: 'https://news.example.test/',
  signupUrl: 'https://news.example.test/newsletters/',
  unsubscribe: { url: 'https://lists.example.test/unsubscribe' },
  postal: ['The Ledger Desk, 100 Main Street, Springfield'],
  language: 'en-US',
};

describe('editionEmailHtml', () => {
  const html = editionEmailHtml(edition, furniture);
  const doc = parse(html);

  it('lays the edition out in tables, every style on its element and no <style>, <link> or script', () => {
    expect(doc.querySelectorAll('table').length).toBeGreaterThanOrEqual(2);
    expect(doc.querySelectorAll('style, link[rel=stylesheet], script')).toHaveLength(0);
    const styled = doc.querySelectorAll('td.story, h2.title, p.dek');
    expect(styled.length).toBeGreaterThan(0);
    for (const element of styled) expect(element.getAttribute('style')).toMatch(/font-family|padding/);
  });

  it('links every story and the footer with absolute https addresses', () => {
    const hrefs = doc.querySelectorAll('a').map((a) => a.getAttribute('href')!);
    for (const href of hrefs) expect(new URL(href).protocol).toBe('https:');
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://news.example.test/articles/council-delays-budget-vote/',
        'https://news.example.test/articles/river-rules/',
        'https://news.example.test/newsletters/',
        'https://lists.example.test/unsubscribe',
        'https://news.example.test/newsletters/morning/2026-12-06/',
      ]),
    );
  });

  it('prints a headline as text, never as markup', () => {
    expect(doc.querySelector('h2.title a')!.text).toBe('</a><script>alert(1)</script> Council delays the budget vote');
  });

  it('opens with a hidden preheader and ends with the postal lines', () => {
    const first = doc.querySelector('body')!.childNodes.find((n) => n.nodeType === 1) as ReturnType<typeof parse>;
    expect(first.text).toBe('Council delays the budget vote');
    expect(first.getAttribute('style')).toMatch(/display: none/);
    expect(doc.text).toContain('The Ledger Desk, 100 Main Street, Springfield');
  });

  it('offers a mailto unsubscribe when the provider gives no page', () => {
    const mailOnly = editionEmailHtml(edition, { ...furniture, unsubscribe: { mailto: 'leave@news.example.test' } });
    const hrefs = parse(mailOnly)
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('mailto:leave@news.example.test?subject=unsubscribe');
  });
});

describe('editionEmailText', () => {
  const text = editionEmailText(edition, furniture);

  it('gives each story its headline, byline and address, and the footer’s addresses', () => {
    expect(text).toContain('By Maria Lopez and Sam Ortiz');
    expect(text).toContain('https://news.example.test/articles/council-delays-budget-vote/');
    expect(text).toContain('https://news.example.test/articles/river-rules/');
    expect(text).toContain('Unsubscribe: https://lists.example.test/unsubscribe');
    expect(text).not.toMatch(/&amp;|&quot;/);
  });
});

describe('editionJson', () => {
  it('is the edition as data', () => {
    const data = JSON.parse(editionJson(edition));
    expect(data).toMatchObject({ id: 'morning', date: '2026-12-06', sendTime: '2026-12-06T11:00:00.000Z' });
    expect(data.stories[1]).toEqual({
      url: 'https://news.example.test/articles/river-rules/',
      title: 'River rules run out',
      dek: '',
      authors: [],
      section: 'Environment',
    });
  });
});

describe('editionPreheader', () => {
  it('joins the headlines, cut at a word under 141 characters', () => {
    const long = Array.from({ length: 12 }, (_, i) => ({ title: `Headline number ${i + 1}` }));
    const preheader = editionPreheader(long, 'fallback');
    expect(preheader.length).toBeLessThanOrEqual(141);
    expect(preheader.endsWith('…')).toBe(true);
    expect(editionPreheader([], 'Every morning')).toBe('Every morning');
  });
});
