/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Set by the build-env integration: true under `astro dev` only, whatever NODE_ENV says. */
  readonly NEWSROOM_DEV_SERVER: boolean;
  /** Set by the build-env integration: true under `astro dev` or a PREVIEW=1 build. */
  readonly NEWSROOM_PREVIEW: boolean;
  /** Set by the build-env integration: the folder of rendered story bodies, named by digest. */
  readonly NEWSROOM_BODY_DIR: string;
  /** Set by the build-env integration: Astro's cache folder (kept between builds in CI). */
  readonly NEWSROOM_CACHE_DIR: string;
  /** Set by the share-cards integration: the digest of the cards' design, part of each card's name. */
  readonly NEWSROOM_CARD_DESIGN: string;
}
