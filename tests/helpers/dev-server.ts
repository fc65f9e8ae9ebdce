import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from './build-site.ts';

/** `astro dev` on a project copy, as a writer runs it with `npm run dev`. */
export interface DevServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything the server has printed so far. */
  output(): string;
  /** Resolves when the server's log has said `text` `times` times. */
  logged(text: string, times?: number, timeout?: number): Promise<void>;
  stop(): void;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function writerEnvironment(): NodeJS.ProcessEnv {
  const testRunners = /^(VITEST|NODE_ENV$|TEST$|MODE$|BASE_URL$|PROD$|DEV$|SSR$)/;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !testRunners.test(key)));
}

/** Starts `astro dev` in `root` and resolves once it watches for changes. */
export async function startDevServer(root: string): Promise<DevServer> {
  const port = await freePort();
  const astro = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const dev: ChildProcess = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    // As a writer's shell would run it: without the test runner's variables (NODE_ENV=test, VITEST…).
    env: { ...writerEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  let output = '';
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const logged = (text: string, times = 1, timeout = 90_000) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const check = setInterval(() => {
        if (output.split(text).length - 1 >= times) {
          clearInterval(check);
          resolve();
        } else if (dev.exitCode !== null || Date.now() - started > timeout) {
          clearInterval(check);
          reject(new Error(`astro dev never logged "${text}" ${times}×:\n${output.slice(-3000)}`));
        }
      }, 200);
    });
  const server = { url: `http://127.0.0.1:${port}`, output: () => output, logged, stop: () => dev.kill() };
  try {
    await logged('watching for file changes');
  } catch (e) {
    server.stop();
    throw e;
  }
  return server;
}
