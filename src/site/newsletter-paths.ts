import { getNewsroom } from './newsroom.ts';
import { withPageKeys } from './page-key.ts';
import { newsletterEditions } from './newsletters.ts';

/** One path per edition written (`/newsletters/<id>/<date>/…`), its view model as props. */
export async function editionIssuePaths() {
  const newsroom = await getNewsroom();
  return withPageKeys(
    newsroom.siteKey,
    newsletterEditions(newsroom).flatMap(({ issues }) =>
      issues.map((issue) => ({ params: { id: issue.id, date: issue.date }, props: { issue } })),
    ),
  );
}
