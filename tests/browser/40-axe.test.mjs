// Accessibility: axe-core with the WCAG 2.0 and 2.1 A and AA rule sets on
// every page type, at desktop (1280 × 800) and phone (390 × 844) width.  Any
// violation fails, naming the rule, the elements (targets) and their HTML.
// ДСТУ EN 301 549:2022 makes WCAG 2.1 AA binding on the city's sites.
//
// The pages' CSP (script-src 'self') blocks an injected script, so these
// contexts, and only these, are created with bypassCSP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, scenario, paginatedConsultation, DESKTOP, PHONE,
	runAxe, assertNoViolations,
} from './lib.mjs';

const browser = useBrowser();

// Loaded once, lazily (the SQL runs when the first test does, so that an
// error is that test's failure).
let data = null;
function pages() {
	if (data) return data;
	const s = scenario();
	const paginated = paginatedConsultation();
	data = {
		home: { path: '/', status: 200 },
		'listing with results': {
			path: `/consultations?theme=${s.theme}&district=${s.district}`, status: 200,
			// Open every facet, so that its checkboxes are checked too.
			prepare: (page) => page.evaluate(() => {
				for (const d of document.querySelectorAll('details')) d.open = true;
			}),
			expect: async (page) => {
				assert.ok(await page.locator('.results article.card__body').count() > 0, 'results shown');
				assert.ok(await page.locator('.chips .chip').count() > 0, 'filter chips shown');
				assert.ok(await page.locator('nav.pager').count() > 0, 'pager shown');
			},
		},
		'listing without results': {
			path: `/consultations?q=${encodeURIComponent('щщщяяяжжж')}`, status: 200,
			expect: async (page) => {
				assert.equal(await page.locator('#results-title').getAttribute('data-total'), '0');
				assert.equal(await page.locator('.results .empty').count(), 1, 'the "no results" message');
			},
		},
		'consultation with comments and report': {
			path: `/consultations/${s.id}`, status: 200,
			expect: async (page) => {
				assert.equal(await page.locator('#report').count(), 1, '#report');
				assert.ok(await page.locator('#report table').count() > 0, 'the report table');
				assert.ok(await page.locator('.comment .answer').count() > 0, 'answers to proposals');
			},
		},
		'consultation, second page of comments': {
			path: `/consultations/${paginated}?page=2`, status: 200,
			expect: async (page) => {
				assert.ok(await page.locator('.comments nav.pager').count() > 0, 'comment pager');
				assert.ok(await page.locator('.comments .comment').count() > 0, 'comments');
			},
		},
		'400 page': { path: '/consultations?theme=nope', status: 400 },
		'404 page': { path: '/nothing-here', status: 404 },
	};
	return data;
}

// The check itself: axe runs in the page and a planted violation fails with
// the rule, the element and its HTML named.
test('axe-core runs in the page and names a planted violation', async () => {
	const { context, page } = await openPage(browser(), { ...DESKTOP, bypassCSP: true });
	try {
		await page.goto('/');
		await page.evaluate(() => {
			const img = document.createElement('img');
			img.id = 'planted';
			img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
			document.querySelector('main').append(img);
		});
		const results = await runAxe(page);
		assert.ok(results.passes.length > 0, 'axe reported passes');
		assert.throws(() => assertNoViolations(results, 'planted'),
			(e) => /image-alt/.test(e.message) && /#planted/.test(e.message) &&
				/<img id="planted"/.test(e.message));
	} finally {
		await context.close();
	}
});

const NAMES = ['home', 'listing with results', 'listing without results',
	'consultation with comments and report', 'consultation, second page of comments',
	'400 page', '404 page'];

for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	describe(`axe WCAG 2.1 A/AA at ${width} width`, () => {
		for (const name of NAMES) {
			test(`${name} (${width})`, async () => {
				const p = pages()[name];
				const { context, page } = await openPage(browser(), { ...options, bypassCSP: true });
				try {
					const r = await page.goto(p.path);
					assert.equal(r.status(), p.status, `${p.path}: HTTP status`);
					if (p.status >= 400)
						assert.equal(await page.locator('.error-page').getAttribute('data-status'),
							String(p.status), 'our error page');
					if (p.expect) await p.expect(page);
					if (p.prepare) await p.prepare(page);
					const results = await runAxe(page);
					assertNoViolations(results, `${width} ${p.path}`);
				} finally {
					await context.close();
				}
			});
		}
	});
}
