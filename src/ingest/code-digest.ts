import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { init as lexerReady, parse as lexImports, type ImportSpecifier } from 'es-module-lexer';

/**
 * The story loader's key for its own code, part of every cached entry's key. An entry made
 * by other code is stale (a changed `<SourceQuote>` must reach every stored body), but only
 * code the analysis runs can make it so: a changed feed or header writer must not send an
 * archive back through analysis. So the key covers the modules reached by following imports
 * from the entry points below, and the packages those modules import.
 */

/**
 * Where the code that decides what the loader stores starts. Imports are followed from
 * here; a module loaded any other way has to be listed itself: the worker file, which
 * analysis-pool.ts starts by URL, and what the worker loads through tsx's `tsImport`.
 */
export const STORY_CODE_ENTRIES = [
  // One story's analysis: frontmatter, schema, references, the rendered body.
  'src/ingest/story-analysis.ts',
  // Runs analyses on the loader's thread or in workers.
  'src/ingest/analysis-pool.ts',
  'src/ingest/analysis-worker.mjs',
  // How rendered bodies are kept.
  'src/ingest/body-store.ts',
  // Reads the registries stories are checked against (their contents are keyed apart).
  'src/ingest/registries.ts',
  // Decides what is stored for each story, and when a stored entry is reused.
  'src/ingest/story-loader.ts',
];

/** Modules whose imports are followed; other imported files (JSON, `?raw` text) count by their bytes alone. */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Tried after the specifier itself, as TypeScript and Vite complete a relative import. */
const IMPLIED_SUFFIXES = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.json', '/index.ts', '/index.mjs', '/index.js'];

/** TypeScript lets `./x.js` name `./x.ts`. */
const SCRIPT_FOR_OUTPUT: Record<string, string> = { '.js': '.ts', '.mjs': '.mts', '.jsx': '.tsx' };

/** `import type … from` is erased before the code runs, so what it names cannot change an output. */
const TYPE_ONLY_IMPORT = /^import\s+type\s+(?!from\s*['"`])/;

/**
 * Dependency fields that decide what an imported package does. Declarations (`@types/…`)
 * never run, so their versions are left out.
 */
const RUNTIME_DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

export interface ModuleGraph {
  /** Project-relative path of each module reached, with its text. */
  modules: Map<string, string>;
  /** `name@version` of each package imported and of each package those depend on. */
  packages: Set<string>;
}

export async function storyCodeDigest(root: string): Promise<string> {
  const graph = await moduleGraph(root, STORY_CODE_ENTRIES);
  const hash = createHash('sha256');
  for (const [file, text] of [...graph.modules].sort(([a], [b]) => (a < b ? -1 : 1))) {
    hash.update(file).update('\0').update(text).update('\0');
  }
  for (const version of [...graph.packages].sort()) hash.update(version).update('\0');
  return hash.digest('hex');
}

/** The modules reached from `entries` (project-relative) through their imports, and the packages they use. */
export async function moduleGraph(root: string, entries: readonly string[]): Promise<ModuleGraph> {
  await lexerReady;
  const modules = new Map<string, string>();
  const imported = new Map<string, string>(); // package name → a folder importing it
  const pending = entries.map((entry) => path.resolve(root, entry));
  while (pending.length) {
    const file = pending.pop()!;
    const key = projectPath(root, file);
    if (modules.has(key)) continue;
    const text = readFileSync(file, 'utf8');
    modules.set(key, text);
    if (!SCRIPT_FILE.test(file)) continue;
    for (const specifier of runtimeSpecifiers(key, text)) {
      if (isFilePath(specifier)) pending.push(resolveModule(key, file, specifier));
      else if (isPackage(specifier)) imported.set(packageName(specifier), path.dirname(file));
    }
  }
  return { modules, packages: packageVersions(imported) };
}

/** The specifiers of a module's imports that load code when it runs. */
function runtimeSpecifiers(file: string, text: string): string[] {
  let found: readonly ImportSpecifier[];
  try {
    [found] = lexImports(text, file);
  } catch (error) {
    // A module left out would let stale bodies through unnoticed; better the build stops.
    throw new Error(`${file}: its imports could not be read for the story cache key: ${String(error)}`, {
      cause: error,
    });
  }
  const specifiers: string[] = [];
  for (const entry of found) {
    if (entry.d === -2) continue; // import.meta
    if (entry.n === undefined) {
      throw new Error(
        `${file}: an import() the story cache key cannot follow (its module must be a string literal): ` +
          text.slice(entry.ss, entry.se),
      );
    }
    if (entry.d === -1 && TYPE_ONLY_IMPORT.test(text.slice(entry.ss, entry.se))) continue;
    specifiers.push(entry.n);
  }
  return specifiers;
}

const isFilePath = (specifier: string) => /^\.{0,2}\//.test(specifier);

/** Builtins and the bundler's virtual modules (`astro:…`) have no package to version. */
const isPackage = (specifier: string) => !isBuiltin(specifier) && !/^[\w-]+:/.test(specifier);

function packageName(specifier: string): string {
  if (specifier.startsWith('#')) {
    throw new Error(`subpath imports ("${specifier}") are not followed by the story cache key`);
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function resolveModule(importer: string, importerFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(importerFile), specifier.replace(/\?.*$/, ''));
  const asScript = SCRIPT_FOR_OUTPUT[path.extname(base)];
  const candidates = [base, ...IMPLIED_SUFFIXES.map((suffix) => base + suffix)];
  if (asScript) candidates.push(base.slice(0, -path.extname(base).length) + asScript);
  const found = candidates.find(isFile);
  if (!found) throw new Error(`${importer}: cannot find the module "${specifier}" it imports`);
  return found;
}

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

const projectPath = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/**
 * The versions of the packages imported and, transitively, of what they depend on: a
 * package's output depends on the dependencies it was installed with (hast-util-to-html's
 * character references live in one), which can change while its own version does not.
 */
function packageVersions(imported: Map<string, string>): Set<string> {
  const versions = new Set<string>();
  const visited = new Set<string>();
  const pending = [...imported].map(([name, from]) => ({ name, from }));
  while (pending.length) {
    const { name, from } = pending.pop()!;
    const folder = packageFolder(name, from);
    // Not installed: an optional dependency, or an import that fails anyway.
    if (!folder || visited.has(folder)) continue;
    visited.add(folder);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as PackageManifest;
    versions.add(`${manifest.name ?? name}@${manifest.version ?? ''}`);
    for (const dependency of runtimeDependencies(manifest)) pending.push({ name: dependency, from: folder });
  }
  return versions;
}

interface PackageManifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function runtimeDependencies(manifest: PackageManifest): string[] {
  const names = RUNTIME_DEPENDENCY_FIELDS.flatMap((field) => Object.keys(manifest[field] ?? {}));
  return names.filter((name) => !name.startsWith('@types/'));
}

/** Where Node finds a package imported from `from`: the nearest node_modules holding it, symlinks followed. */
function packageFolder(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const folder = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(folder, 'package.json'))) return realpathSync(folder);
    if (path.dirname(dir) === dir) return undefined;
  }
}
