// Accessibility of the users, units and audit log pages (issue 5,
// cgi-bin/admin_users.c, cgi-bin/admin_units.c): axe-core, WCAG 2.0/2.1 A and AA, at desktop and
// phone width, as in 55-admin-axe.test.mjs (a file of its own so that each
// file stays within the runner's time limit per file).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, DESKTOP, PHONE, runAxe, assertNoViolations } from './lib.mjs';
import { freshAddr } from '../http/lib.mjs';
import { createUser, twoUnits, makeConsultation, unitId } from '../http/admin-lib.mjs';

const browser = useBrowser();
let data = null;
function setup() {
	if (data) return data;
	const [unit] = twoUnits();
	const editor = createUser('editor', unit);
	const admin = createUser('admin');
	makeConsultation(unit);
	data = { editor, admin, unit: unitId(unit) };
	return data;
}

async function signIn(page, user) {
	await page.goto('/admin/login');
	await page.getByLabel('Логін').fill(user.login);
	await page.getByLabel('Пароль').fill(user.password);
	await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Увійти' }).click()]);
}

const PAGES = {
	'users list': { path: '/admin/users' },
	'new-user form with errors': {
		path: '/admin/users/new',
		act: async (page) => {
			await page.getByLabel('Логін').fill('two words');
			await page.getByRole('button', { name: 'Створити' }).click();
			await page.locator('.field__error').first().waitFor();
		},
	},
	'new user, password shown once': {
		path: '/admin/users/new',
		act: async (page) => {
			await page.getByLabel('Логін').fill(`axe-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
			await page.getByLabel('Ім’я та прізвище').fill('Олена Тестова');
			await page.getByLabel('Роль', { exact: true }).selectOption('moderator');
			await page.getByRole('button', { name: 'Створити' }).click();
			await page.locator('#new-password').waitFor();
		},
	},
	'user page': { path: (d) => `/admin/users/${d.editor.id}` },
	'audit log with rows': { path: '/admin/audit' },
	'units': { path: '/admin/units' },
	'new-unit form': { path: '/admin/units/new' },
	'new-unit form with errors': {
		path: '/admin/units/new',
		act: async (page) => {
			await page.getByLabel(/^Ідентифікатор/).fill('Not A Slug');
			await page.getByLabel('районна адміністрація').check();
			await page.getByRole('button', { name: 'Створити' }).click();
			await page.locator('#n-slug-error').waitFor();
			await page.locator('#n-district-error').waitFor();
		},
	},
	'unit page, saved': { path: (d) => `/admin/units/${d.unit}?done=saved` },
	'unit page with errors': {
		path: (d) => `/admin/units/${d.unit}`,
		act: async (page) => {
			await page.getByLabel('Назва', { exact: true }).fill('');
			await page.getByRole('button', { name: 'Зберегти' }).click();
			await page.locator('#n-name-error').waitFor();
		},
	},
	'dashboard with the week': { path: '/admin' },
};

// One signed-in context per width (signing in for every page cost more
// than the checks).
for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	describe(`users and audit pages, axe WCAG 2.1 A/AA at ${width} width`, () => {
		let ctx = null;
		after(async () => {
			if (ctx) await ctx.context.close();
		});
		for (const [name, p] of Object.entries(PAGES)) {
			test(`${name} (${width})`, async () => {
				const d = setup();
				if (!ctx) {
					ctx = await openPage(browser(), {
						...options, bypassCSP: true, extraHTTPHeaders: { 'X-Forwarded-For': freshAddr() },
					});
					await signIn(ctx.page, d.admin);
				}
				const { page } = ctx;
				const target = typeof p.path === 'function' ? p.path(d) : p.path;
				const r = await page.goto(target);
				assert.equal(r.status(), 200, `${target}: HTTP status`);
				if (p.act) await p.act(page);
				if (name === 'audit log with rows')
					assert.ok(await page.locator('tr.audit-row').count() > 0, 'rows');
				assertNoViolations(await runAxe(page), `${width} ${name}`);
			});
		}
	});
}
