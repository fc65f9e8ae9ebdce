/**
 * A reason to build in full instead of publishing: thrown where it is found, said by `npm run
 * build`. Told by its name, not by `instanceof`: the publish's modules are loaded twice over
 * (by Node, and through tsx for the publish itself), each with its own class.
 */
export class FullBuild extends Error {
  override name = 'FullBuild';
}

export const full = (reason: string): never => {
  throw new FullBuild(reason);
};

export const isFullBuild = (error: unknown): error is FullBuild => error instanceof Error && error.name === 'FullBuild';
