// Every listing filter alone and in combinations: data-total equals the count
// computed in SQL, and every card on page 1 matches the filters in SQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, sql, sqlCol, countFor, whereFor, listingUrl, describeFilters,
	dataTotal, parseCount, cardIds, slugsOf, STATUS, PUBLIC, FACETS, kyivDate,
	addDays, errorStatus, END, parseUtc,
} from './lib.mjs';

// The data-total of a filter set equals SQL, and the cards match it.
async function checkFilter(f, extra = {}) {
	const url = listingUrl(f, extra);
	const r = await http(url);
	const expected = countFor(f);
	assert.equal(r.status, 200, `${url}: status ${r.status} (${errorStatus(r.body) ?? ''})`);
	const raw = dataTotal(r.body);
	assert.notEqual(raw, null, `${url}: no data-total`);
	assert.equal(parseCount(raw), expected, `${url}: data-total ${raw}, SQL ${expected}`);
	const ids = cardIds(r.body);
	assert.equal(ids.length, Math.min(20, expected), `${url}: cards on page 1`);
	if (ids.length > 0) {
		const ok = sqlCol(`SELECT c.id FROM consultations c WHERE ${whereFor(f)}
			AND c.id IN (${ids.join(', ')})`).map(Number);
		const stray = ids.filter((id) => !ok.includes(id));
		assert.deepEqual(stray, [], `${url}: cards that do not match the filters in SQL`);
	}
	return expected;
}

// The most frequent word (5+ letters) of the titles that is in neither too
// few nor too many of them.
function pickWord() {
	const titles = sqlCol(`SELECT c.title FROM consultations c WHERE ${PUBLIC}`);
	const freq = new Map();
	for (const t of titles)
		for (const w of new Set((t.toLowerCase().match(/[\p{L}]{5,}/gu) || [])))
			freq.set(w, (freq.get(w) || 0) + 1);
	const cands = [...freq.entries()]
		.filter(([, n]) => n >= Math.max(2, titles.length * 0.02) && n <= titles.length * 0.4)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	if (cands.length < 2) throw new Error('no suitable search word in the titles');
	return [cands[0][0], cands[Math.min(3, cands.length - 1)][0]];
}

await withData(() => {
	const slugs = Object.fromEntries(FACETS.map((f) => [f, slugsOf(f)]));
	// Most used themes, and the most frequent (theme, district, status).
	const topThemes = sqlCol(`SELECT t.slug FROM consultations c
		JOIN consultation_themes l ON l.consultation_id = c.id
		JOIN themes t ON t.id = l.theme_id WHERE ${PUBLIC}
		GROUP BY t.slug ORDER BY COUNT(*) DESC, t.slug LIMIT 3`);
	const [triple] = sql(`SELECT t.slug, d.slug, ${STATUS} AS s, COUNT(*) AS n
		FROM consultations c
		JOIN consultation_themes lt ON lt.consultation_id = c.id JOIN themes t ON t.id = lt.theme_id
		JOIN consultation_districts ld ON ld.consultation_id = c.id JOIN districts d ON d.id = ld.district_id
		WHERE ${PUBLIC} GROUP BY t.slug, d.slug, s ORDER BY n DESC, t.slug, d.slug, s LIMIT 1`);
	const [fug] = sql(`SELECT f.slug, u.slug, g.slug, COUNT(*) AS n FROM consultations c
		JOIN formats f ON f.id = c.format_id JOIN units u ON u.id = c.unit_id
		JOIN consultation_groups lg ON lg.consultation_id = c.id
		JOIN participant_groups g ON g.id = lg.group_id
		WHERE ${PUBLIC} GROUP BY f.slug, u.slug, g.slug ORDER BY n DESC, 1, 2, 3 LIMIT 1`);
	const [all] = sql(`SELECT (SELECT t.slug FROM consultation_themes l JOIN themes t ON t.id = l.theme_id
			WHERE l.consultation_id = c.id ORDER BY t.id LIMIT 1),
		(SELECT d.slug FROM consultation_districts l JOIN districts d ON d.id = l.district_id
			WHERE l.consultation_id = c.id ORDER BY d.id LIMIT 1),
		(SELECT f.slug FROM formats f WHERE f.id = c.format_id),
		(SELECT g.slug FROM consultation_groups l JOIN participant_groups g ON g.id = l.group_id
			WHERE l.consultation_id = c.id ORDER BY g.id LIMIT 1),
		(SELECT u.slug FROM units u WHERE u.id = c.unit_id), ${STATUS}
		FROM consultations c WHERE ${PUBLIC}
		AND EXISTS (SELECT 1 FROM consultation_themes l WHERE l.consultation_id = c.id)
		AND EXISTS (SELECT 1 FROM consultation_districts l WHERE l.consultation_id = c.id)
		AND EXISTS (SELECT 1 FROM consultation_groups l WHERE l.consultation_id = c.id)
		ORDER BY c.id LIMIT 1`);
	const words = pickWord();
	const today = kyivDate(Date.now());
	// A consultation lasting over two days, narrowed by its unit and format
	// to at most 20 results on each side of its date boundaries.
	let edge = null;
	for (const [id, unit, format, opens, end] of sql(`SELECT c.id, u.slug, f.slug, c.opens_at, ${END}
		FROM consultations c JOIN units u ON u.id = c.unit_id JOIN formats f ON f.id = c.format_id
		WHERE ${PUBLIC} AND ${END} > c.opens_at + INTERVAL 2 DAY ORDER BY c.id LIMIT 200`)) {
		const e = {
			id: Number(id), unit: [unit], format: [format],
			opensDay: kyivDate(parseUtc(opens)), endDay: kyivDate(parseUtc(end) - 1000),
		};
		const sets = [{ from: e.endDay }, { from: addDays(e.endDay, 1) }, { to: e.opensDay }, { to: addDays(e.opensDay, -1) }];
		if (sets.every((s) => countFor({ unit: e.unit, format: e.format, ...s }) <= 20)) {
			edge = e;
			break;
		}
	}
	return { slugs, topThemes, triple, fug, all, words, today, edge };
}, ({ slugs, topThemes, triple, fug, all, words, today, edge }) => {
	describe('each filter alone: data-total equals SQL', () => {
		for (const facet of FACETS)
			for (const v of slugs[facet])
				test(`${facet}=${v}`, () => checkFilter({ [facet]: [v] }));
		test(`q=${words[0]}`, async () => {
			const n = await checkFilter({ q: words[0] });
			assert.ok(n > 0, 'the word is in some titles, so some consultation matches');
		});
		test(`from=${addDays(today, -30)}`, () => checkFilter({ from: addDays(today, -30) }));
		test(`to=${addDays(today, -180)}`, () => checkFilter({ to: addDays(today, -180) }));
	});

	describe('combinations', () => {
		test(`two themes are OR: theme=${topThemes[0]}&theme=${topThemes[1]}`, async () => {
			const both = await checkFilter({ theme: [topThemes[0], topThemes[1]] });
			const a = countFor({ theme: [topThemes[0]] });
			const b = countFor({ theme: [topThemes[1]] });
			assert.ok(both >= Math.max(a, b) && both <= a + b, `OR: ${both} vs ${a} and ${b}`);
		});
		test('three themes OR', () => checkFilter({ theme: topThemes }));
		test('theme AND district AND status', async () => {
			const f = { theme: [triple[0]], district: [triple[1]], status: [triple[2]] };
			const n = await checkFilter(f);
			assert.ok(n > 0, describeFilters(f));
		});
		test('format AND unit AND group', () =>
			checkFilter({ format: [fug[0]], unit: [fug[1]], group: [fug[2]] }));
		test('every facet at once (values of one consultation)', async () => {
			const f = { theme: [all[0]], district: [all[1]], format: [all[2]], group: [all[3]], unit: [all[4]], status: [all[5]] };
			const n = await checkFilter(f);
			assert.ok(n >= 1, describeFilters(f));
		});
		test('two statuses are OR: open, announced', () => checkFilter({ status: ['open', 'announced'] }));
		test('every status at once equals no status filter', async () => {
			const n = await checkFilter({ status: slugs.status });
			assert.equal(n, countFor({}));
		});
		test('two districts and two groups', () =>
			checkFilter({ district: slugs.district.slice(0, 2), group: slugs.group.slice(0, 2) }));
		test(`q=${words[0]} in capitals gives the same as in lower case`, async () => {
			const n = await checkFilter({ q: words[0].toUpperCase() });
			assert.equal(n, countFor({ q: words[0] }));
		});
		test(`q with two words: ${words[0]} ${words[1]}`, () => checkFilter({ q: `${words[0]} ${words[1]}` }));
		test(`q prefix: ${words[0].slice(0, 4)}`, () => checkFilter({ q: words[0].slice(0, 4) }));
		test(`q plus a facet: ${words[0]} and theme`, () => checkFilter({ q: words[0], theme: [topThemes[0]] }));
		test(`q plus status: ${words[0]} and closed, completed`, () =>
			checkFilter({ q: words[0], status: ['closed', 'completed'] }));
		test('from and to: the last 60 days to 30 days ahead', () =>
			checkFilter({ from: addDays(today, -60), to: addDays(today, 30) }));
		test('from = to: one day', () => checkFilter({ from: addDays(today, -7), to: addDays(today, -7) }));
		test('from and to a year back', () =>
			checkFilter({ from: addDays(today, -400), to: addDays(today, -365) }));
		test('from/to with theme and status', () =>
			checkFilter({ from: addDays(today, -90), to: today, theme: [topThemes[0]], status: ['closed', 'completed', 'open'] }));
		test('q with from/to and a district', () =>
			checkFilter({ q: words[0], from: addDays(today, -365), to: addDays(today, 60), district: [triple[1]] }));
		test('a consultation is in from=<its last day>, not in from=<the day after>', async (t) => {
			if (!edge) return t.skip('no suitable consultation');
			const base = { unit: edge.unit, format: edge.format };
			const on = await http(listingUrl({ ...base, from: edge.endDay }));
			assert.ok(cardIds(on.body).includes(edge.id), `${edge.id} not in from=${edge.endDay}`);
			const after = await http(listingUrl({ ...base, from: addDays(edge.endDay, 1) }));
			assert.ok(!cardIds(after.body).includes(edge.id), `${edge.id} in from=${addDays(edge.endDay, 1)}`);
			await checkFilter({ ...base, from: edge.endDay });
		});
		test('a consultation is in to=<its first day>, not in to=<the day before>', async (t) => {
			if (!edge) return t.skip('no suitable consultation');
			const base = { unit: edge.unit, format: edge.format };
			const on = await http(listingUrl({ ...base, to: edge.opensDay }));
			assert.ok(cardIds(on.body).includes(edge.id), `${edge.id} not in to=${edge.opensDay}`);
			const before = await http(listingUrl({ ...base, to: addDays(edge.opensDay, -1) }));
			assert.ok(!cardIds(before.body).includes(edge.id), `${edge.id} in to=${addDays(edge.opensDay, -1)}`);
			await checkFilter({ ...base, to: edge.opensDay });
		});
		test('a sort or page parameter does not change the total', async () => {
			const f = { theme: [topThemes[0]] };
			await checkFilter(f, { sort: 'popular' });
			await checkFilter(f, { sort: 'closing', page: 1 });
		});
	});
});
