/**
 * The class names a live story's page is made of, shared by the entry writer
 * (src/outputs/live-entry.ts), the page's components and the script that inserts new entries
 * (src/client/live-updates.ts). Plain constants: the script bundles them and nothing else.
 */
export const LIVE = {
  /** `<article class="live-entry" id="entry-<id>" data-entry-id="<id>">`, one per entry. */
  entry: 'live-entry',
  pinned: 'live-entry--pinned',
  /** `<time class="live-entry__time" datetime>`: the script adds how long ago after it. */
  time: 'live-entry__time',
  ago: 'live-entry__ago',
  /** The entries and what the script needs, in one element carrying `data-live-json` while coverage is open. */
  coverage: 'live-coverage',
  /** The entries below the pinned one, newest first: new ones go in at its top. */
  list: 'live-entries',
  /** "No updates yet", until there is one. */
  empty: 'live-entries__empty',
  /** The space kept above the list for the button, with a note in its place until then. */
  slot: 'live-new',
  note: 'live-new__note',
  button: 'live-new__button',
  /** The polite live region that says what was added. */
  status: 'live-status',
} as const;
