import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { TEST_SITE_URL } from '../helpers/build-site.ts';
import { startNginx, type NginxServer } from '../helpers/nginx.ts';

/**
 * "Republish this story" in Chromium, served through nginx with the site's real CSP: a reader using
 * only the keyboard opens the dialog, copies the HTML and closes it again, and finds focus where it
 * was. The dialog opens without script (invoker commands); the copy button is the page's one script.
 */

const distDir = inject('distDir');
const PAGE = '/articles/lake-mead-drought-plan-arizona-cuts/';

/** Tab until the focused element matches `selector`; the number of presses it took, or a failure. */
async function tabTo(page: Page, selector: string, limit = 300): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Tab`);
}

const focusedInDialog = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('dialog#republish-dialog') !== null);

describe('the republish dialog, with the keyboard only, in Chromium', () => {
  let nginx: NginxServer;
  let browser: Browser;
  let context: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    nginx = await startNginx(distDir);
    browser = await launchChromium();
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: nginx.url });
    // Registered before any script of a page runs, so the first violation is seen too.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await nginx?.close();
  });

  async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    const response = await page.goto(`${nginx.url}${PAGE}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    return page;
  }

  it('opens with Enter, holds the HTML, copies it, and closes with Escape back to the button', async () => {
    const page = await open();
    const dialog = page.locator('dialog#republish-dialog');
    expect(await dialog.isVisible()).toBe(false);

    await tabTo(page, 'button.republish__open');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open && d.matches(':modal'))).toBe(true);
    expect(await focusedInDialog(page)).toBe(true);

    const html = await page.locator('#republish-html').inputValue();
    expect(html).toMatch(/^<h1>Drought plan signed at Hoover Dam/);
    expect(html).toContain(`<a href="${TEST_SITE_URL}${PAGE}">The Ledger Desk</a>`);

    // Tab stays in the modal dialog on its way to the copy button.
    await tabTo(page, 'button.republish__copy', 20);
    expect(await focusedInDialog(page)).toBe(true);
    await page.keyboard.press('Enter');
    const status = page.locator('#republish-dialog [role="status"]');
    await expect.poll(() => status.textContent()).toBe('Copied the HTML to your clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(html);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.matches('button.republish__open'))).toBe(true);
    // Focus is shown where it returned.
    const outline = await page.locator('button.republish__open').evaluate((b) => getComputedStyle(b).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  });

  it('closes with its Close button too, back to the button', async () => {
    const page = await open();
    await tabTo(page, 'button.republish__open');
    await page.keyboard.press('Enter');
    await tabTo(page, 'button.republish__close', 20);
    await page.keyboard.press('Enter');
    await page.locator('dialog#republish-dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.matches('button.republish__open'))).toBe(true);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no violations axe can find with the dialog open (%s)', async (scheme) => {
    const page = await open(scheme);
    await tabTo(page, 'button.republish__open');
    await page.keyboard.press('Enter');
    await page.locator('dialog#republish-dialog').waitFor({ state: 'visible' });
    const report = await new AxeBuilder({ page }).analyze();
    expect(report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  it('met no CSP violation and no script error on the way', () => {
    expect(errors).toEqual([]);
  });
});
