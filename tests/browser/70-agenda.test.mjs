// The unified agenda (issue 8) in the browser: a resident proposes a topic
// with the keyboard only (Tab, arrows, typing, Space, Enter; no mouse) and
// lands on the receipt, which matches the database; the honeypot is never
// reached with Tab.  Then axe-core (WCAG 2.0/2.1 A and AA, as in 40-axe) on
// /agenda, the form, its error state and the receipt, at desktop and phone
// width (the admin's agenda pages: 71- and 72-agenda-admin-axe).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, assertNoProblems, DESKTOP, PHONE, focused, tabTo,
	runAxe, assertNoViolations, sql,
} from './lib.mjs';
import { freshAddr } from '../http/lib.mjs';

const browser = useBrowser();
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const RECEIPT = /^\/agenda\/receipt\/([0-9]+)-[A-Za-z0-9_-]{22}$/;

async function openAs(options) {
	const o = await openPage(browser(), options);
	await o.context.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddr() });
	return o;
}

test('keyboard only: a resident proposes a topic and gets the receipt', async () => {
	const { context, page, problems } = await openAs(DESKTOP);
	const who = {
		topic: `Тиха година на дитячих майданчиках [b70-${RUN}]`,
		lines: ['Пропоную обговорити правила користування майданчиками.', 'Другий рядок опису.'],
		name: 'Тарас Клавіатурний',
		email: `taras.${RUN}@example.com`,
	};
	try {
		await page.goto('/agenda');
		// From the plan to the form by the keyboard.
		await tabTo(page, (x) => x.tag === 'a' && x.href === '/agenda/propose', { what: 'the link to the form' });
		await Promise.all([page.waitForURL(/\/agenda\/propose$/), page.keyboard.press('Enter')]);

		await tabTo(page, (x) => x.name === 'topic', { what: 'the topic' });
		await page.keyboard.type(who.topic);
		await tabTo(page, (x) => x.name === 'description', { max: 3, what: 'the description' });
		await page.keyboard.type(who.lines[0]);
		await page.keyboard.press('Enter');
		await page.keyboard.type(who.lines[1]);
		// Selects: the arrows choose the first unit and the first quarter.
		await tabTo(page, (x) => x.name === 'unit', { max: 3, what: 'the unit' });
		await page.keyboard.press('ArrowDown');
		await tabTo(page, (x) => x.name === 'year', { max: 3, what: 'the year' });
		await tabTo(page, (x) => x.name === 'quarter', { max: 3, what: 'the quarter' });
		await page.keyboard.press('ArrowDown');
		await tabTo(page, (x) => x.name === 'name', { max: 5, what: 'the name' });
		await page.keyboard.type(who.name);
		await tabTo(page, (x) => x.name === 'email', { max: 3, what: 'the e-mail' });
		await page.keyboard.type(who.email);
		await tabTo(page, (x) => x.name === 'consent', { max: 4, what: 'the consent checkbox' });
		assert.equal((await focused(page)).checked, false, 'consent not pre-ticked');
		await page.keyboard.press('Space');
		await tabTo(page, (x) => {
			assert.notEqual(x.name, 'website', 'Tab reached the honeypot');
			return x.tag === 'button' && x.text === 'Надіслати пропозицію';
		}, { max: 4, what: 'the button' });
		await Promise.all([page.waitForURL((u) => RECEIPT.test(u.pathname)), page.keyboard.press('Enter')]);

		const id = Number(RECEIPT.exec(new URL(page.url()).pathname)[1]);
		assert.equal(await page.locator('article.receipt').getAttribute('data-id'), String(id));
		const [r] = sql(`SELECT i.topic, i.description, i.status, i.proposer_name, i.proposer_email, i.quarter, u.slug
			FROM agenda_items i JOIN units u ON u.id = i.unit_id WHERE i.id = ${id}`);
		const [firstUnit] = sql("SELECT slug FROM units ORDER BY kind = 'rda', sort, id LIMIT 1")[0];
		assert.deepEqual(r, [who.topic, who.lines.join('\n'), 'proposed', who.name, who.email, '1', firstUnit]);
		assert.ok(!(await page.content()).includes(who.email), 'no e-mail on the receipt');
		assertNoProblems(problems, 'form and receipt');
	} finally {
		await context.close();
	}
});

// The public pages: the path, or a function of the page that gets there.
const PUBLIC_PAGES = {
	'agenda': { path: '/agenda', status: 200, expect: async (page) => {
		assert.ok(await page.locator('li.agenda-item').count() > 0, 'topics shown');
	} },
	'agenda, next year (not published)': { path: () => `/agenda?year=${new Date().getFullYear() + 1}`, status: 200 },
	'agenda, filtered': { path: '/agenda?status=declined&quarter=1&quarter=2', status: 200 },
	'propose form': { path: '/agenda/propose', status: 200 },
	'propose form with errors': {
		path: '/agenda/propose', status: 200,
		act: async (page) => {
			await Promise.all([page.waitForLoadState('load'),
				page.getByRole('button', { name: 'Надіслати пропозицію' }).click()]);
			await page.locator('.form-errors').waitFor();
		},
	},
	'receipt': {
		path: '/agenda/propose', status: 200,
		act: async (page) => {
			await page.locator('#ap-topic').fill(`Тема для квитанції ${RUN}`);
			await page.locator('#ap-description').fill('Опис теми для квитанції.');
			await page.locator('#ap-unit').selectOption({ index: 1 });
			await page.locator('#ap-quarter').selectOption('2');
			await page.locator('#ap-name').fill('Ірина Перевірна');
			await page.locator('#ap-email').fill(`iryna.${RUN}@example.com`);
			await page.locator('#ap-consent').check();
			await Promise.all([page.waitForURL((u) => RECEIPT.test(u.pathname)),
				page.getByRole('button', { name: 'Надіслати пропозицію' }).click()]);
		},
	},
	'400 page': { path: '/agenda?quarter=9', status: 400 },
};

for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	describe(`agenda pages, axe WCAG 2.1 A/AA at ${width} width`, () => {
		for (const [name, p] of Object.entries(PUBLIC_PAGES)) {
			test(`${name} (${width})`, async () => {
				const { context, page } = await openAs({ ...options, bypassCSP: true });
				try {
					const target = typeof p.path === 'function' ? p.path() : p.path;
					const r = await page.goto(target);
					assert.equal(r.status(), p.status, `${target}: HTTP status`);
					if (p.expect) await p.expect(page);
					if (p.act) await p.act(page);
					assertNoViolations(await runAxe(page), `${width} ${name}`);
				} finally {
					await context.close();
				}
			});
		}
	});
}
