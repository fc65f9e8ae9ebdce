import { storyFile, type HostileCase, type RefusedCase } from './case.ts';

/**
 * HTML in story bodies and policy pages, and links in site.yaml: refused with
 * their line where a writer typed something the allowlist does not hold, and
 * published safely where the danger is in what a careless parser would make
 * of an attribute or a label (the feeds once re-parsed the stored HTML).
 */

const DIR = 'content/articles/2026';

/** A story whose body holds `line`, refused on that line with the `body` field. */
function refusedBody(name: string, slug: string, ext: 'md' | 'mdx', line: string, says: RegExp): RefusedCase {
  const file = `${DIR}/${slug}.${ext}`;
  return {
    name,
    expect: 'refused',
    files: { [file]: storyFile({ body: `A first paragraph.\n\n${line}\n` }) },
    file,
    at: line.split('\n')[0]!,
    field: 'body',
    says,
  };
}

const page = (body: string) =>
  ['---', 'title: A page of ours', 'description: What the outlet stands for.', '---', '', body, ''].join('\n');

export const cases: HostileCase[] = [
  // The feeds once re-parsed stored HTML with a parser that ended a tag at the first ">".
  {
    name: 'an abbr title holding a script tag, in .mdx',
    expect: 'published safely',
    files: {
      [`${DIR}/html-abbr-title-mdx.mdx`]: storyFile({
        body: 'The <abbr title="x><script>window.abbrMdxMarker=1</script>">ACLU</abbr> sued. abbrmdxkept\n',
      }),
    },
    absent: ['<script>window.abbrMdxMarker'],
    present: ['abbrmdxkept'],
  },
  {
    name: 'an abbr title holding a script tag, in .md',
    expect: 'published safely',
    files: {
      [`${DIR}/html-abbr-title-md.md`]: storyFile({
        body: 'The <abbr title="x><script>window.abbrMdMarker=1</script>">ACLU</abbr> sued. abbrmdkept\n',
      }),
    },
    absent: ['<script>window.abbrMdMarker'],
    present: ['abbrmdkept'],
  },
  {
    name: 'a Markdown link title holding a script tag',
    expect: 'published safely',
    files: {
      [`${DIR}/html-link-title.md`]: storyFile({
        body: 'See [our policy](/about/ "x\\"><script>window.linkTitleMarker=1</script>"). linktitlekept\n',
      }),
    },
    absent: ['<script>window.linkTitleMarker'],
    present: ['linktitlekept'],
  },
  {
    name: 'a footnote label holding a script tag',
    expect: 'published safely',
    files: {
      [`${DIR}/html-footnote-label.md`]: storyFile({
        body:
          'A claim.[^x"><script>window.footnoteMarker=1</script>] footnotekept\n\n' +
          '[^x"><script>window.footnoteMarker=1</script>]: The source.\n',
      }),
    },
    absent: ['<script>window.footnoteMarker'],
    present: ['footnotekept'],
  },
  {
    name: 'a code block whose language holds a script tag',
    expect: 'published safely',
    files: {
      [`${DIR}/html-code-language.md`]: storyFile({
        body: 'Code: codelangkept\n\n```js"><script>window.codeLangMarker=1</script>\nlet a = 1;\n```\n',
      }),
    },
    absent: ['codeLangMarker'],
    present: ['codelangkept'],
  },
  {
    name: 'an HTML comment hiding a script tag, in .md',
    expect: 'published safely',
    files: {
      [`${DIR}/html-comment-script.md`]: storyFile({
        body: 'Text <!-- <script>window.commentMarker=1</script> --> commentkept.\n',
      }),
    },
    absent: ['commentMarker'],
    present: ['commentkept'],
  },
  {
    name: 'a Markdown link to /\\host, which stays a path of this site',
    expect: 'published safely',
    files: {
      [`${DIR}/html-backslash-md-link.md`]: storyFile({
        body: 'See [this](/\\backslash-link.example/path). backslashkept\n',
      }),
    },
    absent: ['//backslash-link.example', '/\\backslash-link.example'],
    present: ['backslashkept'],
  },

  // Links that leave the web.
  refusedBody(
    'a protocol-relative link in .mdx',
    'html-protocol-relative',
    'mdx',
    'See <a href="//evil.example/">this</a>.',
    /starts with \/\/ or \/\\/,
  ),
  refusedBody(
    'a /\\host link in .mdx',
    'html-slash-backslash',
    'mdx',
    'See <a href="/\\evil.example/">this</a>.',
    /starts with \/\/ or \/\\/,
  ),
  refusedBody(
    'a Markdown link to //host',
    'html-md-protocol-relative',
    'md',
    'See [this](//evil.example/).',
    /starts with \/\/ or \/\\/,
  ),
  refusedBody(
    'a javascript: scheme with an encoded tab, in .md',
    'html-encoded-tab-scheme',
    'md',
    'See <a href="java&#x09;script:alert(1)">this</a>.',
    /is not an http\(s\), mailto or site address/,
  ),
  refusedBody(
    'an entity-encoded javascript: scheme, in .mdx',
    'html-entity-scheme',
    'mdx',
    'See <a href="&#106;avascript:alert(1)">this</a>.',
    /"javascript:alert\(1\)" is not an http\(s\), mailto or site address/,
  ),
  refusedBody(
    'a javascript: autolink, in .md',
    'html-javascript-autolink',
    'md',
    'See <javascript:alert(1)>.',
    /is not an http\(s\), mailto or site address/,
  ),
  refusedBody(
    'a javascript: quotation source',
    'html-q-cite',
    'mdx',
    'He said <q cite="javascript:alert(1)">no</q>.',
    /is not an http\(s\), mailto or site address/,
  ),
  refusedBody(
    'an Embed of a javascript: address',
    'html-embed-javascript',
    'mdx',
    '<Embed url="javascript:alert(1)" title="A chart" />',
    /is not an https:\/\/ address/,
  ),

  // Attributes and elements a writer may not type, in .md as in .mdx.
  refusedBody(
    'data-pagefind-meta, which would rename the search result, in .md',
    'html-pagefind-meta',
    'md',
    'A <span data-pagefind-meta="title:Hijacked result">word</span>.',
    /<span> may not carry the attribute data-pagefind-meta/,
  ),
  refusedBody(
    'a style attribute, in .md',
    'html-style-md',
    'md',
    'A <span style="position:fixed;inset:0">notice</span>.',
    /<span> may not carry the attribute style/,
  ),
  refusedBody('an id attribute, in .md', 'html-id-md', 'md', 'A <em id="main">word</em>.', /attribute id/),
  refusedBody(
    'a class attribute, in .md',
    'html-class-md',
    'md',
    'A <strong class="site-header">word</strong>.',
    /attribute class/,
  ),
  refusedBody(
    'a tracking ping on a link, in .md',
    'html-ping-md',
    'md',
    'See <a href="/about/" ping="https://tracker.example/p">this</a>.',
    /<a> may not carry the attribute ping/,
  ),
  refusedBody(
    'formaction on a link, in .md',
    'html-formaction-md',
    'md',
    'See <a href="/about/" formaction="https://evil.example/">this</a>.',
    /attribute formaction/,
  ),
  refusedBody(
    'an image input as a tracking pixel, in .md',
    'html-input-image-md',
    'md',
    'A <input type="image" src="https://tracker.example/pixel.gif"> pixel.',
    /<input> is not allowed in a story/,
  ),
  refusedBody(
    'details with ontoggle, in .md',
    'html-details-ontoggle',
    'md',
    '<details open ontoggle="alert(1)"><summary>More</summary></details>',
    /<details> is not allowed in a story/,
  ),
  refusedBody(
    'a script inside svg, in .md',
    'html-svg-script',
    'md',
    '<svg><script>alert(1)</script></svg>',
    /<svg> is not allowed in a story/,
  ),
  refusedBody('MathML, in .md', 'html-math', 'md', '<math><mi>x</mi></math>', /<math> is not allowed in a story/),
  refusedBody(
    'an image with onerror, in .md',
    'html-img-onerror',
    'md',
    'A <img src="x" onerror="alert(1)"> picture.',
    /<img> is not allowed in a story/,
  ),
  refusedBody(
    'an attribute SourceQuote does not take',
    'html-sourcequote-attribute',
    'mdx',
    '<SourceQuote source="A" data-pagefind-meta="title:Hijacked">Said.</SourceQuote>',
    /<SourceQuote> takes only source, not data-pagefind-meta/,
  ),
  refusedBody(
    'an event handler on a PullQuote',
    'html-pullquote-onclick',
    'mdx',
    '<PullQuote by="A" onclick="alert(1)">Said.</PullQuote>',
    /<PullQuote> takes only by, not onclick/,
  ),

  // Policy pages: written by the same hands, checked by the same rules.
  {
    name: 'a script in a policy page',
    expect: 'refused',
    files: { 'content/pages/html-script.md': page('We are independent.\n\n<script>alert(1)</script>') },
    file: 'content/pages/html-script.md',
    at: '<script>',
    field: 'body',
    says: /<script> is not allowed/,
  },
  {
    name: 'an iframe in a policy page',
    expect: 'refused',
    files: { 'content/pages/html-iframe.md': page('<iframe src="https://evil.example/"></iframe>') },
    file: 'content/pages/html-iframe.md',
    at: '<iframe',
    field: 'body',
    says: /<iframe> is not allowed/,
  },
  {
    name: 'onerror in a policy page',
    expect: 'refused',
    files: { 'content/pages/html-onerror.md': page('Our <em onerror="alert(1)">mission</em>.') },
    file: 'content/pages/html-onerror.md',
    at: 'onerror',
    field: 'body',
    says: /event-handler attributes are not allowed/,
  },
  {
    name: "a policy page at the search page's address",
    expect: 'refused',
    files: { 'content/pages/search.md': page('Nothing to find here.') },
    file: 'content/pages/search.md',
    field: 'file',
    says: /\/search\/ is one of the site's own pages .* so this page would never be published/,
  },
  {
    name: 'a policy page missing its description',
    expect: 'refused',
    files: { 'content/pages/html-no-description.md': '---\ntitle: About\n---\n\nText.\n' },
    file: 'content/pages/html-no-description.md',
    at: 'title: About',
    field: 'description',
    says: /is required but missing/,
  },
  {
    name: 'an HTML file among the policy pages',
    expect: 'refused',
    files: { 'content/pages/html-raw.html': '<script>alert(1)</script>\n' },
    file: 'content/pages/html-raw.html',
    field: 'file',
    says: /is not a policy page/,
  },

  // site.yaml: a policy link is in every page's footer.
  {
    name: 'a javascript: policy link in site.yaml',
    expect: 'refused',
    alone: true,
    edit: { 'content/site.yaml': (text) => text.replace('url: /about/', 'url: "javascript:alert(document.cookie)"') },
    file: 'content/site.yaml',
    at: 'javascript:alert(document.cookie)',
    field: 'policies.0.url',
    says: /is not an http\(s\), mailto or site address/,
  },
  {
    name: 'a protocol-relative policy link in site.yaml',
    expect: 'refused',
    alone: true,
    edit: { 'content/site.yaml': (text) => text.replace('url: /ethics/', 'url: //evil.example/ethics/') },
    file: 'content/site.yaml',
    at: '//evil.example/ethics/',
    field: 'policies.1.url',
    says: /starts with \/\/ or \/\\/,
  },
];
