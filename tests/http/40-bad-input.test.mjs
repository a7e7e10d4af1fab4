// Bad input on the listing: 400 through our page naming the parameter, never
// 5xx, never an empty 200; oversized requests 414 (or 400); wrong methods 405.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, raw, withData, sql, sqlCol, PUBLIC, errorStatus, namesParam, dataTotal,
} from './lib.mjs';

// Two tests for a bad request: its status (400 through our page, never 5xx
// nor an empty 200), and that the page names the parameter.  send() makes
// the request once; both tests look at the same answer.
function badCase(title, send, param, statuses = [400]) {
	let answer;
	const get = async () => (answer ??= await send());
	test(`${title}: ${statuses.join(' or ')}${statuses.includes(400) ? ' through our page' : ''}`, async () => {
		const r = await get();
		assert.ok(statuses.includes(r.status), `status ${r.status}, expected ${statuses.join(' or ')}`);
		if (r.status === 400)
			assert.equal(errorStatus(r.body), '400', 'not our error page (no data-status="400")');
	});
	if (param !== undefined)
		test(`${title}: the page names "${param}"`, async () => {
			const r = await get();
			assert.equal(r.status, 400, `status ${r.status}`);
			assert.ok(namesParam(r.body, param), `the page does not name the parameter "${param}"`);
		});
}

// A bad listing query, through fetch.
function bad(query, param, statuses) {
	badCase(query.length > 80 ? query.slice(0, 80) + '…' : query,
		() => http(`/consultations?${query}`), param, statuses);
}

// A bad listing query written on a socket as is (fetch could normalise it).
function badRaw(title, target, param, statuses) {
	badCase(title, () => raw(target), param, statuses);
}

await withData(() => {
	const [c] = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} ORDER BY c.id LIMIT 1`);
	const theme = sqlCol('SELECT slug FROM themes ORDER BY sort, id LIMIT 1')[0];
	if (!c || !theme) throw new Error('no public consultation or no themes');
	return { detail: `/consultations/${c[0]}-${c[1]}`, theme };
}, ({ detail, theme }) => {
	describe('unknown or malformed values: 400 naming the parameter', () => {
		const cases = [
			['theme=no-such-theme', 'theme'],
			[`theme=${theme.toUpperCase()}`, 'theme'],
			[`theme=${theme}&theme=no-such-theme`, 'theme'],
			['district=atlantis', 'district'],
			['format=telepathy', 'format'],
			['group=martians', 'group'],
			['unit=ministry-of-magic', 'unit'],
			['status=draft', 'status'],
			['status=Open', 'status'],
			['status=archived', 'status'],
			['sort=random', 'sort'],
			['sort=NEW', 'sort'],
			['from=2024-02-30', 'from'],
			['from=2023-02-29', 'from'],
			['from=2024-1-1', 'from'],
			['from=2024-13-01', 'from'],
			['from=24-01-01', 'from'],
			['from=2024-01-01T00:00', 'from'],
			['to=2024-04-31', 'to'],
			['to=yesterday', 'to'],
			['from=2024-03-10&to=2024-03-01', 'to'],
		];
		for (const [q, p] of cases)
			bad(q, p);
	});

	describe('q: length and text', () => {
		badCase('q of 201 characters', () => http(`/consultations?q=${encodeURIComponent('я'.repeat(201))}`), 'q');
		test('q of 200 Cyrillic characters (400 bytes): 200, not empty', async () => {
			const r = await http(`/consultations?q=${encodeURIComponent('я'.repeat(200))}`);
			assert.equal(r.status, 200);
			assert.notEqual(dataTotal(r.body), null);
		});
		for (const esc of ['%C3%28', '%ED%A0%80', '%F4%90%80%80', '%C0%AF', '%E0%80%AF', '%FF', '%80', '%C3'])
			bad(`q=ab${esc}cd`, 'q');
		bad('q=ab%00cd', 'q');
		bad('q=%01', 'q');
		bad(`theme=${theme}%00`, 'theme');
		bad(`theme=${theme}%C0%AF`, 'theme');
	});

	describe('repeated parameters', () => {
		badCase('theme repeated 33 times', () => http(`/consultations?${Array(33).fill(`theme=${theme}`).join('&')}`), 'theme');
		for (const [k, v] of [['q', 'парк'], ['sort', 'new'], ['page', '1'], ['from', '2024-01-01'], ['to', '2024-01-01']])
			badCase(`single-valued ${k} given twice`, () => http(`/consultations?${k}=${encodeURIComponent(v)}&${k}=${encodeURIComponent(v)}`), k);
		test('65 parameters: 400', async () => {
			const q = Array.from({ length: 65 }, (_, i) => `x${i}=1`).join('&');
			const r = await http(`/consultations?${q}`);
			assert.equal(r.status, 400);
		});
	});

	describe('malformed percent-escapes: 400', () => {
		for (const [q, p] of [['q=%G1', 'q'], ['q=abc%', 'q'], ['q=ab%4', 'q'], [`theme=${theme}%G1`, 'theme'], ['q=%%41', 'q']])
			badRaw(q, `/consultations?${q}`, p);
		test('invalid UTF-8 in a parameter name: 400', async () => {
			const r = await raw('/consultations?%FF=1');
			assert.equal(r.status, 400);
		});
	});

	describe('raw bytes on the request line', () => {
		badRaw('raw invalid UTF-8 in the query (C3 28)', '/consultations?q=ab\xC3\x28cd', 'q');
		badRaw('raw FF in the query', '/consultations?q=\xFF', 'q');
		badRaw('raw overlong C0 AF in the query', '/consultations?q=a\xC0\xAFb', 'q');
		test('raw NUL in the query: 400', async () => {
			const r = await raw('/consultations?q=a\x00b');
			assert.equal(r.status, 400);
		});
		test('raw NUL in the path: 400', async () => {
			const r = await raw('/consultations\x00/1');
			assert.equal(r.status, 400);
		});
		test('raw invalid UTF-8 in the path: 400', async () => {
			for (const p of ['/\xFF', '/consultations/\xC3\x28', '/consultations/1-\xFF'])
				assert.equal((await raw(p)).status, 400, JSON.stringify(p));
		});
		test('percent-encoded invalid UTF-8 in the path: 400', async () => {
			for (const p of ['/%FF', '/consultations/%C3%28', '/consultations/1-%ED%A0%80'])
				assert.equal((await raw(p)).status, 400, p);
		});
	});

	describe('oversized requests', () => {
		test('a query string over 4096 bytes: 414 or 400', async () => {
			const r = await http(`/consultations?pad=${'a'.repeat(5000)}`);
			assert.ok([414, 400].includes(r.status), `status ${r.status}`);
		});
		badCase('a q value of 6000 bytes', () => http(`/consultations?q=${'%D0%B1'.repeat(1000)}`), undefined, [414, 400]);
		test('a URL over 8 KB on a socket: 414 or 400', async () => {
			const r = await raw(`/consultations?pad=${'a'.repeat(9000)}`);
			assert.ok([414, 400].includes(r.status), `status ${r.status}`);
		});
		test('a URL of 64 KB on a socket: 414 or 400', async () => {
			const r = await raw(`/consultations?pad=${'a'.repeat(65536)}`);
			assert.ok([414, 400].includes(r.status), `status ${r.status}`);
		});
		test('a detail path over 8 KB: 414 or 400 or 404', async () => {
			const r = await raw(`/consultations/1-${'a'.repeat(9000)}`);
			assert.ok([414, 400, 404].includes(r.status), `status ${r.status}`);
		});
	});

	describe('wrong methods: 405 with Allow', () => {
		for (const path of ['/consultations', 'DETAIL'])
			for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'])
				test(`${method} ${path === 'DETAIL' ? 'a detail page' : path}`, async () => {
					const p = path === 'DETAIL' ? detail : path;
					const r = await http(p, {
						method, body: method === 'DELETE' ? undefined : 'a=1',
						headers: method === 'DELETE' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
					});
					assert.equal(r.status, 405, `${method} ${p}`);
					const allow = r.headers.get('allow');
					assert.ok(allow, 'no Allow header');
					assert.match(allow, /\bGET\b/);
					assert.doesNotMatch(allow, new RegExp(`\\b${method}\\b`));
					assert.equal(errorStatus(r.body), '405', 'our error page');
				});
		test('HEAD /consultations: 200 without a body', async () => {
			const r = await http('/consultations', { method: 'HEAD' });
			assert.equal(r.status, 200);
		});
	});
});
