// Accessibility of the consultation editor's pages (issue 5), as
// 55-admin-axe.test.mjs does for the other admin pages (a file of its own:
// each file must finish within the runner's per-file time): axe-core, WCAG
// 2.0/2.1 A and AA, at desktop and phone width; the list, the new form,
// the form sent back with errors, a stored consultation's form and its
// preview.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, DESKTOP, PHONE, runAxe, assertNoViolations } from './lib.mjs';
import { freshAddr } from '../http/lib.mjs';
import { createUser, twoUnits, makeConsultation } from '../http/admin-lib.mjs';

const browser = useBrowser();
let data = null;
function setup() {
	if (data) return data;
	const [unit] = twoUnits();
	const editor = createUser('editor', unit);
	const cid = makeConsultation(unit);
	data = { editor, cid };
	return data;
}

async function signIn(page, user) {
	await page.goto('/admin/login');
	await page.getByLabel('Логін').fill(user.login);
	await page.getByLabel('Пароль').fill(user.password);
	await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Увійти' }).click()]);
}

const PAGES = {
	'consultations list': { path: '/admin/consultations', status: 200 },
	'new consultation form': { path: '/admin/consultations/new', status: 200 },
	'consultation form with errors': {
		path: '/admin/consultations/new', status: 200,
		act: async (page) => {
			await page.getByLabel(/^Електронна пошта відповідальної особи/).fill('not an e-mail');
			await page.getByRole('button', { name: 'Зберегти', exact: true }).click();
			await page.locator('.form-errors').waitFor();
		},
	},
	'consultation edit form': { path: (d) => `/admin/consultations/${d.cid}`, status: 200 },
	'consultation preview': { path: (d) => `/admin/consultations/${d.cid}/preview`, status: 200 },
};

for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	describe(`consultation editor, axe WCAG 2.1 A/AA at ${width} width`, () => {
		// One sign-in per width: the pages then open in its context.
		let signedIn = null;
		async function context() {
			if (signedIn) return signedIn;
			const { context: c, page } = await openPage(browser(), {
				...options, bypassCSP: true, extraHTTPHeaders: { 'X-Forwarded-For': freshAddr() },
			});
			await signIn(page, setup().editor);
			await page.close();
			signedIn = c;
			return c;
		}
		after(async () => { if (signedIn) await signedIn.close(); });
		for (const [name, p] of Object.entries(PAGES)) {
			test(`${name} (${width})`, async () => {
				const d = setup();
				const page = await (await context()).newPage();
				try {
					const target = typeof p.path === 'function' ? p.path(d) : p.path;
					const r = await page.goto(target);
					assert.equal(r.status(), p.status, `${target}: HTTP status`);
					if (p.act) await p.act(page);
					assertNoViolations(await runAxe(page), `${width} ${name}`);
				} finally {
					await page.close();
				}
			});
		}
	});
}
