import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../../src/outputs/cdn-headers.ts';

/** How a CDN would label the files a build writes. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/**
 * What a CDN compresses on the way out: text, SVG and WebAssembly; images, fonts and Pagefind's own gzipped files
 * are left alone.
 */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm']);

/** Files in dist/ that instruct the CDN and are never served by it. */
const CDN_FILES = new Set(['/_headers', '/_redirects']);

export interface ServeOptions {
  /**
   * Serve it the way the CDN would: text compressed (brotli, else gzip, by
   * the request's Accept-Encoding) and the headers `_headers` gives each path
   * (cache lifetimes, the content security policy); `_headers` and
   * `_redirects` themselves are not served. Without it, plain files with a
   * type and a length only.
   */
  cdn?: boolean;
}

/**
 * A static file server over a built dist/ folder, on 127.0.0.1 and a free
 * port: `/x/` serves `x/index.html`, `/x` a 301 to `/x/` when `x` is a
 * folder, a missing file the site's 404 page with status 404, as a static
 * host does.
 */
export interface StaticServer {
  url: string;
  /**
   * Bytes of response bodies sent so far (compressed, when they were), by request path (for measuring what a
   * page costs).
   */
  sent: Map<string, number>;
  close: () => Promise<void>;
}

type Encoding = 'br' | 'gzip';

/** The encoding a CDN would pick for a request: brotli when the browser takes it, else gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const takes = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (takes('br')) return 'br';
  if (takes('gzip')) return 'gzip';
  return undefined;
}

/**
 * Compresses as a CDN does on the fly: brotli at quality 5 and gzip at level
 * 6, the middle settings CDNs use for content they compress on request (a
 * pre-compressed brotli 11 would be a few per cent smaller still).
 */
function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
      })
    : gzipSync(body, { level: 6 });
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  root = path.resolve(root);
  const cdn = options.cdn ?? false;
  let rules: HeaderRule[] = [];
  if (cdn) {
    const headersFile = path.join(root, '_headers');
    let text: string;
    try {
      text = readFileSync(headersFile, 'utf8');
    } catch {
      throw new Error(
        `${headersFile} is missing: the build writes it (src/integrations/cdn-headers.ts); build the site again`,
      );
    }
    rules = parseHeadersFile(text);
  }
  const sent = new Map<string, number>();
  /** Compressed bodies by file, encoding and modification time: the same file is compressed once. */
  const compressed = new Map<string, Buffer>();

  async function respond(
    req: IncomingMessage,
    pathname: string,
  ): Promise<{ status: number; headers: Record<string, string | number>; body?: Buffer; file?: string }> {
    let file = path.join(root, pathname);
    const inside = !path.relative(root, file).startsWith('..') && !(cdn && CDN_FILES.has(pathname));
    let info = inside ? await stat(file).catch(() => undefined) : undefined;
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/'))
        return { status: 301, headers: { ...(cdn ? headersForPath(rules, pathname) : {}), Location: `${pathname}/` } };
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    let status = 200;
    if (!info?.isFile()) {
      status = 404;
      file = path.join(root, '404.html');
      info = await stat(file).catch(() => undefined);
      if (!info) return { status: 404, headers: {} };
    }
    const extension = path.extname(file);
    const headers: Record<string, string | number> = {
      // A missing path is answered with the 404 page and that page's headers, as the nginx configuration does.
      ...(cdn ? headersForPath(rules, status === 404 ? '/404.html' : pathname) : {}),
      'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    };
    if (!cdn || !COMPRESSIBLE.has(extension))
      return { status, headers: { ...headers, 'Content-Length': info.size }, file };
    headers['Vary'] = 'Accept-Encoding';
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const raw = await readFile(file);
    if (!encoding) return { status, headers: { ...headers, 'Content-Length': raw.length }, body: raw };
    const key = `${encoding}:${info.mtimeMs}:${file}`;
    let body = compressed.get(key);
    if (!body) {
      body = compress(raw, encoding);
      compressed.set(key, body);
    }
    return { status, headers: { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length }, body };
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const { status, headers, body, file } = await respond(req, pathname);
      res.writeHead(status, headers);
      if (req.method === 'HEAD' || (!body && !file)) {
        res.end();
        return;
      }
      const bytes = Number(headers['Content-Length'] ?? 0);
      sent.set(pathname, (sent.get(pathname) ?? 0) + bytes);
      res.end(body ?? (await readFile(file!)));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
