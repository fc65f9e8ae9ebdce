import { describe, expect, it } from 'vitest';
import { bodyFile } from '../../src/lib/body-files';

describe('bodyFile', () => {
  it('names a body by its story digest inside the body folder', () => {
    expect(bodyFile('/cache/newsroom-bodies', 'a1B2_c3-d4')).toBe('/cache/newsroom-bodies/a1B2_c3-d4.html');
  });

  it('refuses anything that could leave the folder', () => {
    expect(() => bodyFile('/cache/newsroom-bodies', '../../etc/passwd')).toThrow(/digest/);
    expect(() => bodyFile('/cache/newsroom-bodies', '')).toThrow(/digest/);
  });
});
