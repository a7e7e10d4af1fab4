// Accessibility of every admin page (issue 5): axe-core, WCAG 2.0/2.1 A and
// AA, at desktop and phone width, like 40-axe.test.mjs.  People sign in
// through the login form itself; each context names its own client address
// (X-Forwarded-For, trusted by the test stack) so the login limits see each
// test as another person.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, DESKTOP, PHONE, runAxe, assertNoViolations } from './lib.mjs';
import { freshAddr, sql } from '../http/lib.mjs';
import { createUser, twoUnits, makeConsultation, makeComment } from '../http/admin-lib.mjs';

const browser = useBrowser();
let data = null;
function setup() {
	if (data) return data;
	const [unit] = twoUnits();
	const editor = createUser('editor', unit);
	const moderator = createUser('moderator');
	const cid = makeConsultation(unit, { closed: true });
	makeComment(cid);
	makeComment(cid, { status: 'pending', kind: 'comment' });
	// The documents page lists a link and an upload (the row is enough).
	sql(`INSERT INTO documents (consultation_id, title, url) VALUES (${cid}, 'Рішення КМДА', 'https://example.com/r.pdf')`);
	sql(`INSERT INTO documents (consultation_id, title, file_hash, file_name, mime_type, size_bytes)
		VALUES (${cid}, 'Проєкт', '${'ab'.repeat(32)}', 'Проєкт_рішення.pdf', 'application/pdf', 123456)`);
	data = { editor, moderator, cid };
	return data;
}

async function signIn(page, user) {
	await page.goto('/admin/login');
	await page.getByLabel('Логін').fill(user.login);
	await page.getByLabel('Пароль').fill(user.password);
	await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Увійти' }).click()]);
}

const PAGES = {
	'login': { path: '/admin/login', status: 200 },
	'login refused': {
		path: '/admin/login', status: 200,
		act: async (page) => {
			await page.getByLabel('Логін').fill('nobody-here');
			await page.getByLabel('Пароль').fill('wrong password');
			await page.getByRole('button', { name: 'Увійти' }).click();
			await page.locator('.form-message').waitFor();
		},
	},
	'dashboard': { as: 'editor', path: '/admin', status: 200 },
	'moderation queue': { as: 'moderator', path: '/admin/moderation', status: 200 },
	'answers': { as: 'editor', path: (d) => `/admin/consultations/${d.cid}/answers`, status: 200 },
	'answers with an error': {
		as: 'editor', path: (d) => `/admin/consultations/${d.cid}/answers`, status: 200,
		act: async (page) => {
			await page.getByLabel('Не враховано', { exact: true }).first().check();
			await page.getByRole('button', { name: 'Зберегти відповідь' }).first().click();
			await page.locator('.field__error').first().waitFor();
		},
	},
	'report': { as: 'editor', path: (d) => `/admin/consultations/${d.cid}/report`, status: 200 },
	'printable report': { as: 'editor', path: (d) => `/admin/consultations/${d.cid}/report/print`, status: 200 },
	'documents': { as: 'editor', path: (d) => `/admin/consultations/${d.cid}/documents`, status: 200 },
	'documents with an error': {
		as: 'editor', path: (d) => `/admin/consultations/${d.cid}/documents`, status: 200,
		act: async (page) => {
			await page.getByLabel('Назва документа').nth(1).fill('Посилання');
			await page.getByLabel('Адреса документа').fill('http://example.com/x.pdf');
			await page.getByRole('button', { name: 'Додати посилання' }).click();
			await page.locator('#link-error').waitFor();
		},
	},
	'403 page': { as: 'moderator', path: (d) => `/admin/consultations/${d.cid}/answers`, status: 403 },
};

for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	describe(`admin pages, axe WCAG 2.1 A/AA at ${width} width`, () => {
		for (const [name, p] of Object.entries(PAGES)) {
			test(`${name} (${width})`, async () => {
				const d = setup();
				const { context, page } = await openPage(browser(), {
					...options, bypassCSP: true, extraHTTPHeaders: { 'X-Forwarded-For': freshAddr() },
				});
				try {
					if (p.as) await signIn(page, d[p.as]);
					const target = typeof p.path === 'function' ? p.path(d) : p.path;
					const r = await page.goto(target);
					assert.equal(r.status(), p.status, `${target}: HTTP status`);
					if (p.act) await p.act(page);
					assertNoViolations(await runAxe(page), `${width} ${name}`);
				} finally {
					await context.close();
				}
			});
		}
	});
}
