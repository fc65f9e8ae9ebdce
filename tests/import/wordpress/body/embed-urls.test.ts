import { describe, expect, it } from 'vitest';
import { embedAddress, youtubeVideo } from '../../../../src/import/wordpress/body/embed-urls.ts';

const PRIVATE_YOUTUBE = [{ name: 'YouTube', kind: 'video' as const, hosts: ['www.youtube-nocookie.com'] }];
const PUBLIC_YOUTUBE = [{ name: 'YouTube', kind: 'video' as const, hosts: ['www.youtube.com'] }];
const DOCUMENTS = [{ name: 'DocumentCloud', kind: 'document' as const, hosts: ['embed.documentcloud.org'] }];

describe('embedAddress', () => {
  it('turns every form of YouTube address into the private embed address', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'http://youtube.com/watch?feature=share&v=dQw4w9WgXcQ',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
    ]) {
      expect(embedAddress(url, PRIVATE_YOUTUBE)?.url, url).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    }
  });

  it('keeps the second a video starts at', () => {
    expect(embedAddress('https://youtu.be/dQw4w9WgXcQ?t=1m30s', PRIVATE_YOUTUBE)?.url).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90',
    );
  });

  it('uses the public YouTube embed address when only that host is allowlisted', () => {
    expect(embedAddress('https://youtu.be/dQw4w9WgXcQ', PUBLIC_YOUTUBE)?.url).toBe(
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
    );
  });

  it('tries an http address of another provider over https', () => {
    const url = 'http://embed.documentcloud.org/documents/1-report/';
    expect(embedAddress(url, DOCUMENTS)).toEqual({
      url: 'https://embed.documentcloud.org/documents/1-report/',
      provider: DOCUMENTS[0],
    });
  });

  it('gives nothing for a host the site does not embed from, or a YouTube page that is no video', () => {
    expect(embedAddress('https://vimeo.com/1', PRIVATE_YOUTUBE)).toBeUndefined();
    expect(embedAddress('https://www.youtube.com/@newsroom', PRIVATE_YOUTUBE)).toBeUndefined();
    expect(embedAddress('not an address', PRIVATE_YOUTUBE)).toBeUndefined();
  });
});

describe('youtubeVideo', () => {
  it('reads the video and its start from an address', () => {
    expect(youtubeVideo(new URL('https://www.youtube.com/watch?v=abcdefghijk&t=75'))).toEqual({
      id: 'abcdefghijk',
      start: 75,
    });
    expect(youtubeVideo(new URL('https://example.com/watch?v=abcdefghijk'))).toBeUndefined();
  });
});
