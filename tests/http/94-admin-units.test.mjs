// Units (issue 5, cgi-bin/admin_units.c): admins create a unit (slug checked
// like the listing's slugs, unique; names; kind; the district of a district
// administration) and rename it (the slug stays), with audit rows before
// and after; a rename shows at once on the public detail page (whose
// rendered copies each worker keeps by page_version) and in the listing
// (whose workers keep the vocabularies in memory), and a new unit's slug is
// at once a filter the listing takes (sql/migrations/090).  Editors and
// moderators get 403 and an audit row; every POST needs the CSRF token.
// The units made here are deleted at the end (they would show as empty
// organisers in other files' facets).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { http, sql, sqlInt, sqlStr, decodeEntities, ROOT } from './lib.mjs';
import {
	createUser, twoUnits, signIn, get, post, auditRows, lastAuditId, makeConsultation, uniq,
} from './admin-lib.mjs';

const [UNIT_A] = twoUnits();
const RUN = uniq('u').toLowerCase().replace(/[^a-z0-9]+/g, '-');
let n = 0;
const slugOf = () => `t94-${RUN}-${++n}`;
// More GETs than workers (2 x cores by default), so each answers at least
// once; `_` (ignored by the programs) keeps nginx's 1 s micro-cache out.
const ROUNDS = 12;
const fresh = (p) => `${p}${p.includes('?') ? '&' : '?'}_=${uniq('f')}`;
const html = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

let admin;
before(async () => {
	admin = await signIn(createUser('admin'));
});

const made = [];
after(() => {
	if (made.length === 0) return;
	const ids = made.join(',');
	try {
		sql(`DELETE FROM consultations WHERE unit_id IN (${ids})`);
		sql(`DELETE FROM units WHERE id IN (${ids})`);
	} catch (e) {
		console.error(`cleanup: ${e.message}`);
	}
});

const fields = (extra = {}) => ({
	slug: slugOf(), name: `Управління ${uniq('тест')}`, name_en: `Office ${uniq('test')}`,
	kind: 'department', district: '', ...extra,
});

async function createUnit(extra = {}) {
	const f = fields(extra);
	const r = await post('/admin/units', admin, f);
	assert.equal(r.status, 303, `create ${f.slug}: ${r.status}`);
	const [[id]] = sql(`SELECT id FROM units WHERE slug = ${sqlStr(f.slug)}`);
	made.push(Number(id));
	assert.equal(r.headers.get('location'), `/admin/units/${id}?done=created`);
	return { ...f, id: Number(id) };
}

describe('the list and the forms', () => {
	test('every unit linked to its page, and a link to a new one', async () => {
		const r = await get('/admin/units', admin);
		assert.equal(r.status, 200);
		const units = sql('SELECT id, name_uk FROM units');
		for (const [id, name] of units)
			assert.ok(r.body.includes(`<a href="/admin/units/${id}">${html(name)}</a>`), name);
		assert.match(r.body, /<a href="\/admin\/units\/new">Новий підрозділ<\/a>/);
		const f = await get('/admin/units/new', admin);
		assert.equal(f.status, 200);
		for (const k of ['slug', 'name', 'name_en', 'kind', 'district', 'csrf'])
			assert.match(f.body, new RegExp(`name="${k}"`), k);
		assert.match(f.body, /method="post" action="\/admin\/units"/);
	});

	test('a unit\'s page: the names to change, the slug shown but not a field', async () => {
		const u = await createUnit();
		const r = await get(`/admin/units/${u.id}?done=created`, admin);
		assert.equal(r.status, 200);
		assert.match(r.body, /Підрозділ створено/);
		assert.ok(r.body.includes(`<code>${u.slug}</code>`));
		assert.doesNotMatch(r.body, /name="slug"/);
		assert.doesNotMatch(r.body, /name="kind"/);
		assert.ok(decodeEntities(r.body).includes(`value="${u.name}"`));
		assert.ok(decodeEntities(r.body).includes(`value="${u.name_en}"`));
		assert.equal((await get('/admin/units/65000', admin)).status, 404);
		assert.equal((await get('/admin/units/abc', admin)).status, 400);
	});
});

describe('creating units', () => {
	test('a department: the row, last of its kind, and the audit row with what it was made with', async () => {
		const from = lastAuditId();
		const u = await createUnit();
		const [[slug, name, nameEn, kind, district, sort]] = sql(`SELECT slug, name_uk, name_en, kind,
			district_id, sort FROM units WHERE id = ${u.id}`);
		assert.deepEqual([slug, name, nameEn, kind, district], [u.slug, u.name, u.name_en, 'department', null]);
		assert.equal(Number(sort), sqlInt("SELECT MAX(sort) FROM units WHERE kind = 'department'"));
		const rows = auditRows(`id > ${from} AND action = 'unit-create'`);
		assert.equal(rows.length, 1);
		assert.equal(rows[0].type, 'unit');
		assert.equal(rows[0].object, u.id);
		assert.equal(rows[0].user, admin.user.id);
		const [[before, afterJson, unit]] = sql(`SELECT before_json, after_json, unit_id FROM audit_log WHERE id = ${rows[0].id}`);
		assert.equal(before, null);
		assert.deepEqual(JSON.parse(afterJson), { slug: u.slug, name_uk: u.name, name_en: u.name_en, kind: 'department', district: null });
		assert.equal(Number(unit), u.id);
		// The audit page links the row to the unit's page.
		const a = await get(`/admin/audit?type=unit&object=${u.id}`, admin);
		assert.ok(a.body.includes(`<a href="/admin/units/${u.id}">unit ${u.id}</a>`));
	});

	test('a district administration with its district', async () => {
		const [[did, dslug]] = sql("SELECT id, slug FROM districts ORDER BY sort, id LIMIT 1");
		const from = lastAuditId();
		const u = await createUnit({ kind: 'rda', district: did });
		assert.deepEqual(sql(`SELECT kind, district_id FROM units WHERE id = ${u.id}`)[0], ['rda', did]);
		const [[afterJson]] = sql(`SELECT after_json FROM audit_log WHERE id > ${from} AND action = 'unit-create'`);
		assert.equal(JSON.parse(afterJson).district, dslug);
	});

	test('a new unit\'s slug is at once a filter of the public listing and of the editor', async () => {
		// Load the listing in every worker first, so that each holds the
		// vocabularies from before the unit existed.
		for (let i = 0; i < ROUNDS; i++)
			assert.equal((await http(fresh('/consultations'))).status, 200);
		const u = await createUnit();
		for (let i = 0; i < ROUNDS; i++) {
			const r = await http(fresh(`/consultations?unit=${u.slug}`));
			assert.equal(r.status, 200, `answer ${i + 1}: the new slug is known`);
		}
		const cid = makeConsultation(u.slug, { title: uniq('Перша консультація нового підрозділу') });
		for (let i = 0; i < ROUNDS; i++) {
			const r = await http(fresh(`/consultations?unit=${u.slug}`));
			assert.equal(r.status, 200);
			assert.ok(r.body.includes(`data-id="${cid}"`), `answer ${i + 1}: its consultation listed`);
			assert.ok(r.body.includes(`<dd>${html(u.name)}</dd>`), `answer ${i + 1}: with its name`);
		}
	});

	const BAD_SLUGS = ['a', 'Dep-osvity', 'dep_osvity', '-dep', 'dep-', 'dep--osvity', 'dep osvity', 'деп', 'x'.repeat(65), ''];
	for (const slug of BAD_SLUGS) {
		test(`slug ${JSON.stringify(slug.length > 20 ? `${slug.slice(0, 8)}…(${slug.length})` : slug)} is refused with the form again`, async () => {
			const f = fields({ slug });
			const r = await post('/admin/units', admin, f);
			assert.equal(r.status, 400);
			assert.match(r.body, /id="n-slug-error"/);
			assert.ok(decodeEntities(r.body).includes(`value="${f.name}"`), 'what was typed stays');
			assert.equal(sqlInt(`SELECT COUNT(*) FROM units WHERE name_uk = ${sqlStr(f.name)}`), 0);
		});
	}

	test('a slug or a name already used is refused; so are missing names and a wrong district', async () => {
		const u = await createUnit();
		const count = sqlInt('SELECT COUNT(*) FROM units');
		let r = await post('/admin/units', admin, fields({ slug: UNIT_A }));
		assert.equal(r.status, 409);
		assert.match(r.body, /ідентифікатор уже зайнятий/);
		r = await post('/admin/units', admin, fields({ slug: u.slug }));
		assert.equal(r.status, 409);
		r = await post('/admin/units', admin, fields({ name: u.name }));
		assert.equal(r.status, 400);
		assert.match(r.body, /id="n-name-error"/);
		for (const [extra, id] of [[{ name: '' }, 'n-name-error'], [{ name: '   ' }, 'n-name-error'],
			[{ name_en: '' }, 'n-name-en-error'], [{ name: 'x'.repeat(301) }, 'n-name-error'],
			[{ kind: 'rda' }, 'n-district-error'], [{ kind: 'council', district: 1 }, 'n-district-error'],
			[{ kind: 'rda', district: 65000 }, 'n-district-error'], [{ kind: 'ministry' }, 'n-kind-error']]) {
			r = await post('/admin/units', admin, fields(extra));
			assert.equal(r.status, 400, JSON.stringify(extra));
			assert.ok(r.body.includes(`id="${id}"`), `${JSON.stringify(extra)}: ${id}`);
		}
		assert.equal(sqlInt('SELECT COUNT(*) FROM units'), count, 'nothing created');
	});
});

describe('renaming a unit', () => {
	test('the names change, the slug stays, the audit row has before and after', async () => {
		const u = await createUnit();
		const from = lastAuditId();
		const name = `Перейменоване ${uniq('управління')}`;
		const r = await post(`/admin/units/${u.id}`, admin, { name, name_en: 'Renamed Office', slug: 'changed-slug', kind: 'council' });
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), `/admin/units/${u.id}?done=saved`);
		assert.deepEqual(sql(`SELECT slug, name_uk, name_en, kind, renamed_at IS NOT NULL FROM units WHERE id = ${u.id}`)[0],
			[u.slug, name, 'Renamed Office', 'department', '1']);
		const rows = auditRows(`id > ${from} AND action = 'unit-rename'`);
		assert.equal(rows.length, 1);
		assert.equal(rows[0].object, u.id);
		const [[b, a]] = sql(`SELECT before_json, after_json FROM audit_log WHERE id = ${rows[0].id}`);
		assert.deepEqual(JSON.parse(b), { name_uk: u.name, name_en: u.name_en });
		assert.deepEqual(JSON.parse(a), { name_uk: name, name_en: 'Renamed Office' });
		// The audit page shows the change as a readable list.
		const page = await get(`/admin/audit?type=unit&object=${u.id}&action=unit-rename`, admin);
		assert.ok(decodeEntities(page.body).includes(`<span class="audit-changes__field">name_uk</span>: <del>${u.name}</del> → <ins>${name}</ins>`));
		// Saving the same names again changes nothing and audits nothing.
		const again = lastAuditId();
		assert.equal((await post(`/admin/units/${u.id}`, admin, { name, name_en: 'Renamed Office' })).status, 303);
		assert.equal(auditRows(`id > ${again} AND action = 'unit-rename'`).length, 0);
	});

	test('a refused rename changes nothing', async () => {
		const u = await createUnit();
		const other = await createUnit();
		for (const f of [{ name: '', name_en: 'X' }, { name: other.name, name_en: 'X' }, { name: 'Добре', name_en: '' }]) {
			const r = await post(`/admin/units/${u.id}`, admin, f);
			assert.equal(r.status, 400, JSON.stringify(f));
			assert.match(r.body, /Перевірте позначені поля/);
		}
		assert.deepEqual(sql(`SELECT name_uk, name_en, renamed_at FROM units WHERE id = ${u.id}`)[0], [u.name, u.name_en, null]);
		assert.equal((await post('/admin/units/65000', admin, { name: 'X', name_en: 'X' })).status, 404);
	});

	test('the public detail page and the listing show the new name on the next request', async () => {
		const u = await createUnit();
		const cid = makeConsultation(u.slug, { title: uniq('Консультація перейменованого') });
		const detail = `/consultations/${cid}`;
		const listing = `/consultations?unit=${u.slug}`;
		// Every worker renders and keeps the detail page, and loads the
		// listing, with the old name.
		for (let i = 0; i < ROUNDS; i++) {
			const d = await http(fresh(detail));
			assert.equal(d.status, 200);
			assert.ok(d.body.includes(html(u.name)), 'the old name on the detail page');
			const l = await http(fresh(listing));
			assert.ok(l.body.includes(`<dd>${html(u.name)}</dd>`), 'the old name on the card');
		}
		const version = sqlInt(`SELECT page_version FROM consultations WHERE id = ${cid}`);
		const name = `Нова назва ${uniq('управління')}`;
		assert.equal((await post(`/admin/units/${u.id}`, admin, { name, name_en: u.name_en })).status, 303);
		assert.ok(sqlInt(`SELECT page_version FROM consultations WHERE id = ${cid}`) > version, 'page_version bumped');
		for (let i = 0; i < ROUNDS; i++) {
			const d = await http(fresh(detail));
			assert.equal(d.status, 200);
			assert.ok(d.body.includes(html(name)), `answer ${i + 1}: the new name on the detail page`);
			assert.ok(!d.body.includes(html(u.name)), `answer ${i + 1}: no old name on the detail page`);
			const l = await http(fresh(listing));
			assert.equal(l.status, 200);
			assert.ok(l.body.includes(`<dd>${html(name)}</dd>`), `answer ${i + 1}: the new name on the card`);
			assert.ok(!l.body.includes(html(u.name)), `answer ${i + 1}: no old name in the listing (card, facets)`);
		}
	});

	test('the reference data loaded again keeps an admin\'s new name', async () => {
		const [[id, slug, old]] = sql(`SELECT id, slug, name_uk FROM units WHERE slug = ${sqlStr(UNIT_A)}`);
		const name = `${old} (${uniq('тимчасово')})`;
		try {
			assert.equal((await post(`/admin/units/${id}`, admin, { name, name_en: 'Temporary' })).status, 303);
			sql(`SOURCE ${ROOT}/sql/reference.sql`);
			assert.equal(sql(`SELECT name_uk FROM units WHERE slug = ${sqlStr(slug)}`)[0][0], name);
		} finally {
			// Back to the reference data's names for the other files.
			sql(`UPDATE units SET renamed_at = NULL WHERE id = ${id}`);
			sql(`SOURCE ${ROOT}/sql/reference.sql`);
		}
		assert.equal(sql(`SELECT name_uk FROM units WHERE id = ${id}`)[0][0], old);
	});
});

// Every route of this screen, with what a POST needs.
const ROUTES = (id) => [
	['GET', '/admin/units'], ['GET', '/admin/units/new'], ['GET', `/admin/units/${id}`],
	['POST', '/admin/units', fields()],
	['POST', `/admin/units/${id}`, { name: 'Чужа назва', name_en: 'Foreign name' }],
];

describe('admins only', () => {
	for (const role of ['editor', 'moderator']) {
		test(`a ${role} gets 403 and an audit row on every units route`, async () => {
			const u = await createUnit();
			const s = await signIn(createUser(role, role === 'editor' ? UNIT_A : '-'));
			const from = lastAuditId();
			const routes = ROUTES(u.id);
			for (const [method, p, f] of routes) {
				const r = method === 'GET' ? await get(p, s) : await post(p, s, f || {});
				assert.equal(r.status, 403, `${method} ${p}`);
			}
			const rows = auditRows(`id > ${from} AND user_id = ${s.user.id} AND action = 'forbidden'`);
			assert.deepEqual(rows.map((x) => x.detail), routes.map(([m, p]) => `${m} ${p}`));
			assert.deepEqual(sql(`SELECT name_uk FROM units WHERE id = ${u.id}`)[0], [u.name]);
			assert.equal(sqlInt(`SELECT COUNT(*) FROM units WHERE slug = ${sqlStr(routes[3][2].slug)}`), 0);
		});
	}

	test('every POST needs the session\'s CSRF token (missing or forged: 403, audited)', async () => {
		const u = await createUnit();
		for (const csrf of [null, 'A'.repeat(43), admin.csrf.slice(0, -2) + (admin.csrf.endsWith('AA') ? 'BB' : 'AA')]) {
			const from = lastAuditId();
			const posts = ROUTES(u.id).filter(([m]) => m === 'POST');
			for (const [, p, f] of posts) {
				const r = await post(p, admin, { ...f, csrf });
				assert.equal(r.status, 403, `${p} csrf ${csrf}`);
			}
			const rows = auditRows(`id > ${from} AND user_id = ${admin.user.id} AND action = 'csrf-refused'`);
			assert.deepEqual(rows.map((x) => x.detail), posts.map(([, p]) => `POST ${p}`));
			assert.equal(sqlInt(`SELECT COUNT(*) FROM units WHERE slug = ${sqlStr(posts[0][2].slug)}`), 0);
		}
		assert.deepEqual(sql(`SELECT name_uk FROM units WHERE id = ${u.id}`)[0], [u.name]);
	});
});
