// Open data (issue 8) in a real browser: /opendata lists every file with
// its rows and size, a download link fetches the file (an attachment, the
// bytes of the file), the table of contents leads to each file's
// dictionary, and axe (WCAG 2.1 A/AA) passes at desktop and phone width.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, DESKTOP, PHONE, runAxe, assertNoViolations,
	assertNoProblems, assertNoHorizontalScroll,
} from './lib.mjs';

const browser = useBrowser();
const FILES = ['consultations', 'documents', 'comments', 'answers', 'reports', 'agenda', 'indicators'];

describe('/opendata in a browser', () => {
	test('every file is listed with its rows and both downloads', async () => {
		const { context, page, problems } = await openPage(browser(), DESKTOP);
		try {
			const r = await page.goto('/opendata');
			assert.equal(r.status(), 200);
			assert.equal(await page.locator('h1').textContent(), 'Відкриті дані');
			for (const f of FILES) {
				const sec = page.locator(`section#${f}`);
				assert.equal(await sec.count(), 1, f);
				const rows = (await sec.locator('dt:text("Рядків") + dd').textContent()).replace(/\s/g, '');
				assert.match(rows, /^\d+$/, `${f}: rows`);
				assert.equal(await sec.locator(`a[href="/opendata/${f}.csv"]`).count(), 1);
				assert.equal(await sec.locator(`a[href="/opendata/${f}.json"]`).count(), 1);
				assert.ok(await sec.locator('table tbody tr').count() >= 3, `${f}: dictionary`);
			}
			// The table of contents leads to a file's section.
			await page.locator('.opendata__toc a[href="#answers"]').click();
			assert.equal(new URL(page.url()).hash, '#answers');
			// A download is the file itself, as an attachment.
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator('a[href="/opendata/agenda.json"]').click(),
			]);
			assert.equal(download.suggestedFilename(), 'kyiv-consultations-agenda.json');
			const body = await (await download.createReadStream()).toArray();
			const rows = JSON.parse(Buffer.concat(body).toString('utf8'));
			assert.ok(Array.isArray(rows));
			const shown = Number((await page.locator('section#agenda dt:text("Рядків") + dd').textContent()).replace(/\s/g, ''));
			assert.equal(rows.length, shown);
			assertNoProblems(problems, '/opendata');
		} finally {
			await context.close();
		}
	});

	for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
		test(`axe WCAG 2.1 A/AA on /opendata (${width})`, async () => {
			const { context, page } = await openPage(browser(), { ...options, bypassCSP: true });
			try {
				const r = await page.goto('/opendata');
				assert.equal(r.status(), 200);
				await assertNoHorizontalScroll(page, `/opendata (${width})`);
				assertNoViolations(await runAxe(page), `${width} /opendata`);
			} finally {
				await context.close();
			}
		});
	}
});
