// Efficiency indicators (issue 8) in a real browser: /stats of the current
// year, a figure followed to its listing (the listing shows the same count in
// data-total), a unit's cell in the ranking likewise, the sort links, and
// axe (WCAG 2.1 A/AA) on /stats at desktop and phone width.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, DESKTOP, PHONE, runAxe, assertNoViolations,
	assertNoProblems, assertNoHorizontalScroll, dataTotal, sql,
} from './lib.mjs';

const browser = useBrowser();

// The last year with consultations held (the demo data's dates follow now).
function busyYear() {
	const rows = sql(`SELECT YEAR(LEAST(closes_at, COALESCE(closed_at, closes_at))) y
		FROM consultations WHERE status = 'completed' GROUP BY y ORDER BY COUNT(*) DESC LIMIT 1`);
	assert.equal(rows.length, 1, 'completed consultations in the demo data');
	return rows[0][0];
}

describe('/stats in a browser', () => {
	test('a figure leads to the listing of what it counts, with the same count', async () => {
		const { context, page, problems } = await openPage(browser(), DESKTOP);
		try {
			const year = busyYear();
			const r = await page.goto(`/stats?year=${year}`);
			assert.equal(r.status(), 200);
			const cell = page.locator('tr[data-figure="held"] td.num');
			const held = Number(await cell.getAttribute('data-value'));
			assert.ok(held > 0, 'consultations held in the busiest year');
			await Promise.all([page.waitForURL(/\/consultations\?/), cell.locator('a').click()]);
			assert.equal(await dataTotal(page), held);
			assert.equal(new URL(page.url()).searchParams.get('by'), 'end');
			// Back, then a unit's row in the ranking.
			await page.goBack();
			const row = page.locator('table.stats__ranking tbody tr').first();
			const unitCell = row.locator('td[data-key="held"]');
			const n = Number(await unitCell.getAttribute('data-value'));
			await Promise.all([page.waitForURL(/\/consultations\?/), unitCell.locator('a').click()]);
			assert.equal(await dataTotal(page), n);
			assertNoProblems(problems, '/stats');
		} finally {
			await context.close();
		}
	});

	test('sorting by a column header works without scripts', async () => {
		const { context, page } = await openPage(browser(), { ...DESKTOP, javaScriptEnabled: false });
		try {
			await page.goto(`/stats?year=${busyYear()}`);
			const head = page.locator('th[data-key="participants"]');
			await Promise.all([page.waitForURL(/sort=participants/), head.locator('a').click()]);
			assert.equal(await page.locator('th[data-key="participants"]').getAttribute('aria-sort'), 'descending');
			const values = await page.locator('td[data-key="participants"]').evaluateAll(
				(els) => els.map((e) => Number(e.dataset.value)));
			assert.deepEqual(values, [...values].sort((a, b) => b - a));
			await Promise.all([page.waitForURL(/dir=asc/),
				page.locator('th[data-key="participants"] a').click()]);
			assert.equal(await page.locator('th[data-key="participants"]').getAttribute('aria-sort'), 'ascending');
		} finally {
			await context.close();
		}
	});

	for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
		test(`axe WCAG 2.1 A/AA on /stats (${width})`, async () => {
			const { context, page } = await openPage(browser(), { ...options, bypassCSP: true });
			try {
				const r = await page.goto(`/stats?year=${busyYear()}`);
				assert.equal(r.status(), 200);
				// Open the charts' data tables, so that they are checked too.
				await page.evaluate(() => {
					for (const d of document.querySelectorAll('details')) d.open = true;
				});
				await assertNoHorizontalScroll(page, `/stats (${width})`);
				assertNoViolations(await runAxe(page), `${width} /stats`);
			} finally {
				await context.close();
			}
		});
	}
});
