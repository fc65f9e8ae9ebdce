import type { Story } from './story';

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
