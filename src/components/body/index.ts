import SourceQuote from './SourceQuote.astro';
import PullQuote from './PullQuote.astro';
import Figure from './Figure.astro';

/** The components a story body may use without imports, as rendered on the site. */
export const bodyComponents = { SourceQuote, PullQuote, Figure };
