// Open data (issue 8) in a real browser: /opendata lists every file with
// its rows and size, a download link fetches the file (an attachment, the
// bytes of the file), the table of contents leads to each file's
// dictionary, and axe (WCAG 2.1 A/AA) passes at desktop and phone width.
// An archived consultation's page (its notice) and its card (the «Архів»
// badge) pass axe at both widths too.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, DESKTOP, PHONE, runAxe, assertNoViolations,
	assertNoProblems, assertNoHorizontalScroll, sql, sqlInt,
} from './lib.mjs';
import { sqlStr } from '../http/lib.mjs';

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

// ---- an archived consultation ------------------------------------------------

describe('an archived consultation in a browser', () => {
	const tag = `t76-${process.pid.toString(36)}${Date.now().toString(36)}`;
	const ref = `T76/${tag}`;
	let id = null;
	function archived() {
		if (id !== null) return id;
		// As the import writes one (cgi-bin/opendata.c): a cancelled
		// consultation of 2016 with its archive reference.
		sql(`INSERT INTO consultations (slug, title, summary, body, unit_id, format_id, status,
			opens_at, closes_at, question, alternatives, stakeholders, consequences,
			how_to_participate, contact_name, contact_email, results_publication, published_at,
			cancelled_at, cancel_reason, archived_at, archive_ref)
			SELECT ${sqlStr(tag)}, ${sqlStr(`Архівна консультація ${tag}`)}, 'Коротко', 'Текст',
				u.id, f.id, 'cancelled', '2016-03-01 00:00:00', '2016-03-20 21:59:00', '', '', '', '',
				'', '', '', '', '2016-03-01 00:00:00', '2016-03-10 10:00:00', 'Перенесено',
				'2026-01-15 10:00:00', ${sqlStr(ref)}
			FROM units u, formats f WHERE u.slug = 'mobility' AND f.slug = 'e-consultation'`);
		id = sqlInt(`SELECT id FROM consultations WHERE slug = ${sqlStr(tag)}`);
		return id;
	}
	after(() => {
		if (id !== null) sql(`DELETE FROM consultations WHERE id = ${id}`);
	});

	for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
		test(`its page shows the notice, its card the badge; axe passes on both (${width})`, async () => {
			const cid = archived();
			const { context, page } = await openPage(browser(), { ...options, bypassCSP: true });
			try {
				let r = await page.goto(`/consultations/${cid}`);
				assert.equal(r.status(), 200);
				const note = page.locator('header .archive-note');
				assert.ok(await note.isVisible(), 'the notice is shown');
				const text = (await note.textContent()).replace(/\s+/g, ' ');
				assert.ok(text.startsWith('Архівна консультація. Її перенесено на платформу 15 січня 2026 ' +
					`з архіву (архівний номер ${ref}).`), text);
				await assertNoHorizontalScroll(page, `archived page (${width})`);
				assertNoViolations(await runAxe(page), `${width} /consultations/${cid}`);

				r = await page.goto('/consultations?unit=mobility&from=2016-03-01&to=2016-03-31');
				assert.equal(r.status(), 200);
				const badge = page.locator(`article[data-id="${cid}"] .badge--archive`);
				assert.equal(await badge.textContent(), 'Архів');
				assert.ok(await badge.isVisible(), 'the badge is shown');
				await assertNoHorizontalScroll(page, `listing with an archived card (${width})`);
				assertNoViolations(await runAxe(page), `${width} listing with an archived card`);
			} finally {
				await context.close();
			}
		});
	}
});
