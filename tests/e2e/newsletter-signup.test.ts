import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';

/**
 * The newsletter signup form and an email edition's email.html in Chromium, served through
 * nginx with the headers of the build's `_headers`: the form posts the reader's address to the
 * provider's form (site.yaml `newsletter.signup.url`, routed here to a stub, so nothing reaches
 * the network) with no policy violation, and email.html, under a policy of its own, shows its
 * inline styles and runs nothing.
 */

const distDir = inject('distDir');
const SIGNUP_URL = 'https://lists.ledgerdesk-mail.example/subscribe';

describe('the newsletter signup, through nginx with the site’s policy', () => {
  let nginx: NginxServer;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];
  const posted: { method: string; body: string }[] = [];

  beforeAll(async () => {
    nginx = await startNginx(distDir);
    browser = await launchChromium();
    context = await browser.newContext();
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Refused to: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
      );
    });
    context.on('console', (message) => {
      if (/content security policy|refused to/i.test(message.text())) problems.push(message.text());
    });
    await context.route('**/*', (route) => {
      const request: Request = route.request();
      const url = request.url();
      if (url.startsWith(nginx.url)) return route.continue();
      if (url === SIGNUP_URL) {
        posted.push({ method: request.method(), body: request.postData() ?? '' });
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><html lang="en"><title>Thanks</title><p>Check your inbox.</p></html>',
        });
      }
      return route.abort();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await nginx?.close();
  });

  it.each(['/', '/articles/lake-mead-drought-plan-arizona-cuts/'])(
    'posts the address typed on %s to the provider’s form, with its hidden fields',
    async (path) => {
      posted.length = 0;
      problems.length = 0;
      const page = await context.newPage();
      try {
        await page.goto(`${nginx.url}${path}`);
        await page.getByLabel('E-mail address').fill('reader@example.org');
        const sent = page.waitForRequest(SIGNUP_URL);
        await page.getByRole('button', { name: 'Sign up' }).click();
        await sent;
        await page.waitForURL(SIGNUP_URL);
        expect(await page.textContent('p')).toBe('Check your inbox.');
      } finally {
        await page.close();
      }
      expect(posted).toHaveLength(1);
      expect(posted[0]!.method).toBe('POST');
      const fields = new URLSearchParams(posted[0]!.body);
      expect(fields.get('email')).toBe('reader@example.org');
      expect(fields.get('list')).toBe('ledger-desk');
      expect(problems).toEqual([]);
    },
  );

  it('refuses to send an address that is not one, without any script', async () => {
    posted.length = 0;
    const page = await context.newPage();
    try {
      await page.goto(`${nginx.url}/`);
      await page.getByLabel('E-mail address').fill('not an address');
      await page.getByRole('button', { name: 'Sign up' }).click();
      expect(await page.locator('#newsletter-email').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(
        false,
      );
      expect(page.url()).toBe(`${nginx.url}/`);
    } finally {
      await page.close();
    }
    expect(posted).toEqual([]);
  });

  it('shows an edition’s email.html with its inline styles, under a policy without script', async () => {
    problems.length = 0;
    const page = await context.newPage();
    try {
      const response = await page.goto(`${nginx.url}/newsletters/morning/2026-11-29/email.html`);
      expect(response?.status()).toBe(200);
      const policy = response!.headers()['content-security-policy']!;
      expect(policy).toContain("style-src-attr 'unsafe-inline'");
      expect(policy).not.toMatch(/script-src/);
      const padding = await page
        .locator('td.story')
        .first()
        .evaluate((td) => getComputedStyle(td).paddingLeft);
      expect(padding).toBe('24px');
    } finally {
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
