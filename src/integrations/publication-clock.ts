import type { AstroIntegration } from 'astro';
import type { PublicationFields } from '../model/publication.ts';
import { nextPublicationChange } from '../model/publication-changes.ts';
import { listenToStoryRecords } from '../ingest/story-records.ts';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

/** The longest delay setTimeout keeps (about 24.8 days); a later instant is waited for in steps. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Under `astro dev`, a story's publication state changes with time as well as
 * with edits: a scheduled story's date comes, an embargo lifts, a licence ends.
 * Astro's dev server keeps each route's `getStaticPaths()` result until it
 * hears that the content changed, which its content layer says after a sync.
 * This says it too, at the instant the first story changes state, so listings
 * and story pages follow the clock as the site will; `getNewsroom()` builds
 * its model again on its own once that instant has passed.
 *
 * It reads the stories from the loader's records (story-records.ts), whole
 * syncs at a time. Not under `astro build`, nor with BUILD_TIME set, when the
 * instant is fixed.
 */
export default function publicationClock(): AstroIntegration {
  let server: DevServer | undefined;
  let stories: PublicationFields[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopListening: (() => void) | undefined;

  function contentChanged(): void {
    // What Astro's content layer sends the environments that render pages when the store changes.
    for (const name of ['ssr', 'prerender']) server?.environments[name]?.hot.send('astro:content-changed', {});
  }

  function arm(): void {
    clearTimeout(timer);
    timer = undefined;
    const next = nextPublicationChange(stories, new Date());
    if (!server || !next) return;
    const delay = Math.min(Math.max(next.getTime() - Date.now(), 0), LONGEST_TIMEOUT_MS);
    timer = setTimeout(() => {
      if (Date.now() >= next.getTime()) contentChanged();
      arm();
    }, delay);
    timer.unref();
  }

  return {
    name: 'newsroom:publication-clock',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'dev' || process.env['BUILD_TIME']) return;
        let arriving: PublicationFields[] = [];
        stopListening = listenToStoryRecords({
          onRecord: (record) => arriving.push(record.data as unknown as PublicationFields),
          onEnd: () => {
            stories = arriving;
            arriving = [];
            arm();
          },
        });
      },
      'astro:server:setup': ({ server: devServer }) => {
        server = devServer;
        arm();
      },
      // A restart (after a config change) sets up a new instance of this integration.
      'astro:server:done': () => {
        clearTimeout(timer);
        stopListening?.();
        server = undefined;
      },
    },
  };
}
