import type { Story } from './story.ts';

/**
 * What is left at the URL of a story that was taken down: a removed story
 * (legal or licence removal) or a syndicated copy whose licence expired. The
 * notice page shows this and nothing of the story itself, not even its
 * headline, which may be what had to come down.
 */
export interface WithdrawalNotice {
  slug: string;
  url: string;
  reason: 'removed' | 'expired';
  /** When the story was taken down. */
  date: Date;
  notice: string;
  /** For an expired syndicated copy: where readers can still find the original. */
  original?: { publisher: string; url: string } | undefined;
}

/** The notice left by a removed or expired story; undefined for any other state. */
export function withdrawalNotice(story: Story<unknown>): WithdrawalNotice | undefined {
  if (story.state === 'removed' && story.removed) {
    return {
      slug: story.slug,
      url: story.url,
      reason: 'removed',
      date: story.removed.date,
      notice: story.removed.notice,
    };
  }
  const syndication = story.syndication;
  if (story.state === 'expired' && syndication?.expires) {
    return {
      slug: story.slug,
      url: story.url,
      reason: 'expired',
      date: syndication.expires,
      notice:
        `This story was republished from ${syndication.publisher} under a licence that has ended, ` +
        'so it is no longer available here.',
      original: { publisher: syndication.publisher, url: syndication.url },
    };
  }
  return undefined;
}
