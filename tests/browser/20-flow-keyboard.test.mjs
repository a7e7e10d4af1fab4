// The same flow with the keyboard only (Tab, Shift+Tab, Space, Enter; no
// mouse): the skip link comes first and takes the focus to the content, every
// element the keyboard reaches shows a focus ring, the facet <details> open
// and the checkboxes tick with the keyboard, the form submits, the
// consultation opens, its report and an answered proposal are reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, assertNoProblems, scenario, DESKTOP, dataTotal,
	queryOf, focused, assertFocusVisible, tabTo, inViewport,
} from './lib.mjs';

const browser = useBrowser();

// Waits for a navigation that a key press starts.
async function pressAndGo(page, key, urlTest) {
	await Promise.all([page.waitForURL(urlTest), page.keyboard.press(key)]);
}

test('keyboard: skip link, filters, consultation, report and answer without a mouse', async () => {
	const s = scenario();
	const { context, page, problems } = await openPage(browser(), DESKTOP);
	try {
		await page.goto('/');

		// The first Tab reaches the skip link, which becomes visible.
		await page.keyboard.press('Tab');
		let f = await focused(page);
		assert.equal(f.text, 'Перейти до змісту', `first Tab focuses the skip link, not ${f.desc}`);
		assert.equal(f.href, '#main');
		assertFocusVisible(f, 'skip link');

		// Enter follows it: #main is in view and the next Tab is inside it.
		await pressAndGo(page, 'Enter', (u) => u.hash === '#main');
		assert.ok(await inViewport(page, '#main'), '#main scrolled into view');
		await page.keyboard.press('Tab');
		f = await focused(page);
		assertFocusVisible(f, 'Tab after the skip link');
		assert.ok(f.inMain, `Tab after the skip link lands inside <main>, not on ${f.desc}`);

		// Back (Shift+Tab) to the main navigation's "Консультації".
		f = await tabTo(page, (x) => x.href === '/consultations' && !x.inMain,
			{ back: true, max: 20, what: 'the navigation link "Консультації"' });
		await pressAndGo(page, 'Enter', (u) => u.pathname === '/consultations');
		assert.equal(await dataTotal(page), s.total, 'unfiltered listing: data-total');

		// Theme: Tab to its facet's summary, Space opens it, Tab to the
		// option, Space ticks it.
		const facetDetails = (name) => page.locator(`details.facet:has(input[name="${name}"])`);
		await tabTo(page, (x) => x.summaryOf === 'theme', { what: 'the theme facet summary' });
		await page.keyboard.press('Space');
		assert.equal(await facetDetails('theme').evaluate((d) => d.open), true, 'Space opens the theme facet');
		await tabTo(page, (x) => x.name === 'theme' && x.value === s.theme, { what: `checkbox theme=${s.theme}` });
		await page.keyboard.press('Space');
		assert.equal((await focused(page)).checked, true, `Space ticks theme=${s.theme}`);

		// District: Enter opens the summary this time.
		await tabTo(page, (x) => x.summaryOf === 'district', { what: 'the district facet summary' });
		await page.keyboard.press('Enter');
		assert.equal(await facetDetails('district').evaluate((d) => d.open), true, 'Enter opens the district facet');
		await tabTo(page, (x) => x.name === 'district' && x.value === s.district, { what: `checkbox district=${s.district}` });
		await page.keyboard.press('Space');
		assert.equal((await focused(page)).checked, true, `Space ticks district=${s.district}`);

		// Submit with Enter on "Показати".
		await tabTo(page, (x) => x.tag === 'button' && x.text === 'Показати', { what: 'the button "Показати"' });
		await pressAndGo(page, 'Enter', (u) => u.searchParams.has('district'));
		const q = queryOf(page);
		assert.deepEqual(q.theme, [s.theme], 'theme in the URL');
		assert.deepEqual(q.district, [s.district], 'district in the URL');
		assert.equal(await dataTotal(page), s.byBoth, 'data-total after theme + district vs SQL');

		// The consultation's card link, then Enter.
		await tabTo(page, (x) => x.inMain && new RegExp(`^/consultations/${s.id}(-|$)`).test(x.href || ''),
			{ what: `the link to consultation ${s.id}` });
		await pressAndGo(page, 'Enter', (u) => new RegExp(`^/consultations/${s.id}(-|$)`).test(u.pathname));
		assert.equal((await page.locator('h1').innerText()).trim(), s.title.trim());

		// "Переглянути звіт" → the report.
		await tabTo(page, (x) => x.href === '#report', { what: 'the link to the report' });
		await pressAndGo(page, 'Enter', (u) => u.hash === '#report');
		assert.ok(await inViewport(page, '#report'), 'the report scrolled into view');
		assert.ok(await page.locator('#report').isVisible());

		// On to the answered proposal (its permalink), Enter: its answer in view.
		const target = `#comment-${s.answer.commentId}`;
		await tabTo(page, (x) => x.href === target, { what: `the permalink of proposal ${target}` });
		await pressAndGo(page, 'Enter', (u) => u.hash === target);
		const answer = page.locator(`${target} .answer`);
		assert.ok(await answer.isVisible(), 'the official answer is visible');
		assert.ok(await inViewport(page, `${target} .answer`), 'the answer is in view');
		assert.match(await answer.innerText(), /Відповідь організатора/);

		// Shift+Tab goes back through the page with a visible focus too.
		for (let i = 0; i < 5; i++) {
			await page.keyboard.press('Shift+Tab');
			assertFocusVisible(await focused(page), `Shift+Tab #${i + 1} on the consultation`);
		}
		assertNoProblems(problems, 'keyboard flow');
	} finally {
		await context.close();
	}
});
