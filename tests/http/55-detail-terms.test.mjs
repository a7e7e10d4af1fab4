// The detail page's themes, districts and participant groups (read in one
// round trip since the page was made faster): every term linked to the
// consultation shows, in the vocabulary's order, under its own heading, with
// the link to the listing filtered by it; a vocabulary with no term shows no
// heading; no term of another consultation shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, withData, sql, PUBLIC, decodeEntities } from './lib.mjs';

const KINDS = [
	{ param: 'theme', heading: 'Теми', link: 'consultation_themes', col: 'theme_id', vocab: 'themes' },
	{ param: 'district', heading: 'Райони', link: 'consultation_districts', col: 'district_id', vocab: 'districts' },
	{ param: 'group', heading: 'Для кого', link: 'consultation_groups', col: 'group_id', vocab: 'participant_groups' },
];

// A URL no micro-cached copy answers (the programs ignore `_`).
let seq = 0;
const fresh = (p) => `${p}?_=t55-${process.pid}-${Date.now()}-${++seq}`;

const termsOf = (id, k) => sql(`SELECT t.slug, t.name_uk FROM ${k.link} l
	JOIN ${k.vocab} t ON t.id = l.${k.col} WHERE l.consultation_id = ${id}
	ORDER BY t.sort, t.id`).map(([slug, name]) => ({ slug, name }));

// The links of one vocabulary on a page, in order: [{ slug, name }].
function linksOf(html, param) {
	const re = new RegExp(`<a href="/consultations\\?${param}=([^"]*)">([^<]*)</a>`, 'g');
	return [...html.matchAll(re)].map((m) => ({ slug: decodeEntities(m[1]), name: decodeEntities(m[2]) }));
}

const count = (k) => `(SELECT COUNT(*) FROM ${k.link} l WHERE l.consultation_id = c.id)`;

await withData(() => {
	const pick = (where, order) => sql(`SELECT c.id, c.slug FROM consultations c
		WHERE ${PUBLIC} AND (${where}) ORDER BY ${order} LIMIT 1`)[0];
	const rows = [
		// the most terms of all three kinds together
		pick('TRUE', `${KINDS.map(count).join(' + ')} DESC, c.id`),
		// several of every kind
		pick(KINDS.map((k) => `${count(k)} >= 2`).join(' AND '), 'c.id DESC'),
		// none of some kind
		pick(KINDS.map((k) => `${count(k)} = 0`).join(' OR '), 'c.id'),
		// a few more, spread over the ids
		...sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} ORDER BY c.id % 97, c.id LIMIT 4`),
	].filter(Boolean);
	const seen = new Set();
	const list = rows.map(([id, slug]) => ({ id: Number(id), slug }))
		.filter((c) => !seen.has(c.id) && seen.add(c.id));
	if (list.length < 3) throw new Error('not enough public consultations: demo data missing');
	return list.map((c) => ({ ...c, terms: KINDS.map((k) => termsOf(c.id, k)) }));
}, (list) => {
	describe('detail page: themes, districts and groups', () => {
		for (const c of list) {
			const what = KINDS.map((k, i) => `${c.terms[i].length} ${k.param}`).join(', ');
			test(`/consultations/${c.id} (${what})`, async () => {
				const r = await http(fresh(`/consultations/${c.id}-${c.slug}`));
				assert.equal(r.status, 200);
				KINDS.forEach((k, i) => {
					const want = c.terms[i];
					assert.deepEqual(linksOf(r.body, k.param), want,
						`${k.param} links of /consultations/${c.id}`);
					assert.equal(r.body.includes(`<dt>${k.heading}</dt>`), want.length > 0,
						`heading «${k.heading}» shown only with terms`);
				});
			});
		}
	});
});
