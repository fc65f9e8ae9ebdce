import { describe, expect, it } from 'vitest';
import { browserReading, isSafeLink, linkProblem } from '../../src/model/links.ts';

describe('linkProblem: where content may link to', () => {
  it.each([
    'https://www.latimes.com/story?id=1',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:tips@ledgerdesk.example',
    '/about/',
    '/articles/x/#notes',
    '/',
    '#correction-1',
    '#',
    ' https://example.org/ ',
  ])('lets %j by', (value) => {
    expect(linkProblem(value)).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', /not an http\(s\), mailto or site address/],
    ['JavaScript:alert(1)', /not an http/],
    ['java\tscript:alert(1)', /not an http/],
    ['java\nscript:alert(1)', /not an http/],
    ['\u0001javascript:alert(1)', /not an http/],
    ['  javascript:alert(1)', /not an http/],
    ['data:text/html,<script>x</script>', /not an http/],
    ['vbscript:x', /not an http/],
    ['file:///etc/passwd', /not an http/],
    ['tel:+15555550100', /not an http/],
    ['//evil.example', /starts with \/\/ or \/\\/],
    ['/\\evil.example', /starts with \/\/ or \/\\/],
    ['\\\\evil.example', /starts with \/\/ or \/\\/],
    ['/\t/evil.example', /starts with \/\/ or \/\\/],
    ['\\evil.example', /starts with \\/],
    ['evil.example', /neither a full address/],
    ['www.example.org/page', /neither a full address/],
    ['../other-story/', /neither a full address/],
    ['?q=1', /neither a full address/],
    ['java%09script:alert(1)', /neither a full address/],
    ['https://', /not a valid web address/],
    ['', /has no address/],
    [' \t', /has no address/],
  ])('refuses %j', (value, message) => {
    expect(linkProblem(value)).toMatch(message);
    expect(isSafeLink(value)).toBe(false);
  });

  it('shows a tab or a line break in the address as \\t or \\n, not as itself', () => {
    expect(linkProblem('java\tscript:x')).toBe('"java\\tscript:x" is not an http(s), mailto or site address');
  });

  it('reads an address as a browser does: no tabs or line breaks, no spaces or controls at the ends', () => {
    expect(browserReading(' \u0000ja\tva\nscript:x\r ')).toBe('javascript:x');
  });
});
