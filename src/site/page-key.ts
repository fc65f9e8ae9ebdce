import { createHash } from 'node:crypto';

/**
 * Keys that let Astro's incremental build (`experimental.incrementalBuild`)
 * reuse a page from the previous build. Astro already compares the page's code
 * (its module graph); the key must cover the data. A page's key is the hash of
 * everything it receives through props, plus what every page shows (the site
 * key): so a page that reads data any other way would be reused stale, and
 * pages must take what they show from their props.
 */

/**
 * JSON with object keys sorted, so the same data always gives the same text.
 * Maps, sets, functions and symbols have no faithful JSON form: rather than be
 * hashed as `{}` (and let a changed page look unchanged), they are refused.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, function replacer(key, raw: unknown) {
    // JSON.stringify has already applied toJSON (dates become ISO strings).
    if (raw !== value && raw && typeof raw === 'object') {
      const known = digestOf(raw);
      if (known !== undefined) return { [DIGEST_MARK]: known };
    }
    if (raw instanceof Map || raw instanceof Set)
      throw new TypeError(
        `stableJson: ${describe(key)} is a ${raw.constructor.name}; turn it into an array or object first`,
      );
    if (typeof raw === 'function' || typeof raw === 'symbol' || typeof raw === 'bigint') {
      throw new TypeError(`stableJson: ${describe(key)} is a ${typeof raw}, which has no JSON form`);
    }
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(raw).sort()) sorted[k] = (raw as Record<string, unknown>)[k];
      return sorted;
    }
    return raw;
  });
}

/**
 * Digests of objects that appear in many pages' props (a story is in its own
 * page, in listings, feeds): hashed once, the first time a key needs them,
 * then stood in for by their digest. Nothing is hashed where no key is asked
 * for (`astro dev`). The object must not change after it was remembered.
 */
const remembered = new WeakSet<object>();
const digests = new WeakMap<object, string>();
const DIGEST_MARK = '\u0000digest';

export function rememberDigest<T extends object>(value: T): T {
  remembered.add(value);
  return value;
}

function digestOf(value: object): string | undefined {
  if (!remembered.has(value)) return undefined;
  let digest = digests.get(value);
  if (digest === undefined) {
    digest = pageKey(value);
    digests.set(value, digest);
  }
  return digest;
}

function describe(key: string): string {
  return key === '' ? 'the value' : `"${key}"`;
}

/** A short, stable hash of any JSON-able values, in order. */
export function pageKey(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(stableJson(part) ?? 'undefined').update('\u0000');
  return hash.digest('base64url');
}

/**
 * Props worked out when first read, once: by the page as it renders or by its
 * key. A build reads them all; the dev server, which lists every path of a
 * route to render the one asked for, only that page's.
 */
export function lazyProps<T extends Record<string, unknown>>(make: { [K in keyof T]: () => T[K] }): T {
  const props = {} as T;
  for (const name of Object.keys(make) as (keyof T)[]) {
    let made: { value: T[keyof T] } | undefined;
    Object.defineProperty(props, name, {
      enumerable: true,
      get: () => (made ??= { value: make[name]() }).value,
    });
  }
  return props;
}

interface StaticPath {
  params: Record<string, string | number | undefined>;
  props?: Record<string, unknown>;
}

/**
 * Gives every path of a `getStaticPaths()` result its `cacheKey`: the hash of
 * the site key, its params and its props. (Astro keeps keys per route.) The
 * hash is made when the key is first read: a build reads every key, the dev
 * server, which renders every page it is asked for, none.
 */
export function withPageKeys<P extends StaticPath>(siteKey: string, paths: P[]): (P & { cacheKey: string })[] {
  return paths.map((p) => {
    let key: string | undefined;
    return Object.defineProperty({ ...p }, 'cacheKey', {
      enumerable: true,
      get: () => (key ??= pageKey(siteKey, p.params, p.props ?? {})),
    }) as P & { cacheKey: string };
  });
}
