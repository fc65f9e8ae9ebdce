import type { ElementContent } from 'hast';
import { EMBED_KIND_LABEL } from '../../../model/embeds.ts';
import { linkProblem } from '../../../model/links.ts';
import type { Conversion } from './conversion.ts';
import { el, text } from './hast-tools.ts';
import { embedAddress } from './embed-urls.ts';
import { embedElement } from './placeholders.ts';

/**
 * What a post embedded (a video, a document, a tweet) or played (audio and
 * video files), as a story shows it: an `<Embed>` when the site's allowlist
 * takes the host (and the page is MDX), a link to the original otherwise.
 */

/** An `<Embed>` for the address, or a paragraph linking to it, noted for the editor. */
export function embedOrLink(url: string, title: string | undefined, conversion: Conversion): ElementContent[] {
  const { embeds, markdownOnly } = conversion.context;
  const embed = embedAddress(url, embeds);
  if (embed && !markdownOnly) return [embedElement(embed.url, title || defaultTitle(embed.provider))];
  const why = markdownOnly
    ? 'a page in plain Markdown embeds nothing'
    : 'its host is not under embeds in content/site.yaml';
  conversion.note('embed-as-link', `${url} was embedded in WordPress; ${why}, so it links to it`);
  return [el('p', {}, [linkTo(url, title || url)])];
}

const defaultTitle = (provider: { name: string; kind: keyof typeof EMBED_KIND_LABEL }) =>
  `${EMBED_KIND_LABEL[provider.kind]} from ${provider.name}`;

/** A link to the address, or only its text when the address is not one a story may link to. */
export function linkTo(url: string, label: string): ElementContent {
  return linkProblem(url) === undefined ? el('a', { href: url }, [text(label)]) : text(label);
}

/** An audio or video file WordPress played in the page, as a link to it. */
export function mediaLink(kind: 'audio' | 'video', url: string, conversion: Conversion): ElementContent {
  conversion.note(
    'embed-as-link',
    `the ${kind} file ${url} played in the WordPress page; the story links to it at that address: ` +
      'copy the file somewhere readers can reach, or embed it from a video host',
  );
  return linkTo(url, `${kind === 'audio' ? 'Audio' : 'Video'}: ${fileName(url)}`);
}

/** The file name at the end of an address, for a link's text. */
function fileName(url: string): string {
  try {
    const name = new URL(url, 'https://example.invalid/').pathname.split('/').filter(Boolean).at(-1);
    return name ? decodeURIComponent(name) : url;
  } catch {
    return url;
  }
}

/**
 * Hosts WordPress embeds an address of on a line of its own (its oEmbed
 * providers): such a line that the site cannot embed is worth the editor's
 * look. Any other address on a line of its own is a link, as it was.
 */
const OEMBED_HOSTS = [
  ...['youtube.com', 'youtu.be', 'vimeo.com', 'dailymotion.com', 'ted.com', 'tiktok.com', 'twitter.com', 'x.com'],
  ...['instagram.com', 'facebook.com', 'flickr.com', 'soundcloud.com', 'spotify.com', 'mixcloud.com', 'reddit.com'],
  ...['scribd.com', 'slideshare.net', 'issuu.com', 'documentcloud.org', 'imgur.com', 'tumblr.com', 'kickstarter.com'],
  ...['speakerdeck.com', 'wordpress.tv', 'pinterest.com', 'datawrapper.dwcdn.net', 'cloudup.com', 'crowdsignal.com'],
];

export function isOembedAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return OEMBED_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}

/** Whether the address is a web address alone, as WordPress's auto-embed finds one on a line. */
export const isBareAddress = (value: string): boolean => /^https?:\/\/[^\s<>"]+$/.test(value);

/** An address WordPress would embed from a line of its own: embedded when the site can, else linked. */
export function autoEmbed(url: string, conversion: Conversion): ElementContent[] | undefined {
  if (embedAddress(url, conversion.context.embeds)) return embedOrLink(url, undefined, conversion);
  if (!isOembedAddress(url)) return undefined;
  return embedOrLink(url, undefined, conversion);
}
