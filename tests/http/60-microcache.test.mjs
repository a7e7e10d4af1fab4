// nginx's micro-cache of anonymous GETs of public pages (issue 3): a second
// GET of a page within 1 s is served from the copy (X-Cache-Status: HIT) with
// the security headers; a request with a session cookie never is (BYPASS),
// nor is its answer stored; POST never is; /healthz never is; only 200
// answers are kept.  HROMADA_MICROCACHE=off (the stack started without it):
// no answer comes from a cache.
//
// Each test uses URLs of its own (an extra `_` parameter, which the programs
// ignore), so that copies made by other tests or files cannot answer it.
//
// "Two visitors of one cached page can each submit" (issue 3) is in
// 80-comments.test.mjs (issue 4): one detail page fetched twice (MISS, then
// HIT: one copy, one form token), its form posted by two visitors, both
// stored and shown.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, withData, sql, PUBLIC } from './lib.mjs';

const ON = (process.env.HROMADA_MICROCACHE || 'on') !== 'off';
const VALID_MS = 1000;		// fastcgi_cache_valid 200 1s
const TRIES = 3;		// a slow machine may let the copy expire
const SESSION = 'hromada_session=micro-cache-test';

let counter = 0;
// A URL of its own: the path with an unknown (ignored) parameter.
function fresh(path) {
	const sep = path.includes('?') ? '&' : '?';
	return `${path}${sep}_=mc-${process.pid}-${Date.now()}-${++counter}`;
}

const cacheStatus = (r) => r.headers.get('x-cache-status');

// Two GETs of one fresh URL; retried with another URL when more than the
// copy's lifetime passed between the first answer and the second request
// (no timing is asserted: a slow machine only costs a retry).
async function twice(path, headers = {}) {
	let first, second;
	for (let i = 0; i < TRIES; i++) {
		const url = fresh(path);
		first = await http(url, { headers });
		const t = Date.now();
		second = await http(url, { headers });
		if (cacheStatus(second) === 'HIT' || Date.now() - t < VALID_MS / 2) break;
	}
	return [first, second];
}

await withData(() => {
	const [theme] = sql(`SELECT t.slug FROM themes t
		JOIN consultation_themes l ON l.theme_id = t.id
		JOIN consultations c ON c.id = l.consultation_id
		WHERE ${PUBLIC} GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT 1`);
	const [c] = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} ORDER BY c.id LIMIT 1`);
	if (!theme || !c) throw new Error('no public consultation with a theme: demo data missing');
	return { listing: `/consultations?theme=${encodeURIComponent(theme[0])}`, detail: `/consultations/${c[0]}-${c[1]}` };
}, ({ listing, detail }) => {
	if (!ON) {
		describe('micro-cache off (HROMADA_MICROCACHE=off)', () => {
			test('a page requested twice is answered by the program both times', async () => {
				const [a, b] = await twice(listing);
				assert.equal(a.status, 200);
				assert.equal(b.status, 200);
				assert.equal(cacheStatus(a), null);
				assert.equal(cacheStatus(b), null);
			});
		});
		return;
	}

	describe('micro-cache of anonymous GETs', () => {
		test('listing: a second GET within 1 s is a HIT with the same bytes', async () => {
			const [a, b] = await twice(listing);
			assert.equal(a.status, 200);
			assert.equal(cacheStatus(a), 'MISS');
			assert.equal(b.status, 200);
			assert.equal(cacheStatus(b), 'HIT');
			assert.equal(b.body, a.body);
		});

		test('detail page: a second GET within 1 s is a HIT', async () => {
			const [a, b] = await twice(detail);
			assert.equal(a.status, 200);
			assert.equal(cacheStatus(a), 'MISS');
			assert.equal(cacheStatus(b), 'HIT');
			assert.equal(b.body, a.body);
		});

		test('a HIT carries the security headers and the programs\' Cache-Control', async () => {
			const [a, b] = await twice(listing);
			assert.equal(cacheStatus(b), 'HIT');
			for (const h of ['x-content-type-options', 'content-security-policy',
				'referrer-policy', 'x-frame-options', 'permissions-policy', 'cache-control'])
				assert.equal(b.headers.get(h), a.headers.get(h), h);
			assert.equal(b.headers.get('x-content-type-options'), 'nosniff');
			assert.match(b.headers.get('content-type') || '', /^text\/html;\s*charset=utf-8/i);
		});

		test('with a session cookie: never a HIT (BYPASS), even when a copy exists', async () => {
			const [, cached] = await twice(listing);
			assert.equal(cacheStatus(cached), 'HIT', 'the anonymous copy exists');
			for (const cookie of [SESSION, `theme=dark; ${SESSION}; lang=uk`]) {
				for (let i = 0; i < 3; i++) {
					const r = await http(cached.url, { headers: { cookie } });
					assert.equal(r.status, 200);
					assert.equal(cacheStatus(r), 'BYPASS', `${cookie}, request ${i + 1}`);
				}
			}
		});

		test('with a session cookie: the answer is not stored for anyone', async () => {
			const url = fresh(listing);
			for (let i = 0; i < 2; i++) {
				const r = await http(url, { headers: { cookie: SESSION } });
				assert.equal(r.status, 200);
				assert.equal(cacheStatus(r), 'BYPASS');
			}
			const anon = await http(url);
			assert.equal(anon.status, 200);
			assert.equal(cacheStatus(anon), 'MISS', 'an anonymous request after the session ones');
		});

		test('other cookies do not bypass the cache', async () => {
			const [, b] = await twice(listing, { cookie: 'theme=dark; lang=uk' });
			assert.equal(cacheStatus(b), 'HIT');
		});

		test('POST is never answered from the cache nor cached', async () => {
			const [, cached] = await twice(listing);
			assert.equal(cacheStatus(cached), 'HIT', 'the GET copy exists');
			for (let i = 0; i < 3; i++) {
				const r = await http(cached.url, {
					method: 'POST', body: 'a=1',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
				});
				// The program's own answer (the listing takes no POST), not the copy.
				assert.equal(r.status, 405, `POST ${i + 1}`);
				assert.notEqual(cacheStatus(r), 'HIT', `POST ${i + 1}`);
			}
		});

		test('/healthz is never cached', async () => {
			for (let i = 0; i < 4; i++) {
				const r = await http('/healthz');
				assert.equal(r.status, 200);
				assert.equal(cacheStatus(r), null, `request ${i + 1}`);
			}
		});

		test('only 200 answers are kept: a 400 page is asked of the program each time', async () => {
			const url = fresh('/consultations?theme=no-such-theme');
			for (let i = 0; i < 3; i++) {
				const r = await http(url);
				assert.equal(r.status, 400);
				assert.notEqual(cacheStatus(r), 'HIT', `request ${i + 1}`);
			}
		});

		test('our 404 page is never cached', async () => {
			for (let i = 0; i < 3; i++) {
				const r = await http('/no-such-page-micro-cache');
				assert.equal(r.status, 404);
				assert.notEqual(cacheStatus(r), 'HIT', `request ${i + 1}`);
			}
		});
	});
});
