// Efficiency indicators (issue 8) in a real browser: /stats of the current
// year, a figure followed to its listing (the listing shows the same count in
// data-total), a unit's cell in the ranking likewise, the agenda share
// followed to its list and from there to a consultation and its topic in
// the plan, the sort links, and axe (WCAG 2.1 A/AA) on /stats at desktop
// and phone width, with the late and the agenda lists shown.
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

// A year (in Kyiv) with a held consultation announced in the agenda
// beforehand: the demo's plan links some; 97-stats makes its own in 2019.
function agendaYear() {
	const rows = sql(`SELECT YEAR(ended_at + INTERVAL 2 HOUR) y FROM consultation_stats
		WHERE agenda_at < announced_at AND status NOT IN ('draft', 'cancelled')
		AND (status = 'completed' OR ended_at <= UTC_TIMESTAMP()) ORDER BY y DESC LIMIT 1`);
	assert.equal(rows.length, 1, 'a consultation announced in the agenda beforehand');
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

	test('the agenda share leads to its list, each to its consultation and its topic', async () => {
		const { context, page, problems } = await openPage(browser(), DESKTOP);
		try {
			const year = agendaYear();
			assert.equal((await page.goto(`/stats?year=${year}`)).status(), 200);
			const fig = page.locator('tr[data-figure="agenda"]');
			const note = await fig.locator('td').nth(1).innerText();
			const [, part, whole] = /^(\d+) з (\d+)/.exec(note);
			const held = Number(await page.locator('tr[data-figure="held"] td.num').getAttribute('data-value'));
			assert.equal(Number(whole), held, 'the share is of the consultations held');
			assert.ok(Number(part) > 0);
			const pct = Number(await fig.locator('td.num').getAttribute('data-value'));
			assert.ok(Math.abs(pct - (100 * part) / whole) < 0.051, `${pct} % of ${part}/${whole}`);
			const rows = page.locator('#agenda-list tr[data-agenda]');
			assert.equal(await rows.count(), Number(part), 'the list names as many as the share counts');
			assert.equal(Number(await page.locator('#agenda-list strong').getAttribute('data-value')), Number(part));
			// Its consultation, then its topic in the plan.
			const id = await rows.first().getAttribute('data-agenda');
			await Promise.all([page.waitForURL(new RegExp(`/consultations/${id}`)),
				rows.first().locator('a').first().click()]);
			await page.goBack();
			const topic = page.locator('#agenda-list tr[data-agenda]').first().locator('a').nth(1);
			const href = await topic.getAttribute('href');
			const item = /#topic-(\d+)$/.exec(href)[1];
			await Promise.all([page.waitForURL(/\/agenda\?year=/), topic.click()]);
			const li = page.locator(`#topic-${item}`);
			assert.equal(await li.count(), 1, 'the topic on the plan\'s page');
			assert.ok(await li.isVisible());
			assert.ok((await li.innerHTML()).includes(`/consultations/${id}`), 'the topic links the consultation');
			assertNoProblems(problems, '/stats agenda');
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
				const r = await page.goto(`/stats?year=${agendaYear()}`);
				assert.equal(r.status(), 200);
				assert.ok(await page.locator('#agenda-list tr[data-agenda]').count() > 0, 'the agenda list is checked');
				assert.ok(await page.locator('table.stats__late tr[data-state]').count() > 0, 'the late list is checked');
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
