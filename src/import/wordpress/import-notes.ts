/**
 * What the importer tells the editor about one WordPress item: a conversion
 * that lost something, a file it could not find, a choice it made for them.
 * Every note names the post, so the report can say where to look.
 */
export type ImportNoteKind =
  | 'unknown-block'
  | 'unknown-shortcode'
  | 'dropped-html'
  | 'missing-image'
  | 'image-without-alt'
  | 'embed-as-link'
  | 'pages-joined'
  | 'dek-from-body'
  | 'title-placeholder'
  | 'password-protected'
  | 'slug-changed'
  | 'slug-collision'
  | 'redirect-skipped'
  | 'conflict'
  | 'other';

export interface ImportNote {
  kind: ImportNoteKind;
  /** What happened and what to do, in an editor's words. */
  detail: string;
}
