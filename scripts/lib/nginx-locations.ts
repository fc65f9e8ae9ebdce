import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHeadersFile } from '../../src/outputs/cdn-headers.ts';
import { formatNginxLocations, nginxLocations } from '../../src/outputs/nginx-config.ts';
import { parseRedirectsFile } from '../../src/outputs/redirect-rules.ts';

/**
 * The nginx location blocks for a built site: its `_headers` (every
 * response's headers) and `_redirects` (301s and 410s), as
 * src/outputs/nginx-config.ts turns them. Used by scripts/nginx-config.ts and by
 * the test that serves the site through nginx (tests/helpers/nginx.ts).
 */
export function nginxLocationsForDist(distDir: string): string {
  const headersFile = path.join(distDir, '_headers');
  if (!existsSync(headersFile)) throw new Error(`${headersFile} is missing: is ${distDir} a built site?`);
  const redirectsFile = path.join(distDir, '_redirects');
  return formatNginxLocations(
    nginxLocations(
      parseHeadersFile(readFileSync(headersFile, 'utf8')),
      existsSync(redirectsFile) ? parseRedirectsFile(readFileSync(redirectsFile, 'utf8')) : [],
    ),
  );
}
