import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** One response as a CDN would send it: text gzipped, everything else (fonts, images, Pagefind's files) as it is. */
export interface Transfer {
  path: string;
  bytes: number;
  /** The phase of the visit it was asked for in, named by the caller. */
  phase: string;
}

const TEXT = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Every response `page` receives from now on, with the bytes a CDN would send
 * for it (gzip, level 6, for text), under the phase it was requested in: `phase`
 * labels what is asked for next.
 */
export function logTransfers(page: Page) {
  const transfers: Transfer[] = [];
  const pending = new Set<Promise<void>>();
  let phase = 'load';
  const askedIn = new WeakMap<object, string>();
  page.on('request', (request) => askedIn.set(request, phase));
  page.on('response', (response) => {
    const asked = askedIn.get(response.request()) ?? phase;
    const done = response
      .body()
      .then((body) => {
        const type = response.headers()['content-type'] ?? '';
        const bytes = TEXT.test(type) ? gzipSync(body).length : body.length;
        transfers.push({ path: new URL(response.url()).pathname, bytes, phase: asked });
      })
      .catch(() => {})
      .finally(() => pending.delete(done));
    pending.add(done);
  });
  return {
    transfers,
    set phase(name: string) {
      phase = name;
    },
    /** Waits until every response seen so far has been read. */
    settled: () => Promise.all([...pending]),
    inPhase: (name: string) => transfers.filter((t) => t.phase === name),
    bytes: (name: string) => transfers.filter((t) => t.phase === name).reduce((sum, t) => sum + t.bytes, 0),
  };
}
