import { z } from 'astro/zod';
import { LINK_HINT, linkProblem } from '../model/links.ts';

/** An address content may link to (src/model/links.ts): http(s), mailto:, a page of this site, a #fragment. */
export const siteLink = z.string().superRefine((value, ctx) => {
  const problem = linkProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (${LINK_HINT})` });
});
