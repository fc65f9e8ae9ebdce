import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * What in a page or a feed's HTML could run code, load from elsewhere or take
 * a reader away: a finding per element, as "<tag attribute>: why". Parsed with
 * a conforming HTML parser, so that a tag a naive parser would end early is seen
 * as a browser sees it.
 */

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formAction', 'cite', 'poster', 'data', 'background', 'ping']);
/** Elements no page of the site has: they frame or load other documents, or rebase every link. */
const NEVER_IN_PAGES = new Set(['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'svg', 'math']);
/** In a feed's HTML, forms too: a feed carries a story's text and pictures, nothing to submit. */
const NEVER_IN_FEEDS = new Set([...NEVER_IN_PAGES, 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta']);

/** A URL a link or a resource may carry: the web, mail, in-page or this site's own paths. */
export function isUnsafeUrl(value: string): boolean {
  // Browsers drop ASCII whitespace and controls anywhere in a scheme, and read \ as /.
  // eslint-disable-next-line no-control-regex
  const seen = value.replace(/[\u0000-\u0020]/g, '').replaceAll('\\', '/');
  if (seen.startsWith('//')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(seen)?.[1]?.toLowerCase();
  return scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme);
}

function findings(node: Root | RootContent, context: 'page' | 'feed', out: string[]): void {
  if (node.type === 'element') {
    const el = node as Element;
    const tag = el.tagName;
    const props = el.properties ?? {};
    const name = `<${tag}>`;
    if (tag === 'script') {
      const type = String(props['type'] ?? '');
      const src = String(props['src'] ?? '');
      const ownModule = type === 'module' && src.startsWith('/_astro/') && el.children.length === 0;
      if (context === 'feed' || !(type === 'application/ld+json' || ownModule)) out.push(`${name}: a script`);
    }
    if (tag === 'style' && context === 'feed') out.push(`${name}: a style sheet in a feed`);
    if ((context === 'feed' ? NEVER_IN_FEEDS : NEVER_IN_PAGES).has(tag))
      out.push(`${name}: not allowed in a ${context}`);
    if (tag === 'meta' && String(props['httpEquiv'] ?? '').toLowerCase() === 'refresh') {
      const target = String(props['content'] ?? '').replace(/^[^;]*;\s*url=/i, '');
      if (isUnsafeUrl(target)) out.push(`${name}: refreshes to ${target}`);
    }
    for (const [key, value] of Object.entries(props)) {
      if (/^on/i.test(key)) out.push(`${name} ${key}: an event handler`);
      if (context === 'feed' && key === 'style') out.push(`${name} style: inline style in a feed`);
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      if (URL_ATTRIBUTES.has(key) && values.some(isUnsafeUrl)) out.push(`${name} ${key}="${values.join(' ')}"`);
      if (
        key === 'srcSet' &&
        values
          .join(',')
          .split(',')
          .some((c) => isUnsafeUrl(c.trim()))
      ) {
        out.push(`${name} srcset: an unsafe candidate`);
      }
    }
  }
  if ('children' in node) for (const child of node.children) findings(child, context, out);
}

/** Every unsafe thing in a whole page (`page`) or in an HTML fragment a feed carries (`feed`). */
export function unsafeMarkup(html: string, context: 'page' | 'feed'): string[] {
  const out: string[] = [];
  findings(fromHtml(html, { fragment: context === 'feed' }), context, out);
  return out;
}

/** The text of every JSON-LD script of a page, as a browser reads it. */
export function structuredData(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'element' && node.tagName === 'script' && node.properties['type'] === 'application/ld+json') {
      found.push(node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(html));
  return found;
}
