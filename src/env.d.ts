/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Root-relative path of the story being rendered, so that <Figure> can find images beside it. */
    storyFile?: string;
  }
}

interface ImportMetaEnv {
  /** Set by the preview-mode integration: true under `astro dev` or a PREVIEW=1 build. */
  readonly NEWSROOM_PREVIEW: boolean;
}
