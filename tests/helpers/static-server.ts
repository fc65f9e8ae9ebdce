import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

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
};

/**
 * A plain static file server over a built dist/ folder, on 127.0.0.1 and a
 * free port: `/x/` serves `x/index.html`, a missing file the site's 404 page
 * with status 404, as a static host does.
 */
export interface StaticServer {
  url: string;
  /** Bytes of response bodies sent so far, by request path (for measuring what a page costs). */
  sent: Map<string, number>;
  close: () => Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const sent = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = path.join(root, pathname);
      if (!file.startsWith(root)) file = path.join(root, '404.html');
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${pathname}/` }).end();
          return;
        }
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => undefined);
      }
      let status = 200;
      if (!info?.isFile()) {
        status = 404;
        file = path.join(root, '404.html');
        info = await stat(file).catch(() => undefined);
        if (!info) {
          res.writeHead(404).end();
          return;
        }
      }
      res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
      if (req.method === 'HEAD') res.end();
      else {
        sent.set(pathname, (sent.get(pathname) ?? 0) + info.size);
        createReadStream(file).pipe(res);
      }
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
