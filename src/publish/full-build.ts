/** A reason to build in full instead of publishing: thrown where it is found, said by `npm run build`. */
export class FullBuild extends Error {}

export const full = (reason: string): never => {
  throw new FullBuild(reason);
};
