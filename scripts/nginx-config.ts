/**
 * `npx tsx scripts/nginx-config.ts [dist]` prints the nginx location blocks
 * for a built site (its _headers and _redirects) on stdout, for a server
 * block to include; see docs/deploying.md.
 */
import { nginxLocationsForDist } from './lib/nginx-locations.ts';

try {
  process.stdout.write(nginxLocationsForDist(process.argv[2] ?? 'dist'));
} catch (error) {
  console.error(`nginx-config: ${(error as Error).message}`);
  process.exit(1);
}
