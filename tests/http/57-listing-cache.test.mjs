// The list program keeps rendered listing and home pages per worker
// (cgi-bin/list.c, lib/pagecache.h), keyed by the canonical filters and page,
// valid while the in-memory index they came from is current and no row's
// status is due to change.  Each test loads a page often enough for every
// worker to keep a copy, then changes something and expects every answer
// (whichever worker gives it) to show the change at once: a write (through
// listing_version), and the clock alone (a consultation closing).  The JSON
// listing of the API is kept the same way (lib/listing_query.h) and checked
// alongside.
// URLs carry an extra `_` (ignored by the programs and left out of the key)
// so that nginx's 1 s micro-cache never answers: only the program's cache is
// under test; the same `_` trick proves that the key ignores it.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { http, withData, sql, sqlStr, PUBLIC, STATUS, sleepMs } from './lib.mjs';

const RUN = `t57-${process.pid.toString(36)}${Date.now().toString(36)}`;
// More GETs than workers (2 x cores by default), so each keeps a copy.
const ROUNDS = 12;
let seq = 0;
const fresh = (p) => `${p}${p.includes('?') ? '&' : '?'}_=${RUN}-${++seq}`;

// The ids of the cards on a page, in order, with their status badges.
function cards(body) {
	const out = [];
	const re = /<article class="card__body" data-id="(\d+)">[\s\S]*?badge--([a-z]+)/g;
	for (let m; (m = re.exec(body)) !== null;) out.push({ id: Number(m[1]), status: m[2] });
	return out;
}

async function everyAnswer(path, check, what) {
	const json = path.startsWith('/api/');
	for (let i = 0; i < ROUNDS; i++) {
		const r = await http(fresh(path));
		assert.equal(r.status, 200, `${path}: status`);
		assert.equal(r.headers.get('content-type'), json ? 'application/json' :
			'text/html; charset=utf-8', `${path}: type`);
		assert.ok(check(json ? JSON.parse(r.body) : r.body),
			`${what} (answer ${i + 1} of ${ROUNDS} of ${path})`);
	}
}

const API = '/api/v1/consultations?status=open&sort=closing';

const cleanups = [];
after(() => {
	for (const f of cleanups.reverse()) {
		try { f(); } catch (e) { console.error(`cleanup: ${e.message}`); }
	}
});

await withData(() => {
	// Open, closing last of all the open ones: first on "closing soonest"
	// once its end is moved to a few seconds from now.
	const [o] = sql(`SELECT c.id, c.title, DATE_FORMAT(c.closes_at, '%Y-%m-%d %H:%i:%s'),
		COALESCE(DATE_FORMAT(c.closed_at, '%Y-%m-%d %H:%i:%s'), '')
		FROM consultations c WHERE ${PUBLIC} AND ${STATUS} = 'open' AND c.closed_at IS NULL
		ORDER BY c.closes_at DESC, c.id LIMIT 1`);
	if (!o) throw new Error('no open consultation: demo data missing');
	return { id: Number(o[0]), title: o[1], closes: o[2] };
}, (d) => {
	describe('listing page cache: every change shows on the next request', () => {
		const byClosing = '/consultations?status=open&sort=closing';

		test('an edit of a title shows on the listing and the home page', async () => {
			const m = `[${RUN}-title]`;
			const pages = ['/consultations?sort=closing', byClosing, '/consultations'];
			for (const p of pages)
				await everyAnswer(p, (b) => !b.includes(m), 'no marker before');
			await everyAnswer(API, (j) => !j.items.some((c) => c.title.includes(m)), 'JSON: no marker before');
			sql(`UPDATE consultations SET title = CONCAT(title, ' ', ${sqlStr(m)}),
				closes_at = UTC_TIMESTAMP() + INTERVAL 10 MINUTE WHERE id = ${d.id}`);
			cleanups.push(() => sql(`UPDATE consultations SET title = ${sqlStr(d.title)},
				closes_at = ${sqlStr(d.closes)} WHERE id = ${d.id}`));
			// Closing in ten minutes: first of the open ones by closing, on
			// the home page's "open" section too.
			for (const p of [byClosing, '/'])
				await everyAnswer(p, (b) => b.includes(m), 'new title shown');
			await everyAnswer(API, (j) => j.items[0].id === d.id && j.items[0].title.includes(m),
				'JSON: new title first');
		});

		test('the clock alone: a consultation that closes leaves the open listing', async () => {
			sql(`UPDATE consultations SET closes_at = UTC_TIMESTAMP() + INTERVAL 4 SECOND
				WHERE id = ${d.id}`);
			await everyAnswer(byClosing, (b) => {
				const c = cards(b);
				return c.length > 0 && c[0].id === d.id && c[0].status === 'open';
			}, 'first card, open');
			await everyAnswer(API, (j) => j.items[0].id === d.id, 'JSON: first, open');
			const due = Date.now() + 4000;
			await sleepMs(Math.max(0, due - Date.now()) + 1200);
			await everyAnswer(byClosing, (b) => !cards(b).some((c) => c.id === d.id),
				'gone from the open listing once closed');
			await everyAnswer(API, (j) => !j.items.some((c) => c.id === d.id),
				'JSON: gone from the open listing once closed');
		});

		test('pages of other filters or another page number are not confused', async () => {
			const one = await http(fresh('/consultations'));
			const two = await http(fresh('/consultations?page=2'));
			const eco = await http(fresh('/consultations?theme=ecology'));
			assert.equal(one.status, 200);
			assert.equal(two.status, 200);
			assert.equal(eco.status, 200);
			const ids = (r) => cards(r.body).map((c) => c.id).join(',');
			assert.notEqual(ids(one), ids(two), 'page 2 differs from page 1');
			for (let i = 0; i < ROUNDS; i++) {
				assert.equal(ids(await http(fresh('/consultations?page=2'))), ids(two), 'page 2 again');
				assert.equal(ids(await http(fresh('/consultations'))), ids(one), 'page 1 again');
				const e = await http(fresh('/consultations?theme=ecology'));
				assert.equal(ids(e), ids(eco), 'ecology again');
			}
		});
	});
});
