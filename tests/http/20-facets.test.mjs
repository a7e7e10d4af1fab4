// Facet counts: under a filter set, each option's data-count equals the SQL
// count with that facet's own filter replaced by the option (every other
// active filter kept).  Selected options are checked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, sql, sqlCol, listingUrl, describeFilters, facetOptions,
	facetCountsFor, parseCount, FACETS, PUBLIC, STATUS, kyivDate, addDays,
} from './lib.mjs';

await withData(() => {
	const top = (facetSql) => sqlCol(facetSql);
	const themes = top(`SELECT t.slug FROM consultations c
		JOIN consultation_themes l ON l.consultation_id = c.id
		JOIN themes t ON t.id = l.theme_id WHERE ${PUBLIC}
		GROUP BY t.slug ORDER BY COUNT(*) DESC, t.slug LIMIT 2`);
	const [df] = sql(`SELECT d.slug, f.slug FROM consultations c
		JOIN consultation_districts l ON l.consultation_id = c.id
		JOIN districts d ON d.id = l.district_id JOIN formats f ON f.id = c.format_id
		WHERE ${PUBLIC} GROUP BY d.slug, f.slug ORDER BY COUNT(*) DESC, 1, 2 LIMIT 1`);
	const unit = top(`SELECT u.slug FROM consultations c JOIN units u ON u.id = c.unit_id
		WHERE ${PUBLIC} GROUP BY u.slug ORDER BY COUNT(*) DESC, u.slug LIMIT 1`)[0];
	const group = top(`SELECT g.slug FROM consultations c
		JOIN consultation_groups l ON l.consultation_id = c.id
		JOIN participant_groups g ON g.id = l.group_id WHERE ${PUBLIC}
		GROUP BY g.slug ORDER BY COUNT(*) DESC, g.slug LIMIT 1`)[0];
	const status = top(`SELECT ${STATUS} AS s FROM consultations c WHERE ${PUBLIC}
		GROUP BY s ORDER BY COUNT(*) DESC, s LIMIT 1`)[0];
	// A search word: the first 5+ letter word of the most recent title.
	const title = sqlCol(`SELECT c.title FROM consultations c WHERE ${PUBLIC}
		ORDER BY c.opens_at DESC, c.id DESC LIMIT 1`)[0];
	const word = (title.toLowerCase().match(/[\p{L}]{5,}/gu) || [title.slice(0, 4)])[0];
	const today = kyivDate(Date.now());
	if (themes.length < 2 || !df || !unit || !group || !status)
		throw new Error('not enough demo data for facet tests');
	return {
		sets: [
			{},
			{ theme: [themes[0]] },
			{ theme: themes, status: ['open', 'closed'] },
			{ district: [df[0]], format: [df[1]] },
			{ unit: [unit], group: [group], status: [status] },
			{ q: word, status: ['closed', 'completed', 'open', 'announced'] },
			{ from: addDays(today, -120), to: addDays(today, 30), theme: [themes[1]] },
		],
	};
}, ({ sets }) => {
	for (const f of sets)
		describe(`facet counts under ${describeFilters(f)}`, () => {
			let page;
			const load = async () => {
				if (page === undefined) {
					const r = await http(listingUrl(f));
					assert.equal(r.status, 200, listingUrl(f));
					page = facetOptions(r.body);
				}
				return page;
			};
			for (const facet of FACETS)
				test(`${facet}: every option's data-count equals SQL`, async () => {
					const opts = (await load())[facet];
					assert.ok(opts && Object.keys(opts).length > 0, `no ${facet} checkboxes on the page`);
					const expected = facetCountsFor(f, facet);
					const wrong = [];
					for (const [value, o] of Object.entries(opts)) {
						const got = parseCount(o.count);
						const want = expected[value] ?? 0;
						if (got !== want) wrong.push(`${facet}=${value}: page ${o.count}, SQL ${want}`);
					}
					for (const [value, n] of Object.entries(expected))
						if (n > 0 && !(value in opts)) wrong.push(`${facet}=${value}: SQL ${n}, no checkbox`);
					assert.deepEqual(wrong, []);
					// The active values are checked, the others not.
					const active = new Set(f[facet] || []);
					for (const [value, o] of Object.entries(opts))
						assert.equal(o.checked, active.has(value), `${facet}=${value} checked`);
				});
		});
});
