import juice from 'juice';
import { escapeXml, xmlText } from './escape.ts';

/**
 * The three files of an email edition (`/newsletters/<id>/<date>/`), as strings: the HTML part
 * an e-mail client shows (tables for layout, every style inlined by juice, because clients drop
 * `<style>` and most of CSS layout), the plain-text part, and the JSON twin that tools and
 * `npm run newsletter:send` read. Every address in them is absolute: a message has no base URL.
 */

export interface EditionStoryView {
  /** Absolute https URL of the story's page. */
  url: string;
  title: string;
  dek: string;
  authors: string[];
  section: string;
}

export interface EditionView {
  id: string;
  name: string;
  /** The day in the outlet's zone, YYYY-MM-DD: the edition's folder. */
  date: string;
  sendTime: Date;
  subject: string;
  /** The line clients show after the subject in the inbox. */
  preheader: string;
  /** Absolute URL of the edition's web page. */
  webUrl: string;
  stories: EditionStoryView[];
}

export interface EmailFurniture {
  siteName: string;
  siteUrl: string;
  /** Where a reader who was forwarded the e-mail signs up: the site's /newsletters/ page. */
  signupUrl: string;
  unsubscribe?: { url?: string | undefined; mailto?: string | undefined } | undefined;
  /** The outlet's postal address and identity lines. */
  postal: readonly string[];
  language: string;
}

/** "The Morning Ledger, December 6, 2026": the subject of an edition. */
export function editionSubject(name: string, dayText: string): string {
  return `${name}, ${dayText}`;
}

/** The inbox preview: the first headlines, cut at a word near 140 characters. */
export function editionPreheader(stories: readonly { title: string }[], fallback: string): string {
  const text = stories.length ? stories.map((s) => s.title).join(' · ') : fallback;
  if (text.length <= 140) return text;
  const cut = text.slice(0, 140);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100)).trimEnd()}…`;
}

const byline = (authors: readonly string[]): string =>
  authors.length === 0
    ? ''
    : authors.length === 1
      ? `By ${authors[0]}`
      : `By ${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;

/** What the edition's e-mail is styled with, before juice writes it onto each element. */
const EMAIL_CSS = `
body { margin: 0; padding: 0; background: #f4f1ea; }
.wrapper { width: 100%; background: #f4f1ea; }
.container { width: 600px; max-width: 100%; background: #ffffff; }
.masthead { padding: 24px 24px 8px; font-family: Georgia, 'Times New Roman', serif; font-size: 28px; color: #1a1a1a; }
.edition { padding: 0 24px 16px; font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #4a4a4a; }
.story { padding: 16px 24px; border-top: 1px solid #e2ddd3; }
.section { font-family: Arial, Helvetica, sans-serif; font-size: 12px; text-transform: uppercase; color: #8a1c1c; }
.title { font-family: Georgia, 'Times New Roman', serif; font-size: 21px; line-height: 1.3; margin: 4px 0; }
.title a { color: #1a1a1a; text-decoration: none; }
.dek { font-family: Georgia, 'Times New Roman', serif; font-size: 16px; line-height: 1.5; color: #333333; }
.dek { margin: 4px 0; }
.byline { font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #4a4a4a; margin: 4px 0; }
.footer { padding: 24px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; line-height: 1.6; }
.footer { color: #4a4a4a; border-top: 1px solid #e2ddd3; }
.footer a { color: #1a1a1a; }
.preheader { display: none; max-height: 0; overflow: hidden; mso-hide: all; }
`;

function storyRow(story: EditionStoryView): string {
  const by = byline(story.authors);
  return (
    `<tr><td class="story">` +
    `<p class="section">${escapeXml(story.section)}</p>` +
    `<h2 class="title"><a href="${escapeXml(story.url)}">${escapeXml(story.title)}</a></h2>` +
    (story.dek ? `<p class="dek">${escapeXml(story.dek)}</p>` : '') +
    (by ? `<p class="byline">${escapeXml(by)}</p>` : '') +
    `</td></tr>`
  );
}

function footerHtml(edition: EditionView, furniture: EmailFurniture): string {
  const { unsubscribe } = furniture;
  const leave = unsubscribe?.url
    ? `<a href="${escapeXml(unsubscribe.url)}">Unsubscribe</a>`
    : unsubscribe?.mailto
      ? `<a href="mailto:${escapeXml(unsubscribe.mailto)}?subject=unsubscribe">Unsubscribe</a>`
      : '';
  const lines = [
    `<a href="${escapeXml(edition.webUrl)}">Read this edition on the web</a>`,
    `Forwarded this? <a href="${escapeXml(furniture.signupUrl)}">Sign up for ${escapeXml(edition.name)}</a>`,
    leave,
    ...furniture.postal.map(escapeXml),
  ].filter(Boolean);
  return `<tr><td class="footer">${lines.map((line) => `<p>${line}</p>`).join('')}</td></tr>`;
}

/** The HTML part: one centred 600-pixel table, styles inlined, no script, no external style sheet. */
export function editionEmailHtml(edition: EditionView, furniture: EmailFurniture): string {
  const html =
    `<!doctype html><html lang="${escapeXml(furniture.language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeXml(edition.subject)}</title><style>${EMAIL_CSS}</style></head><body>` +
    `<div class="preheader">${escapeXml(edition.preheader)}</div>` +
    `<table role="presentation" class="wrapper" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
    `<td align="center">` +
    `<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0">` +
    `<tr><td class="masthead"><a href="${escapeXml(furniture.siteUrl)}" style="color:#1a1a1a;text-decoration:none">` +
    `${escapeXml(furniture.siteName)}</a></td></tr>` +
    `<tr><td class="edition">${escapeXml(edition.subject)}</td></tr>` +
    edition.stories.map(storyRow).join('') +
    footerHtml(edition, furniture) +
    `</table></td></tr></table></body></html>`;
  return juice(html, { removeStyleTags: true, preserveMediaQueries: false, applyWidthAttributes: true });
}

/** The plain-text part: each story's headline, dek, byline and address, then the footer. */
export function editionEmailText(edition: EditionView, furniture: EmailFurniture): string {
  const rule = '-'.repeat(60);
  const stories = edition.stories.map((story) =>
    [story.title, story.dek, byline(story.authors), story.url].filter(Boolean).map(xmlText).join('\n'),
  );
  const { unsubscribe } = furniture;
  const footer = [
    `Read this edition on the web: ${edition.webUrl}`,
    `Sign up for ${edition.name}: ${furniture.signupUrl}`,
    unsubscribe?.url
      ? `Unsubscribe: ${unsubscribe.url}`
      : unsubscribe?.mailto
        ? `Unsubscribe: mailto:${unsubscribe.mailto}`
        : '',
    ...furniture.postal,
  ].filter(Boolean);
  const blocks = [`${furniture.siteName}\n${edition.subject}`, ...stories, footer.map(xmlText).join('\n')];
  return `${blocks.join(`\n\n${rule}\n\n`)}\n`;
}

/** The JSON twin: what a tool, or the sender, reads instead of the HTML. */
export function editionJson(edition: EditionView): string {
  return `${JSON.stringify(
    {
      id: edition.id,
      name: edition.name,
      date: edition.date,
      sendTime: edition.sendTime.toISOString(),
      subject: edition.subject,
      preheader: edition.preheader,
      url: edition.webUrl,
      stories: edition.stories.map(({ url, title, dek, authors, section }) => ({ url, title, dek, authors, section })),
    },
    null,
    2,
  )}\n`;
}
