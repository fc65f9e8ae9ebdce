import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldedName } from '../model/old-address.ts';
import { slug } from '../model/slug.ts';
import type { Problem } from '../ingest/problems.ts';

/**
 * The files and folders the build writes at the top of `dist/` besides the
 * stories and their old addresses: what no `redirect_from` may overwrite or
 * write into. Derived, not listed by hand, wherever the names can be known:
 * the routes from the files of src/pages/, the policy pages from
 * content/pages/, the public files from public/. Names are compared folded
 * (see `foldedName`): on a Mac or Windows build machine `/Index.html` is the
 * front page.
 */

/** Something of the site's own that an old address would overwrite or write into. */
export interface SiteOutput {
  /** Its path under dist/ as the build writes it: `index.html`, `tags`, `favicon.svg`. */
  name: string;
  /** The site path as a writer knows it: `/`, `/tags/`, `/favicon.svg`. */
  shown: string;
  /** What it is, in newsroom words: "the front page". */
  what: string;
}

export interface SiteOutputs {
  /** Files, by folded path under dist/ (`index.html`, `rss.xml`). */
  files: ReadonlyMap<string, SiteOutput>;
  /** Folders whose every path is the site's, by folded path under dist/ (`tags`, `pagefind`). */
  folders: ReadonlyMap<string, SiteOutput>;
  /** Top-level names the site keeps by pattern (`sitemap-<n>.xml`, `_astro`), tested folded. */
  patterns: readonly { test: RegExp; output: SiteOutput }[];
}

const OWN_PAGES = "one of the site's own pages";
const OWN_FILES = "one of the site's own files";

/**
 * Folders of routes whose children are not all the site's: under /articles/
 * only the stories' own addresses are taken, so that a renamed or deleted
 * story's old address can lead to its successor.
 */
const OPEN_FOLDERS = new Set(['articles']);

/**
 * Top-level routes whose names the route file cannot tell, and what stands in
 * for them here. Any other such route stops the check, so that a new one is
 * never left unguarded.
 */
const NAMED_ELSEWHERE = new Map([
  // The redirect pages themselves.
  ['[...legacy]', 'the old addresses'],
  // `_redirects`: every top-level name starting with _ is kept (below).
  ['[cdnFile]', 'the CDN files'],
  // content/pages/<id>.md, listed by `policyPageOutputs`.
  ['[policyPage]', 'the policy pages'],
]);

/**
 * What the build writes besides the routes: Vite's assets (`_astro`), the CDN
 * files (`_headers`, `_redirects`), the search index and the share cards
 * (src/integrations/pagefind-index.ts, share-cards.ts).
 */
const BUILD_FOLDERS: readonly [string, string][] = [
  ['pagefind', 'where the build writes the search index'],
  ['cards', 'where the build writes the share cards'],
];
const UNDERSCORE: SiteOutput = {
  name: '_',
  shown: '/_…',
  what: 'a name starting with _, which the build and the host keep for their own files (_astro, _redirects)',
};

const PAGE = /\.(astro|md|mdx|html)$/;
const ENDPOINT = /\.(ts|js|mjs|mts)$/;

class RouteError extends Error {}

/** `sitemap-[n].xml` → a pattern for the names it stands for. */
function routePattern(name: string): RegExp {
  const source = name
    .split(/(\[[^\]]*\])/)
    .map((part) => (part.startsWith('[') ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * What the routes of src/pages/ write at the top of dist/, from their file
 * names (relative to src/pages/, POSIX), as Astro's directory format writes
 * them: a page `search.astro` is the folder `search/`, `index.astro` and
 * `404.astro` are `index.html` and `404.html`, an endpoint `rss.xml.ts` is the
 * file `rss.xml`, a folder `tags/…` is all of `tags/`.
 */
export function routeOutputs(routeFiles: readonly string[]): SiteOutputs {
  const outputs = emptyOutputs();
  for (const file of routeFiles) {
    // Astro leaves out files and folders whose names start with _, and files that are not routes.
    if (file.split('/').some((step) => step.startsWith('_'))) continue;
    const isPage = PAGE.test(file);
    if (!isPage && !ENDPOINT.test(file)) continue;
    const steps = file.split('/');
    const first = steps[0]!;
    if (steps.length > 1) {
      if (first.includes('[')) throw new RouteError(file);
      if (OPEN_FOLDERS.has(first)) addFile(outputs, `${first}/index.html`, `/${first}/`, OWN_PAGES);
      // A page of the folder's name (search.astro beside search/names.json.ts) says what the folder is.
      else if (!outputs.folders.has(foldedName(first)))
        addFolder(outputs, first, `/${first}/`, 'where the site writes its own pages');
      continue;
    }
    const name = first.replace(isPage ? PAGE : ENDPOINT, '');
    if (NAMED_ELSEWHERE.has(name)) continue;
    if (name.includes('[')) {
      if (/^\[[^\]]*\]$/.test(name)) throw new RouteError(file);
      const shown = `/${name.replace(/\[[^\]]*\]/g, '…')}`;
      outputs.patterns.push({ test: routePattern(foldedName(name)), output: { name, shown, what: OWN_FILES } });
    } else if (!isPage) addFile(outputs, name, `/${name}`, OWN_FILES);
    else if (name === 'index') addFile(outputs, 'index.html', '/', 'the front page');
    else if (name === '404' || name === '500') addFile(outputs, `${name}.html`, `/${name}.html`, OWN_PAGES);
    else addFolder(outputs, name, `/${name}/`, OWN_PAGES);
  }
  for (const [name, what] of BUILD_FOLDERS) addFolder(outputs, name, `/${name}/`, what);
  outputs.patterns.push({ test: /^_/, output: UNDERSCORE });
  return outputs;
}

interface MutableOutputs extends SiteOutputs {
  files: Map<string, SiteOutput>;
  folders: Map<string, SiteOutput>;
  patterns: { test: RegExp; output: SiteOutput }[];
}

const emptyOutputs = (): MutableOutputs => ({ files: new Map(), folders: new Map(), patterns: [] });

function addFile(outputs: MutableOutputs, name: string, shown: string, what: string): void {
  outputs.files.set(foldedName(name), { name, shown, what });
}

function addFolder(outputs: MutableOutputs, name: string, shown: string, what: string): void {
  outputs.folders.set(foldedName(name), { name, shown, what });
}

/** The top-level files and folders of public/, which the build copies to dist/ as they are. */
export function publicOutputs(entries: readonly { name: string; isFolder: boolean }[]): SiteOutputs {
  const outputs = emptyOutputs();
  for (const { name, isFolder } of entries) {
    if (isFolder) addFolder(outputs, name, `/${name}/`, 'a folder from public/ that the site serves as it is');
    else addFile(outputs, name, `/${name}`, 'a file from public/ that the site serves as it is');
  }
  return outputs;
}

/** The policy pages, `/<id>/` for each content/pages/<id>.md (Astro's glob loader slugs the name). */
export function policyPageOutputs(fileNames: readonly string[]): SiteOutputs {
  const outputs = emptyOutputs();
  for (const name of fileNames) {
    if (!name.endsWith('.md') || name.includes('/')) continue;
    const id = name.slice(0, -'.md'.length);
    for (const folder of new Set([id, slug(id)]))
      addFolder(outputs, folder, `/${slug(id)}/`, `the policy page from content/pages/${name}`);
  }
  return outputs;
}

export function mergeOutputs(...parts: readonly SiteOutputs[]): SiteOutputs {
  return {
    files: new Map(parts.flatMap((p) => [...p.files])),
    folders: new Map(parts.flatMap((p) => [...p.folders])),
    patterns: parts.flatMap((p) => p.patterns),
  };
}

/** How an old address's file (under dist/) meets one of the site's outputs. */
export interface Clash {
  output: SiteOutput;
  /** `same`: the very file; `inside`: in a folder of the site's; `across`: a file of the site's where a folder goes. */
  how: 'same' | 'inside' | 'across';
  /** Whether the names differ only in case or normalisation. */
  byCaseOnly: boolean;
}

/** Which of the site's outputs the file `file` (a path under dist/, as written) would overwrite or write into. */
export function clashWith(outputs: SiteOutputs, file: string): Clash | undefined {
  const steps = file.split('/');
  const folded = steps.map(foldedName);
  for (let n = 1; n <= steps.length; n++) {
    const key = folded.slice(0, n).join('/');
    const written = steps.slice(0, n).join('/');
    const clash = (output: SiteOutput, how: Clash['how']): Clash => ({
      output,
      how,
      byCaseOnly: written !== output.name,
    });
    const folder = outputs.folders.get(key);
    // A folder's index.html is the folder's page: /search/ and /search/index.html are one.
    const isItsPage = n === steps.length || (n === steps.length - 1 && folded[n] === 'index.html');
    if (folder) return clash(folder, isItsPage ? 'same' : 'inside');
    const siteFile = outputs.files.get(key);
    if (siteFile) return clash(siteFile, n === steps.length ? 'same' : 'across');
  }
  const pattern = outputs.patterns.find((p) => p.test.test(folded[0]!));
  if (pattern) return { output: pattern.output, how: steps.length > 1 ? 'inside' : 'same', byCaseOnly: false };
  return undefined;
}

/**
 * The folder of the site's routes, beside this file's folder: the code that is
 * built, wherever the content is (a content folder in a test has none).
 */
const PAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pages');

let routesRead: SiteOutputs | undefined;

function readRouteOutputs(): SiteOutputs {
  if (!existsSync(PAGES_DIR))
    throw new Error(`The site's routes are not at ${PAGES_DIR}: the redirect check needs them`);
  const files = readdirSync(PAGES_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(PAGES_DIR, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  try {
    return routeOutputs(files);
  } catch (error) {
    if (!(error instanceof RouteError)) throw error;
    throw new Error(
      `src/pages/${error.message}: a route whose file names the redirect check cannot know; ` +
        'say in src/check/site-outputs.ts (NAMED_ELSEWHERE) what it writes',
      { cause: error },
    );
  }
}

function listTop(dir: string): { name: string; isFolder: boolean }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isFolder: e.isDirectory() }));
}

/** What the code and public/ write at the top of dist/: everything of the site's own but the policy pages. */
export function readFixedOutputs(root: string): SiteOutputs {
  routesRead ??= readRouteOutputs();
  return mergeOutputs(routesRead, publicOutputs(listTop(path.join(root, 'public'))));
}

/** Everything of the site's own at the top of dist/, for the project at `root`, as it is now. */
export function readSiteOutputs(root: string): SiteOutputs {
  return mergeOutputs(
    readFixedOutputs(root),
    policyPageOutputs(listTop(path.join(root, 'content', 'pages')).map((e) => e.name)),
  );
}

/**
 * A policy page whose address a route or a public/ file already takes: Astro
 * would keep the route's page, and the policy page would silently never appear.
 */
export function policyPageClashes(pageIds: readonly string[], fixed: SiteOutputs): Problem[] {
  return pageIds.flatMap((id) => {
    const clash = clashWith(fixed, `${id}/index.html`) ?? clashWith(fixed, id);
    if (!clash) return [];
    return [
      {
        severity: 'error' as const,
        file: `content/pages/${id}.md`,
        line: 1,
        field: 'file',
        message: `/${id}/ is ${clash.output.what} (${clash.output.shown}), so this page would never be published`,
        hint: 'rename the file, and its link under policies in content/site.yaml',
      },
    ];
  });
}
