// POST /api/v1/subscriptions (issue 7): the /subscribe page's double opt-in
// as JSON.  The answer never tells whether the address was subscribed; the
// confirmation message is read from the local SMTP sink and its link
// followed; the page's rules (e-mail, frequency, consent, filters) and its
// per-address limit (shared with the page) apply; CORS as for the comment
// POST.  Every answer is checked against templates/openapi.json.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, sql, sqlInt, sqlStr, freshAddr, raw } from './lib.mjs';
import { api, assertSchema } from './api-lib.mjs';
import { subscribe, waitMail, mailTo, confirmLink, textOf } from './mail-lib.mjs';

const RUN = `${process.pid}${Date.now().toString(36)}`;
const addr = (p) => `api-${p}-${RUN}@example.com`;
const PATH = '/api/v1/subscriptions';
const ORIGIN = (process.env.HROMADA_API_ORIGINS || '').split(/[\s,]+/).filter(Boolean)[0];
const PER_MINUTE = Number(process.env.HROMADA_SUBSCRIBE_PER_MINUTE || 3);
const slugs = (table) => sql(`SELECT slug FROM ${table} ORDER BY id`).map((r) => r[0]);
const [T1, T2] = slugs('themes');
const [D1] = slugs('districts');
const [U1] = slugs('units');

const body = (email, more = {}) => ({ email, frequency: 'immediate', consent: true, ...more });
const post = (json, opts = {}) => api(PATH, { method: 'POST', json, ...opts });
const rows = (email) => sqlInt(`SELECT COUNT(*) FROM subscriptions WHERE email = ${sqlStr(email)}`);

// The subscription's filters as "facet:slug" strings, sorted.
function storedFilters(email) {
	const names = ['themes', 'districts', 'formats', 'participant_groups', 'units'];
	const out = [];
	for (const [facet, value] of sql(`SELECT f.facet, f.value_id FROM subscription_filters f
		JOIN subscriptions s ON s.id = f.subscription_id WHERE s.email = ${sqlStr(email)}`)) {
		const slug = sql(`SELECT slug FROM ${names[Number(facet)]} WHERE id = ${value}`)[0][0];
		out.push(`${['theme', 'district', 'format', 'group', 'unit'][Number(facet)]}:${slug}`);
	}
	return out.sort();
}

describe('POST /api/v1/subscriptions', () => {
	test('202, the confirmation message in the sink with the page\'s links; confirming activates it', async () => {
		const email = addr('olena');
		const r = await post(body(email.toUpperCase(), { frequency: 'weekly',
			filters: { theme: [T1, T2, T1], district: [D1], unit: [U1] } }));
		assert.equal(r.status, 202);
		assert.equal(r.headers.get('cache-control'), 'no-store');
		assert.equal(r.headers.get('etag'), null, 'a write has no ETag');
		assert.match(r.json.message, /Перевірте пошту/);
		assert.equal(sql(`SELECT state, frequency FROM subscriptions WHERE email = ${sqlStr(email)}`)[0].join(),
			'pending,weekly', 'stored lower-cased, pending, weekly');
		assert.deepEqual(storedFilters(email), [`district:${D1}`, `theme:${T1}`, `theme:${T2}`, `unit:${U1}`].sort(),
			'every filter once');
		const [m] = await waitMail(email);
		assert.equal(m.header('Subject'), 'Підтвердьте підписку на консультації');
		assert.match(textOf(m), /Щоб підтвердити підписку/);
		assert.match(m.headers['list-unsubscribe'][0], /unsubscribe\?token=/);
		const link = confirmLink(m);
		assert.equal((await http(link, { method: 'POST' })).status, 200);
		assert.equal(sql(`SELECT state FROM subscriptions WHERE email = ${sqlStr(email)}`)[0][0], 'active');
	});

	test('the same answer for a new, a pending and an already subscribed address', async () => {
		const email = addr('same');
		const a = await post(body(email));
		const b = await post(body(email));
		const [m] = await waitMail(email);
		// The second request may have replaced the first link: whichever is
		// current confirms.
		await new Promise((ok) => setTimeout(ok, 1500));
		for (const x of mailTo(email)) await http(confirmLink(x), { method: 'POST' });
		assert.ok(m);
		assert.equal(sql(`SELECT state FROM subscriptions WHERE email = ${sqlStr(email)}`)[0][0], 'active');
		const c = await post(body(email));
		for (const r of [a, b, c]) {
			assert.equal(r.status, 202);
			assert.equal(r.body, a.body);
		}
		assert.equal(rows(email), 1, 'one subscription');
		// The page's answer for the same address is the page's "sent" too.
		const p = await subscribe(email);
		assert.equal(p.status, 303);
		assert.equal(p.headers.get('location'), '/subscribe/sent');
	});

	test('not JSON: 415; bad JSON or a wrong type: 400; nothing stored', async () => {
		const email = addr('bad');
		const f = await api(PATH, { method: 'POST', body: `email=${email}&consent=yes`,
			headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		assert.equal(f.status, 415);
		assert.equal(f.json.error.code, 'unsupported_media_type');
		const good = JSON.stringify(body(email));
		const cases = {
			truncated: [good.slice(0, -3), null],
			empty: ['', null],
			array: ['[]', null],
			'email a number': [JSON.stringify({ ...body(email), email: 1 }), 'email'],
			'consent "yes"': [JSON.stringify({ ...body(email), consent: 'yes' }), 'consent'],
			'filters an array': [JSON.stringify({ ...body(email), filters: [T1] }), 'filters'],
			'theme a string': [JSON.stringify({ ...body(email), filters: { theme: T1 } }), 'filters.theme'],
			'theme of numbers': [JSON.stringify({ ...body(email), filters: { theme: [1] } }), 'filters.theme'],
			'1000-deep': ['['.repeat(1000) + ']'.repeat(1000), null],
			'duplicate member': [good.replace('{', '{"email":"x@example.com",'), null],
		};
		for (const [what, [b, field]] of Object.entries(cases)) {
			const r = await api(PATH, { method: 'POST', body: b });
			assert.equal(r.status, 400, what);
			assert.equal(r.json.error.field, field, what);
		}
		const u = await api(PATH, { method: 'POST', body: Buffer.concat([Buffer.from('{"email":"a'),
			Buffer.from([0xff]), Buffer.from('@example.com","frequency":"weekly","consent":true}')]) });
		assert.equal(u.status, 400, 'invalid UTF-8');
		assert.equal(rows(email), 0);
	});

	test('valid JSON breaking a rule: 422 naming the member; nothing stored, nothing sent', async () => {
		const email = addr('rule');
		const cases = [
			['e-mail', { email: 'not-an-email' }, 'email'],
			['missing e-mail', { email: undefined }, 'email'],
			['frequency', { frequency: 'daily' }, 'frequency'],
			['missing frequency', { frequency: undefined }, 'frequency'],
			['consent false', { consent: false }, 'consent'],
			['missing consent', { consent: undefined }, 'consent'],
			['unknown member', { website: 'x' }, 'website'],
			['unknown theme', { filters: { theme: ['no-such-theme'] } }, 'filters.theme'],
			['malformed slug', { filters: { district: ['Podilskyi'] } }, 'filters.district'],
			['unknown filter', { filters: { status: ['open'] } }, 'filters'],
			['33 values', { filters: { theme: Array.from({ length: 33 }, (_, i) => `t${i}`) } }, 'filters.theme'],
		];
		for (const [what, more, field] of cases) {
			const r = await post(JSON.parse(JSON.stringify(body(email, more))));
			assert.equal(r.status, 422, what);
			assert.equal(r.json.error.code, 'unprocessable', what);
			assert.equal(r.json.error.field, field, what);
		}
		assert.equal(rows(email), 0);
		assert.equal(mailTo(email).length, 0);
	});

	test(`${PER_MINUTE} a minute per address, shared with the page: RateLimit-* then 429 with Retry-After`, async () => {
		const from = freshAddr();
		for (let i = 1; i < PER_MINUTE; i++) {
			const r = await post(body(addr(`rate${i}`)), { addr: from });
			assert.equal(r.status, 202, `request ${i}`);
			assert.equal(r.headers.get('ratelimit-limit'), String(PER_MINUTE));
			assert.equal(r.headers.get('ratelimit-remaining'), String(PER_MINUTE - i));
			assert.equal(r.headers.get('ratelimit-reset'), '60');
			assert.match(r.headers.get('ratelimit-policy'), /;w=60, \d+;w=3600$/);
		}
		assert.equal((await subscribe(addr('rate-page'), {}, { addr: from })).status, 303, 'the page counts too');
		const email = addr('rate-over');
		const r = await post(body(email), { addr: from });
		assert.equal(r.status, 429);
		assert.equal(r.json.error.code, 'too_many_requests');
		assert.equal(r.headers.get('retry-after'), '60');
		assert.equal(r.headers.get('ratelimit-remaining'), '0');
		assert.equal(rows(email), 0, 'nothing stored');
		const p = await subscribe(addr('rate-page2'), {}, { addr: from });
		assert.equal(p.status, 429, 'and the page is over the limit too');
	});

	test('CORS: only configured origins may write', async () => {
		const email = addr('cors');
		const pre = await http(PATH, { method: 'OPTIONS', headers: {
			origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
		assert.equal(pre.status, 204);
		assert.doesNotMatch(pre.headers.get('access-control-allow-methods') || '', /POST/);
		const r = await post(body(email), { headers: { origin: 'https://evil.example' } });
		assert.equal(r.status, 403);
		assert.equal(r.json.error.code, 'forbidden');
		assert.equal(rows(email), 0);
		if (ORIGIN === undefined) return;
		const ok = await http(PATH, { method: 'OPTIONS', headers: {
			origin: ORIGIN, 'access-control-request-method': 'POST' } });
		assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
		assert.match(ok.headers.get('access-control-allow-methods'), /POST/);
		const w = await post(body(email), { headers: { origin: ORIGIN } });
		assert.equal(w.status, 202);
		assert.equal(w.headers.get('access-control-allow-origin'), ORIGIN);
		assert.match(w.headers.get('access-control-expose-headers'), /RateLimit-Remaining/);
		await waitMail(email);
	});

	test('GET is 405 with Allow; a 10 MB body 413 as JSON', async () => {
		const g = await api(PATH);
		assert.equal(g.status, 405);
		assert.match(g.headers.get('allow'), /POST/);
		const big = '{"email":"' + 'a'.repeat(10 * 1024 * 1024) + '"}';
		let r;
		try {
			r = await api(PATH, { method: 'POST', body: big });
		} catch {
			r = await raw(PATH, { method: 'POST', headers: { 'content-type': 'application/json',
				'content-length': String(big.length) } });
		}
		assert.equal(r.status, 413);
		assertSchema('Error', JSON.parse(r.body));
	});
});
