// Accessibility of /api, the JSON API's page for developers: axe-core with
// the WCAG 2.0 and 2.1 A and AA rule sets at desktop and phone width (as
// 40-axe does for the public pages; a file of its own so that each file
// stays within the runner's per-file time).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, DESKTOP, PHONE, runAxe, assertNoViolations } from './lib.mjs';

const browser = useBrowser();

for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	describe(`axe WCAG 2.1 A/AA at ${width} width`, () => {
		test(`/api (${width})`, async () => {
			const { context, page } = await openPage(browser(), { ...options, bypassCSP: true });
			try {
				const r = await page.goto('/api');
				assert.equal(r.status(), 200);
				assert.equal(await page.locator('html').getAttribute('lang'), 'uk');
				assert.equal(await page.locator('a[href="/api/v1/openapi.json"]').count(), 1, 'link to the spec');
				assert.ok(await page.locator('pre code').count() >= 6, 'curl examples (subscriptions, agenda, stats too)');
				// Long commands scroll inside their block, not the page.
				const overflow = await page.evaluate(() =>
					document.documentElement.scrollWidth > document.documentElement.clientWidth);
				assert.equal(overflow, false, 'no horizontal scroll of the page');
				assertNoViolations(await runAxe(page), `${width} /api`);
			} finally {
				await context.close();
			}
		});
	});
}
