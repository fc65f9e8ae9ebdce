/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Root-relative path of the story being rendered, so that <Figure> can find images beside it. */
    storyFile?: string;
  }
}
