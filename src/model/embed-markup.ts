/**
 * The names the `<Embed>` markup is made of, shared by the renderer
 * (components.ts), the page script that loads the frame (src/client/embed.ts),
 * feeds (feed.ts) and the story page, which adds the script only when the body
 * has an embed. Plain constants: the page script bundles them without anything
 * else of the renderer.
 */
export const EMBED = {
  /** `<figure class="embed embed--video">`, with data-embed-url and data-embed-kind; the title is in its caption. */
  figure: 'embed',
  /** The hidden part the script shows: the load button and a line about the provider. */
  stage: 'embed__stage',
  load: 'embed__load',
  title: 'embed__title',
  source: 'embed__source',
  open: 'embed__open',
  /** What replaces the stage on a click: a box holding the frame, 16:9 for video, tall otherwise. */
  box: 'embed__box',
  boxVideo: 'embed__box--video',
  boxTall: 'embed__box--tall',
  frame: 'embed__frame',
} as const;

/** The frame's sandbox: enough for a player or a document viewer, no top navigation, no forms. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-presentation';
export const EMBED_ALLOW = 'fullscreen; picture-in-picture';
export const EMBED_REFERRER_POLICY = 'strict-origin-when-cross-origin';
