// The consultation editor (issue 5): the staff list with the public filters
// plus drafts, create and edit with every announcement field (errors next
// to the fields, values kept), the 15-day rule, in-person formats, preview,
// publish (then the public listing and page show it), close early and
// cancel with a reason, units and roles (403 and audit rows), CSRF on every
// POST, before/after in the audit log.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, sql, sqlInt, sqlStr } from './lib.mjs';
import {
	createUser, twoUnits, unitId, signIn, get, post, auditRows, lastAuditId,
	uniq, kyiv,
} from './admin-lib.mjs';

const [UNIT_A, UNIT_B] = twoUnits();
const fresh = (p) => `${p}${p.includes('?') ? '&' : '?'}_=${uniq('t92')}`;
const DAY = 86400000;
const fmtId = (slug) => sqlInt(`SELECT id FROM formats WHERE slug = ${sqlStr(slug)}`);
const themeId = () => sqlInt('SELECT MIN(id) FROM themes');
const themeSlug = () => sql('SELECT slug FROM themes ORDER BY id LIMIT 1')[0][0];

// A complete form: publishable as is.
function fields(over = {}) {
	const now = Date.now();
	return {
		title: uniq('Реконструкція скверу'),
		summary: 'Пропонуємо оновити сквер.',
		body: '### Що пропонується\n\nНові лави й освітлення.',
		question: 'Проєкт рішення про реконструкцію скверу.',
		alternatives: 'Залишити як є.',
		stakeholders: 'Мешканці прилеглих будинків.',
		consequences: 'Тимчасові незручності під час робіт.',
		how_to_participate: 'Надсилайте пропозиції через форму на сторінці.',
		contact_name: 'Олена Петренко',
		contact_email: 'olena@example.com',
		contact_phone: '+380 44 123 45 67',
		results_publication: 'Звіт буде оприлюднено на сайті протягом 14 днів.',
		format: fmtId('e-consultation'),
		moderation: 'pre',
		opens_at: kyiv(now - DAY),
		closes_at: kyiv(now + 20 * DAY),
		theme: [themeId()],
		...over,
	};
}

const row = (id) => {
	const r = sql(`SELECT status, title, unit_id, published_at IS NOT NULL, closed_at IS NOT NULL,
		close_reason, cancel_reason, body FROM consultations WHERE id = ${id}`)[0];
	return { status: r[0], title: r[1], unit: Number(r[2]), published: r[3] === '1', closed: r[4] === '1', closeReason: r[5], cancelReason: r[6], body: r[7] };
};

async function create(s, over = {}) {
	const f = fields(over);
	const r = await post('/admin/consultations', s, f);
	assert.equal(r.status, 303, r.body);
	const id = Number(/\/admin\/consultations\/(\d+)/.exec(r.headers.get('location'))[1]);
	return { id, f };
}

describe('create and edit', () => {
	test('an editor creates a draft of their unit: 303, stored, audited, themes linked', async () => {
		const ed = createUser('editor', UNIT_A);
		const s = await signIn(ed);
		const from = lastAuditId();
		const { id, f } = await create(s, { unit: unitId(UNIT_B) });
		const got = row(id);
		assert.equal(got.status, 'draft');
		assert.equal(got.title, f.title);
		assert.equal(got.unit, unitId(UNIT_A), 'an editor\'s unit is their own, whatever was sent');
		assert.equal(sqlInt(`SELECT COUNT(*) FROM consultation_themes WHERE consultation_id = ${id}`), 1);
		const a = auditRows(`id > ${from} AND action = 'consultation-create' AND object_id = ${id}`);
		assert.equal(a.length, 1);
		// Dates are city time: 10:00 in Kyiv is stored as UTC.
		const page = await get(`/admin/consultations/${id}?saved=1`, s);
		assert.equal(page.status, 200);
		assert.ok(page.body.includes(`value="${f.opens_at}"`), 'the date comes back in city time');
		assert.match(page.body, /Зміни збережено/);
		assert.match(page.body, /href="\/admin\/consultations\/\d+\/documents"/);
	});

	test('the stored time is UTC of the Kyiv time typed', async () => {
		const s = await signIn(createUser('admin'));
		const { id } = await create(s, { unit: unitId(UNIT_A), opens_at: '2030-07-01T10:00', closes_at: '2030-07-20T18:00' });
		assert.equal(sql(`SELECT DATE_FORMAT(opens_at, '%Y-%m-%d %H:%i') FROM consultations WHERE id = ${id}`)[0][0], '2030-07-01 07:00');
	});

	test('errors: 400, the same page, messages next to fields, every value kept', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const n = sqlInt('SELECT COUNT(*) FROM consultations');
		const f = fields({ title: '', contact_email: 'not an e-mail', summary: 'Текст <b>&</b>\nрядок' });
		const r = await post('/admin/consultations', s, f);
		assert.equal(r.status, 400);
		assert.match(r.body, /Вкажіть назву консультації/);
		assert.match(r.body, /id="c-title-error"/);
		assert.match(r.body, /<input type="text" id="c-title"[^>]*aria-describedby="c-title-error"[^>]*aria-invalid="true"/);
		assert.match(r.body, /<input type="email" id="c-contact-email" name="contact_email" value="not an e-mail"[^>]*aria-invalid="true"/);
		assert.ok(r.body.includes('Текст &lt;b&gt;&amp;&lt;/b&gt;\nрядок'), 'the text comes back escaped, newline kept');
		assert.ok(r.body.includes(f.question));
		assert.ok(r.body.includes(`value="${f.opens_at}"`));
		assert.match(r.body, new RegExp(`id="c-themes-${themeId()}" name="theme" value="${themeId()}" checked`));
		assert.equal(sqlInt('SELECT COUNT(*) FROM consultations'), n, 'nothing stored');
	});

	test('an e-consultation shorter than 15 days is refused with a clear message', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const now = Date.now();
		const r = await post('/admin/consultations', s, fields({ opens_at: kyiv(now + DAY), closes_at: kyiv(now + 10 * DAY) }));
		assert.equal(r.status, 400);
		assert.match(r.body, /Електронна консультація триває щонайменше 15 днів/);
		assert.match(r.body, /id="c-closes-error"/);
		// Exactly 15 days is enough.
		const ok = await post('/admin/consultations', s, fields({ opens_at: '2031-03-20T10:00', closes_at: '2031-04-04T10:00' }));
		assert.equal(ok.status, 303);
	});

	test('an in-person format needs the time and the place', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const r = await post('/admin/consultations', s, fields({ format: fmtId('public-hearing') }));
		assert.equal(r.status, 400);
		assert.match(r.body, /вкажіть дату й час заходу/);
		assert.match(r.body, /вкажіть місце проведення/);
		const ok = await post('/admin/consultations', s, fields({ format: fmtId('public-hearing'), event_at: kyiv(Date.now() + 5 * DAY), event_place: 'Хрещатик, 36' }));
		assert.equal(ok.status, 303);
	});

	test('a long body (100,000 characters of Cyrillic) is taken', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const body = 'ї'.repeat(100000);
		const { id } = await create(s, { body });
		assert.equal(sqlInt(`SELECT CHAR_LENGTH(body) FROM consultations WHERE id = ${id}`), 100000);
	});

	test('edit: saved, with before and after of the changed fields only', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id, f } = await create(s);
		const from = lastAuditId();
		const title = uniq('Нова назва');
		const r = await post(`/admin/consultations/${id}`, s, { ...f, title });
		assert.equal(r.status, 303);
		assert.equal(row(id).title, title);
		const [[before, after]] = sql(`SELECT before_json, after_json FROM audit_log WHERE id > ${from} AND action = 'consultation-edit' AND object_id = ${id}`);
		assert.deepEqual(JSON.parse(before), { title: f.title });
		assert.deepEqual(JSON.parse(after), { title });
	});

	test('edit with an error: 400, stored row unchanged, values kept', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id, f } = await create(s);
		const r = await post(`/admin/consultations/${id}`, s, { ...f, title: uniq('Змінена'), closes_at: 'вчора' });
		assert.equal(r.status, 400);
		assert.match(r.body, /id="c-closes-error"/);
		assert.ok(r.body.includes('value="вчора"'));
		assert.equal(row(id).title, f.title);
	});
});

describe('list', () => {
	test('drafts are listed for staff with the filters, never publicly', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id, f } = await create(s);
		const r = await get(`/admin/consultations?status=draft&q=${encodeURIComponent(f.title)}`, s);
		assert.equal(r.status, 200);
		assert.ok(r.body.includes(f.title));
		assert.ok(r.body.includes(`/admin/consultations/${id}/preview`));
		const other = await get(`/admin/consultations?status=open&q=${encodeURIComponent(f.title)}`, s);
		assert.ok(!other.body.includes(`href="/admin/consultations/${id}"`), 'status filter');
		const byTheme = await get(`/admin/consultations?theme=${themeSlug()}&q=${encodeURIComponent(f.title)}`, s);
		assert.ok(byTheme.body.includes(f.title), 'theme filter');
		assert.equal((await get('/admin/consultations?theme=no-such-theme', s)).status, 400);
		const pub = await http(fresh(`/consultations?q=${encodeURIComponent(f.title)}`));
		assert.ok(!pub.body.includes(`/consultations/${id}-`), 'a draft is not public');
		assert.equal((await http(fresh(`/consultations/${id}`))).status, 404);
	});

	test('an editor sees only their unit\'s consultations', async () => {
		const a = await signIn(createUser('editor', UNIT_A));
		const b = await signIn(createUser('editor', UNIT_B));
		const { id, f } = await create(b);
		const r = await get(`/admin/consultations?q=${encodeURIComponent(f.title)}`, a);
		assert.equal(r.status, 200);
		assert.ok(!r.body.includes(`href="/admin/consultations/${id}"`));
		const admin = await signIn(createUser('admin'));
		assert.ok((await get(`/admin/consultations?q=${encodeURIComponent(f.title)}&unit=${UNIT_B}`, admin)).body.includes(f.title));
	});
});

describe('preview and publish', () => {
	test('preview: the resident\'s view with a banner, noindex', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id, f } = await create(s);
		const r = await get(`/admin/consultations/${id}/preview`, s);
		assert.equal(r.status, 200);
		assert.match(r.body, /Попередній перегляд — ще не опубліковано/);
		assert.match(r.body, /<meta name="robots" content="noindex/);
		assert.ok(r.body.includes(f.question));
		assert.match(r.body, /<h3>Що пропонується<\/h3>/);
	});

	test('publish refuses a draft missing required fields (400 on the edit page)', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id } = await create(s, { question: '', theme: [] });
		const r = await post(`/admin/consultations/${id}/publish`, s);
		assert.equal(r.status, 400);
		assert.match(r.body, /Консультацію не оприлюднено/);
		assert.match(r.body, /id="c-question-error"/);
		assert.match(r.body, /Оберіть щонайменше одну тему/);
		assert.equal(row(id).status, 'draft');
	});

	test('publish refuses a consultation whose end has passed', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id } = await create(s, { format: fmtId('survey'), opens_at: kyiv(Date.now() - 3 * DAY), closes_at: kyiv(Date.now() - DAY) });
		const r = await post(`/admin/consultations/${id}/publish`, s);
		assert.equal(r.status, 400);
		assert.match(r.body, /уже минула/);
		assert.equal(row(id).status, 'draft');
	});

	test('publish: announced, published_at set, audited; the public listing and page show it', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id, f } = await create(s);
		const from = lastAuditId();
		const r = await post(`/admin/consultations/${id}/publish`, s);
		assert.equal(r.status, 303, r.body.replace(/[\s\S]*form-errors/, '').slice(0, 600));
		const got = row(id);
		assert.equal(got.status, 'announced');
		assert.ok(got.published);
		assert.equal(auditRows(`id > ${from} AND action = 'consultation-publish' AND object_id = ${id}`).length, 1);
		const list = await http(fresh(`/consultations?q=${encodeURIComponent(f.title.split('-')[0].trim())}&status=open`));
		assert.equal(list.status, 200);
		assert.ok(list.body.includes(`/consultations/${id}-`), 'the public listing lists it');
		const page = await http(fresh(`/consultations/${id}`));
		assert.equal(page.status, 200);
		assert.ok(page.body.includes(f.title));
		// Once only.
		assert.equal((await post(`/admin/consultations/${id}/publish`, s)).status, 409);
	});

	test('close early with a reason: closed publicly; a reason is required', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id } = await create(s);
		assert.equal((await post(`/admin/consultations/${id}/close`, s, { reason: 'x' })).status, 409, 'a draft is not open');
		await post(`/admin/consultations/${id}/publish`, s);
		const bad = await post(`/admin/consultations/${id}/close`, s, {});
		assert.equal(bad.status, 400);
		assert.match(bad.body, /id="c-close-reason-error"/);
		assert.equal(row(id).closed, false);
		const reason = uniq('Рішення втратило актуальність');
		const from = lastAuditId();
		const r = await post(`/admin/consultations/${id}/close`, s, { reason });
		assert.equal(r.status, 303);
		const got = row(id);
		assert.equal(got.status, 'closed');
		assert.ok(got.closed);
		assert.equal(got.closeReason, reason);
		assert.equal(auditRows(`id > ${from} AND action = 'consultation-close' AND object_id = ${id}`).length, 1);
		const page = await http(fresh(`/consultations/${id}`));
		assert.match(page.body, /badge--closed/);
		assert.equal((await post(`/admin/consultations/${id}/close`, s, { reason })).status, 409, 'not twice');
	});

	test('cancel with a reason', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id } = await create(s);
		await post(`/admin/consultations/${id}/publish`, s);
		const reason = uniq('Скасовано через зміну законодавства');
		const r = await post(`/admin/consultations/${id}/cancel`, s, { reason });
		assert.equal(r.status, 303);
		assert.equal(row(id).status, 'cancelled');
		assert.equal(row(id).cancelReason, reason);
		const page = await http(fresh(`/consultations/${id}`));
		assert.ok(page.body.includes(reason));
		assert.equal((await post(`/admin/consultations/${id}`, s, fields())).status, 409, 'a cancelled one is not edited');
		const form = await get(`/admin/consultations/${id}`, s);
		assert.ok(!form.body.includes('>Зберегти</button>'), 'no save button');
		assert.match(form.body, /зміни вже не зберігаються/);
	});
});

describe('roles, units, CSRF', () => {
	test('an editor of unit A on unit B\'s consultation: 403 and an audit row each time', async () => {
		const b = await signIn(createUser('editor', UNIT_B));
		const { id, f } = await create(b);
		const a = await signIn(createUser('editor', UNIT_A));
		const from = lastAuditId();
		const tries = [
			() => get(`/admin/consultations/${id}`, a),
			() => get(`/admin/consultations/${id}/preview`, a),
			() => post(`/admin/consultations/${id}`, a, { ...f, title: 'Чужа' }),
			() => post(`/admin/consultations/${id}/publish`, a),
			() => post(`/admin/consultations/${id}/close`, a, { reason: 'Чужа' }),
			() => post(`/admin/consultations/${id}/cancel`, a, { reason: 'Чужа' }),
		];
		for (const t of tries) assert.equal((await t()).status, 403);
		const rows = auditRows(`id > ${from} AND action = 'forbidden' AND object_id = ${id} AND user_id = ${a.user.id}`);
		assert.equal(rows.length, tries.length);
		assert.equal(row(id).title, f.title);
		assert.equal(row(id).status, 'draft');
	});

	test('a moderator gets 403 on every consultation route', async () => {
		const m = await signIn(createUser('moderator'));
		const ed = await signIn(createUser('editor', UNIT_A));
		const { id } = await create(ed);
		const from = lastAuditId();
		for (const r of [
			await get('/admin/consultations', m),
			await get('/admin/consultations/new', m),
			await post('/admin/consultations', m, fields()),
			await get(`/admin/consultations/${id}`, m),
			await post(`/admin/consultations/${id}`, m, fields()),
			await get(`/admin/consultations/${id}/preview`, m),
			await post(`/admin/consultations/${id}/publish`, m),
			await post(`/admin/consultations/${id}/close`, m, { reason: 'x' }),
			await post(`/admin/consultations/${id}/cancel`, m, { reason: 'x' }),
		]) assert.equal(r.status, 403);
		assert.equal(auditRows(`id > ${from} AND action = 'forbidden' AND user_id = ${m.user.id}`).length, 9);
		const page = await get('/admin', m);
		assert.ok(!page.body.includes('href="/admin/consultations"'), 'no link for moderators');
	});

	test('CSRF missing or forged on every POST: 403, nothing changed', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const { id, f } = await create(s);
		const n = sqlInt('SELECT COUNT(*) FROM consultations');
		for (const csrf of [null, 'A'.repeat(43)]) {
			assert.equal((await post('/admin/consultations', s, { ...fields(), csrf })).status, 403);
			assert.equal((await post(`/admin/consultations/${id}`, s, { ...f, title: 'Підроблено', csrf })).status, 403);
			assert.equal((await post(`/admin/consultations/${id}/publish`, s, { csrf })).status, 403);
			assert.equal((await post(`/admin/consultations/${id}/close`, s, { reason: 'x', csrf })).status, 403);
			assert.equal((await post(`/admin/consultations/${id}/cancel`, s, { reason: 'x', csrf })).status, 403);
		}
		assert.equal(sqlInt('SELECT COUNT(*) FROM consultations'), n);
		assert.equal(row(id).title, f.title);
		assert.equal(row(id).status, 'draft');
	});

	test('admins see the users and audit links; editors do not', async () => {
		const admin = await signIn(createUser('admin'));
		const page = await get('/admin/consultations', admin);
		assert.match(page.body, /href="\/admin\/consultations" aria-current="page"/);
		assert.match(page.body, /href="\/admin\/users"/);
		assert.match(page.body, /href="\/admin\/audit"/);
		const ed = await signIn(createUser('editor', UNIT_A));
		const p2 = await get('/admin', ed);
		assert.ok(!p2.body.includes('href="/admin/users"'));
		assert.ok(p2.body.includes('href="/admin/consultations"'));
	});
});
