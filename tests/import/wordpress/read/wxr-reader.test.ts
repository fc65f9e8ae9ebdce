import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { readWxr } from '../../../../src/import/wordpress/read/wxr-reader.ts';
import { sniffXmlEncoding } from '../../../../src/import/wordpress/read/xml-encoding.ts';
import {
  WxrError,
  type WxrAuthor,
  type WxrItem,
  type WxrRecord,
  type WxrSite,
  type WxrTerm,
} from '../../../../src/import/wordpress/read/wxr-types.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/wordpress');
const fixture = (name: string) => path.join(FIXTURES, name);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function scratchFile(name: string, bytes: string | Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wxr-reader-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function readAll(file: string, options?: Parameters<typeof readWxr>[1]): Promise<WxrRecord[]> {
  const records: WxrRecord[] = [];
  for await (const record of readWxr(file, options)) records.push(record);
  return records;
}

interface Export {
  records: WxrRecord[];
  site: WxrSite;
  authors: WxrAuthor[];
  terms: WxrTerm[];
  items: WxrItem[];
  item: (id: number) => WxrItem;
}

async function readExport(file: string): Promise<Export> {
  const records = await readAll(file);
  const sites = records.flatMap((record) => (record.kind === 'site' ? [record.site] : []));
  const items = records.flatMap((record) => (record.kind === 'item' ? [record.item] : []));
  expect(sites).toHaveLength(1);
  return {
    records,
    site: sites[0]!,
    authors: records.flatMap((record) => (record.kind === 'author' ? [record.author] : [])),
    terms: records.flatMap((record) => (record.kind === 'term' ? [record.term] : [])),
    items,
    item: (id) => {
      const found = items.find((item) => item.id === id);
      if (!found) throw new Error(`no item ${id}`);
      return found;
    },
  };
}

async function refusal(file: string, options?: Parameters<typeof readWxr>[1]): Promise<WxrError> {
  try {
    await readAll(file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(WxrError);
    return error as WxrError;
  }
  throw new Error(`${file} was read without complaint`);
}

const NAMESPACES = (version: string) =>
  `xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/" ` +
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  `xmlns:wp="http://wordpress.org/export/${version}/"`;

function itemXml(id: number, body = '<p>Hello.</p>', extra = ''): string {
  return `<item><title>Story ${id}</title><dc:creator>ed</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_name>story-${id}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>${extra}</item>\n`;
}

/** A small export written the way WordPress writes one, around the given channel entries. */
function wxrDocument(
  entries: string,
  { version = '1.2', declaration = '<?xml version="1.0" encoding="UTF-8"?>' } = {},
) {
  return `${declaration}
<rss version="2.0" ${NAMESPACES(version)}>
<channel><title>Test desk</title><link>https://old.example/news</link>
<wp:wxr_version>${version}</wp:wxr_version>
<wp:base_site_url>https://old.example</wp:base_site_url><wp:base_blog_url>https://old.example/news</wp:base_blog_url>
${entries}</channel></rss>
`;
}

describe('readWxr on the WordPress core export (archive.xml)', async () => {
  const archive = await readExport(fixture('archive.xml'));

  it('gives the site first, once, from the channel and not from the site icon', () => {
    expect(archive.records[0]?.kind).toBe('site');
    expect(archive.site).toEqual({
      title: 'The Ledger Desk',
      link: 'https://old.ledgerdesk.example/news',
      baseSiteUrl: 'https://old.ledgerdesk.example',
      baseBlogUrl: 'https://old.ledgerdesk.example/news',
      wxrVersion: '1.2',
      language: 'en-US',
    });
  });

  it('gives every user with their names', () => {
    expect(archive.authors.map((author) => [author.id, author.login, author.displayName])).toEqual([
      [1, 'mreyes', 'Maria Reyes'],
      [2, 'tokafor', 'Tunde Okafor'],
      [3, 'hlindqvist', 'Hanna Lindqvist'],
    ]);
    expect(archive.authors[0]).toMatchObject({
      email: 'maria.reyes@ledgerdesk.example',
      firstName: 'Maria',
      lastName: 'Reyes',
    });
    expect(archive.authors[0]?.line).toBeGreaterThan(20);
  });

  it('gives categories with their parents, tags, and the co-author and menu terms', () => {
    const byTaxonomy = (taxonomy: string) => archive.terms.filter((term) => term.taxonomy === taxonomy);
    expect(byTaxonomy('category').map((term) => [term.slug, term.parent])).toEqual([
      ['uncategorized', undefined],
      ['news', undefined],
      ['politics', 'news'],
      ['environment', undefined],
    ]);
    expect(byTaxonomy('category').find((term) => term.slug === 'politics')).toMatchObject({ id: 3, name: 'Politics' });
    // WordPress stores term names HTML-escaped; the reader hands them on as stored.
    expect(byTaxonomy('category').find((term) => term.slug === 'environment')?.name).toBe('Environment &amp; Climate');
    expect(byTaxonomy('post_tag').map((term) => term.slug)).toEqual(['city-hall', 'water', 'budget']);
    expect(byTaxonomy('post_tag')[1]?.description).toBe('Rivers, reservoirs and the pipes between them.');
    expect(byTaxonomy('author').map((term) => [term.slug, term.name])).toEqual([
      ['cap-mreyes', 'mreyes'],
      ['cap-tokafor', 'tokafor'],
      ['cap-jdoyle', 'jdoyle'],
    ]);
    expect(byTaxonomy('nav_menu')).toHaveLength(1);
  });

  it('gives the site record before any author, term or item', () => {
    expect(archive.records.filter((record) => record.kind === 'site')).toHaveLength(1);
    expect(archive.records.slice(1).every((record) => record.kind !== 'site')).toBe(true);
  });

  it('counts every post type and status the export holds', () => {
    const counts: Record<string, number> = {};
    for (const item of archive.items)
      counts[`${item.postType}/${item.status}`] = (counts[`${item.postType}/${item.status}`] ?? 0) + 1;
    expect(counts).toEqual({
      'guest-author/publish': 1,
      'attachment/inherit': 8,
      'post/publish': 11,
      'post/draft': 1,
      'post/pending': 1,
      'post/private': 1,
      'post/future': 1,
      'post/trash': 1,
      'revision/inherit': 1,
      'page/publish': 2,
      'nav_menu_item/publish': 1,
    });
  });

  it('gives items in file order with the line each starts on', () => {
    const lines = archive.items.map((item) => item.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const source = readFileSync(fixture('archive.xml'), 'utf8').split('\n');
    for (const item of archive.items) expect(source[item.line - 1]?.trim()).toBe('<item>');
  });

  it('keeps the classic post body as stored, with its shortcodes, and marks it sticky', () => {
    const classic = archive.item(101);
    expect(classic.content).toContain('[caption id="attachment_201" align="aligncenter" width="40"]');
    expect(classic.content).toContain('<!--more-->');
    expect(classic.content).toContain('[gallery ids="203,204"]');
    expect(classic.content).toContain('\n\nResidents on the east bank');
    expect(classic.excerpt).toBe('The river rose two metres overnight.');
    expect(classic.isSticky).toBe(true);
    expect(classic.creator).toBe('mreyes');
    expect(classic.link).toBe('https://old.ledgerdesk.example/news/2017/08/03/river-levels-rise/');
    expect(classic.guid).toBe('https://old.ledgerdesk.example/news/?p=101');
    expect(classic.terms).toEqual([
      { domain: 'category', nicename: 'news', name: 'News' },
      { domain: 'post_tag', nicename: 'water', name: 'Water' },
    ]);
  });

  it('leaves reader comments out of the item', () => {
    const classic = archive.item(101);
    expect(classic.meta).toEqual([{ key: '_edit_last', value: '1' }]);
    expect(JSON.stringify(classic)).not.toContain('Our street on the east bank');
  });

  it('joins a CDATA section WordPress split around "]]>" in a block post', () => {
    const block = archive.item(102);
    expect(block.content).toContain('<code>if (levels[gauge[0]]> 3) { close_intake(); }</code>');
    expect(block.content.startsWith('<!-- wp:paragraph -->')).toBe(true);
    expect(block.content).toContain('<!-- wp:jetpack/slideshow');
    expect(block.excerpt).toBe('');
    expect(block.postModifiedGmt! > block.postDateGmt!).toBe(true);
  });

  it('gives the Yoast primary category and both categories in order', () => {
    const filed = archive.item(103);
    expect(filed.terms.filter((term) => term.domain === 'category').map((term) => term.nicename)).toEqual([
      'news',
      'politics',
    ]);
    expect(filed.meta).toContainEqual({ key: '_yoast_wpseo_primary_category', value: '3' });
  });

  it('gives the co-authors of a post, one of them a guest author with a profile', () => {
    const coAuthored = archive.item(104);
    expect(coAuthored.terms.filter((term) => term.domain === 'author').map((term) => term.nicename)).toEqual([
      'cap-mreyes',
      'cap-jdoyle',
    ]);
    const guest = archive.item(100);
    expect(guest.postType).toBe('guest-author');
    expect(Object.fromEntries(guest.meta.map(({ key, value }) => [key, value]))).toMatchObject({
      'cap-display_name': 'Jamie Doyle',
      'cap-user_login': 'jdoyle',
      'cap-first_name': 'Jamie',
      'cap-last_name': 'Doyle',
      'cap-user_email': 'jamie.doyle@freelance.example',
      'cap-description': 'Jamie Doyle covers the county courts as a freelance reporter.',
    });
  });

  it('gives the featured image as an attachment with its address, file, alt and caption', () => {
    const featured = archive.item(105);
    expect(featured.meta).toContainEqual({ key: '_thumbnail_id', value: '208' });
    const picture = archive.item(208);
    expect(picture).toMatchObject({
      postType: 'attachment',
      status: 'inherit',
      parent: 105,
      excerpt: 'Mayor Lena Ortiz in her office on Tuesday.',
      attachmentUrl: 'https://old.ledgerdesk.example/news/wp-content/uploads/2017/08/mayor-portrait.jpg',
    });
    expect(picture.meta).toContainEqual({ key: '_wp_attached_file', value: '2017/08/mayor-portrait.jpg' });
    expect(picture.meta).toContainEqual({ key: '_wp_attachment_image_alt', value: 'Mayor Lena Ortiz at her desk' });
  });

  it('keeps the password of a protected post so the importer can withhold its body', () => {
    const locked = archive.item(112);
    expect(locked.status).toBe('publish');
    expect(locked.postPassword).toBe('riverside');
  });

  it('gives titles as WordPress stored them: empty, or with markup and entities for the mapper to reduce', () => {
    expect(archive.item(113).title).toBe('');
    expect(archive.item(114).title).toBe('Council &amp; <em>mayor</em> clash over &#8220;water&#8221;');
  });

  it('keeps post names as written: percent-encoded, empty for a draft, colliding across years', () => {
    expect(archive.item(115).postName).toBe('caf%c3%a9-closures');
    expect(archive.item(106)).toMatchObject({ status: 'draft', postName: '', postDateGmt: '0000-00-00 00:00:00' });
    expect([archive.item(116).postName, archive.item(117).postName]).toEqual(['annual-report', 'annual-report']);
  });

  it('gives dates as written in local time and UTC', () => {
    expect(archive.item(109)).toMatchObject({
      status: 'future',
      postDate: '2030-01-15 08:00:00',
      postDateGmt: '2030-01-15 13:00:00',
    });
  });

  it('gives page parents and menu order as numbers', () => {
    expect(archive.item(121)).toMatchObject({ postType: 'page', parent: 120, menuOrder: 2 });
    expect(archive.item(120)).toMatchObject({ parent: 0, menuOrder: 0, isSticky: false });
  });
});

describe('readWxr on other exports', () => {
  it('reads a WordPress.com export (WXR 1.1, plain values, a bare 1.0-style category)', async () => {
    const dotCom = await readExport(fixture('wordpress-com.xml'));
    expect(dotCom.site).toMatchObject({ wxrVersion: '1.1', baseSiteUrl: 'http://wordpress.com/' });
    expect(dotCom.site.title).toBe('Ledger Desk Notebook');
    expect(dotCom.items.map((item) => [item.id, item.postType])).toEqual([
      [12, 'post'],
      [14, 'attachment'],
      [15, 'post'],
    ]);
    expect(dotCom.item(14).attachmentUrl).toBe('https://ledgerdesknotebook.files.wordpress.com/2016/04/ferry-deck.jpg');
    expect(dotCom.item(15).terms).toEqual([{ domain: 'category', nicename: 'uncategorized', name: 'Uncategorized' }]);
    expect(dotCom.item(15).isSticky).toBe(true);
    expect(dotCom.item(12).postName).toBe('last-ferry');
  });

  it('decodes an export declared and written in ISO-8859-1', async () => {
    const bytes = readFileSync(fixture('latin1.xml'));
    expect(bytes.includes(Buffer.from([0xc9]))).toBe(true); // É as one byte, not UTF-8's two
    const latin1 = await readExport(fixture('latin1.xml'));
    expect(latin1.item(301).title).toBe('Été à Montréal: piñatas, crêpes et Müller');
    expect(latin1.item(301).content).toContain('señor Müller');
    expect(latin1.authors[0]?.displayName).toBe('José Núñez');
  });

  it('reads windows-1252 punctuation in an export that says ISO-8859-1', async () => {
    const body = Buffer.concat([
      Buffer.from(wxrDocument(itemXml(1, 'QUOTE'), { declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>' })),
    ]);
    const file = scratchFile(
      'cp1252.xml',
      Buffer.from(body.toString('latin1').replace('QUOTE', '\x93Yes\x94'), 'latin1'),
    );
    expect((await readExport(file)).item(1).content).toBe('\u201cYes\u201d');
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 with one', async () => {
    const text = wxrDocument(itemXml(1, 'Ça va'));
    const utf8 = scratchFile('bom.xml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect((await readExport(utf8)).item(1).content).toBe('Ça va');
    const utf16Text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = scratchFile(
      'utf16.xml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16Text, 'utf16le')]),
    );
    expect((await readExport(utf16)).item(1).content).toBe('Ça va');
  });

  it('reads a WXR 1.0 export, whose tags are in the "tag" domain', async () => {
    const file = scratchFile(
      'wxr10.xml',
      wxrDocument(
        itemXml(
          7,
          'Old.',
          '<category><![CDATA[Ferries]]></category><category domain="tag"><![CDATA[Ferries]]></category>' +
            '<category domain="tag" nicename="ferries"><![CDATA[Ferries]]></category>',
        ),
        { version: '1.0' },
      ),
    );
    const old = await readExport(file);
    expect(old.site.wxrVersion).toBe('1.0');
    expect(old.item(7).terms).toEqual([{ domain: 'post_tag', nicename: 'ferries', name: 'Ferries' }]);
  });

  it('skips elements plugins add, even under a prefix they forgot to declare', async () => {
    const file = scratchFile(
      'plugin.xml',
      wxrDocument(itemXml(3, 'Body.', '<seo:score>91</seo:score><wp:plugin_blob><a>1</a></wp:plugin_blob>')),
    );
    const plugin = await readExport(file);
    expect(plugin.item(3)).toMatchObject({ id: 3, content: 'Body.', meta: [] });
  });
});

describe('readWxr refuses what it cannot read, saying where', () => {
  it('gives the line and column of malformed XML, in a sentence without a stack trace', async () => {
    const error = await refusal(fixture('malformed.xml'));
    expect([error.line, error.column]).toEqual([29, 8]);
    expect(error.reason).toContain('<wp:post_name> opened on line 27 is not closed');
    expect(error.message).toBe(`${fixture('malformed.xml')}:29:8: ${error.reason}`);
    expect(error.stack).toBe('');
  });

  it('refuses an encoding it does not know, at line 1', async () => {
    const file = scratchFile(
      'klingon.xml',
      wxrDocument('', { declaration: '<?xml version="1.0" encoding="x-klingon"?>' }),
    );
    const error = await refusal(file);
    expect(error.line).toBe(1);
    expect(error.reason).toContain('"x-klingon"');
  });

  it('refuses a document that is not RSS', async () => {
    const file = scratchFile('atom.xml', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n');
    expect((await refusal(file)).reason).toContain('<feed>, not <rss>');
  });

  it('refuses RSS without a channel', async () => {
    const file = scratchFile('bare.xml', '<rss version="2.0"></rss>');
    expect((await refusal(file)).reason).toContain('no <channel>');
  });

  it('refuses a plain RSS feed, which has no WXR version', async () => {
    const feed = '<rss version="2.0"><channel><title>Feed</title><item><title>A</title></item></channel></rss>';
    const error = await refusal(scratchFile('feed.xml', feed));
    expect(error.reason).toContain('<wp:wxr_version>');
    expect(error.reason).toContain('not a WordPress export');
  });

  it('refuses an empty file and a file cut short', async () => {
    expect((await refusal(scratchFile('empty.xml', ''))).reason).toContain('no XML element');
    const whole = wxrDocument(itemXml(1) + itemXml(2));
    const cut = await refusal(scratchFile('cut.xml', whole.slice(0, whole.indexOf('<wp:post_id>2'))));
    expect(cut.reason).toContain('the file ends before');
  });

  it('refuses an item without a post id, naming its line', async () => {
    const file = scratchFile('no-id.xml', wxrDocument('<item><title>Lost</title></item>'));
    expect((await refusal(file)).reason).toMatch(/<item> that starts on line \d+ has no <wp:post_id>/);
  });

  it('refuses a billion-laughs DOCTYPE at once instead of expanding it', async () => {
    const entities = Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`,
    ).join('\n');
    const doctype = `<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${entities}\n]>`;
    const bomb = `<?xml version="1.0"?>\n${doctype}\n<rss><channel>&lol9;</channel></rss>\n`;
    const started = performance.now();
    const error = await refusal(scratchFile('bomb.xml', bomb));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.reason).toContain('DOCTYPE');
  });

  it('refuses a value longer than the limit, naming the element and the item', async () => {
    const file = scratchFile('huge.xml', wxrDocument(itemXml(1, 'x'.repeat(5000))));
    const error = await refusal(file, { maxValueLength: 1000 });
    expect(error.reason).toMatch(/<content:encoded> in the <item> that starts on line \d+ is longer than/);
  });

  it('refuses an over-long text even where nothing is kept (a reader comment)', async () => {
    const text = 'y'.repeat(200_000);
    const comment = `<wp:comment><wp:comment_content><![CDATA[${text}]]></wp:comment_content></wp:comment>`;
    const file = scratchFile('long-comment.xml', wxrDocument(itemXml(1, 'Short.', comment)));
    const error = await refusal(file, { maxValueLength: 50_000 });
    expect(error.reason).toContain('likely damaged');
  });
});

describe('readWxr streams', () => {
  async function writeLargeExport(items: number, bodyLength: number): Promise<string> {
    const dir = mkdtempSync(path.join(tmpdir(), 'wxr-reader-large-'));
    dirs.push(dir);
    const file = path.join(dir, 'large.xml');
    const out = createWriteStream(file);
    const [head, tail] = wxrDocument('SPLIT').split('SPLIT');
    out.write(head);
    const paragraph = '<p>The council met again. '.padEnd(bodyLength - 4, 'x') + '</p>';
    for (let id = 1; id <= items; id++) {
      const extra =
        '<category domain="author" nicename="cap-ed"><![CDATA[ed]]></category>' +
        '<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>' +
        `<wp:meta_value>${id + 100_000}</wp:meta_value></wp:postmeta>`;
      if (!out.write(itemXml(id, paragraph, extra))) await once(out, 'drain');
    }
    out.end(tail);
    await once(out, 'finish');
    return file;
  }

  it('holds one item at a time: heap use stays flat while a 20 MB export is read', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const file = await writeLargeExport(5000, 4000);
    const heapAfter = (): number => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    let items = 0;
    let early = 0;
    let late = 0;
    for await (const record of readWxr(file)) {
      if (record.kind !== 'item') continue;
      items++;
      if (items === 500) early = heapAfter();
      if (items === 4500) late = heapAfter();
    }
    expect(items).toBe(5000);
    // Had the reader kept the bodies read in between, the heap would have grown by their whole size.
    expect(late - early).toBeLessThan(4 * 1024 * 1024);
  });

  it('stops reading when the caller stops, and when the signal aborts', async () => {
    const file = await writeLargeExport(2000, 2000);
    for await (const record of readWxr(file)) {
      if (record.kind === 'item') break;
    }
    const controller = new AbortController();
    let seen = 0;
    await expect(
      (async () => {
        for await (const record of readWxr(file, { signal: controller.signal })) {
          if (record.kind === 'item' && ++seen === 10) controller.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    expect(seen).toBeLessThan(2000);
  });
});

describe('sniffXmlEncoding', () => {
  it('reads the declaration, the byte-order mark, and defaults to UTF-8', () => {
    expect(sniffXmlEncoding(Buffer.from("<?xml version='1.0' encoding='Windows-1252'?><rss/>"))).toEqual({
      ok: true,
      label: 'windows-1252',
    });
    expect(sniffXmlEncoding(Buffer.from('<rss/>'))).toEqual({ ok: true, label: 'utf-8' });
    expect(sniffXmlEncoding(Buffer.from([0xfe, 0xff, 0, 0x3c]))).toEqual({ ok: true, label: 'utf-16be' });
    expect(sniffXmlEncoding(Buffer.from('<?xml version="1.0" encoding="UTF-16"?>')).ok).toBe(false);
    // An encoding named later in the file is not a declaration.
    expect(sniffXmlEncoding(Buffer.from('<rss encoding="latin1"/>'))).toEqual({ ok: true, label: 'utf-8' });
  });
});
