import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { nginxLocationsForDist } from '../../scripts/lib/nginx-locations.ts';

/** Debian's nginx; `.ci/run` installs the package when it is missing. */
export const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';
/** What nginx compresses besides text/html (gzip_types): text, SVG and WebAssembly. */
const GZIP_TYPES = [
  'text/css',
  'text/plain',
  'text/xml',
  'application/javascript',
  'application/json',
  'application/xml',
  'application/rss+xml',
  'application/atom+xml',
  'image/svg+xml',
  'application/wasm',
].join(' ');

export interface NginxServer {
  url: string;
  /** The configuration nginx runs with, for a failing test's message. */
  config: string;
  close: () => Promise<void>;
}

/** A double-quoted nginx string for a file path. */
const q = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The server around the generated locations: what a deployment's nginx site needs (see docs/deploying.md). */
export function nginxConfig(options: {
  distDir: string;
  port: number;
  workDir: string;
  locationsFile: string;
}): string {
  const { distDir, port, workDir, locationsFile } = options;
  const known = existsSync(MIME_TYPES) ? readFileSync(MIME_TYPES, 'utf8') : '';
  const extraTypes = [
    ['application/wasm', 'wasm'],
    ['font/woff2', 'woff2'],
  ].filter(([, ext]) => !new RegExp(`\\s${ext}[\\s;]`).test(known));
  const temp = (name: string) => q(path.join(workDir, name));
  const user =
    process.getuid?.() === 0
      ? '# As root the workers would become nobody, who cannot read a private temporary folder.\n' +
        `user ${userInfo().username};\n`
      : '';
  return `daemon off;
master_process on;
worker_processes 1;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
${user}events { worker_connections 256; }
http {
  ${known ? `include ${q(MIME_TYPES)};` : ''}
  ${extraTypes.length ? `types { ${extraTypes.map(([type, ext]) => `${type} ${ext};`).join(' ')} }` : ''}
  default_type application/octet-stream;
  access_log ${temp('access.log')};
  client_body_temp_path ${temp('client_body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  sendfile on;
  server_tokens off;
  gzip on;
  gzip_vary on;
  gzip_types ${GZIP_TYPES};
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${q(distDir)};
    index index.html;
    absolute_redirect off;
    error_page 404 /404.html;
    include ${q(locationsFile)};
  }
}
`;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Serves a built dist/ through Debian's nginx on 127.0.0.1 and a free port,
 * unprivileged, with its headers, redirects and gone pages generated from the
 * build's `_headers` and `_redirects` as a deployment generates them
 * (scripts/nginx-config.ts, src/outputs/nginx-config.ts). Configuration,
 * pid, logs and temporary files live in a temporary folder that close() removes.
 */
export async function startNginx(distDir: string): Promise<NginxServer> {
  if (!existsSync(NGINX))
    throw new Error(`No nginx at ${NGINX}: install Debian's nginx package (apt-get install nginx) or set NGINX_PATH`);
  // What a deployment runs: scripts/nginx-config.ts.
  const locations = nginxLocationsForDist(distDir);
  const workDir = mkdtempSync(path.join(tmpdir(), 'newsroom-nginx-'));
  const locationsFile = path.join(workDir, 'locations.conf');
  writeFileSync(locationsFile, locations);

  // nginx cannot be given port 0; another process may take the port between the check and the start.
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const config = nginxConfig({ distDir: path.resolve(distDir), port, workDir, locationsFile });
    const configFile = path.join(workDir, 'nginx.conf');
    writeFileSync(configFile, config);
    const child: ChildProcess = spawn(
      NGINX,
      ['-p', `${workDir}/`, '-c', configFile, '-e', path.join(workDir, 'error.log')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let running = true;
    void exited.then(() => (running = false));
    const stop = () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM');
    process.once('exit', stop);

    const deadline = Date.now() + 10_000;
    while (running && Date.now() < deadline && !(await listening(port))) await new Promise((r) => setTimeout(r, 50));
    if (running && (await listening(port))) {
      return {
        url: `http://127.0.0.1:${port}`,
        config: `${config}\n${locations}`,
        close: async () => {
          process.off('exit', stop);
          stop();
          await exited;
          rmSync(workDir, { recursive: true, force: true });
        },
      };
    }
    stop();
    await exited;
    const log = existsSync(path.join(workDir, 'error.log'))
      ? readFileSync(path.join(workDir, 'error.log'), 'utf8')
      : '';
    lastError = `${stderr}\n${log}`.trim();
    process.off('exit', stop);
    if (!/Address already in use/.test(lastError)) break;
  }
  rmSync(workDir, { recursive: true, force: true });
  throw new Error(`nginx did not start:\n${lastError}`);
}
