// The same flow on a phone (390 × 844, touch): taps instead of clicks, no
// page scrolls sideways, and a full-page screenshot of each step is saved
// under var/test-artifacts/ (phone-1-home.png, phone-2-listing.png,
// phone-3-consultation.png) for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, assertNoProblems, scenario, PHONE, dataTotal,
	queryOf, tick, assertNoHorizontalScroll, artifact, facetCount,
} from './lib.mjs';

const browser = useBrowser();

test('phone: the flow by touch at 390 × 844, no horizontal scrolling, screenshots saved', async () => {
	const s = scenario();
	const { context, page, problems } = await openPage(browser(), PHONE);
	try {
		await page.goto('/');
		assert.equal(await page.evaluate(() => window.innerWidth), 390, 'the page is laid out at the phone width');
		await assertNoHorizontalScroll(page, 'home');
		await page.screenshot({ path: artifact('phone-1-home.png'), fullPage: true });

		await Promise.all([
			page.waitForURL((u) => u.pathname === '/consultations'),
			page.locator('nav.site-nav a[href="/consultations"]').tap(),
		]);
		await assertNoHorizontalScroll(page, 'listing');
		assert.equal(await dataTotal(page), s.total, 'unfiltered listing: data-total');

		await tick(page, 'theme', s.theme, 'tap');
		await tick(page, 'district', s.district, 'tap');
		const shown = await facetCount(page, 'district', s.district);
		await Promise.all([
			page.waitForURL((u) => u.searchParams.has('district')),
			page.getByRole('button', { name: 'Показати' }).tap(),
		]);
		const q = queryOf(page);
		assert.deepEqual(q.theme, [s.theme], 'theme in the URL');
		assert.deepEqual(q.district, [s.district], 'district in the URL');
		assert.equal(await dataTotal(page), s.byBoth, 'data-total after theme + district vs SQL');
		assert.ok(s.byBoth < shown, 'the count changed from the unfiltered district count');
		await assertNoHorizontalScroll(page, 'filtered listing');
		await page.screenshot({ path: artifact('phone-2-listing.png'), fullPage: true });

		const link = page.locator(`.results article[data-id="${s.id}"] h3 a`);
		await Promise.all([
			page.waitForURL((u) => new RegExp(`^/consultations/${s.id}(-|$)`).test(u.pathname)),
			link.tap(),
		]);
		assert.equal((await page.locator('h1').innerText()).trim(), s.title.trim());
		await assertNoHorizontalScroll(page, 'consultation');
		const answer = page.locator(`#comment-${s.answer.commentId} .answer`);
		await answer.scrollIntoViewIfNeeded();
		assert.ok(await answer.isVisible(), 'the official answer is visible under the proposal');
		assert.ok(await page.locator('#report').isVisible(), 'the report is visible');
		// The report table turns into one block per proposal: no sideways scroll.
		await page.screenshot({ path: artifact('phone-3-consultation.png'), fullPage: true });
		assertNoProblems(problems, 'phone flow');
	} finally {
		await context.close();
	}
});
