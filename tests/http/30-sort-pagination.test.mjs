// Sort orders (page 1 and 2 ids against SQL) and the pagination edges.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, sql, sqlCol, countFor, idsFor, listingUrl, describeFilters,
	cardIds, dataTotal, parseCount, errorStatus, namesParam, pageLinks,
	PUBLIC, STATUS, PER_PAGE,
} from './lib.mjs';

await withData(() => {
	const theme = sqlCol(`SELECT t.slug FROM consultations c
		JOIN consultation_themes l ON l.consultation_id = c.id
		JOIN themes t ON t.id = l.theme_id WHERE ${PUBLIC}
		GROUP BY t.slug ORDER BY COUNT(*) DESC, t.slug LIMIT 1`)[0];
	const district = sqlCol(`SELECT d.slug FROM consultations c
		JOIN consultation_districts l ON l.consultation_id = c.id
		JOIN districts d ON d.id = l.district_id WHERE ${PUBLIC}
		GROUP BY d.slug ORDER BY COUNT(*) DESC, d.slug LIMIT 1`)[0];
	// A unit whose count is not a multiple of 20 and spans 2+ pages, if any.
	const units = sql(`SELECT u.slug, COUNT(*) AS n FROM consultations c
		JOIN units u ON u.id = c.unit_id WHERE ${PUBLIC}
		GROUP BY u.slug HAVING n > ${PER_PAGE} ORDER BY (COUNT(*) % ${PER_PAGE} = 0), COUNT(*), u.slug`);
	if (!theme || !district) throw new Error('not enough demo data');
	const sets = [{}, { theme: [theme] }];
	if (units.length > 0) sets.push({ unit: [units[0][0]] });
	// One set whose total is an exact multiple of 20, if the data has one.
	const exact = units.find(([, n]) => Number(n) % PER_PAGE === 0);
	if (exact) sets.push({ unit: [exact[0]] });
	return { theme, district, sets };
}, ({ theme, district, sets }) => {
	describe('sort orders: page ids equal SQL', () => {
		const cases = [
			[{}, 'new'], [{}, 'closing'], [{}, 'popular'],
			[{ status: ['open'] }, 'closing'],
			[{ status: ['open', 'announced'] }, 'closing'],
			[{ theme: [theme] }, 'popular'],
			[{ district: [district] }, 'new'],
			[{ theme: [theme] }, 'closing'],
		];
		for (const [f, sort] of cases)
			for (const page of [1, 2])
				test(`sort=${sort}, ${describeFilters(f)}, page ${page}`, async (t) => {
					const total = countFor(f);
					if (total <= (page - 1) * PER_PAGE) {
						t.skip(`only ${total} results`);
						return;
					}
					const r = await http(listingUrl(f, { sort, page }));
					assert.equal(r.status, 200);
					assert.deepEqual(cardIds(r.body), idsFor(f, sort, PER_PAGE, (page - 1) * PER_PAGE));
				});
		test('no sort parameter is sort=new', async () => {
			const r = await http(listingUrl({}));
			assert.deepEqual(cardIds(r.body), idsFor({}, 'new'));
		});
	});

	for (const f of sets)
		describe(`pagination, ${describeFilters(f)}`, () => {
			const total = () => countFor(f);
			const last = () => Math.max(1, Math.ceil(total() / PER_PAGE));

			test('page=1: 20 cards (or all), data-total = SQL', async () => {
				const r = await http(listingUrl(f, { page: 1 }));
				assert.equal(r.status, 200);
				assert.equal(parseCount(dataTotal(r.body)), total());
				assert.deepEqual(cardIds(r.body), idsFor(f, 'new'));
			});

			test('the last page holds total mod 20 (or 20) cards, the right ones', async () => {
				const n = total();
				const r = await http(listingUrl(f, { page: last() }));
				assert.equal(r.status, 200);
				const ids = cardIds(r.body);
				assert.equal(ids.length, n % PER_PAGE || Math.min(n, PER_PAGE), `total ${n}, page ${last()}`);
				assert.deepEqual(ids, idsFor(f, 'new', PER_PAGE, (last() - 1) * PER_PAGE));
			});

			test('last page + 1: 404 through our page', async () => {
				const r = await http(listingUrl(f, { page: last() + 1 }));
				assert.equal(r.status, 404);
				assert.equal(errorStatus(r.body), '404');
			});

			test('page 1 links to page 2 and to the last page, keeping the filters', async (t) => {
				if (last() < 2) {
					t.skip('one page only');
					return;
				}
				const r = await http(listingUrl(f));
				const pl = pageLinks(r.body);
				for (const want of [2, last()]) {
					const l = pl.find((x) => x.page === want);
					assert.ok(l, `no link to page=${want}`);
					assert.equal(l.url.pathname, '/consultations');
					for (const [k, vals] of Object.entries(f))
						assert.deepEqual(l.url.searchParams.getAll(k).sort(), [].concat(vals).sort(),
							`link to page ${want} keeps ${k}`);
				}
				const next = pl.find((x) => x.page === 2);
				const r2 = await http(next.url.pathname + next.url.search);
				assert.equal(r2.status, 200);
				assert.deepEqual(cardIds(r2.body), idsFor(f, 'new', PER_PAGE, PER_PAGE));
			});
		});

	describe('bad page values: 400 naming page', () => {
		for (const p of ['0', '-1', 'abc', '1.5', '01', '1e2', ' 1', '0x10', '99999999999999999999'])
			test(`page=${JSON.stringify(p)}`, async () => {
				const r = await http(`/consultations?page=${encodeURIComponent(p)}`);
				assert.equal(r.status, 400);
				assert.equal(errorStatus(r.body), '400', 'our error page (data-status)');
				assert.ok(namesParam(r.body, 'page'), 'the page names the parameter "page"');
			});
		test('page=100001 (past any page): 400 or 404, not 5xx', async () => {
			const r = await http('/consultations?page=100001');
			assert.ok([400, 404].includes(r.status), `status ${r.status}`);
		});
	});
});
