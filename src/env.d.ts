/// <reference types="astro/client" />


interface ImportMetaEnv {
  /** Set by the preview-mode integration: true under `astro dev` or a PREVIEW=1 build. */
  readonly NEWSROOM_PREVIEW: boolean;
}
