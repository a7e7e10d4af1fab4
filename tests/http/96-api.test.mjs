// The JSON API v1 (issue 7): every endpoint against the database and the
// HTML listing, caching (ETag, 304), CORS, the JSON comment body's every
// refusal, receipts, rate limits.  Every answer is checked against
// templates/openapi.json (api-lib.mjs): an undocumented status, member or a
// missing required member fails.
//
// Requests that count against a per-address limit come from addresses of
// their own (X-Forwarded-For, trusted by the test stack).  URLs a test must
// see fresh get a parameter of their own (`_`, ignored by the programs) so
// that nginx's 1 s micro-cache never answers them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, sql, sqlInt, sqlStr, PUBLIC, STATUS, END, FACETS, countFor, idsFor,
	facetCountsFor, slugsOf, listingUrl, describeFilters, dataTotal, parseCount,
	freshAddr, sha256Hex, normaliseText, BASE, raw,
} from './lib.mjs';
import { api, SPEC_TEXT, assertSchema } from './api-lib.mjs';

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let seq = 0;
const mark = () => `[t96-${RUN}-${++seq}]`;
let nth = 0;
const live = (p) => `${p}${p.includes('?') ? '&' : '?'}_=${RUN}-${++nth}`;
const ORIGIN = (process.env.HROMADA_API_ORIGINS || '').split(/[\s,]+/).filter(Boolean)[0];
const PER_MINUTE = Number(process.env.HROMADA_SUBMIT_PER_MINUTE || 3);

const OPEN = `${PUBLIC} AND ${STATUS} = 'open' AND ${END} > UTC_TIMESTAMP() + INTERVAL 1 DAY
	AND c.opens_at < UTC_TIMESTAMP() - INTERVAL 1 HOUR`;
const PUB = `(SELECT COUNT(*) FROM comments m WHERE m.consultation_id = c.id AND m.status = 'published')`;
const one = (where, order = 'c.id') => {
	const [r] = sql(`SELECT c.id FROM consultations c WHERE ${where} ORDER BY ${order} LIMIT 1`);
	return r ? Number(r[0]) : null;
};

function apiList(f = {}, extra = {}) {
	return listingUrl(f, extra).replace(/^\/consultations/, '/api/v1/consultations');
}

const proposal = (text, more = {}) => ({
	kind: 'proposal', name: 'Олена Коваль', email: `olena.${RUN}.${++seq}@example.com`,
	text, consent: true, ...more,
});

await withData(() => {
	const d = {
		post: one(`${OPEN} AND c.moderation = 'post' AND ${PUB} BETWEEN 1 AND 40`),
		pre: one(`${OPEN} AND c.moderation = 'pre'`),
		closed: one(`${PUBLIC} AND ${STATUS} = 'closed'`),
		draft: one("c.status = 'draft'"),
		withReport: one(`${PUBLIC} AND EXISTS (SELECT 1 FROM reports r WHERE r.consultation_id = c.id
			AND r.published_at IS NOT NULL) AND EXISTS (SELECT 1 FROM documents d WHERE d.consultation_id = c.id)`),
		many: one(`${PUBLIC} AND ${PUB} > 60`),
		answered: one(`${PUBLIC} AND EXISTS (SELECT 1 FROM comments m JOIN responses a ON a.comment_id = m.id
			WHERE m.consultation_id = c.id AND m.status = 'published') AND ${PUB} <= 50`),
	};
	for (const [k, v] of Object.entries(d))
		if (v === null && k !== 'draft') throw new Error(`no consultation for ${k}`);
	return d;
}, (d) => {
	describe('GET /api/v1/consultations', () => {
		test('no filter: total, page, per_page and the first page\'s ids as in SQL', async () => {
			const r = await api('/api/v1/consultations');
			assert.equal(r.status, 200);
			assert.equal(r.json.total, countFor({}));
			assert.equal(r.json.page, 1);
			assert.equal(r.json.per_page, 20);
			assert.deepEqual(r.json.items.map((x) => x.id), idsFor({}, 'new', 20));
		});

		test('every filter: total equal to the HTML listing\'s data-total and to SQL; ids in order', async () => {
			const cases = [];
			for (const facet of FACETS) {
				const slugs = slugsOf(facet);
				cases.push({ [facet]: [slugs[0]] });
				cases.push({ [facet]: slugs.slice(1, 3) });
			}
			cases.push({ theme: ['ecology'], status: ['open', 'closed'] });
			cases.push({ theme: ['ecology'], district: ['podilskyi'], status: ['open'] });
			cases.push({ q: 'парк' });
			cases.push({ from: '2026-01-01', to: '2026-06-30' });
			cases.push({ theme: ['transport'], q: 'реконструкція', from: '2025-06-01' });
			for (const f of cases) {
				const r = await api(apiList(f, { per_page: 50 }));
				assert.equal(r.status, 200, describeFilters(f));
				const html = await http(listingUrl(f));
				assert.equal(r.json.total, parseCount(dataTotal(html.body)), `${describeFilters(f)}: HTML data-total`);
				assert.equal(r.json.total, countFor(f), `${describeFilters(f)}: SQL`);
				assert.deepEqual(r.json.items.map((x) => x.id), idsFor(f, 'new', 50), `${describeFilters(f)}: ids`);
			}
		});

		test('sorts and pages: closing and popular, page 2 with per_page 7', async () => {
			for (const sort of ['closing', 'popular']) {
				const r = await api(apiList({}, { sort, page: 2, per_page: 7 }));
				assert.deepEqual(r.json.items.map((x) => x.id), idsFor({}, sort, 7, 7), sort);
				assert.equal(r.json.page, 2);
				assert.equal(r.json.per_page, 7);
			}
		});

		test('facet counts under the other filters, as in SQL', async () => {
			const f = { theme: ['ecology'], status: ['open'] };
			const r = await api(apiList(f));
			for (const facet of FACETS) {
				const want = facetCountsFor(f, facet);
				const got = r.json.facets[facet];
				assert.deepEqual(got.map((x) => x.slug), slugsOf(facet), `${facet}: every value in order`);
				for (const v of got)
					assert.equal(v.count, want[v.slug] || 0, `${facet}=${v.slug}`);
			}
		});

		test('items: status, dates with offsets, taxonomies as in SQL', async () => {
			const r = await api(apiList({}, { per_page: 100, sort: 'closing' }));
			const ids = r.json.items.map((x) => x.id);
			const rows = Object.fromEntries(sql(`SELECT c.id, ${STATUS}, u.slug, f.slug, UNIX_TIMESTAMP(c.opens_at)
				FROM consultations c JOIN units u ON u.id = c.unit_id JOIN formats f ON f.id = c.format_id
				WHERE c.id IN (${ids.join(',')})`).map((x) => [Number(x[0]), x.slice(1)]));
			for (const it of r.json.items) {
				const [st, unit, format, opens] = rows[it.id];
				assert.equal(it.status, st, `${it.id} status`);
				assert.equal(it.unit.slug, unit);
				assert.equal(it.format.slug, format);
				assert.match(it.opens_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00$/);
				assert.equal(Date.parse(it.opens_at) / 1000, Number(opens), `${it.id} opens_at`);
				assert.equal(it.url, `${new URL(it.url).origin}/consultations/${it.id}-${it.slug}`);
			}
		});

		test('bad parameters: 400 naming the field; per_page bounded; a page past the end 404', async () => {
			for (const [q, field] of [['theme=no-such-theme', 'theme'], ['status=draft', 'status'],
				['per_page=101', 'per_page'], ['per_page=0', 'per_page'], ['page=x', 'page'],
				['from=2026-02-30', 'from'], ['from=2026-03-01&to=2026-02-01', 'to'], ['sort=old', 'sort']]) {
				const r = await api(`/api/v1/consultations?${q}`);
				assert.equal(r.status, 400, q);
				assert.equal(r.json.error.code, 'bad_request');
				assert.equal(r.json.error.field, field, q);
			}
			const r = await api('/api/v1/consultations?page=100000');
			assert.equal(r.status, 404);
			assert.equal(r.json.error.field, 'page');
		});
	});

	describe('GET /api/v1/consultations/{id}', () => {
		test('everything the detail page shows, as in SQL; documents and the report', async () => {
			const id = d.withReport;
			const r = await api(`/api/v1/consultations/${id}`);
			assert.equal(r.status, 200);
			const c = r.json;
			const [row] = sql(`SELECT c.title, c.slug, ${STATUS}, c.moderation, u.slug, UNIX_TIMESTAMP(${END})
				FROM consultations c JOIN units u ON u.id = c.unit_id WHERE c.id = ${id}`);
			assert.equal(c.id, id);
			assert.equal(c.title, row[0]);
			assert.equal(c.slug, row[1]);
			assert.equal(c.status, row[2]);
			assert.equal(c.moderation, row[3]);
			assert.equal(c.unit.slug, row[4]);
			assert.equal(Date.parse(c.closes_at) / 1000, Number(row[5]));
			assert.deepEqual(c.themes.map((t) => t.slug), sql(`SELECT t.slug FROM consultation_themes l
				JOIN themes t ON t.id = l.theme_id WHERE l.consultation_id = ${id}`).map((x) => x[0]).sort(),
			'themes (as the page lists them)');
			assert.equal(c.documents.length, sqlInt(`SELECT COUNT(*) FROM documents WHERE consultation_id = ${id}`));
			assert.ok(c.report, 'the published report');
			assert.equal(c.report.summary, sql(`SELECT summary FROM reports WHERE consultation_id = ${id}`)[0][0]);
			assert.equal(c.report.proposals.length, sqlInt(`SELECT COUNT(*) FROM comments WHERE consultation_id = ${id}
				AND kind = 'proposal' AND status = 'published'`));
			assert.equal(c.counts.proposals, c.report.proposals.length);
			assert.ok(!JSON.stringify(c).includes('@example'), 'no commenter e-mail');
		});

		test('id-slug works; unknown, draft and malformed ids are JSON errors', async () => {
			const [slug] = sql(`SELECT slug FROM consultations WHERE id = ${d.post}`)[0];
			assert.equal((await api(`/api/v1/consultations/${d.post}-${slug}`)).json.id, d.post);
			assert.equal((await api('/api/v1/consultations/4000000000')).status, 404);
			if (d.draft !== null) assert.equal((await api(`/api/v1/consultations/${d.draft}`)).status, 404);
			const bad = await api('/api/v1/consultations/abc');
			assert.equal(bad.status, 400);
			assert.equal(bad.json.error.field, 'ref');
		});
	});

	describe('GET /api/v1/consultations/{id}/comments', () => {
		test('published comments, oldest first, pages as in SQL; answers to proposals', async () => {
			const id = d.many;
			const total = sqlInt(`SELECT COUNT(*) FROM comments WHERE consultation_id = ${id} AND status = 'published'`);
			const want = sql(`SELECT id FROM comments WHERE consultation_id = ${id} AND status = 'published'
				ORDER BY id LIMIT 30 OFFSET 30`).map((x) => Number(x[0]));
			const r = await api(`/api/v1/consultations/${id}/comments?page=2&per_page=30`);
			assert.equal(r.json.total, total);
			assert.deepEqual(r.json.items.map((x) => x.id), want);
			const a = await api(`/api/v1/consultations/${d.answered}/comments`);
			const answered = sql(`SELECT m.id, a.decision FROM comments m JOIN responses a ON a.comment_id = m.id
				WHERE m.consultation_id = ${d.answered} AND m.status = 'published'`);
			for (const [cid, decision] of answered) {
				const it = a.json.items.find((x) => x.id === Number(cid));
				assert.ok(it, `comment ${cid} listed`);
				assert.equal(it.answer?.decision, decision, `comment ${cid} answer`);
			}
			assert.ok(!a.body.includes('@'), 'no e-mail address in the answer');
			assert.equal((await api(`/api/v1/consultations/${id}/comments?page=100000`)).status, 404);
			assert.equal((await api(`/api/v1/consultations/${id}/comments?per_page=101`)).status, 400);
		});
	});

	describe('taxonomy, openapi.json, unknown routes', () => {
		test('taxonomy: every vocabulary\'s slugs in order', async () => {
			const r = await api('/api/v1/taxonomy');
			for (const [k, facet] of [['themes', 'theme'], ['districts', 'district'], ['formats', 'format'],
				['groups', 'group'], ['units', 'unit'], ['statuses', 'status']])
				assert.deepEqual(r.json[k].map((x) => x.slug), slugsOf(facet), k);
		});
		test('openapi.json: the file in the repository, byte for byte', async () => {
			const r = await api('/api/v1/openapi.json');
			assert.equal(r.status, 200);
			assert.equal(r.body, SPEC_TEXT);
			assert.equal(JSON.parse(r.body).openapi, '3.1.0');
		});
		test('unknown route 404, wrong method 405 with Allow: JSON', async () => {
			const r = await api('/api/v1/nothing-here');
			assert.equal(r.status, 404);
			assert.equal(r.json.error.code, 'not_found');
			const m = await api('/api/v1/taxonomy', { method: 'DELETE' });
			assert.equal(m.status, 405);
			assert.match(m.headers.get('allow'), /GET/);
			const p = await api('/api/v1/consultations', { method: 'POST', json: {} });
			assert.equal(p.status, 405);
		});
	});

	describe('caching and CORS', () => {
		test('every GET has an ETag; If-None-Match answers 304 without a body; a changed one 200', async () => {
			for (const p of ['/api/v1/consultations?theme=ecology', `/api/v1/consultations/${d.post}`,
				`/api/v1/consultations/${d.post}/comments`, '/api/v1/taxonomy', '/api/v1/openapi.json',
				'/api/v1/agenda', '/api/v1/stats?quarter=1']) {
				const r = await api(p);
				const etag = r.headers.get('etag');
				assert.match(etag || '', /^"[0-9a-f]{32}"$/, p);
				assert.match(r.headers.get('cache-control') || '', /^public, max-age=\d+$/, p);
				const n = await api(p, { headers: { 'if-none-match': etag } });
				assert.equal(n.status, 304, p);
				assert.equal(n.body, '');
				const o = await api(p, { headers: { 'if-none-match': '"0000"' } });
				assert.equal(o.status, 200, p);
			}
		});
		test('reads: Access-Control-Allow-Origin *, preflight answered', async () => {
			const r = await api('/api/v1/taxonomy', { headers: { origin: 'https://news.example' } });
			assert.equal(r.headers.get('access-control-allow-origin'), '*');
			const e = await api('/api/v1/nothing', { headers: { origin: 'https://news.example' } });
			assert.equal(e.headers.get('access-control-allow-origin'), '*', 'on errors too');
			const p = await http('/api/v1/consultations', { method: 'OPTIONS', headers: {
				origin: 'https://news.example', 'access-control-request-method': 'GET' } });
			assert.equal(p.status, 204);
			assert.equal(p.headers.get('access-control-allow-origin'), '*');
			assert.match(p.headers.get('access-control-allow-methods'), /GET/);
		});
		test('writes: only from configured origins', async () => {
			const path = `/api/v1/consultations/${d.post}/comments`;
			const p = await http(path, { method: 'OPTIONS', headers: {
				origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
			assert.equal(p.status, 204);
			assert.doesNotMatch(p.headers.get('access-control-allow-methods'), /POST/, 'POST not offered');
			const text = `Чужий сайт. ${mark()}`;
			const r = await api(path, { method: 'POST', json: proposal(text), headers: { origin: 'https://evil.example' } });
			assert.equal(r.status, 403);
			assert.equal(sqlInt(`SELECT COUNT(*) FROM comments WHERE body = ${sqlStr(text)}`), 0, 'nothing stored');
			if (ORIGIN === undefined) return;
			const ok = await http(path, { method: 'OPTIONS', headers: {
				origin: ORIGIN, 'access-control-request-method': 'POST' } });
			assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
			assert.match(ok.headers.get('access-control-allow-methods'), /POST/);
			assert.match(ok.headers.get('access-control-allow-headers'), /content-type/i);
			const w = await api(path, { method: 'POST', json: proposal(`Дозволений сайт. ${mark()}`), headers: { origin: ORIGIN } });
			assert.equal(w.status, 201);
			assert.equal(w.headers.get('access-control-allow-origin'), ORIGIN);
		});
	});

	describe('POST /api/v1/consultations/{id}/comments', () => {
		const path = () => `/api/v1/consultations/${d.post}/comments`;

		test('201 published: the receipt\'s SHA-256 is the stored text\'s; the comment is listed', async () => {
			const m = mark();
			const text = `Пропоную більше лавок.\r\nІ дерев. ${m}`;
			const r = await api(path(), { method: 'POST', json: proposal(text, { organisation: 'ОСББ «Липки»' }) });
			assert.equal(r.status, 201);
			const rec = r.json.receipt;
			const [row] = sql(`SELECT id, body, status, kind, organisation FROM comments
				WHERE LOCATE(${sqlStr(m)}, body) > 0`);
			assert.equal(rec.number, Number(row[0]));
			assert.equal(row[1], normaliseText(text), 'stored with LF');
			assert.equal(rec.sha256, sha256Hex(row[1]));
			assert.equal(row[2], 'published');
			assert.equal(row[3], 'proposal');
			assert.equal(row[4], 'ОСББ «Липки»');
			assert.equal(r.headers.get('location'), rec.url);
			const page = await http(new URL(rec.url).pathname);
			assert.equal(page.status, 200, 'the receipt page opens');
			assert.ok(page.body.includes(rec.sha256), 'the receipt page shows the same hash');
			const list = await api(live(`${path()}?per_page=100&page=1`));
			assert.equal(list.status, 200);
		});

		test('202 awaiting moderation: a pre-moderated consultation; more than 3 links', async () => {
			const r = await api(`/api/v1/consultations/${d.pre}/comments`, { method: 'POST', json: proposal(`Премодерація. ${mark()}`) });
			assert.equal(r.status, 202);
			assert.equal(r.json.receipt.status, 'pending');
			const links = 'https://a.example http://b.example www.c.example https://d.example';
			const l = await api(path(), { method: 'POST', json: proposal(`${links} ${mark()}`) });
			assert.equal(l.status, 202);
		});

		test('the same submission twice is stored once (with or without Idempotency-Key)', async () => {
			const body = proposal(`Двічі. ${mark()}`);
			const key = `k-${RUN}-${seq}`;
			const a = await api(path(), { method: 'POST', json: body, headers: { 'idempotency-key': key } });
			const b = await api(path(), { method: 'POST', json: body, headers: { 'idempotency-key': key } });
			assert.equal(a.status, 201);
			assert.equal(b.status, 201);
			assert.equal(a.json.receipt.number, b.json.receipt.number, 'the first receipt again');
			const c = await api(path(), { method: 'POST', json: body, headers: { 'idempotency-key': `${key}-2` } });
			assert.notEqual(c.json.receipt.number, a.json.receipt.number, 'another key is another submission');
			const body2 = proposal(`Без ключа. ${mark()}`);
			const x = await api(path(), { method: 'POST', json: body2 });
			const y = await api(path(), { method: 'POST', json: body2 });
			assert.equal(x.json.receipt.number, y.json.receipt.number);
			const bad = await api(path(), { method: 'POST', json: body2, headers: { 'idempotency-key': 'a b' } });
			assert.equal(bad.status, 400);
			assert.equal(bad.json.error.field, 'Idempotency-Key');
		});

		test('notify: true is stored with the comment (notify_author), absent or false is not; a non-boolean 400', async () => {
			for (const [more, want] of [[{ notify: true }, '1'], [{ notify: false }, '0'], [{}, '0']]) {
				const m = mark();
				const r = await api(path(), { method: 'POST', json: proposal(`Повідомте мене. ${m}`, more) });
				assert.equal(r.status, 201, JSON.stringify(more));
				assert.equal(sql(`SELECT notify_author FROM comments WHERE id = ${r.json.receipt.number}`)[0][0], want,
					JSON.stringify(more));
			}
			const bad = await api(path(), { method: 'POST', json: proposal(`Так. ${mark()}`, { notify: 'yes' }) });
			assert.equal(bad.status, 400);
			assert.equal(bad.json.error.field, 'notify');
		});

		test('not open: 409; unknown consultation: 404', async () => {
			const r = await api(`/api/v1/consultations/${d.closed}/comments`, { method: 'POST', json: proposal(`Закрита. ${mark()}`) });
			assert.equal(r.status, 409);
			assert.equal(r.json.error.code, 'conflict');
			assert.equal((await api('/api/v1/consultations/4000000000/comments', { method: 'POST', json: proposal('x') })).status, 404);
		});

		test('not JSON: 415; bad JSON: 400, never 5xx', async () => {
			const f = await api(path(), { method: 'POST', body: 'kind=proposal', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
			assert.equal(f.status, 415);
			const good = JSON.stringify(proposal('Текст'));
			const bodies = {
				truncated: good.slice(0, good.length - 5),
				empty: '',
				array: '[1, 2]',
				'a string': '"text"',
				'wrong type: name a number': JSON.stringify({ ...proposal('x'), name: 12 }),
				'wrong type: consent "yes"': JSON.stringify({ ...proposal('x'), consent: 'yes' }),
				'wrong type: text an object': JSON.stringify({ ...proposal('x'), text: { a: 1 } }),
				'1000-deep nesting': '['.repeat(1000) + ']'.repeat(1000),
				'1000-deep in a member': JSON.stringify(proposal('x')).replace('"text":"x"', `"text":${'['.repeat(1000)}${']'.repeat(1000)}`),
				'duplicate member': good.replace('{', '{"kind":"comment",'),
				'NUL escape': JSON.stringify(proposal('a\u0000b')),
			};
			for (const [what, body] of Object.entries(bodies)) {
				const r = await api(path(), { method: 'POST', body });
				assert.equal(r.status, 400, what);
				assert.equal(r.json.error.code, 'bad_request', what);
			}
			const utf = Buffer.concat([Buffer.from('{"kind":"proposal","name":"Ol'), Buffer.from([0xff, 0xfe]),
				Buffer.from('ena","email":"a@example.com","text":"x","consent":true}')]);
			const u = await api(path(), { method: 'POST', body: utf });
			assert.equal(u.status, 400, 'invalid UTF-8');
		});

		test('a 10 MB body: 413 JSON (nginx refuses it before the program)', async () => {
			const big = '{"text":"' + 'a'.repeat(10 * 1024 * 1024) + '"}';
			let r;
			try {
				r = await api(path(), { method: 'POST', body: big });
			} catch (e) {
				// nginx may close before the whole body is sent: the answer
				// is then read from a plain socket.
				r = await raw(path(), { method: 'POST', headers: { 'content-type': 'application/json',
					'content-length': String(big.length) } });
				r.body = r.body || '';
			}
			assert.equal(r.status, 413);
			assertSchema('Error', JSON.parse(r.body));
		});

		test('valid JSON breaking a rule: 422 naming the field', async () => {
			const cases = [
				['missing name', (b) => { delete b.name; }, 'name'],
				['missing text', (b) => { delete b.text; }, 'text'],
				['unknown member', (b) => { b.website = 'x'; }, 'website'],
				['kind', (b) => { b.kind = 'question'; }, 'kind'],
				['short name', (b) => { b.name = 'A'; }, 'name'],
				['name with a line break', (b) => { b.name = 'Олена\nКоваль'; }, 'name'],
				['e-mail', (b) => { b.email = 'not-an-email'; }, 'email'],
				['consent false', (b) => { b.consent = false; }, 'consent'],
				['consent missing', (b) => { delete b.consent; }, 'consent'],
				['text 5001 code points', (b) => { b.text = 'ї'.repeat(5001); }, 'text'],
				['text with a control', (b) => { b.text = 'a\u0001b'; }, 'text'],
				['organisation too short', (b) => { b.organisation = 'A'; }, 'organisation'],
			];
			for (const [what, change, field] of cases) {
				const b = proposal(`Правило. ${mark()}`);
				change(b);
				const r = await api(path(), { method: 'POST', json: b });
				assert.equal(r.status, 422, what);
				assert.equal(r.json.error.code, 'unprocessable', what);
				assert.equal(r.json.error.field, field, what);
			}
			const ok = proposal('ї'.repeat(5000));
			assert.equal((await api(path(), { method: 'POST', json: ok })).status, 201, '5000 code points pass');
		});

		test(`rate limit: ${PER_MINUTE} a minute per address, RateLimit-* headers, then 429 with Retry-After`, async () => {
			const addr = freshAddr();
			for (let i = 1; i <= PER_MINUTE; i++) {
				const r = await api(path(), { method: 'POST', json: proposal(`Ліміт ${i}. ${mark()}`), addr });
				assert.equal(r.status, 201, `submission ${i}`);
				assert.equal(r.headers.get('ratelimit-limit'), String(PER_MINUTE));
				assert.equal(r.headers.get('ratelimit-remaining'), String(PER_MINUTE - i));
				assert.match(r.headers.get('ratelimit-policy'), /;w=60/);
			}
			const text = `Забагато. ${mark()}`;
			const r = await api(path(), { method: 'POST', json: proposal(text), addr });
			assert.equal(r.status, 429);
			assert.equal(r.headers.get('retry-after'), '60');
			assert.equal(r.headers.get('ratelimit-remaining'), '0');
			assert.equal(sqlInt(`SELECT COUNT(*) FROM comments WHERE body = ${sqlStr(text)}`), 0);
		});
	});

	describe('/api: the developers\' page', () => {
		test('HTML in Ukrainian linking to openapi.json', async () => {
			const r = await http('/api');
			assert.equal(r.status, 200);
			assert.match(r.headers.get('content-type'), /^text\/html/);
			assert.match(r.body, /<html[^>]* lang="uk"/);
			assert.ok(r.body.includes('href="/api/v1/openapi.json"'));
			assert.ok(r.body.includes(`curl '${BASE}/api/v1/consultations`), 'curl examples with the site\'s address');
		});
	});
});
