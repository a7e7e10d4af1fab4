// The detail page: ids and slugs, published comments only (ordered by id, 50 a
// page), official answers, the report section and the late-report marker.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, sql, sqlCol, sqlInt, PUBLIC, STATUS, END, COMMENTS_PER_PAGE,
	commentIds, commentArticle, errorStatus, namesParam, textOf, normSpace,
	hasElementWithId, lateMarkers, BASE,
} from './lib.mjs';

const href = (c) => `/consultations/${c.id}-${c.slug}`;

// id, slug, title, status by dates, published comments, contact e-mail.
const COLS = `c.id, c.slug, c.title, ${STATUS}, (SELECT COUNT(*) FROM comments m
	WHERE m.consultation_id = c.id AND m.status = 'published'), c.contact_email`;
const row = (r) => r && { id: Number(r[0]), slug: r[1], title: r[2], status: r[3], published: Number(r[4]), contact: r[5] };
const one = (where, order = 'c.id') =>
	row(sql(`SELECT ${COLS} FROM consultations c WHERE ${PUBLIC} AND ${where} ORDER BY ${order} LIMIT 1`)[0]);
const many = (where, n, order = 'c.id') =>
	sql(`SELECT ${COLS} FROM consultations c WHERE ${PUBLIC} AND ${where} ORDER BY ${order} LIMIT ${n}`).map(row);

const PUB = `(SELECT COUNT(*) FROM comments m WHERE m.consultation_id = c.id AND m.status = 'published')`;
const NO_REPORT = `NOT EXISTS (SELECT 1 FROM reports r WHERE r.consultation_id = c.id AND r.published_at IS NOT NULL)`;

function publishedIds(id, offset = 0, limit = COMMENTS_PER_PAGE) {
	return sqlCol(`SELECT id FROM comments WHERE consultation_id = ${id} AND status = 'published'
		ORDER BY id LIMIT ${limit} OFFSET ${offset}`).map(Number);
}

// Every comment page of a consultation (at most 40), as bodies.
async function allPages(c) {
	const pages = Math.max(1, Math.ceil(c.published / COMMENTS_PER_PAGE));
	assert.ok(pages <= 40, `too many pages to scan: ${pages}`);
	const out = [];
	for (let p = 1; p <= pages; p++) {
		const r = await http(`${href(c)}?page=${p}`);
		assert.equal(r.status, 200, `${href(c)}?page=${p}`);
		out.push(r.body);
	}
	return out;
}

await withData(() => {
	const d = {};
	d.most = one('TRUE', `${PUB} DESC, c.id`);
	d.few = one(`${PUB} BETWEEN 1 AND ${COMMENTS_PER_PAGE}`, `${PUB} DESC, c.id`);
	d.fifty = one(`${PUB} = ${COMMENTS_PER_PAGE}`);
	d.none = one(`${PUB} = 0`);
	d.byStatus = Object.fromEntries(['announced', 'open', 'closed', 'completed', 'cancelled']
		.map((s) => [s, one(`${STATUS} = '${s}'`)]).filter(([, c]) => c));
	d.drafts = sql("SELECT id, slug FROM consultations WHERE status = 'draft' ORDER BY id LIMIT 3")
		.map(([id, slug]) => ({ id: Number(id), slug }));
	d.maxId = sqlInt('SELECT COALESCE(MAX(id), 0) FROM consultations');
	// Comments that must never show: one of each status, in a consultation
	// with published comments too (and few enough pages to scan).
	d.hidden = {};
	for (const s of ['pending', 'rejected', 'spam']) {
		const [h] = sql(`SELECT m.id, m.author_email, m.consultation_id FROM comments m
			JOIN consultations c ON c.id = m.consultation_id
			WHERE ${PUBLIC} AND m.status = '${s}' AND ${PUB} BETWEEN 1 AND 500
			ORDER BY ${PUB} DESC, m.id LIMIT 1`);
		if (h) d.hidden[s] = { id: Number(h[0]), email: h[1], c: one(`c.id = ${Number(h[2])}`) };
	}
	// Published proposals with an official answer, on their first page.
	d.answered = sql(`SELECT m.id, m.consultation_id, r.reason, r.decision FROM comments m
		JOIN responses r ON r.comment_id = m.id JOIN consultations c ON c.id = m.consultation_id
		WHERE ${PUBLIC} AND m.kind = 'proposal' AND m.status = 'published'
		AND (SELECT COUNT(*) FROM comments x WHERE x.consultation_id = m.consultation_id
			AND x.status = 'published' AND x.id < m.id) < ${COMMENTS_PER_PAGE}
		ORDER BY m.id LIMIT 3`).map(([id, cid, reason, decision]) =>
		({ id: Number(id), c: one(`c.id = ${Number(cid)}`), reason, decision }));
	d.withReport = many(`${STATUS} = 'completed' AND NOT ${NO_REPORT}`, 2);
	d.withoutReport = many(`${NO_REPORT} AND ${STATUS} IN ('closed', 'open')`, 2,
		'EXISTS (SELECT 1 FROM reports r WHERE r.consultation_id = c.id) DESC, c.id');
	d.late = sql(`SELECT c.id, TIMESTAMPDIFF(SECOND, ${END} + INTERVAL 14 DAY, UTC_TIMESTAMP())
		FROM consultations c WHERE ${PUBLIC} AND ${STATUS} = 'closed' AND ${NO_REPORT}
		AND UTC_TIMESTAMP() > ${END} + INTERVAL 14 DAY ORDER BY c.id LIMIT 5`)
		.map(([id, secs]) => ({ c: one(`c.id = ${Number(id)}`), secs: Number(secs) }));
	d.recentClosed = many(`${STATUS} = 'closed' AND ${NO_REPORT}
		AND UTC_TIMESTAMP() <= ${END} + INTERVAL 14 DAY - INTERVAL 10 MINUTE`, 2);
	d.notLate = many(`${STATUS} IN ('open', 'announced', 'completed', 'cancelled')`, 20,
		`${STATUS}, c.id`).filter((c, i, a) => a.findIndex((x) => x.status === c.status) === i);
	d.closedWithReport = many(`${STATUS} = 'closed' AND NOT ${NO_REPORT}`, 1);
	if (!d.most) throw new Error('no public consultation');
	return d;
}, (d) => {
	describe('ids, slugs and redirects', () => {
		test('/consultations/{id}-{slug}: 200 with the title', async () => {
			const r = await http(href(d.most));
			assert.equal(r.status, 200);
			assert.ok(textOf(r.body).includes(normSpace(d.most.title)), 'title on the page');
		});
		test('/consultations/{id} alone: 200', async () => {
			const r = await http(`/consultations/${d.most.id}`);
			assert.equal(r.status, 200);
			assert.ok(textOf(r.body).includes(normSpace(d.most.title)));
		});
		for (const wrong of ['wrong-slug', 'x', 'other-slug-1'])
			test(`a wrong slug (${wrong}): 301 to the canonical address`, async () => {
				const r = await http(`/consultations/${d.most.id}-${wrong}`);
				assert.equal(r.status, 301);
				const loc = r.headers.get('location');
				assert.ok(loc, 'no Location');
				const u = new URL(loc, BASE);
				assert.equal(u.pathname, href(d.most));
				assert.equal(u.host, new URL(BASE).host, 'stays on this site');
			});
		test('a slug that only starts like the right one: 301', async () => {
			const r = await http(`${href(d.most)}-more`);
			assert.equal(r.status, 301);
			assert.equal(new URL(r.headers.get('location'), BASE).pathname, href(d.most));
		});
		test('every status has a page: announced, open, closed, completed, cancelled', async () => {
			for (const [s, c] of Object.entries(d.byStatus)) {
				const r = await http(href(c));
				assert.equal(r.status, 200, `${s}: ${href(c)}`);
			}
		});
		test('a draft: 404 (with or without its slug, never a redirect)', async (t) => {
			if (d.drafts.length === 0) return t.skip('no draft in the data');
			for (const c of d.drafts)
				for (const p of [`/consultations/${c.id}`, href(c), `/consultations/${c.id}-other`]) {
					const r = await http(p);
					assert.equal(r.status, 404, p);
					assert.equal(errorStatus(r.body), '404', `${p}: our page`);
				}
		});
		test('an id past the last: 404', async () => {
			for (const p of [`/consultations/${d.maxId + 1}`, `/consultations/${d.maxId + 1}-some-slug`, '/consultations/4294967295']) {
				const r = await http(p);
				assert.equal(r.status, 404, p);
				assert.equal(errorStatus(r.body), '404', `${p}: our page`);
			}
		});
		for (const ref of ['0', '0-slug', '00', '99999999999', '4294967296', '18446744073709551617', '-1', 'abc', '1.5', '1-'])
			test(`/consultations/${ref}: 400 or 404, never 5xx`, async () => {
				const r = await http(`/consultations/${ref}`);
				assert.ok([400, 404].includes(r.status), `status ${r.status}`);
				assert.equal(errorStatus(r.body), String(r.status), 'our page');
			});
		for (const slug of ['Bad_Slug', 'a'.repeat(300), '%D0%BF%D0%B0%D1%80%D0%BA'])
			test(`a slug that cannot be one (${slug.slice(0, 20)}): 301, 400 or 404, never 5xx`, async () => {
				const r = await http(`/consultations/${d.most.id}-${slug}`);
				assert.ok([301, 400, 404].includes(r.status), `status ${r.status}`);
				if (r.status === 301)
					assert.equal(new URL(r.headers.get('location'), BASE).pathname, href(d.most));
				else
					assert.equal(errorStatus(r.body), String(r.status), 'our page');
			});
		for (const p of ['0', '-1', 'abc', '1.5', '01'])
			test(`detail ?page=${p}: 400 naming page`, async () => {
				const r = await http(`${href(d.most)}?page=${p}`);
				assert.equal(r.status, 400);
				assert.equal(errorStatus(r.body), '400');
				assert.ok(namesParam(r.body, 'page'), 'names "page"');
			});
	});

	describe('published comments, 50 a page, by id', () => {
		test(`the most commented (${d.most.published} published): page 1 = SQL`, async () => {
			const r = await http(href(d.most));
			assert.deepEqual(commentIds(r.body), publishedIds(d.most.id));
		});
		test('its page 2 exists iff more than 50, and equals SQL', async () => {
			const r = await http(`${href(d.most)}?page=2`);
			if (d.most.published > COMMENTS_PER_PAGE) {
				assert.equal(r.status, 200);
				assert.deepEqual(commentIds(r.body), publishedIds(d.most.id, COMMENTS_PER_PAGE));
			} else
				assert.equal(r.status, 404);
		});
		test('its last page holds the rest; last + 1 is 404', async () => {
			const last = Math.max(1, Math.ceil(d.most.published / COMMENTS_PER_PAGE));
			const r = await http(`${href(d.most)}?page=${last}`);
			assert.equal(r.status, 200);
			assert.deepEqual(commentIds(r.body), publishedIds(d.most.id, (last - 1) * COMMENTS_PER_PAGE));
			const r2 = await http(`${href(d.most)}?page=${last + 1}`);
			assert.equal(r2.status, 404);
			assert.equal(errorStatus(r2.body), '404');
		});
		test('page 1 links to page 2 when there is one', async (t) => {
			if (d.most.published <= COMMENTS_PER_PAGE) return t.skip('one page only');
			const r = await http(href(d.most));
			assert.ok(/[?&](amp;)?page=2\b/.test(r.body), 'no link with page=2');
		});
		test('a consultation with 1..50 published comments: all on page 1, no page 2', async (t) => {
			if (!d.few) return t.skip('none in the data');
			const r = await http(href(d.few));
			assert.deepEqual(commentIds(r.body), publishedIds(d.few.id));
			assert.equal((await http(`${href(d.few)}?page=2`)).status, 404);
		});
		test('exactly 50 published comments: one page', async (t) => {
			if (!d.fifty) return t.skip('none with exactly 50');
			const r = await http(href(d.fifty));
			assert.equal(commentIds(r.body).length, 50);
			assert.equal((await http(`${href(d.fifty)}?page=2`)).status, 404);
		});
		test('a consultation with no published comment: page 1 is 200 with none', async (t) => {
			if (!d.none) return t.skip('none in the data');
			const r = await http(href(d.none));
			assert.equal(r.status, 200);
			assert.deepEqual(commentIds(r.body), []);
			assert.equal((await http(`${href(d.none)}?page=2`)).status, 404);
		});
		for (const s of ['pending', 'rejected', 'spam'])
			test(`a ${s} comment never appears, nor its author's e-mail`, async (t) => {
				const h = d.hidden[s];
				if (!h) return t.skip(`no ${s} comment in the data`);
				const pages = await allPages(h.c);
				const shown = pages.flatMap(commentIds);
				assert.equal(shown.length, h.c.published, 'every published comment is shown once');
				assert.ok(!shown.includes(h.id), `comment ${h.id} (${s}) is shown`);
				if (h.email && h.email !== h.c.contact)
					for (const b of pages)
						assert.ok(!b.toLowerCase().includes(h.email.toLowerCase()), `${h.email} appears`);
			});
		test('published authors\' e-mails never appear', async () => {
			const emails = sqlCol(`SELECT DISTINCT author_email FROM comments WHERE consultation_id = ${d.most.id}
				AND status = 'published' ORDER BY id LIMIT ${COMMENTS_PER_PAGE}`)
				.filter((e) => e && e.includes('@') && e !== d.most.contact);
			const r = await http(href(d.most));
			for (const e of emails)
				assert.ok(!r.body.toLowerCase().includes(e.toLowerCase()), `${e} appears`);
		});
		test('proposals show their official answer', async (t) => {
			if (d.answered.length === 0) return t.skip('no answered proposal');
			for (const a of d.answered) {
				const r = await http(href(a.c));
				const art = commentArticle(r.body, a.id);
				assert.ok(art, `proposal ${a.id} not on ${href(a.c)}`);
				assert.ok(textOf(art).includes(normSpace(a.reason)),
					`answer of proposal ${a.id} missing: ${a.reason.slice(0, 80)}`);
			}
		});
	});

	describe('report and late-report marker', () => {
		test('a completed consultation with a published report has id="report"', async (t) => {
			if (d.withReport.length === 0) return t.skip('none in the data');
			for (const c of d.withReport) {
				const r = await http(href(c));
				assert.ok(hasElementWithId(r.body, 'report'), href(c));
			}
		});
		test('no published report: no id="report"', async (t) => {
			if (d.withoutReport.length === 0) return t.skip('none in the data');
			for (const c of d.withoutReport) {
				const r = await http(href(c));
				assert.ok(!hasElementWithId(r.body, 'report'), href(c));
			}
		});
		test('closed, no published report, more than 14 days: marker with the days late', async (t) => {
			if (d.late.length === 0) return t.skip('none in the data');
			for (const { c, secs } of d.late) {
				const r = await http(href(c));
				const m = lateMarkers(r.body);
				assert.ok(m.length > 0, `${href(c)}: no data-late-days marker (${secs} s late)`);
				const want = Math.ceil(secs / 86400);
				// At a day's boundary the clock may move during the test.
				const ok = m.every((v) => Number(v) === want ||
					(secs % 86400 > 86400 - 120 && Number(v) === want + 1) ||
					(secs % 86400 < 120 && Number(v) === want - 1));
				assert.ok(ok, `${href(c)}: data-late-days=${m.join(',')}, expected ${want}`);
			}
		});
		test('closed within 14 days: no marker', async (t) => {
			if (d.recentClosed.length === 0) return t.skip('none in the data');
			for (const c of d.recentClosed)
				assert.deepEqual(lateMarkers((await http(href(c))).body), [], href(c));
		});
		// Publishing a report completes the consultation in the same
		// transaction (lib/db_moderation.c), so "closed with a published
		// report" must not exist: the late marker never meets it.
		test('no closed consultation has a published report', () => {
			assert.deepEqual(d.closedWithReport.map(href), []);
		});
		test('open, announced, completed, cancelled: no marker', async () => {
			for (const c of d.notLate)
				assert.deepEqual(lateMarkers((await http(href(c))).body), [], `${c.status} ${href(c)}`);
		});
	});
});
