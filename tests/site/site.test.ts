import { describe, expect, it } from 'vitest';
import { absoluteUrl, site } from '../../src/site/site.ts';

describe('absoluteUrl', () => {
  it('puts a site path under the outlet’s address, the same each time it is asked', () => {
    expect(absoluteUrl('/articles/council-votes/')).toBe(`${site.url}/articles/council-votes/`);
    expect(absoluteUrl('/articles/council-votes/')).toBe(absoluteUrl('/articles/council-votes/'));
    expect(absoluteUrl('/')).toBe(`${site.url}/`);
  });

  it('writes characters outside ASCII as a URL does', () => {
    expect(absoluteUrl('/tags/café/')).toBe(`${site.url}/tags/caf%C3%A9/`);
    expect(new URL(absoluteUrl('/tags/café/')).pathname).toBe('/tags/caf%C3%A9/');
  });
});
