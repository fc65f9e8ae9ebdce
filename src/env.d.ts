/// <reference types="astro/client" />


interface ImportMetaEnv {
  /** Set by the build-env integration: true under `astro dev` or a PREVIEW=1 build. */
  readonly NEWSROOM_PREVIEW: boolean;
  /** Set by the build-env integration: the folder of rendered story bodies, named by digest. */
  readonly NEWSROOM_BODY_DIR: string;
  /** Set by the build-env integration: the folder of share cards kept between builds, by key. */
  readonly NEWSROOM_CARD_DIR: string;
  /** Set by the build-env integration: the @fontsource/source-serif-4 font files. */
  readonly NEWSROOM_CARD_FONT_DIR: string;
  /** Set by the build-env integration: public/, without a trailing slash. */
  readonly NEWSROOM_PUBLIC_DIR: string;
}
