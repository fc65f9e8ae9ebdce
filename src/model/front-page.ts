import type { Story } from './story.ts';

/**
 * The editors' picks from `content/front.yaml` (slugs) as live stories: the
 * lead, else the newest live story; pinned stories other than the lead. A slug
 * that is not live (a draft, scheduled, removed, or misspelt) is skipped: it
 * must not surface, and the front page must not break for it.
 */
export function editorsChoice<S extends { slug: string }>(
  choice: { lead?: string | undefined; pinned: readonly string[] },
  liveNewestFirst: readonly S[],
): { lead: S | undefined; pinned: S[] } {
  const bySlug = new Map(liveNewestFirst.map((s) => [s.slug, s]));
  const lead = (choice.lead !== undefined ? bySlug.get(choice.lead) : undefined) ?? liveNewestFirst[0];
  const pinned = choice.pinned.flatMap((slug) => bySlug.get(slug) ?? []).filter((s) => s !== lead);
  return { lead, pinned: [...new Set(pinned)] };
}

/**
 * The front page: the editors' lead (else the newest story), their pinned
 * picks, then the latest stories of each section, never repeating a story
 * already shown higher up.
 */
export function frontPage<S extends Story<unknown>>(
  live: readonly S[],
  choice: { lead: S | undefined; pinned: readonly S[] },
  sectionIds: readonly string[],
  perSection: number,
): { lead: S | undefined; pinned: S[]; bySection: Map<string, S[]> } {
  const shown = new Set<string>();
  if (choice.lead) shown.add(choice.lead.slug);
  const pinned: S[] = [];
  for (const s of choice.pinned) {
    if (!shown.has(s.slug)) pinned.push(s);
    shown.add(s.slug);
  }
  const bySection = new Map<string, S[]>(sectionIds.map((id) => [id, []]));
  for (const story of live) {
    const list = bySection.get(story.section.id);
    if (list && list.length < perSection && !shown.has(story.slug)) list.push(story);
  }
  return { lead: choice.lead, pinned, bySection };
}
