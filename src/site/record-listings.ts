/**
 * The listings of the record, linked from every page's footer and offered by the
 * search page when search cannot start: together with the sections, they reach every story.
 */
export const RECORD_LISTINGS: readonly { href: string; label: string }[] = [
  { href: '/authors/', label: 'Our journalists' },
  { href: '/tags/', label: 'Topics' },
  { href: '/people/', label: 'People quoted' },
  { href: '/places/', label: 'Places' },
  { href: '/sources/', label: 'Sources cited' },
  { href: '/corrections/', label: 'Corrections' },
];
