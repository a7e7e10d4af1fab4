// The Atom feed parsed by a real XML parser (Chromium's DOMParser), from the
// link a browser finds in the head of a filtered listing: well-formed, in the
// Atom namespace, with the elements RFC 4287 requires (4.1.1, 4.1.2),
// unique ids, RFC 3339 dates, and links that open the pages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, assertNoProblems, BASE } from './lib.mjs';

const browser = useBrowser();

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe('Atom feed', () => {
	test('the listing\'s feed link gives a valid Atom document with the same filters', async () => {
		const { context, page, problems } = await openPage(browser());
		try {
			await page.goto('/consultations?theme=ecology&status=open');
			const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
			assert.equal(href, '/feed.atom?theme=ecology&status=open');
			// The visible link says the same.
			assert.equal(await page.getByRole('link', { name: 'Стрічка Atom' }).getAttribute('href'), href);
			const doc = await page.evaluate(async (url) => {
				const r = await fetch(url);
				const text = await r.text();
				const x = new DOMParser().parseFromString(text, 'application/xml');
				const NS = 'http://www.w3.org/2005/Atom';
				const err = x.getElementsByTagName('parsererror');
				if (err.length > 0) return { error: err[0].textContent };
				const kids = (el, name) => [...el.children].filter((c) => c.namespaceURI === NS && c.localName === name);
				const feed = x.documentElement;
				const one = (el, name) => kids(el, name).map((c) => c.textContent);
				return {
					status: r.status, type: r.headers.get('content-type'),
					root: feed.localName, ns: feed.namespaceURI, lang: feed.getAttribute('xml:lang'),
					id: one(feed, 'id'), title: one(feed, 'title'), updated: one(feed, 'updated'),
					authors: kids(feed, 'author').map((a) => one(a, 'name')),
					links: kids(feed, 'link').map((l) => ({ rel: l.getAttribute('rel'), href: l.getAttribute('href') })),
					entries: kids(feed, 'entry').map((e) => ({
						id: one(e, 'id'), title: one(e, 'title'), updated: one(e, 'updated'),
						published: one(e, 'published'), summary: one(e, 'summary'),
						authors: kids(e, 'author').map((a) => one(a, 'name')),
						alternate: kids(e, 'link').filter((l) => l.getAttribute('rel') === 'alternate').map((l) => l.getAttribute('href')),
						categories: kids(e, 'category').map((c) => c.getAttribute('term')),
					})),
				};
			}, href);
			assert.equal(doc.error, undefined, `not well-formed XML: ${doc.error}`);
			assert.equal(doc.status, 200);
			assert.match(doc.type, /^application\/atom\+xml/);
			assert.equal(doc.root, 'feed');
			assert.equal(doc.ns, 'http://www.w3.org/2005/Atom');
			assert.equal(doc.lang, 'uk');
			assert.equal(doc.id.length, 1);
			assert.equal(doc.title.length, 1);
			assert.equal(doc.updated.length, 1);
			assert.match(doc.updated[0], RFC3339);
			assert.equal(doc.authors.length, 1);
			const self = doc.links.find((l) => l.rel === 'self');
			assert.equal(self.href, `${BASE}/feed.atom?theme=ecology&status=open`);
			assert.equal(doc.links.find((l) => l.rel === 'alternate').href, `${BASE}/consultations?theme=ecology&status=open`);
			assert.ok(doc.entries.length > 0, 'open ecology consultations exist in the demo data');
			const ids = new Set();
			for (const e of doc.entries) {
				assert.equal(e.id.length, 1);
				assert.ok(!ids.has(e.id[0]), `duplicate id ${e.id[0]}`);
				ids.add(e.id[0]);
				assert.equal(e.title.length, 1);
				assert.ok(e.title[0].length > 0);
				assert.equal(e.updated.length, 1);
				assert.match(e.updated[0], RFC3339);
				assert.match(e.published[0], RFC3339);
				assert.ok(Date.parse(e.updated[0]) >= Date.parse(e.published[0]), 'updated is not before published');
				assert.ok(Date.parse(e.updated[0]) <= Date.parse(doc.updated[0]), 'the feed is as new as its newest entry');
				assert.equal(e.authors.length, 1);
				assert.equal(e.alternate.length, 1);
				assert.ok(e.categories.includes('ecology'), 'the filter is among its categories');
			}
			// The first entries' links open their pages.
			for (const e of doc.entries.slice(0, 3)) {
				await page.goto(e.alternate[0]);
				assert.equal(await page.locator('h1').innerText(), e.title[0]);
			}
			assertNoProblems(problems, 'feed');
		} finally {
			await context.close();
		}
	});
});
