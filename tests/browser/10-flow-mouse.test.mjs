// A resident with a mouse, at desktop width: opens the home page, goes to the
// listing, filters by a theme and then a district with the form, sees the URL
// and the count change (checked against SQL and against the facet counts the
// page showed), opens a completed consultation from the results and reads the
// organiser's answer to a proposal and the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, assertNoProblems, scenario, DESKTOP, dataTotal,
	facetCount, queryOf, countFor, tick,
} from './lib.mjs';

const browser = useBrowser();

test('mouse: home → listing → filter by theme and district → consultation → answers and report', async () => {
	const s = scenario();
	const { context, page, problems } = await openPage(browser(), DESKTOP);
	try {
		await page.goto('/');
		assert.equal(await page.locator('html').getAttribute('lang'), 'uk');
		await assert.doesNotReject(page.locator('h1').first().waitFor());

		// The main navigation's "Консультації" link.
		await Promise.all([
			page.waitForURL((u) => u.pathname === '/consultations'),
			page.locator('nav.site-nav a[href="/consultations"]').click(),
		]);
		assert.equal(await dataTotal(page), s.total, 'unfiltered listing: data-total vs SQL');
		const shownForTheme = await facetCount(page, 'theme', s.theme);
		assert.equal(shownForTheme, s.byTheme, `facet count shown for theme=${s.theme} vs SQL`);

		// The theme first.
		await tick(page, 'theme', s.theme);
		await Promise.all([
			page.waitForURL((u) => u.searchParams.getAll('theme').includes(s.theme)),
			page.getByRole('button', { name: 'Показати' }).click(),
		]);
		assert.deepEqual(queryOf(page).theme, [s.theme], 'theme in the URL');
		assert.equal(queryOf(page).district, undefined, 'no district yet');
		assert.equal(await dataTotal(page), s.byTheme, `data-total after theme=${s.theme}`);
		assert.equal(await dataTotal(page), shownForTheme, 'data-total equals the count the facet showed');
		assert.equal(await page.locator(`input[name="theme"][value="${s.theme}"]`).isChecked(), true,
			'the chosen theme stays ticked');
		const shownForDistrict = await facetCount(page, 'district', s.district);

		// Then the district, keeping the theme.
		await tick(page, 'district', s.district);
		await Promise.all([
			page.waitForURL((u) => u.searchParams.getAll('district').includes(s.district)),
			page.getByRole('button', { name: 'Показати' }).click(),
		]);
		const q = queryOf(page);
		assert.deepEqual(q.theme, [s.theme], 'theme kept in the URL');
		assert.deepEqual(q.district, [s.district], 'district in the URL');
		const total = await dataTotal(page);
		assert.equal(total, s.byBoth, 'data-total after theme + district vs SQL');
		assert.equal(total, countFor({ theme: [s.theme], district: [s.district] }));
		assert.equal(total, shownForDistrict, 'data-total equals the count the district facet showed');
		assert.ok(total < s.byTheme, 'the district narrowed the results');
		const cards = page.locator('.results article.card__body');
		assert.equal(await cards.count(), Math.min(total, 20), 'cards shown');

		// Chips name the active filters.
		const chips = await page.locator('.chips .chip').allInnerTexts();
		assert.ok(chips.some((c) => c.includes(s.themeName)), `a chip for ${s.themeName}: ${chips}`);
		assert.ok(chips.some((c) => c.includes(s.districtName)), `a chip for ${s.districtName}: ${chips}`);

		// The consultation, from the results.
		const card = page.locator(`.results article[data-id="${s.id}"]`);
		assert.equal(await card.count(), 1, `consultation ${s.id} on the first page of results`);
		await Promise.all([
			page.waitForURL((u) => /^\/consultations\/\d+/.test(u.pathname)),
			card.locator('h3 a').click(),
		]);
		assert.match(new URL(page.url()).pathname, new RegExp(`^/consultations/${s.id}(-|$)`));
		assert.equal((await page.locator('h1').innerText()).trim(), s.title.trim());

		// The organiser's answer under the proposal.
		const comment = page.locator(`#comment-${s.answer.commentId}`);
		assert.ok(await comment.isVisible(), `proposal #comment-${s.answer.commentId} visible`);
		assert.match(await comment.getAttribute('class'), /comment--proposal/);
		const answer = comment.locator('.answer');
		await answer.scrollIntoViewIfNeeded();
		assert.ok(await answer.isVisible(), 'the official answer is visible under the proposal');
		assert.match(await answer.innerText(), /Відповідь організатора/);
		assert.equal(await answer.locator(`.badge--${s.answer.decision}`).count(), 1,
			`decision badge ${s.answer.decision}`);
		const firstWords = s.answer.reason.split(/\s+/).slice(0, 4).join(' ');
		assert.ok((await answer.innerText()).replace(/\s+/g, ' ').includes(firstWords),
			`the answer shows its reason ("${firstWords}…")`);

		// The report, and the link to it in the status line.
		const report = page.locator('#report');
		assert.equal(await report.count(), 1, '#report exists');
		await Promise.all([
			page.waitForURL((u) => u.hash === '#report'),
			page.locator('.status-line a[href="#report"]').click(),
		]);
		assert.ok(await report.isVisible(), 'the report is visible');
		assert.ok(await report.locator('#report-title').isVisible());
		assertNoProblems(problems, 'mouse flow');
	} finally {
		await context.close();
	}
});
