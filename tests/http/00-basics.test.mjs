// The stack answers: health check, home page, the listing's hooks, our 404
// page, security headers, escaping of reflected input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, sqlInt, sql, PUBLIC, dataTotal, facetOptions, isPlainInt,
	errorStatus, cardIds, listingUrl, textOf, slugsOf,
} from './lib.mjs';

await withData(() => {
	const total = sqlInt(`SELECT COUNT(*) FROM consultations c WHERE ${PUBLIC}`);
	const [one] = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} ORDER BY c.id LIMIT 1`);
	if (total === 0 || !one) throw new Error('no public consultation in the database: demo data missing');
	return { total, one: { id: Number(one[0]), slug: one[1] } };
}, ({ total, one }) => {
	describe('health and pages', () => {
		test('/healthz answers 200 "ok" as text', async () => {
			const r = await http('/healthz');
			assert.equal(r.status, 200);
			assert.equal(r.body.trim(), 'ok');
			assert.match(r.headers.get('content-type') || '', /^text\/plain/);
		});

		test('home page: 200 HTML in Ukrainian', async () => {
			const r = await http('/');
			assert.equal(r.status, 200);
			assert.match(r.headers.get('content-type') || '', /^text\/html;\s*charset=utf-8/i);
			assert.match(r.body, /<html[^>]*\slang="uk"/);
		});

		test('listing without filters: data-total equals the public consultations in SQL', async () => {
			const r = await http('/consultations');
			assert.equal(r.status, 200);
			const t = dataTotal(r.body);
			assert.notEqual(t, null, 'no data-total hook on the listing');
			assert.equal(Number(t), total);
			assert.equal(cardIds(r.body).length, Math.min(20, total), 'cards (article data-id) on page 1');
		});

		test('listing hooks: data-total and every data-count are plain integers', async () => {
			const r = await http('/consultations');
			assert.equal(r.status, 200);
			assert.ok(isPlainInt(dataTotal(r.body)), `data-total="${dataTotal(r.body)}"`);
			const opts = facetOptions(r.body);
			const bad = [];
			let n = 0;
			for (const [facet, values] of Object.entries(opts))
				for (const [v, o] of Object.entries(values)) {
					n++;
					if (!isPlainInt(o.count)) bad.push(`${facet}=${v}: data-count=${JSON.stringify(o.count)}`);
				}
			assert.ok(n > 0, 'no facet checkbox (input type=checkbox name=theme|district|...) found');
			assert.deepEqual(bad, [], 'facet counts that are not plain integers (or missing)');
		});

		test('listing shows a checkbox for every facet option', async () => {
			const r = await http('/consultations');
			const opts = facetOptions(r.body);
			for (const facet of ['theme', 'district', 'format', 'group', 'unit', 'status'])
				assert.deepEqual(Object.keys(opts[facet] || {}).sort(), slugsOf(facet).sort(),
					`options of facet ${facet}`);
		});

		test('a filter with no match: 200 with data-total="0", not an empty page', async () => {
			const r = await http(listingUrl({ q: 'щщщяяяжжж' }));
			assert.equal(r.status, 200);
			assert.equal(dataTotal(r.body), '0');
			assert.deepEqual(cardIds(r.body), []);
			assert.ok(textOf(r.body).length > 100, 'the page has content');
		});

		test('an unknown path: 404 through our page', async () => {
			for (const p of ['/nope', '/consultations/', '/consultations/1/x', '/static-missing']) {
				const r = await http(p);
				assert.equal(r.status, 404, p);
				assert.equal(errorStatus(r.body), '404', `${p}: our error page (data-status)`);
			}
		});
	});

	describe('security basics', () => {
		const pages = () => [
			'/', '/consultations', `/consultations/${one.id}-${one.slug}`,
			'/consultations?theme=no-such-theme', '/nope',
		];
		for (const h of ['x-content-type-options', 'content-security-policy'])
			test(`${h} on pages, error pages included`, async () => {
				for (const p of pages()) {
					const r = await http(p);
					assert.ok(r.headers.get(h), `${p} (${r.status}): no ${h}`);
				}
			});

		test('X-Content-Type-Options is nosniff; CSP allows no inline script', async () => {
			const r = await http('/consultations');
			assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
			const csp = r.headers.get('content-security-policy') || '';
			assert.ok(!/unsafe-inline/.test(csp.match(/script-src[^;]*/)?.[0] || ''), csp);
			assert.match(csp, /(script-src|default-src)/);
		});

		test('a reflected q is escaped', async () => {
			const q = '<script>alert(1)</script>';
			const r = await http(listingUrl({ q }));
			assert.equal(r.status, 200);
			assert.ok(!r.body.includes('<script>alert'), 'raw <script>alert in the body');
			assert.ok(r.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;') ||
				r.body.includes('&#60;script&#62;alert(1)'), 'q is not shown back escaped');
		});

		test('a q that tries to leave an attribute stays inside it', async () => {
			const q = '"><img src=x onerror=alert(1)>\'';
			const r = await http(listingUrl({ q }));
			assert.equal(r.status, 200);
			assert.ok(!r.body.includes('<img src=x onerror'), 'raw <img> from q in the body');
			assert.ok(!/"\s*onerror=/i.test(r.body) && !/<img[^>]*onerror/i.test(r.body));
		});
	});
});
