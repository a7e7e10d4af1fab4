// E-mail subscriptions (issue 6) in the browser: from a filtered listing,
// with the keyboard only, a resident opens «Підписатися на ці
// консультації», finds the listing's filters ticked, types an address,
// ticks the consent and sends; the confirmation message arrives in the
// local SMTP sink, and its link's button (reached with Tab) confirms.
// Then axe-core (WCAG 2.0/2.1 A and AA) on every page of the flow — the
// form, its error state, "check your mail", confirm (ask, done),
// unsubscribe (ask, done), the subscription's page (fresh, saved, with an
// error) — at desktop and phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, assertNoProblems, DESKTOP, PHONE, focused, tabTo,
	runAxe, assertNoViolations, sql,
} from './lib.mjs';
import { freshAddr } from '../http/lib.mjs';
import { waitMail, confirmLink, unsubscribeLink, subscribeConfirmed, textOf } from '../http/mail-lib.mjs';

const browser = useBrowser();
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const THEME = sql('SELECT slug FROM themes ORDER BY id LIMIT 1')[0][0];
const DISTRICT = 'podilskyi';

async function openAs(options) {
	const o = await openPage(browser(), options);
	await o.context.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddr() });
	return o;
}

test('keyboard only: from a filtered listing to a confirmed subscription', async () => {
	const email = `b70-${RUN}@example.com`;
	const { context, page, problems } = await openAs(DESKTOP);
	try {
		await page.goto(`/consultations?theme=${THEME}&district=${DISTRICT}`);
		await tabTo(page, (f) => f.tag === 'a' && f.text === 'Підписатися на ці консультації',
			{ what: 'the subscribe link' });
		await Promise.all([page.waitForURL((u) => u.pathname === '/subscribe'), page.keyboard.press('Enter')]);
		const q = new URL(page.url()).searchParams;
		assert.equal(q.get('theme'), THEME);
		assert.equal(q.get('district'), DISTRICT);
		assert.equal(await page.locator(`input[name="theme"][value="${THEME}"]`).isChecked(), true);
		assert.equal(await page.locator(`input[name="district"][value="${DISTRICT}"]`).isChecked(), true);

		await tabTo(page, (f) => f.name === 'email', { what: 'the e-mail field' });
		await page.keyboard.type(email);
		await tabTo(page, (f) => f.name === 'consent', { what: 'the consent checkbox' });
		assert.equal((await focused(page)).checked, false, 'consent not pre-ticked');
		await page.keyboard.press('Space');
		assert.equal((await focused(page)).checked, true);
		await tabTo(page, (f) => {
			assert.notEqual(f.name, 'website', 'Tab reached the honeypot');
			return f.tag === 'button' && f.text === 'Підписатися';
		}, { max: 6, what: 'the button' });
		await Promise.all([page.waitForURL((u) => u.pathname === '/subscribe/sent'), page.keyboard.press('Enter')]);
		assert.match(await page.locator('h1').innerText(), /Перевірте пошту/);

		const [m] = await waitMail(email);
		await page.goto(confirmLink(m));
		await tabTo(page, (f) => f.tag === 'button' && f.text === 'Підтвердити', { what: 'the confirm button' });
		await Promise.all([page.waitForLoadState(), page.keyboard.press('Enter')]);
		await page.waitForSelector('h1:has-text("Підписку підтверджено")');
		const [row] = sql(`SELECT s.state, (SELECT GROUP_CONCAT(facet, ':', value_id ORDER BY facet)
			FROM subscription_filters f WHERE f.subscription_id = s.id)
			FROM subscriptions s WHERE s.email = '${email}'`);
		const want = sql(`SELECT CONCAT('0:', (SELECT id FROM themes WHERE slug = '${THEME}'), ',1:',
			(SELECT id FROM districts WHERE slug = '${DISTRICT}'))`)[0][0];
		assert.deepEqual(row, ['active', want]);
		assertNoProblems(problems, 'the subscription flow');
	} finally {
		await context.close();
	}
});

for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	test(`axe on every page of the flow (${label})`, async () => {
		const email = `b70-axe-${label}-${RUN}@example.com`;
		const { context, page, problems } = await openAs({ ...size, bypassCSP: true });
		const check = async (where) => assertNoViolations(await runAxe(page), `${where} (${label})`);
		try {
			await page.goto(`/subscribe?theme=${THEME}`);
			await check('the form');
			await page.locator('button:has-text("Підписатися")').click();
			await page.waitForSelector('.form-errors');
			await check('the form with errors');
			await page.goto('/subscribe/sent');
			await check('check your mail');

			const mine = `b70-axe2-${label}-${RUN}@example.com`;
			// A pending subscription for the confirm pages.
			await page.goto(`/subscribe?theme=${THEME}`);
			await page.fill('#sf-email', email);
			await page.check('#sf-consent');
			await Promise.all([page.waitForURL((u) => u.pathname === '/subscribe/sent'),
				page.locator('button:has-text("Підписатися")').click()]);
			const [m] = await waitMail(email);
			await page.goto(confirmLink(m));
			await check('confirm: the button');
			await Promise.all([page.waitForLoadState(), page.locator('button:has-text("Підтвердити")').click()]);
			await page.waitForSelector('h1:has-text("Підписку підтверджено")');
			await check('confirm: done');

			const conf = await subscribeConfirmed(mine, { theme: THEME });
			const manage = /https?:\/\/\S+\/subscribe\/manage\?token=[A-Za-z0-9_-]+/.exec(textOf(conf))[0];
			await page.goto(manage);
			await check('the subscription\'s page');
			// Its form: a change saved, then sent back with an error (no
			// frequency: only a page that lost its radios can send that).
			await page.locator('#mf-frequency-weekly').check();
			await Promise.all([page.waitForURL((u) => u.searchParams.get('saved') === '1'),
				page.locator('button:has-text("Зберегти зміни")').click()]);
			await page.waitForSelector('text=Зміни збережено');
			await check('the subscription\'s page: saved');
			await page.evaluate(() => document.querySelectorAll('input[name="frequency"]').forEach((e) => e.remove()));
			await Promise.all([page.waitForLoadState(), page.locator('button:has-text("Зберегти зміни")').click()]);
			await page.waitForSelector('.form-errors');
			await check('the subscription\'s page: errors');
			await page.goto(unsubscribeLink(conf));
			await check('unsubscribe: the button');
			await Promise.all([page.waitForLoadState(), page.locator('button:has-text("Відписатися")').click()]);
			await page.waitForSelector('h1:has-text("Ви відписалися")');
			await check('unsubscribe: done');
			assertNoProblems(problems, `the pages (${label})`);
		} finally {
			await context.close();
		}
	});
}
