// The server lives with the scripts (npm run audit serves dist/ with it too); the tests import it from here.
export { serveStatic, type ServeOptions, type StaticServer } from '../../scripts/lib/static-server.ts';
