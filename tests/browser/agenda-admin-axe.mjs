// The admin's agenda pages under axe-core (WCAG 2.0/2.1 A and AA), shared
// by 71- (desktop) and 72-agenda-admin-axe (phone): one width a file, so
// that each file stays within the runner's time per file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, runAxe, assertNoViolations, sql } from './lib.mjs';
import { freshAddr } from '../http/lib.mjs';
import { createUser, twoUnits } from '../http/admin-lib.mjs';

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;

async function signIn(page, user) {
	await page.goto('/admin/login');
	await page.getByLabel('Логін').fill(user.login);
	await page.getByLabel('Пароль').fill(user.password);
	await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Увійти' }).click()]);
}

let users = null;
function admins() {
	if (users) return users;
	const [unit] = twoUnits();
	const year = new Date().getFullYear();
	// A proposal of the editor's unit, so that the decision forms show.
	sql(`INSERT INTO agenda_items (year, quarter, topic, description, unit_id, status, proposer_name, proposer_email)
		SELECT ${year}, 4, 'Тема для перевірки доступності ${RUN}', 'Опис', id, 'proposed', 'Автор', 'a11y@example.com'
		FROM units WHERE slug = '${unit}'`);
	const item = Number(sql(`SELECT MAX(id) FROM agenda_items WHERE topic = 'Тема для перевірки доступності ${RUN}'`)[0][0]);
	users = { editor: createUser('editor', unit), admin: createUser('admin'), item, year };
	return users;
}

const ADMIN_PAGES = {
	'admin agenda (editor)': { as: 'editor', path: (u) => `/admin/agenda?year=${u.year}` },
	'admin agenda (admin, next year)': { as: 'admin', path: (u) => `/admin/agenda?year=${u.year + 1}` },
	'admin decline without a reason': {
		as: 'editor', path: (u) => `/admin/agenda?year=${u.year}`,
		act: async (page, u) => {
			await page.locator(`#topic-${u.item} button`, { hasText: 'Відхилити' }).click();
			await page.locator('.field__error').first().waitFor();
		},
	},
	'admin new topic': { as: 'editor', path: (u) => `/admin/agenda/new?year=${u.year}` },
	'admin topic form': { as: 'admin', path: (u) => `/admin/agenda/${u.item}` },
	'admin topic form with errors': {
		as: 'editor', path: (u) => `/admin/agenda/${u.item}`,
		act: async (page) => {
			await page.locator('#ag-topic').fill('ab');
			await page.locator('#ag-status').selectOption('declined');
			await page.getByRole('button', { name: 'Зберегти' }).click();
			await page.locator('.form-errors').waitFor();
		},
	},
};

export function adminAgendaAxe(width, options) {
	const browser = useBrowser();
	describe(`admin agenda pages, axe WCAG 2.1 A/AA at ${width} width`, () => {
		for (const [name, p] of Object.entries(ADMIN_PAGES)) {
			test(`${name} (${width})`, async () => {
				const u = admins();
				const { context, page } = await openPage(browser(), {
					...options, bypassCSP: true, extraHTTPHeaders: { 'X-Forwarded-For': freshAddr() },
				});
				try {
					await signIn(page, u[p.as]);
					const r = await page.goto(p.path(u));
					assert.equal(r.status(), 200, `${p.path(u)}: HTTP status`);
					if (p.act) await p.act(page, u);
					assertNoViolations(await runAxe(page), `${width} ${name}`);
				} finally {
					await context.close();
				}
			});
		}
	});
}
