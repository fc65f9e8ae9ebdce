/**
 * Post bodies as WordPress stores them: block markup (as the block editor of
 * the post's year serialised it) for newer posts, classic-editor HTML with
 * shortcodes for older ones. The prose is generated from the corpus pools,
 * news-length (300–1,500 words). Pictures are asked of the caller, which makes
 * the attachments and their files.
 */
import type { Rng } from './prng.ts';
import { CONNECTORS, NOUNS, OBJECTS, QUOTE_LINES, SUBHEADS, SUBJECTS, TAILS, VERBS } from './corpus-pools.ts';
import { htmlText } from './wxr-text.ts';

/** An attachment a body shows, with the URLs of its sizes. */
export interface BodyPicture {
  id: number;
  /** The original's URL. */
  url: string;
  width: number;
  height: number;
  /** URL, width and height of a size WordPress made (`medium`, `large`, …); the original when it made none. */
  size(name: string): { url: string; width: number; height: number };
  alt: string;
  caption: string;
}

/** Which markup the editor of the post's day wrote. */
export interface EditorEra {
  kind: 'block' | 'classic';
  /** Classic: before WordPress 3.4 captions were an attribute of the shortcode. */
  captionAttribute: boolean;
  /** Classic: before WordPress 3.5 a gallery listed no ids (it showed the post's attached images). */
  galleryWithoutIds: boolean;
  /** Block: list items and quotes hold inner blocks, headings and captions carry classes (WordPress 6.1+). */
  innerBlocks: boolean;
  /** Block: galleries hold image blocks (WordPress 5.9+). */
  nestedGallery: boolean;
  /** Block: embeds are `core/embed` with a provider (5.6+), not `core-embed/youtube`. */
  genericEmbed: boolean;
}

export interface BodyRequest {
  rng: Rng;
  era: EditorEra;
  year: number;
  place: string;
  /** A new picture attached to the post. */
  picture(kind: 'photo' | 'chart'): BodyPicture;
  /** An uploads URL of a picture whose attachment was deleted (the file stays in the folder). */
  orphanPicture(): { url: string; width: number; height: number };
}

export interface BodyFeatures {
  images: number;
  galleries: number;
  youtube: number;
  otherEmbeds: number;
  unknownBlocks: number;
  unknownShortcodes: number;
  /** `]]>` in the text, which the exporter's CDATA has to split. */
  cdataSplits: number;
  orphanImages: number;
  externalImages: number;
  /** YouTube ids the post embeds (the exporter caches their oEmbed HTML in meta). */
  youtubeIds: string[];
}

export interface Body {
  html: string;
  words: number;
  features: BodyFeatures;
}

// ---------------------------------------------------------------- prose

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** One sentence of HTML (text with the odd link, bold or italic) and its word count. */
function sentence(rng: Rng, place: string, year: number): { html: string; words: number } {
  const clause = () => {
    const obj = rng.pick(OBJECTS).replace('{noun}', rng.pick(NOUNS));
    const tail = rng.pick(TAILS);
    return `${rng.pick(VERBS)} ${obj}${tail ? ` ${tail}` : ''}`;
  };
  const r = rng.next();
  let text: string;
  if (r < 0.3) text = `${rng.pick(SUBJECTS)} ${clause()}.`;
  else if (r < 0.45) text = `${rng.pick(CONNECTORS)} ${lowerFirst(rng.pick(SUBJECTS))} ${clause()}.`;
  else if (r < 0.55) text = `In ${place}, ${lowerFirst(rng.pick(SUBJECTS))} ${clause()}.`;
  else if (r < 0.63) {
    text =
      `The budget for ${rng.pick(NOUNS)} reached $${rng.int(1, 950)}.${rng.int(1, 9)} million in ${year}, ` +
      `up ${rng.int(2, 60)} percent from the year before.`;
  } else if (r < 0.73) text = `“${rng.pick(QUOTE_LINES)},” said a spokesperson for ${lowerFirst(rng.pick(SUBJECTS))}.`;
  else if (r < 0.8) {
    const noun = rng.pick(NOUNS);
    const page = rng.int(1, 40);
    const href = `https://records.example.org/${year}/${noun.replaceAll(' ', '-')}?page=${page}&amp;view=full`;
    return {
      html:
        `${rng.pick(SUBJECTS)} published <a href="${href}">a report on ${noun}</a> ` +
        `${rng.pick(TAILS) || 'this week'}.`,
      words: 7 + countWords(noun),
    };
  } else if (r < 0.86)
    text = `About ${rng.int(120, 48_000)} residents are affected — ${lowerFirst(rng.pick(SUBJECTS))} ${clause()}.`;
  else if (r < 0.92) {
    const noun = rng.pick(NOUNS);
    const sentenceText = `${rng.pick(SUBJECTS)} ${clause()}, and ${noun} remained the sticking point.`;
    return { html: htmlText(sentenceText).replace(noun, `<strong>${noun}</strong>`), words: countWords(sentenceText) };
  } else if (r < 0.96) {
    text = `Asked about ${rng.pick(NOUNS)}, ${lowerFirst(rng.pick(SUBJECTS))} said the matter was “under review.”`;
  } else {
    const noun = rng.pick(NOUNS);
    const sentenceText = `The phrase ${noun} appears ${rng.int(3, 90)} times in the council's minutes.`;
    return { html: htmlText(sentenceText).replace(noun, `<em>${noun}</em>`), words: countWords(sentenceText) };
  }
  return { html: htmlText(text), words: countWords(text) };
}

/** A news paragraph: one to three sentences. */
function paragraph(rng: Rng, place: string, year: number): { html: string; words: number } {
  const n = rng.int(1, 3);
  const parts: string[] = [];
  let words = 0;
  for (let i = 0; i < n; i++) {
    const s = sentence(rng, place, year);
    parts.push(s.html);
    words += s.words;
  }
  return { html: parts.join(' '), words };
}

const YOUTUBE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const youtubeId = (rng: Rng) => Array.from({ length: 11 }, () => rng.pick([...YOUTUBE_ALPHABET])).join('');

// ---------------------------------------------------------------- block markup

/** Gutenberg's serializeAttributes(): JSON with `--`, `<`, `>`, `&` and `\"` escaped as unicode. */
function blockAttributes(attrs: Record<string, unknown>): string {
  return JSON.stringify(attrs)
    .replaceAll('--', '\\u002d\\u002d')
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\\"', '\\u0022');
}

function block(name: string, attrs: Record<string, unknown> | undefined, inner: string): string {
  const a = attrs && Object.keys(attrs).length ? ` ${blockAttributes(attrs)}` : '';
  return `<!-- wp:${name}${a} -->\n${inner}\n<!-- /wp:${name} -->`;
}

const voidBlock = (name: string, attrs?: Record<string, unknown>) =>
  `<!-- wp:${name}${attrs ? ` ${blockAttributes(attrs)}` : ''} /-->`;

function imageBlock(p: BodyPicture, era: EditorEra, nested = false): string {
  const large = p.size('large');
  const caption = p.caption
    ? era.innerBlocks
      ? `<figcaption class="wp-element-caption">${p.caption}</figcaption>`
      : `<figcaption>${p.caption}</figcaption>`
    : '';
  const img = `<img src="${large.url}" alt="${htmlText(p.alt).replaceAll('"', '&quot;')}" class="wp-image-${p.id}"/>`;
  if (!era.innerBlocks && !nested)
    return block('image', { id: p.id }, `<figure class="wp-block-image">${img}${caption}</figure>`);
  return block(
    'image',
    { id: p.id, sizeSlug: 'large', linkDestination: 'none' },
    `<figure class="wp-block-image size-large">${img}${caption}</figure>`,
  );
}

function galleryBlock(pictures: BodyPicture[], era: EditorEra): string {
  if (era.nestedGallery) {
    const images = pictures.map((p) => imageBlock(p, era, true)).join('\n\n');
    return block(
      'gallery',
      { linkTo: 'none' },
      `<figure class="wp-block-gallery has-nested-images columns-default is-cropped">${images}</figure>`,
    );
  }
  const items = pictures
    .map((p) => {
      const large = p.size('large');
      return (
        `<li class="blocks-gallery-item"><figure><img src="${large.url}" alt="${htmlText(p.alt)}" ` +
        `data-id="${p.id}" class="wp-image-${p.id}"/></figure></li>`
      );
    })
    .join('');
  return block(
    'gallery',
    { ids: pictures.map((p) => p.id) },
    `<figure class="wp-block-gallery columns-${Math.min(3, pictures.length)} is-cropped">` +
      `<ul class="blocks-gallery-grid">${items}</ul></figure>`,
  );
}

function youtubeBlock(id: string, era: EditorEra): string {
  const url = `https://www.youtube.com/watch?v=${id}`;
  const wrapper = `<div class="wp-block-embed__wrapper">\n${url}\n</div>`;
  if (era.genericEmbed) {
    return block(
      'embed',
      {
        url,
        type: 'video',
        providerNameSlug: 'youtube',
        responsive: true,
        className: 'wp-embed-aspect-16-9 wp-has-aspect-ratio',
      },
      `<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube ` +
        `wp-embed-aspect-16-9 wp-has-aspect-ratio">${wrapper}</figure>`,
    );
  }
  return block(
    'core-embed/youtube',
    { url, type: 'video', providerNameSlug: 'youtube', className: 'wp-embed-aspect-16-9 wp-has-aspect-ratio' },
    `<figure class="wp-block-embed-youtube wp-block-embed is-type-video is-provider-youtube ` +
      `wp-embed-aspect-16-9 wp-has-aspect-ratio">${wrapper}</figure>`,
  );
}

function tweetBlock(rng: Rng, era: EditorEra): string {
  const account = rng.pick(['cityclerk', 'countynews', 'harborpd', 'stateag']);
  const url = `https://twitter.com/${account}/status/${rng.int(1e8, 9e8)}${rng.int(1e9, 9e9)}`;
  const wrapper = `<div class="wp-block-embed__wrapper">\n${url}\n</div>`;
  const name = era.genericEmbed ? 'embed' : 'core-embed/twitter';
  return block(
    name,
    { url, type: 'rich', providerNameSlug: 'twitter', responsive: true },
    `<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">${wrapper}</figure>`,
  );
}

function listBlock(items: string[], era: EditorEra, ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  const attrs = ordered ? { ordered: true } : undefined;
  if (era.innerBlocks) {
    const inner = items.map((i) => block('list-item', undefined, `<li>${i}</li>`)).join('\n\n');
    return block('list', attrs, `<${tag} class="wp-block-list">${inner}</${tag}>`);
  }
  return block('list', attrs, `<${tag}>${items.map((i) => `<li>${i}</li>`).join('')}</${tag}>`);
}

function quoteBlock(text: string, cite: string, era: EditorEra): string {
  if (era.innerBlocks) {
    return block(
      'quote',
      undefined,
      `<blockquote class="wp-block-quote">${block('paragraph', undefined, `<p>${text}</p>`)}` +
        `<cite>${cite}</cite></blockquote>`,
    );
  }
  return block(
    'quote',
    undefined,
    `<blockquote class="wp-block-quote"><p>${text}</p><cite>${cite}</cite></blockquote>`,
  );
}

// ---------------------------------------------------------------- classic markup

function classicImage(p: BodyPicture, captionAttribute: boolean, rng: Rng): string {
  const useMedium = rng.chance(0.6);
  const size = p.size(useMedium ? 'medium' : 'large');
  const sizeClass = useMedium ? 'size-medium' : 'size-large';
  const align = rng.pick(['aligncenter', 'alignleft', 'alignright', 'alignnone']);
  const alt = htmlText(p.alt).replaceAll('"', '&quot;');
  if (!p.caption) {
    const img =
      `<img class="${align} ${sizeClass} wp-image-${p.id}" src="${size.url}" alt="${alt}" ` +
      `width="${size.width}" height="${size.height}" />`;
    return rng.chance(0.5) ? `<a href="${p.url}">${img}</a>` : img;
  }
  const img =
    `<img class="${sizeClass} wp-image-${p.id}" src="${size.url}" alt="${alt}" ` +
    `width="${size.width}" height="${size.height}" />`;
  if (captionAttribute) {
    const attr = p.caption.replaceAll('"', '&quot;');
    return `[caption id="attachment_${p.id}" align="${align}" width="${size.width}" caption="${attr}"]${img}[/caption]`;
  }
  return `[caption id="attachment_${p.id}" align="${align}" width="${size.width}"]${img} ${p.caption}[/caption]`;
}

/** A list as the classic editor (TinyMCE) saved it: each item on its own line, indented with a space and a tab. */
function classicList(items: string[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>\n${items.map((i) => ` \t<li>${i}</li>`).join('\n')}\n</${tag}>`;
}

function classicYoutube(id: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.45) return `https://www.youtube.com/watch?v=${id}`;
  if (r < 0.7) return `[embed]https://youtu.be/${id}[/embed]`;
  if (r < 0.85) return `[youtube=http://www.youtube.com/watch?v=${id}&amp;w=640&amp;h=360]`;
  return (
    `<iframe width="560" height="315" src="https://www.youtube.com/embed/${id}" frameborder="0" ` +
    `allowfullscreen="allowfullscreen"></iframe>`
  );
}

// ---------------------------------------------------------------- bodies

/** How many words a post runs: 300–1,500, most of them 500–900 as news stories are. */
function targetWords(rng: Rng): number {
  return Math.round(300 + 1200 * rng.next() ** 1.6);
}

function emptyFeatures(): BodyFeatures {
  return {
    images: 0,
    galleries: 0,
    youtube: 0,
    otherEmbeds: 0,
    unknownBlocks: 0,
    unknownShortcodes: 0,
    cdataSplits: 0,
    orphanImages: 0,
    externalImages: 0,
    youtubeIds: [],
  };
}

/** A post's body in the markup of its era, with its pictures, embeds and the odd plugin leftover. */
export function postBody(req: BodyRequest): Body {
  const { rng, era } = req;
  const features = emptyFeatures();
  const target = targetWords(rng);
  const paragraphs: { html: string; words: number }[] = [];
  let words = 0;
  while (words < target) {
    const p = paragraph(rng, req.place, req.year);
    paragraphs.push(p);
    words += p.words;
  }

  // Things set between paragraphs, each after paragraph `at` (never before the second).
  const extras: { at: number; render: () => string }[] = [];
  const spot = () => rng.int(1, Math.max(1, paragraphs.length - 1));
  const photos = rng.next() < 0.5 ? 0 : rng.chance(0.7) ? 1 : 2;
  const older = req.year < 2014;
  for (let i = 0; i < (older && photos > 1 ? 1 : photos); i++) {
    const picture = req.picture(rng.chance(0.12) ? 'chart' : 'photo');
    features.images++;
    extras.push({
      at: spot(),
      render: () =>
        era.kind === 'block' ? imageBlock(picture, era) : classicImage(picture, era.captionAttribute, rng),
    });
  }
  if (rng.chance(0.05)) {
    const pictures = Array.from({ length: rng.int(3, 6) }, () => req.picture('photo'));
    features.galleries++;
    features.images += pictures.length;
    extras.push({
      at: spot(),
      render: () =>
        era.kind === 'block'
          ? galleryBlock(pictures, era)
          : era.galleryWithoutIds
            ? '[gallery link="file"]'
            : `[gallery ids="${pictures.map((p) => p.id).join(',')}"]`,
    });
  }
  if (rng.chance(0.08)) {
    const id = youtubeId(rng);
    features.youtube++;
    features.youtubeIds.push(id);
    extras.push({ at: spot(), render: () => (era.kind === 'block' ? youtubeBlock(id, era) : classicYoutube(id, rng)) });
  }
  if (rng.chance(0.02)) {
    features.otherEmbeds++;
    extras.push({
      at: spot(),
      render: () =>
        era.kind === 'block' ? tweetBlock(rng, era) : `https://twitter.com/harborpd/status/${rng.int(1e8, 9e8)}0001`,
    });
  }
  if (era.kind === 'classic' && rng.chance(0.01)) {
    const orphan = req.orphanPicture();
    features.orphanImages++;
    extras.push({
      at: spot(),
      render: () => `<img src="${orphan.url}" alt="" width="${orphan.width}" height="${orphan.height}" />`,
    });
  }
  if (rng.chance(0.005)) {
    features.externalImages++;
    extras.push({
      at: spot(),
      render: () =>
        `<img src="https://images.example-wire.com/photos/${rng.int(10000, 99999)}.jpg" alt="Wire photo" />`,
    });
  }

  // Structure: subheads, a list, a quote, now and then a pull quote, table or separator.
  const subheads = paragraphs.length > 8 ? rng.int(0, Math.floor(paragraphs.length / 8)) : 0;
  for (let i = 0; i < subheads; i++) {
    const text = htmlText(rng.pick(SUBHEADS));
    extras.push({
      at: spot(),
      render: () =>
        era.kind === 'block'
          ? era.innerBlocks
            ? block('heading', undefined, `<h2 class="wp-block-heading">${text}</h2>`)
            : block('heading', undefined, `<h2>${text}</h2>`)
          : `<h3>${text}</h3>`,
    });
  }
  if (rng.chance(0.15)) {
    const items = Array.from({ length: rng.int(3, 5) }, () => sentence(rng, req.place, req.year));
    words += items.reduce((n, s) => n + s.words, 0);
    const ordered = rng.chance(0.3);
    extras.push({
      at: spot(),
      render: () =>
        era.kind === 'block'
          ? listBlock(
              items.map((s) => s.html),
              era,
              ordered,
            )
          : classicList(
              items.map((s) => s.html),
              ordered,
            ),
    });
  }
  if (rng.chance(0.2)) {
    const text = htmlText(`${rng.pick(QUOTE_LINES)}.`);
    const cite = htmlText(rng.pick(SUBJECTS));
    words += countWords(text);
    extras.push({
      at: spot(),
      render: () => (era.kind === 'block' ? quoteBlock(text, cite, era) : `<blockquote>${text}</blockquote>`),
    });
  }
  if (era.kind === 'block') {
    if (rng.chance(0.05)) {
      const text = htmlText(`${rng.pick(QUOTE_LINES)}.`);
      extras.push({
        at: spot(),
        render: () =>
          block(
            'pullquote',
            undefined,
            `<figure class="wp-block-pullquote"><blockquote><p>${text}</p>` +
              `<cite>${htmlText(rng.pick(SUBJECTS))}</cite></blockquote></figure>`,
          ),
      });
    }
    if (rng.chance(0.03)) {
      extras.push({
        at: spot(),
        render: () => block('separator', undefined, '<hr class="wp-block-separator has-alpha-channel-opacity"/>'),
      });
    }
    if (rng.chance(0.01)) {
      const rows = Array.from({ length: rng.int(2, 5) }, () => [rng.pick(NOUNS), `$${rng.int(1, 900)} million`]);
      extras.push({
        at: spot(),
        render: () =>
          block(
            'table',
            undefined,
            `<figure class="wp-block-table"><table><tbody>${rows
              .map(([a, b]) => `<tr><td>${htmlText(cap(a!))}</td><td>${b}</td></tr>`)
              .join('')}</tbody></table></figure>`,
          ),
      });
    }
    if (rng.chance(0.01)) {
      // A chart pasted as HTML: a frame and the script that sizes it.
      const chart = `${rng.pick(['AbC12', 'xY9kQ', 'Lm3Pz'])}${rng.int(10, 99)}`;
      features.otherEmbeds++;
      extras.push({
        at: spot(),
        render: () =>
          block(
            'html',
            undefined,
            `<iframe title="Chart" src="https://datawrapper.dwcdn.net/${chart}/1/" width="100%" height="400" ` +
              `frameborder="0"></iframe><script type="text/javascript">window.addEventListener("message",` +
              `function(e){if(void 0!==e.data["datawrapper-height"]){}});</script>`,
          ),
      });
    }
    if (rng.chance(0.006)) {
      features.unknownBlocks++;
      extras.push({
        at: paragraphs.length,
        render: () =>
          rng.chance(0.5)
            ? voidBlock('jetpack/related-posts')
            : voidBlock('newsletter-glue/form', { formId: 'weekly', showName: false }),
      });
    }
  } else if (rng.chance(0.006)) {
    features.unknownShortcodes++;
    extras.push({ at: paragraphs.length, render: () => `[related_articles count="3" tag="${rng.pick(NOUNS)}"]` });
  }
  if (rng.chance(0.003)) {
    // A reader-supplied formula quoted verbatim: a `]]>` the exporter's CDATA must split.
    features.cdataSplits++;
    extras.push({
      at: spot(),
      render: () =>
        era.kind === 'block'
          ? block('paragraph', undefined, '<p>The spreadsheet flagged every row where =COUNT(B[[#Data]]>0) held.</p>')
          : 'The spreadsheet flagged every row where =COUNT(B[[#Data]]>0) held.',
    });
  }
  const more = era.kind === 'classic' ? rng.chance(0.15) : rng.chance(0.02);
  const nbsp = era.kind === 'classic' && rng.chance(0.05);

  // Assemble: each paragraph, then whatever was set after it (in the order drawn).
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    out.push(era.kind === 'block' ? block('paragraph', undefined, `<p>${p.html}</p>`) : p.html);
    if (i === 0 && more) out.push(era.kind === 'block' ? block('more', undefined, '<!--more-->') : '<!--more-->');
    if (i === 1 && nbsp) out.push('&nbsp;');
    for (const e of extras) if (e.at === i + 1) out.push(e.render());
  });
  return { html: out.join('\n\n'), words, features };
}

/** A short generated page body (about, contact, newsletter …). */
export function pageBody(rng: Rng, era: EditorEra, place: string, year: number): string {
  const parts: string[] = [];
  for (let i = 0, n = rng.int(3, 7); i < n; i++) {
    const p = paragraph(rng, place, year).html;
    parts.push(era.kind === 'block' ? block('paragraph', undefined, `<p>${p}</p>`) : p);
  }
  return parts.join('\n\n');
}

/** A reader's comment. */
export function commentText(rng: Rng): string {
  const n = rng.int(1, 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++)
    parts.push(`${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(NOUNS)} ${rng.pick(TAILS) || 'again'}.`);
  return htmlText(parts.join(' '));
}

/** A sentence for an excerpt or a Yoast description. */
export function summarySentence(rng: Rng, place: string): string {
  const obj = rng.pick(OBJECTS).replace('{noun}', rng.pick(NOUNS));
  return htmlText(`In ${place}, ${lowerFirst(rng.pick(SUBJECTS))} ${rng.pick(VERBS)} ${obj}.`);
}
