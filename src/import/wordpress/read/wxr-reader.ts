/**
 * Reads a WordPress eXtended RSS export (WXR 1.0–1.2) as a stream of records: the site once, then each
 * author, term and item as its element closes. The file is read in chunks and parsed with saxes, so only
 * the item being read is held in memory, however large the export.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { decoderFor, ENCODING_SNIFF_BYTES, sniffXmlEncoding } from './xml-encoding.ts';
import {
  WxrError,
  type WxrAuthor,
  type WxrItem,
  type WxrItemTerm,
  type WxrRecord,
  type WxrSite,
  type WxrTerm,
} from './wxr-types.ts';

/** The longest single value (a body, a meta value) the reader accepts, in characters. */
export const MAX_VALUE_LENGTH = 64 * 1024 * 1024;

export interface ReadWxrOptions {
  signal?: AbortSignal;
  /** Overrides MAX_VALUE_LENGTH; for tests. */
  maxValueLength?: number;
}

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const WP_NS = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;
const EXCERPT_NS = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/;

// Exports edited by hand or written by plugins sometimes use these prefixes without declaring them.
const USUAL_PREFIXES: Record<string, string> = {
  wp: 'http://wordpress.org/export/1.2/',
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: CONTENT_NS,
  dc: DC_NS,
};

/**
 * The element's name with the prefix WXR documents use, whatever prefix the file declared: `wp:post_id`,
 * `excerpt:encoded`, `content:encoded`, `dc:creator`, or the bare RSS name. Undefined for other namespaces.
 */
export function wxrElementName(uri: string | undefined, local: string): string | undefined {
  if (!uri) return local;
  if (WP_NS.test(uri)) return `wp:${local}`;
  if (EXCERPT_NS.test(uri)) return `excerpt:${local}`;
  if (uri === CONTENT_NS) return `content:${local}`;
  if (uri === DC_NS) return `dc:${local}`;
  return undefined;
}

const RECORD_ELEMENTS = ['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'item'] as const;
type RecordElement = (typeof RECORD_ELEMENTS)[number];

function isRecordElement(name: string | undefined): name is RecordElement {
  return (RECORD_ELEMENTS as readonly (string | undefined)[]).includes(name);
}

/** The child elements each record is built from; anything else in it (comments, plugin data) is skipped. */
const RECORD_FIELDS: Record<RecordElement, Set<string>> = {
  'wp:author': new Set([
    'wp:author_id',
    'wp:author_login',
    'wp:author_email',
    'wp:author_display_name',
    'wp:author_first_name',
    'wp:author_last_name',
  ]),
  'wp:category': new Set([
    'wp:term_id',
    'wp:category_nicename',
    'wp:category_parent',
    'wp:cat_name',
    'wp:category_description',
  ]),
  'wp:tag': new Set(['wp:term_id', 'wp:tag_slug', 'wp:tag_name', 'wp:tag_description']),
  'wp:term': new Set([
    'wp:term_id',
    'wp:term_taxonomy',
    'wp:term_slug',
    'wp:term_parent',
    'wp:term_name',
    'wp:term_description',
  ]),
  item: new Set([
    'title',
    'link',
    'guid',
    'dc:creator',
    'content:encoded',
    'excerpt:encoded',
    'wp:post_id',
    'wp:post_date',
    'wp:post_date_gmt',
    'wp:post_modified',
    'wp:post_modified_gmt',
    'wp:post_name',
    'wp:status',
    'wp:post_parent',
    'wp:menu_order',
    'wp:post_type',
    'wp:post_password',
    'wp:is_sticky',
    'wp:attachment_url',
  ]),
};

const META_FIELDS = new Set(['wp:meta_key', 'wp:meta_value']);

const SITE_FIELDS = new Set(['title', 'link', 'language', 'wp:wxr_version', 'wp:base_site_url', 'wp:base_blog_url']);

/** A whole number written in the export ("42"), or undefined when the text is not one. */
export function wholeNumber(text: string | undefined): number | undefined {
  const trimmed = text?.trim();
  return trimmed && /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

function optionalText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

type Fields = Map<string, string>;

export function siteFrom(fields: Fields): WxrSite {
  const link = fields.get('link')?.trim() ?? '';
  // Exports before WXR 1.1 may lack the base addresses; the home address is the best stand-in.
  const baseBlogUrl = optionalText(fields.get('wp:base_blog_url')) ?? link;
  return {
    title: fields.get('title')?.trim() ?? '',
    link,
    baseSiteUrl: optionalText(fields.get('wp:base_site_url')) ?? baseBlogUrl,
    baseBlogUrl,
    wxrVersion: fields.get('wp:wxr_version')?.trim() ?? '',
    language: optionalText(fields.get('language')),
  };
}

export function authorFrom(fields: Fields, line: number): WxrAuthor {
  return {
    id: wholeNumber(fields.get('wp:author_id')),
    login: fields.get('wp:author_login')?.trim() ?? '',
    email: optionalText(fields.get('wp:author_email')),
    displayName: optionalText(fields.get('wp:author_display_name')),
    firstName: optionalText(fields.get('wp:author_first_name')),
    lastName: optionalText(fields.get('wp:author_last_name')),
    line,
  };
}

/** The field names each term element uses for slug, name, parent and description. */
const TERM_FIELDS = {
  'wp:category': ['wp:category_nicename', 'wp:cat_name', 'wp:category_parent', 'wp:category_description'],
  'wp:tag': ['wp:tag_slug', 'wp:tag_name', undefined, 'wp:tag_description'],
  'wp:term': ['wp:term_slug', 'wp:term_name', 'wp:term_parent', 'wp:term_description'],
} as const;

export function termFrom(element: keyof typeof TERM_FIELDS, fields: Fields, line: number): WxrTerm {
  const [slug, name, parent, description] = TERM_FIELDS[element];
  const taxonomy =
    element === 'wp:category' ? 'category' : element === 'wp:tag' ? 'post_tag' : fields.get('wp:term_taxonomy');
  return {
    taxonomy: taxonomy?.trim() ?? '',
    id: wholeNumber(fields.get('wp:term_id')),
    slug: fields.get(slug)?.trim() ?? '',
    name: fields.get(name)?.trim() ?? '',
    parent: parent ? optionalText(fields.get(parent)) : undefined,
    description: optionalText(fields.get(description)),
    line,
  };
}

/**
 * An item's `<category>` as a term, or undefined for WXR 1.0's bare duplicates (no domain or nicename:
 * the same term is also written with both). WXR 1.0 called tags `tag`; later versions `post_tag`.
 */
export function itemTermFrom(domain: string | undefined, nicename: string | undefined, name: string) {
  if (!domain || !nicename) return undefined;
  const term: WxrItemTerm = { domain: domain === 'tag' ? 'post_tag' : domain, nicename, name: name.trim() };
  return term;
}

export function itemFrom(
  fields: Fields,
  terms: WxrItemTerm[],
  meta: { key: string; value: string }[],
  line: number,
): WxrItem | { missing: string } {
  const id = wholeNumber(fields.get('wp:post_id'));
  if (id === undefined) return { missing: 'wp:post_id' };
  return {
    id,
    postType: optionalText(fields.get('wp:post_type')) ?? 'post',
    // An item without a status is not known to be public; draft keeps it off the site.
    status: optionalText(fields.get('wp:status')) ?? 'draft',
    title: fields.get('title')?.trim() ?? '',
    link: optionalText(fields.get('link')),
    guid: optionalText(fields.get('guid')),
    creator: optionalText(fields.get('dc:creator')),
    content: fields.get('content:encoded') ?? '',
    excerpt: fields.get('excerpt:encoded') ?? '',
    postDate: optionalText(fields.get('wp:post_date')),
    postDateGmt: optionalText(fields.get('wp:post_date_gmt')),
    postModified: optionalText(fields.get('wp:post_modified')),
    postModifiedGmt: optionalText(fields.get('wp:post_modified_gmt')),
    postName: fields.get('wp:post_name')?.trim() ?? '',
    parent: wholeNumber(fields.get('wp:post_parent')) ?? 0,
    menuOrder: wholeNumber(fields.get('wp:menu_order')) ?? 0,
    postPassword: fields.get('wp:post_password') ?? '',
    isSticky: fields.get('wp:is_sticky')?.trim() === '1',
    attachmentUrl: optionalText(fields.get('wp:attachment_url')),
    terms,
    meta,
    line,
  };
}

const MEGABYTE = 1024 * 1024;

function sizeInWords(characters: number): string {
  return characters >= MEGABYTE ? `${Math.round(characters / MEGABYTE)} MB` : `${characters} characters`;
}

/** saxes's terse messages, said so that someone holding the export can find and fix the spot. */
function malformedReason(message: string, lastClosed: OpenElement | undefined): string {
  if (message === 'unexpected close tag.' && lastClosed) {
    const { name, line } = lastClosed;
    return `malformed XML: <${name}> opened on line ${line} is not closed before this closing tag`;
  }
  if (message === 'document must contain a root element.') return 'the file holds no XML element (is it empty?)';
  const unclosed = /^unclosed tag: (.+?)\.?$/.exec(message);
  if (unclosed) return `malformed XML: the file ends before <${unclosed[1]}> is closed`;
  return `malformed XML: ${message}`;
}

interface OpenElement {
  name: string;
  /** The name in WXR terms (see wxrElementName), when the namespace is one WXR uses. */
  wxr: string | undefined;
  line: number;
}

interface OpenRecord {
  element: RecordElement;
  depth: number;
  line: number;
  fields: Fields;
  terms: WxrItemTerm[];
  meta: { key: string; value: string }[];
  metaFields: Fields | undefined;
  category: { domain?: string; nicename?: string } | undefined;
}

interface Capture {
  name: string;
  /** The depth of the element whose text this is; its closing ends the capture. */
  depth: number;
  chunks: string[];
  length: number;
  into: Fields;
}

/**
 * The text as a string of its own. A value the parser read in one piece is a slice of the chunk
 * it was in, and keeps that whole chunk alive as long as it is kept: an index of ten thousand
 * titles would hold the export's text. Copying costs one allocation of the value's own size.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * Turns saxes events into WXR records, queued until the caller takes them. Throws WxrError from inside
 * `write` when the document is not a WordPress export or not well-formed XML.
 */
function createWxrCollector(file: string, maxValueLength: number) {
  const parser = new SaxesParser({
    xmlns: true,
    fileName: file,
    // saxes asks for the empty prefix too, for names without a default namespace: those are RSS's own.
    resolvePrefix: (prefix: string) =>
      prefix ? (USUAL_PREFIXES[prefix] ?? `urn:wxr-reader:undeclared:${prefix}`) : '',
  });
  const queue: WxrRecord[] = [];
  const stack: OpenElement[] = [];
  const siteFields: Fields = new Map();
  let siteSent = false;
  let sawChannel = false;
  let record: OpenRecord | undefined;
  let capture: Capture | undefined;
  let lastClosed: OpenElement | undefined;
  // Where the parser was at the last event: saxes holds a text, CDATA or comment in memory until it ends.
  let lastEventPosition = 0;

  // saxes's column is the zero-based column of the next character, which is the one-based column of the
  // character just read: where the problem showed.
  const fail = (reason: string): never => {
    throw new WxrError(file, parser.line, parser.column, reason);
  };

  const startCapture = (name: string, into: Fields) => {
    capture = { name, depth: stack.length, chunks: [], length: 0, into };
  };

  const sendSite = () => {
    if (siteSent) return;
    const version = siteFields.get('wp:wxr_version')?.trim();
    if (!version) {
      fail(
        'no <wp:wxr_version> in the channel before its first entry: this is an RSS feed, not a WordPress export ' +
          '(WordPress writes one under Tools → Export)',
      );
    } else if (!/^1\.\d+$/.test(version)) {
      fail(`WXR version "${version}" is not one this importer reads (1.0 to 1.2)`);
    }
    siteSent = true;
    queue.push({ kind: 'site', site: siteFrom(siteFields) });
  };

  const noteEvent = () => {
    lastEventPosition = parser.position;
  };

  parser.on('error', (error) => {
    const message = error.message.replace(/^.*?:\d+:\d+: /, '');
    fail(malformedReason(message, lastClosed));
  });

  parser.on('doctype', () => {
    fail('the export declares a DOCTYPE; WordPress exports have none, and its entities would not be expanded');
  });

  parser.on('opentag', (tag: SaxesTagNS) => {
    noteEvent();
    const element: OpenElement = { name: tag.name, wxr: wxrElementName(tag.uri, tag.local), line: parser.line };
    stack.push(element);
    const depth = stack.length;
    if (depth === 1 && element.wxr !== 'rss') {
      fail(`the document is <${tag.name}>, not <rss>: this is not a WordPress export`);
    }
    if (depth === 2 && element.wxr === 'channel') sawChannel = true;
    const inChannel = sawChannel && stack[1]?.wxr === 'channel';
    if (!inChannel) return;

    if (depth === 3) {
      if (isRecordElement(element.wxr)) {
        sendSite();
        record = {
          element: element.wxr,
          depth,
          line: parser.line,
          fields: new Map(),
          terms: [],
          meta: [],
          metaFields: undefined,
          category: undefined,
        };
      } else if (element.wxr && SITE_FIELDS.has(element.wxr)) {
        startCapture(element.wxr, siteFields);
      }
      return;
    }
    if (!record || !element.wxr) return;
    if (depth === record.depth + 1) {
      if (record.element === 'item' && element.wxr === 'category') {
        record.category = { domain: tag.attributes.domain?.value, nicename: tag.attributes.nicename?.value };
        startCapture('category', new Map());
      } else if (record.element === 'item' && element.wxr === 'wp:postmeta') {
        record.metaFields = new Map();
      } else if (RECORD_FIELDS[record.element].has(element.wxr)) {
        startCapture(element.wxr, record.fields);
      }
    } else if (depth === record.depth + 2 && record.metaFields && META_FIELDS.has(element.wxr)) {
      startCapture(element.wxr, record.metaFields);
    }
  });

  const onText = (text: string) => {
    noteEvent();
    if (!capture) return;
    capture.length += text.length;
    if (capture.length > maxValueLength) {
      const where = record ? `the <${record.element}> that starts on line ${record.line}` : 'the channel';
      fail(
        `<${capture.name}> in ${where} is longer than ${sizeInWords(maxValueLength)}; ` +
          'no story is that long, so the export is likely damaged',
      );
    }
    capture.chunks.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('comment', noteEvent);
  parser.on('processinginstruction', noteEvent);

  const finishRecord = (open: OpenRecord): WxrRecord => {
    if (open.element === 'wp:author') return { kind: 'author', author: authorFrom(open.fields, open.line) };
    if (open.element !== 'item') return { kind: 'term', term: termFrom(open.element, open.fields, open.line) };
    const item = itemFrom(open.fields, open.terms, open.meta, open.line);
    if ('missing' in item) return fail(`the <item> that starts on line ${open.line} has no <${item.missing}>`);
    return { kind: 'item', item };
  };

  const finishCapture = (done: Capture) => {
    const value = ownCopy(done.chunks.join(''));
    if (done.name === 'category' && record?.category) {
      const term = itemTermFrom(record.category.domain, record.category.nicename, value);
      if (term) record.terms.push(term);
      record.category = undefined;
    } else {
      done.into.set(done.name, value);
    }
  };

  parser.on('closetag', () => {
    noteEvent();
    const depth = stack.length;
    const element = stack.pop();
    lastClosed = element;
    if (capture && capture.depth === depth) {
      finishCapture(capture);
      capture = undefined;
    }
    if (depth === 2 && element?.wxr === 'channel') sendSite();
    if (!record) return;
    if (depth === record.depth + 1 && element?.wxr === 'wp:postmeta' && record.metaFields) {
      const key = record.metaFields.get('wp:meta_key')?.trim();
      if (key) record.meta.push({ key, value: record.metaFields.get('wp:meta_value') ?? '' });
      record.metaFields = undefined;
    }
    if (depth === record.depth) {
      queue.push(finishRecord(record));
      record = undefined;
    }
  });

  return {
    write(text: string) {
      parser.write(text);
      if (parser.position - lastEventPosition > maxValueLength) {
        fail(
          `a text, CDATA section or comment near this point runs past ${sizeInWords(maxValueLength)}; ` +
            'the export is likely damaged',
        );
      }
    },
    end() {
      parser.close();
      if (!sawChannel) fail('the <rss> document has no <channel>: this is not a WordPress export');
      sendSite();
    },
    take(): WxrRecord[] {
      return queue.splice(0, queue.length);
    },
  };
}

// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 cannot hold
const XML_CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/**
 * The text without the control characters XML 1.0 forbids. WordPress's exporter writes post
 * fields as they are stored, so a bell or a form feed pasted into a post years ago makes the
 * whole export malformed XML; no content can be lost with them, and the site refuses them anyway.
 */
export function withoutXmlControls(text: string): string {
  return text.replace(XML_CONTROLS, '');
}

/**
 * Reads the export at `file`, yielding its site record first, then each author, term and item in file
 * order. Comments and elements WXR does not define (plugins add many) are skipped. Throws WxrError, with the
 * line and column, for a file that is not well-formed XML, not a WordPress export, or in an unknown encoding.
 */
export async function* readWxr(file: string, options: ReadWxrOptions = {}): AsyncGenerator<WxrRecord> {
  options.signal?.throwIfAborted();
  const collector = createWxrCollector(file, options.maxValueLength ?? MAX_VALUE_LENGTH);
  const stream = createReadStream(file, { signal: options.signal });
  let decoder: TextDecoder | undefined;
  let head: Buffer[] = [];
  let headLength = 0;

  const startDecoding = (): TextDecoder => {
    const sniffed = sniffXmlEncoding(Buffer.concat(head));
    const chosen = sniffed.ok ? decoderFor(sniffed.label) : { reason: sniffed.reason };
    if (!(chosen instanceof TextDecoder)) throw new WxrError(file, 1, 1, chosen.reason);
    return chosen;
  };

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let bytes = chunk;
    if (!decoder) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < ENCODING_SNIFF_BYTES) continue;
      decoder = startDecoding();
      bytes = Buffer.concat(head);
      head = [];
    }
    collector.write(withoutXmlControls(decoder.decode(bytes, { stream: true })));
    for (const record of collector.take()) {
      // One chunk can hold many small records; a caller that aborted should not be handed the rest.
      options.signal?.throwIfAborted();
      yield record;
    }
  }
  if (!decoder) {
    decoder = startDecoding();
    collector.write(withoutXmlControls(decoder.decode(Buffer.concat(head), { stream: true })));
  }
  collector.write(withoutXmlControls(decoder.decode()));
  collector.end();
  yield* collector.take();
}
