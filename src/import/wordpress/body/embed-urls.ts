import { findEmbedProvider, type EmbedProvider, type EmbedProviders } from '../../../model/embeds.ts';

/**
 * The address an `<Embed>` can load for a URL a post embedded. WordPress
 * embeds a page's address (youtube.com/watch?v=…, youtu.be/…), the site's
 * allowlist names the hosts of frames (www.youtube-nocookie.com/embed/…):
 * YouTube addresses are turned into the embed address of an allowlisted
 * YouTube host, and an http address of another provider is tried as https.
 */
export function embedAddress(
  value: string,
  embeds: EmbedProviders,
): { url: string; provider: EmbedProvider } | undefined {
  for (const candidate of candidates(value.trim())) {
    const found = findEmbedProvider(candidate, embeds);
    if (found.ok) return { url: found.url.href, provider: found.provider };
  }
  return undefined;
}

/** YouTube's frame hosts, the private one first. */
const YOUTUBE_FRAMES = ['www.youtube-nocookie.com', 'www.youtube.com'];
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  ...YOUTUBE_FRAMES,
]);
const VIDEO_ID = /^[\w-]{6,20}$/;

function candidates(value: string): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [value];
  }
  const video = youtubeVideo(url);
  if (video) {
    const start = video.start ? `?start=${video.start}` : '';
    return YOUTUBE_FRAMES.map((host) => `https://${host}/embed/${video.id}${start}`);
  }
  if (url.protocol === 'http:') return [value, `https:${value.slice('http:'.length)}`];
  return [value];
}

/** The video a YouTube address shows, and the second it starts at; undefined for any other address. */
export function youtubeVideo(url: URL): { id: string; start?: number } | undefined {
  const host = url.hostname;
  const [first, second] = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (host === 'youtu.be') id = first;
  else if (YOUTUBE_HOSTS.has(host)) {
    if (first === 'watch') id = url.searchParams.get('v') ?? undefined;
    else if (['embed', 'shorts', 'live', 'v'].includes(first ?? '')) id = second;
  }
  if (!id || !VIDEO_ID.test(id)) return undefined;
  const start = seconds(url.searchParams.get('t') ?? url.searchParams.get('start') ?? '');
  return start ? { id, start } : { id };
}

/** `90`, `90s`, `1m30s`, `1h2m3s` as seconds; undefined for anything else. */
function seconds(value: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!value || !m) return undefined;
  const total = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return total > 0 ? total : undefined;
}
