import type { CollectionEntry } from 'astro:content';
import type { PublicationFields } from '../model/publication.ts';
import { editionSlots, editionStories } from '../model/newsletter-edition.ts';
import { formatDay } from '../model/dates.ts';
import { editionsOf } from '../ingest/newsletters-file.ts';
import type { EditionConfig, Schedule } from '../schemas/newsletters.ts';
import {
  editionPreheader,
  editionSubject,
  type EditionView,
  type EmailFurniture,
} from '../outputs/newsletter-email.ts';
import type { Newsroom, SiteStory } from './newsroom.ts';
import { absoluteUrl, site } from './site.ts';

/**
 * The email editions of a build, from content/newsletters.yaml and the newsroom's live
 * stories: for each edition, its kept send times that have stories (an empty window writes no
 * edition), newest first. Imported as text so that the pages depend on it: an edit of the file
 * renders them again.
 */

const newsletterFiles = import.meta.glob<string>('/content/newsletters.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const editionConfigs: EditionConfig[] = editionsOf(newsletterFiles['/content/newsletters.yaml']);

export interface NewsletterEdition {
  config: EditionConfig;
  /** The editions written, newest first. */
  issues: EditionView[];
}

const WEEKDAY_NAMES: Record<string, string> = {
  monday: 'Mondays',
  tuesday: 'Tuesdays',
  wednesday: 'Wednesdays',
  thursday: 'Thursdays',
  friday: 'Fridays',
  saturday: 'Saturdays',
  sunday: 'Sundays',
};

/** "Every day at 06:00 (America/New_York)", "Mondays at 07:00 (America/New_York)". */
export function scheduleText(schedule: Schedule, timeZone: string): string {
  const when = schedule.every === 'day' ? 'Every day' : WEEKDAY_NAMES[schedule.every];
  return `${when} at ${schedule.at} (${timeZone.replace(/_/g, ' ')})`;
}

export function editionPath(id: string, date?: string): string {
  return date === undefined ? `/newsletters/${id}/` : `/newsletters/${id}/${date}/`;
}

/** What every e-mail ends with: where to sign up, where to leave, who sent it. */
export function emailFurniture(): EmailFurniture {
  return {
    siteName: site.name,
    siteUrl: absoluteUrl('/'),
    signupUrl: absoluteUrl('/newsletters/'),
    unsubscribe: site.newsletter?.unsubscribe,
    postal: site.newsletter?.postal ?? [],
    language: site.language,
  };
}

type StoryWithFields = { story: SiteStory; fields: PublicationFields; section: string };

function issuesOf(config: EditionConfig, candidates: readonly StoryWithFields[], at: Date): EditionView[] {
  return editionSlots(config, site.timezone, at).flatMap((slot) => {
    const chosen = editionStories(candidates, slot, config);
    if (chosen.length === 0) return [];
    const stories = chosen.map(({ story }) => ({
      url: absoluteUrl(story.url),
      title: story.title,
      dek: story.dek,
      authors: story.authors.map((a) => a.name),
      section: story.section.name,
    }));
    return [
      {
        id: config.id,
        name: config.name,
        date: slot.date,
        sendTime: slot.at,
        subject: editionSubject(config.name, formatDay(slot.at, site.timezone, site.language)),
        preheader: editionPreheader(stories, config.description),
        webUrl: absoluteUrl(editionPath(config.id, slot.date)),
        stories,
      },
    ];
  });
}

let kept: { newsroom: Newsroom; editions: NewsletterEdition[] } | undefined;

/** Every edition with its issues; worked out once per newsroom model. */
export function newsletterEditions(newsroom: Newsroom): NewsletterEdition[] {
  if (kept?.newsroom === newsroom) return kept.editions;
  const entries: ReadonlyMap<string, CollectionEntry<'articles'>> = newsroom.entries;
  const candidates =
    editionConfigs.length === 0
      ? []
      : newsroom.live.map((story) => ({
          story,
          fields: entries.get(story.slug)!.data as unknown as PublicationFields,
          section: story.section.id,
        }));
  const editions = editionConfigs.map((config) => ({ config, issues: issuesOf(config, candidates, newsroom.at) }));
  kept = { newsroom, editions };
  return editions;
}
