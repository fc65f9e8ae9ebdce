import FeedSourceQuote from './FeedSourceQuote.astro';
import FeedPullQuote from './FeedPullQuote.astro';
import FeedFigure from './FeedFigure.astro';

/** The body components as feed readers should get them. */
export const feedComponents = { SourceQuote: FeedSourceQuote, PullQuote: FeedPullQuote, Figure: FeedFigure };
