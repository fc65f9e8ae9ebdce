import type { PublicationState } from '../model/publication.ts';
import type { Problem } from '../ingest/problems.ts';
import { foldedName, oldAddressMessage, oldAddressProblem } from '../model/old-address.ts';
import { redirectPageFile } from '../outputs/redirect-rules.ts';
import { clashWith, type Clash, type SiteOutputs } from './site-outputs.ts';

/** One story's `redirect_from` paths. */
export interface RedirectClaim {
  file: string;
  slug: string;
  paths: readonly string[];
  /** The story's state at the build instant; left out, the story is taken to have a page. */
  state?: PublicationState | undefined;
}

/** States in which a story has no page for old paths to lead to (outside a preview). */
const WITHOUT_PAGE: ReadonlySet<PublicationState> = new Set(['draft', 'scheduled', 'embargoed']);

/** Why one story's old address, at `redirect_from.<index>`, cannot be; the caller adds file and line. */
type Refusal = { message: string; hint: string };

const CASE_NOTE =
  'names that differ only in capitals or accents count as one: a Mac or Windows build machine writes them to one file';

function siteClashRefusal(raw: string, clash: Clash): Refusal {
  const { output, how } = clash;
  const verb = how === 'same' ? 'would overwrite' : how === 'inside' ? 'would write into' : 'would clash with';
  const hint = "an old address cannot take the place of the site's own pages and files; remove it from redirect_from";
  return {
    message: `${raw} ${verb} ${output.shown}, ${output.what}`,
    hint: clash.byCaseOnly ? `${hint}; ${CASE_NOTE}` : hint,
  };
}

/** A story's own address and everything under it is the story's: `/articles/<slug>/…`. */
function storyRefusal(
  raw: string,
  claim: RedirectClaim,
  storyAt: ReadonlyMap<string, RedirectClaim>,
): Refusal | undefined {
  const steps = redirectPageFile(raw).split('/');
  if (steps.length < 3 || foldedName(steps[0]!) !== 'articles') return undefined;
  const story = storyAt.get(foldedName(steps[1]!));
  if (!story) return undefined;
  const where = steps.length === 3 && foldedName(steps[2]!) === 'index.html' ? 'is' : 'lies under';
  const byCase = steps[0] === 'articles' && steps[1] === story.slug ? '' : `; ${CASE_NOTE}`;
  return story === claim
    ? { message: `${raw} ${where} this story's own URL`, hint: `remove it from redirect_from${byCase}` }
    : {
        message: `${raw} ${where} the URL where ${story.file} is published`,
        hint: `a URL that serves a story, and anything under it, cannot also redirect; remove it${byCase}`,
      };
}

/**
 * What `redirect_from` must not do across stories: be anything but a plain
 * path (see model/old-address.ts); write over or into a story's URL or one of
 * the site's own pages and files (`site`); claim an old URL another story
 * already claims (it can lead to one story only), or one that needs a folder
 * where another old URL is a file; or lead to a story that has no page (a
 * draft, a scheduled or embargoed story; in a preview those have pages).
 * `lineOf` finds the line of a path in a file, for the message.
 */
export function redirectProblems(
  claims: readonly RedirectClaim[],
  lineOf: (file: string, path: string) => number,
  options: { preview?: boolean; site: SiteOutputs },
): Problem[] {
  const storyAt = new Map(claims.map((c) => [foldedName(c.slug), c]));
  const claimedFiles = new Map<string, { claim: RedirectClaim; raw: string; index: number }>();
  const claimedFolders = new Map<string, { claim: RedirectClaim; raw: string }>();
  const problems: Problem[] = [];
  const ordered = [...claims].sort((a, b) => a.file.localeCompare(b.file));
  for (const claim of ordered) {
    claim.paths.forEach((raw, i) => {
      const at = ({ message, hint }: Refusal) =>
        problems.push({
          severity: 'error',
          file: claim.file,
          line: lineOf(claim.file, raw),
          field: `redirect_from.${i}`,
          message,
          hint,
        });
      const syntax = oldAddressProblem(raw);
      if (syntax) {
        at({ message: oldAddressMessage(raw, syntax), hint: 'write the path as the old site served it' });
        return;
      }
      const refusal = storyRefusal(raw, claim, storyAt);
      if (refusal) return at(refusal);
      const file = redirectPageFile(raw);
      const clash = clashWith(options.site, file);
      if (clash) return at(siteClashRefusal(raw, clash));
      const key = foldedName(file);
      const earlier = claimedFiles.get(key);
      if (earlier) {
        const byCase = redirectPageFile(earlier.raw) === file ? '' : `; ${CASE_NOTE}`;
        if (earlier.claim === claim) {
          return at({
            message: `${raw} is the same page as ${earlier.raw} (redirect_from.${earlier.index})`,
            hint: `list it once${byCase}`,
          });
        }
        return at({
          message: `${raw} already redirects to ${earlier.claim.file}`,
          hint: `an old URL can lead to one story only; remove it from one of them${byCase}`,
        });
      }
      const steps = key.split('/');
      const folders = steps.slice(0, -1).map((_, n) => steps.slice(0, n + 1).join('/'));
      const fileAbove = folders.map((f) => claimedFiles.get(f)).find(Boolean);
      const folderHere = claimedFolders.get(key);
      const other = fileAbove ?? folderHere;
      if (other) {
        return at({
          message:
            `${raw} and ${other.raw} (${other.claim === claim ? 'this story' : other.claim.file}) ` +
            'cannot both be written: one would need a folder where the other is a file',
          hint: 'keep one of them',
        });
      }
      claimedFiles.set(key, { claim, raw, index: i });
      for (const folder of folders) if (!claimedFolders.has(folder)) claimedFolders.set(folder, { claim, raw });
      if (claim.state && WITHOUT_PAGE.has(claim.state) && !options.preview) {
        at({
          message: `${raw} would lead to this story, which is ${claim.state} and has no page yet`,
          hint: 'publish the story first, or keep the old URL on the live story',
        });
      }
    });
  }
  return problems;
}

/**
 * The 1-based line of the first line of `text` that holds `path` as a whole
 * list item, looking from the `redirect_from` field on (`/` is on many lines
 * before it); else the field's line; else 1.
 */
export function lineMentioning(text: string, path: string): number {
  const lines = text.split('\n');
  const field = Math.max(
    0,
    lines.findIndex((line) => line.startsWith('redirect_from:')),
  );
  const item = new RegExp(`(?:^|[\\s\\[,'"])${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[\\s\\],'"#])`);
  const index = lines.findIndex((line, n) => n >= field && item.test(line));
  return (index >= 0 ? index : field) + 1;
}
