// The unified agenda (issue 8): /agenda shows the topics of a year whose
// plan is published, by quarter, with filters (each checked against SQL
// written here from the schema); residents propose topics through a form
// with the comment form's rules; editors accept or decline them and plan
// their unit's topics in /admin/agenda; admins publish a year's plan.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, sql, sqlInt, sqlStr, sqlCol, freshAddr, postForm, commentForm, tags, textOf,
	errorStatus, outerHtml, kyivDate, parseUtc,
} from './lib.mjs';
import {
	createUser, twoUnits, signIn, get, post, auditRows, lastAuditId, makeConsultation, uniq,
	hiddenValue,
} from './admin-lib.mjs';

const [UNIT_A, UNIT_B] = twoUnits();
// Years of this file's own plans, far from the demo's.
const Y1 = 2090, Y2 = 2091;
const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv', year: 'numeric' }).format(new Date()));
const PUBLIC = ['planned', 'scheduled', 'held', 'declined'];
const fresh = (p) => `${p}${p.includes('?') ? '&' : '?'}_=${uniq('t98')}`;

// The ids of li.agenda-item on a page, in order, and data-total.
function pageItems(html) {
	return tags(html).filter((t) => t.kind === 'open' && t.name === 'li' &&
		(t.attrs.class || '').split(/\s+/).includes('agenda-item')).map((t) => Number(t.attrs['data-id']));
}
function pageTotal(html) {
	const t = tags(html).find((x) => x.kind === 'open' && x.attrs.id === 'agenda-count');
	return t ? Number(t.attrs['data-total']) : null;
}
function itemHtml(html, id) {
	const t = tags(html).find((x) => x.kind === 'open' && x.attrs.id === `topic-${id}`);
	return t ? outerHtml(html, t) : null;
}

// The public topics of a year for filters { unit, theme, district, quarter,
// status } (arrays: OR within, AND across), from SQL alone.
function sqlIds(year, f = {}) {
	const w = [`i.year = ${year}`, `i.status IN (${PUBLIC.map(sqlStr).join(', ')})`,
		`EXISTS (SELECT 1 FROM agenda_plans p WHERE p.year = i.year AND p.published_at IS NOT NULL)`];
	const list = (v) => v.map(sqlStr).join(', ');
	if (f.unit) w.push(`i.unit_id IN (SELECT id FROM units WHERE slug IN (${list(f.unit)}))`);
	if (f.theme) w.push(`EXISTS (SELECT 1 FROM agenda_item_themes l JOIN themes t ON t.id = l.theme_id
		WHERE l.item_id = i.id AND t.slug IN (${list(f.theme)}))`);
	if (f.district) w.push(`EXISTS (SELECT 1 FROM agenda_item_districts l JOIN districts t ON t.id = l.district_id
		WHERE l.item_id = i.id AND t.slug IN (${list(f.district)}))`);
	if (f.quarter) w.push(`i.quarter IN (${f.quarter.join(', ')})`);
	if (f.status) w.push(`i.status IN (${list(f.status)})`);
	return sqlCol(`SELECT i.id FROM agenda_items i WHERE ${w.join(' AND ')} ORDER BY i.quarter, i.id`).map(Number);
}

function agendaUrl(year, f = {}) {
	const q = new URLSearchParams();
	if (year !== null) q.append('year', String(year));
	for (const [k, vs] of Object.entries(f)) for (const v of vs) q.append(k, String(v));
	const s = q.toString();
	return `/agenda${s ? `?${s}` : ''}`;
}

// A topic straight into the table; returns its id.
function makeTopic(year, { unit = UNIT_A, quarter = 1, status = 'planned', theme = null, district = null,
	reason = null, proposer = null, email = null, topic = uniq('Тема плану') } = {}) {
	sql(`INSERT INTO agenda_items (year, quarter, topic, description, unit_id, status, decline_reason,
		proposer_name, proposer_email)
		SELECT ${year}, ${quarter}, ${sqlStr(topic)}, 'Опис теми', id, ${sqlStr(status)},
			${reason === null ? 'NULL' : sqlStr(reason)}, ${proposer === null ? 'NULL' : sqlStr(proposer)},
			${email === null ? 'NULL' : sqlStr(email)}
		FROM units WHERE slug = ${sqlStr(unit)}`);
	const id = sqlInt(`SELECT MAX(id) FROM agenda_items WHERE topic = ${sqlStr(topic)}`);
	for (const t of [].concat(theme || []))
		sql(`INSERT INTO agenda_item_themes SELECT ${id}, id FROM themes WHERE slug = ${sqlStr(t)}`);
	for (const d of [].concat(district || []))
		sql(`INSERT INTO agenda_item_districts SELECT ${id}, id FROM districts WHERE slug = ${sqlStr(d)}`);
	return id;
}

function clearYear(year) {
	sql(`DELETE FROM agenda_items WHERE year = ${year}`);
	sql(`DELETE FROM agenda_plans WHERE year = ${year}`);
}

const publishedAt = (year) => sql(`SELECT published_at FROM agenda_plans WHERE year = ${year}`)[0]?.[0] ?? null;

describe('the plan: /agenda', () => {
	before(() => {
		clearYear(Y1);
		sql(`INSERT INTO agenda_plans (year, published_at) VALUES (${Y1}, UTC_TIMESTAMP() - INTERVAL 3 DAY)`);
		const mix = [
			['planned', UNIT_A, 1, 'ecology', 'podilskyi'],
			['scheduled', UNIT_B, 1, 'transport', null],
			['held', UNIT_A, 2, ['ecology', 'transport'], ['podilskyi', 'obolonskyi']],
			['declined', UNIT_B, 3, null, 'obolonskyi'],
			['planned', UNIT_B, 4, 'education', null],
			['proposed', UNIT_A, 2, 'ecology', 'podilskyi'],
			['spam', UNIT_A, 2, 'ecology', null],
		];
		for (const [status, unit, quarter, theme, district] of mix)
			makeTopic(Y1, { status, unit, quarter, theme, district,
				reason: status === 'declined' ? 'Причина відхилення теми' : null });
	});

	const filters = [
		{},
		{ unit: [UNIT_A] },
		{ unit: [UNIT_A, UNIT_B] },
		{ theme: ['ecology'] },
		{ theme: ['ecology', 'education'] },
		{ district: ['obolonskyi'] },
		{ quarter: [1] },
		{ quarter: [2, 3] },
		{ status: ['planned'] },
		{ status: ['held', 'declined'] },
		{ unit: [UNIT_A], theme: ['transport'] },
		{ district: ['podilskyi'], quarter: [1, 2], status: ['planned', 'held'] },
		{ theme: ['naming'] },
	];
	for (const f of filters) {
		test(`topics equal SQL: ${JSON.stringify(f)}`, async () => {
			const r = await http(fresh(agendaUrl(Y1, f)));
			assert.equal(r.status, 200);
			const want = sqlIds(Y1, f);
			assert.deepEqual(pageItems(r.body), want);
			assert.equal(pageTotal(r.body), want.length);
		});
	}

	test('the default year is this year, and its topics equal SQL', async () => {
		const r = await http(fresh('/agenda'));
		assert.equal(r.status, 200);
		assert.match(r.body, new RegExp(`План консультацій на ${THIS_YEAR} рік`));
		assert.deepEqual(pageItems(r.body), sqlIds(THIS_YEAR));
	});

	test('proposals awaiting a decision and spam are never shown; statuses, unit and reasons are', async () => {
		const r = await http(fresh(agendaUrl(Y1)));
		const hidden = sqlCol(`SELECT id FROM agenda_items WHERE year = ${Y1} AND status IN ('proposed', 'spam')`).map(Number);
		assert.equal(hidden.length, 2);
		for (const id of hidden) assert.equal(itemHtml(r.body, id), null);
		const [declined] = sqlCol(`SELECT id FROM agenda_items WHERE year = ${Y1} AND status = 'declined'`);
		const h = itemHtml(r.body, declined);
		assert.match(h, /data-status="declined"/);
		assert.match(h, /Відхилено/);
		assert.match(h, /Причина відхилення теми/);
		assert.match(r.body, /На розгляді: 1 пропозиція/);
	});

	test('a scheduled topic links its consultation; a draft is never linked', async () => {
		const cid = makeConsultation(UNIT_A);
		const id = makeTopic(Y1, { status: 'scheduled', quarter: 3 });
		sql(`UPDATE agenda_items SET consultation_id = ${cid} WHERE id = ${id}`);
		let h = itemHtml((await http(fresh(agendaUrl(Y1)))).body, id);
		assert.match(h, new RegExp(`href="/consultations/${cid}-`));
		sql(`UPDATE consultations SET status = 'draft' WHERE id = ${cid}`);
		h = itemHtml((await http(fresh(agendaUrl(Y1)))).body, id);
		assert.ok(h, 'still listed');
		assert.doesNotMatch(h, new RegExp(`/consultations/${cid}`));
	});

	test('bad parameters: 400 naming the parameter, never 500', async () => {
		for (const q of ['year=abc', 'year=1999', 'year=2101', 'quarter=5', 'quarter=0', 'unit=nope',
			'theme=nope', 'district=x', 'status=proposed', 'status=spam', 'year=2026&year=2027']) {
			const r = await http(`/agenda?${q}`);
			assert.equal(r.status, 400, q);
			assert.equal(errorStatus(r.body), '400', q);
		}
	});

	test('micro-cached like the listing', async () => {
		const u = fresh(agendaUrl(Y1));
		const a = await http(u);
		const b = await http(u);
		assert.equal(a.status, 200);
		assert.ok(['MISS', 'EXPIRED', 'HIT'].includes(a.headers.get('x-cache-status')), a.headers.get('x-cache-status'));
		assert.equal(b.headers.get('x-cache-status'), 'HIT');
	});
});

describe('publication of a year\'s plan', () => {
	before(() => {
		clearYear(Y2);
		makeTopic(Y2, { quarter: 2 });
	});

	test('unpublished: no topics, the page says so; published by an admin: its date, audited', async () => {
		let r = await http(fresh(agendaUrl(Y2)));
		assert.equal(r.status, 200);
		assert.match(r.body, /ще не оприлюднено/);
		assert.deepEqual(pageItems(r.body), []);

		const ed = await signIn(createUser('editor', UNIT_A));
		assert.equal((await post('/admin/agenda/publish', ed, { year: Y2 })).status, 403, 'an editor may not');
		assert.equal(publishedAt(Y2), null);

		const admin = await signIn(createUser('admin'));
		const page = await get(`/admin/agenda?year=${Y2}`, admin);
		assert.equal(page.status, 200);
		assert.match(page.body, /31 грудня/);
		const from = lastAuditId();
		const p = await post('/admin/agenda/publish', admin, { year: Y2 });
		assert.equal(p.status, 303);
		const at = publishedAt(Y2);
		assert.ok(at, 'published_at set');
		assert.equal(auditRows(`id > ${from} AND action = 'agenda-publish' AND object_id = ${Y2}`).length, 1);

		r = await http(fresh(agendaUrl(Y2)));
		assert.match(r.body, new RegExp(`План оприлюднено <time datetime="${kyivDate(parseUtc(at))}`));
		assert.deepEqual(pageItems(r.body), sqlIds(Y2));
		assert.equal(pageItems(r.body).length, 1);

		// A second publication keeps the first date.
		await post('/admin/agenda/publish', admin, { year: Y2 });
		assert.equal(publishedAt(Y2), at);
	});
});

// ---- proposing a topic ----------------------------------------------------------

async function formToken() {
	const r = await http('/agenda/propose');
	assert.equal(r.status, 200);
	return hiddenValue(r.body, 'token');
}

function proposal(token, over = {}) {
	const marker = uniq('t98p');
	return {
		marker,
		fields: {
			token, topic: `Тема ${marker}`, description: `Опис пропозиції ${marker}\nз другим рядком`,
			unit: UNIT_A, year: String(THIS_YEAR), quarter: '3', theme: 'ecology', district: 'podilskyi',
			name: 'Олена Пропонувальна', email: `${marker}@example.com`, organisation: 'ГО «Тест»',
			consent: 'yes', ...over,
		},
	};
}

const rowsWith = (marker) => sql(`SELECT id, status, proposer_email FROM agenda_items WHERE topic = ${sqlStr(`Тема ${marker}`)}`);

function assertKept(r, fields, what) {
	const f = commentForm(r.body);
	assert.ok(f, `${what}: the form comes back`);
	assert.equal(f.name, fields.name, `${what}: name kept`);
	assert.equal(f.email, fields.email, `${what}: e-mail kept`);
	assert.equal(f.organisation, fields.organisation ?? '', `${what}: organisation kept`);
	assert.equal(f.text, fields.description ?? '', `${what}: description kept`);
	assert.equal(f.inputs.topic?.value ?? '', fields.topic ?? '', `${what}: topic kept`);
	return f;
}

describe('proposing a topic: /agenda/propose', () => {
	test('the form: consent not ticked, a token, a hidden honeypot, labels for every field', async () => {
		const r = await http('/agenda/propose');
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('cache-control'), 'no-store');
		const f = commentForm(r.body);
		assert.equal(f.consent, false);
		assert.ok(f.token);
		assert.equal(f.honeypot.box['aria-hidden'], 'true');
		for (const id of ['ap-topic', 'ap-description', 'ap-unit', 'ap-year', 'ap-quarter', 'ap-name', 'ap-email', 'ap-consent'])
			assert.ok(f.labels.includes(id), id);
	});

	test('a proposal: 303 to its receipt, stored as proposed with its theme and district; e-mail private', async () => {
		const { fields, marker } = proposal(await formToken());
		const r = await postForm('/agenda/propose', fields);
		assert.equal(r.status, 303);
		const m = /^\/agenda\/receipt\/([0-9]+)-[A-Za-z0-9_-]{22}$/.exec(r.headers.get('location'));
		assert.ok(m, r.headers.get('location'));
		const [[id, status, email]] = rowsWith(marker);
		assert.equal(Number(m[1]), Number(id));
		assert.equal(status, 'proposed');
		assert.equal(email, fields.email);
		assert.deepEqual(sqlCol(`SELECT t.slug FROM agenda_item_themes l JOIN themes t ON t.id = l.theme_id WHERE l.item_id = ${id}`), ['ecology']);
		assert.deepEqual(sqlCol(`SELECT t.slug FROM agenda_item_districts l JOIN districts t ON t.id = l.district_id WHERE l.item_id = ${id}`), ['podilskyi']);
		const rec = await http(r.headers.get('location'));
		assert.equal(rec.status, 200);
		assert.ok(rec.body.includes(fields.topic));
		assert.match(rec.body, /Очікує на рішення/);
		assert.ok(!rec.body.includes(fields.email), 'no e-mail on the receipt');
		// A wrong MAC, or a comment receipt's MAC, is an unknown receipt.
		const bad = r.headers.get('location').replace(/-[A-Za-z0-9_-]{22}$/, '-AAAAAAAAAAAAAAAAAAAAAA');
		assert.equal((await http(bad)).status, 404);
		// The same again (a double click) lands once.
		const again = await postForm('/agenda/propose', fields);
		assert.equal(again.status, 303);
		assert.equal(again.headers.get('location'), r.headers.get('location'));
		assert.equal(rowsWith(marker).length, 1);
	});

	test('validation: 400, an error by each bad field, every field kept, no row', async () => {
		const { fields, marker } = proposal(await formToken(), {
			topic: 'Тема', email: 'not-an-e-mail', unit: 'no-such-unit', quarter: '7', consent: undefined,
		});
		fields.topic = `Т ${marker}`.slice(0, 4);
		const r = await postForm('/agenda/propose', fields);
		assert.equal(r.status, 400);
		const f = assertKept(r, fields, '400');
		for (const n of ['topic', 'email', 'unit', 'quarter', 'consent'])
			assert.ok(f.invalid.includes(n), `${n} marked invalid: ${f.invalid}`);
		for (const n of ['name', 'description', 'organisation'])
			assert.ok(!f.invalid.includes(n), `${n} not marked`);
		assert.ok(f.summary.length >= 5, 'a summary linking the fields');
		assert.equal(f.consent, false);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM agenda_items WHERE proposer_email = ${sqlStr(fields.email)}`), 0);
		// A year other than this one and the next.
		const y = proposal(await formToken(), { year: String(THIS_YEAR + 5) });
		const ry = await postForm('/agenda/propose', y.fields);
		assert.equal(ry.status, 400);
		assert.ok(commentForm(ry.body).invalid.includes('year'));
		assert.deepEqual(rowsWith(y.marker), []);
	});

	test('CSRF: a missing or forged token is 403 with the text kept and no row', async () => {
		for (const token of [undefined, 'forged-token', (await formToken()).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]) {
			const { fields, marker } = proposal(token);
			const r = await postForm('/agenda/propose', fields);
			assert.equal(r.status, 403, String(token));
			assertKept(r, fields, '403');
			assert.match(commentForm(r.body).message, /Не вдалося перевірити форму/);
			assert.deepEqual(rowsWith(marker), []);
		}
	});

	test('honeypot: a receipt like any other, stored as spam, never shown', async () => {
		const { fields, marker } = proposal(await formToken(), { website: 'http://spam.example' });
		const r = await postForm('/agenda/propose', fields);
		assert.equal(r.status, 303);
		const [[id, status]] = rowsWith(marker);
		assert.equal(status, 'spam');
		const rec = await http(r.headers.get('location'));
		assert.match(rec.body, /Очікує на рішення/);
		const page = await http(fresh(agendaUrl(THIS_YEAR)));
		assert.ok(!page.body.includes(marker));
		const admin = await signIn(createUser('admin'));
		const a = await get(`/admin/agenda?year=${THIS_YEAR}`, admin);
		assert.ok(!a.body.includes(marker), 'not in the admin list');
		assert.equal((await get(`/admin/agenda/${id}`, admin)).status, 404);
	});

	test('rate limit: a 4th proposal in a minute from one address is 429 with Retry-After and the text kept', async () => {
		const addr = freshAddr();
		const token = await formToken();
		for (let i = 1; i <= 3; i++) {
			const { fields } = proposal(token);
			assert.equal((await postForm('/agenda/propose', fields, { addr })).status, 303, `proposal ${i}`);
		}
		const { fields, marker } = proposal(token);
		const r = await postForm('/agenda/propose', fields, { addr });
		assert.equal(r.status, 429);
		assert.match(r.headers.get('retry-after') || '', /^[1-9][0-9]*$/);
		assertKept(r, fields, '429');
		assert.deepEqual(rowsWith(marker), []);
		assert.equal((await postForm('/agenda/propose', fields)).status, 303, 'another address');
	});

	test('nginx\'s limit_req: a burst of 25 POSTs from one address gets 429s (its page), never a 5xx; GETs still pass', async () => {
		const addr = freshAddr();
		const body = 'topic=Burst+topic&description=burst&unit=dsk&year=2026&quarter=1&name=Burst&email=burst%40example.com&consent=yes';
		const rs = await Promise.all(Array.from({ length: 25 }, () => postForm('/agenda/propose', body, { addr })));
		const limited = rs.filter((r) => r.status === 429);
		assert.ok(limited.length >= 1, `no 429 in a burst of 25: ${rs.map((r) => r.status).join(' ')}`);
		for (const r of limited) assert.ok(r.body.includes('Забагато запитів'), 'a 429 that is not nginx\'s page');
		assert.deepEqual(rs.filter((r) => r.status !== 429 && r.status !== 403).map((r) => r.status), [],
			'the requests that passed are the program\'s 403 (no token)');
		const g = await http('/agenda/propose', { headers: { 'x-forwarded-for': addr } });
		assert.equal(g.status, 200, 'a GET from the same address');
	});
});

// ---- the admin -----------------------------------------------------------------

describe('the admin: /admin/agenda', () => {
	let edA, edB, mod;
	before(async () => {
		sql(`INSERT INTO agenda_plans (year, published_at) VALUES (${THIS_YEAR}, UTC_TIMESTAMP())
			ON DUPLICATE KEY UPDATE published_at = COALESCE(published_at, UTC_TIMESTAMP())`);
		edA = await signIn(createUser('editor', UNIT_A));
		edB = await signIn(createUser('editor', UNIT_B));
		mod = await signIn(createUser('moderator'));
	});
	const proposed = () => makeTopic(THIS_YEAR, { status: 'proposed', quarter: 4, proposer: 'Марко Автор',
		email: `${uniq('author')}@example.com`, topic: uniq('Запропонована тема') });
	const row = (id) => sql(`SELECT status, decline_reason, decided_by FROM agenda_items WHERE id = ${id}`)[0];

	test('an editor sees the unit\'s proposals with the author\'s e-mail, not another unit\'s', async () => {
		const id = proposed();
		const email = sql(`SELECT proposer_email FROM agenda_items WHERE id = ${id}`)[0][0];
		const a = await get(`/admin/agenda?year=${THIS_YEAR}`, edA);
		assert.equal(a.status, 200);
		assert.match(a.body, new RegExp(`id="topic-${id}"`));
		assert.ok(a.body.includes(email));
		const b = await get(`/admin/agenda?year=${THIS_YEAR}`, edB);
		assert.doesNotMatch(b.body, new RegExp(`id="topic-${id}"`));
	});

	test('accept: planned, who decided recorded, audited, shown publicly without the e-mail', async () => {
		const id = proposed();
		const email = sql(`SELECT proposer_email FROM agenda_items WHERE id = ${id}`)[0][0];
		const from = lastAuditId();
		const r = await post(`/admin/agenda/${id}/decide`, edA, { action: 'accept' });
		assert.equal(r.status, 303);
		assert.deepEqual(row(id), ['planned', null, String(edA.user.id)]);
		const [a] = auditRows(`id > ${from} AND action = 'agenda-decide' AND object_id = ${id}`);
		assert.ok(a);
		const [[bj, aj]] = sql(`SELECT before_json, after_json FROM audit_log WHERE id = ${a.id}`);
		assert.equal(JSON.parse(bj).status, 'proposed');
		assert.equal(JSON.parse(aj).status, 'planned');
		const page = await http(fresh(agendaUrl(THIS_YEAR)));
		assert.ok(itemHtml(page.body, id), 'on /agenda');
		assert.match(itemHtml(page.body, id), /Марко Автор/);
		assert.ok(!page.body.includes(email), 'the e-mail is never public');
		// Decided once: a second decision is refused.
		assert.equal((await post(`/admin/agenda/${id}/decide`, edA, { action: 'decline', reason: 'x' })).status, 409);
	});

	test('decline: a reason is required (400, still proposed); with it declined and shown', async () => {
		const id = proposed();
		const r = await post(`/admin/agenda/${id}/decide`, edA, { action: 'decline' });
		assert.equal(r.status, 400);
		assert.match(r.body, /Напишіть причину відхилення/);
		assert.equal(row(id)[0], 'proposed');
		const reason = uniq('Тему вже обговорено минулого року');
		assert.equal((await post(`/admin/agenda/${id}/decide`, edA, { action: 'decline', reason })).status, 303);
		assert.deepEqual(row(id), ['declined', reason, String(edA.user.id)]);
		const page = await http(fresh(agendaUrl(THIS_YEAR, { status: ['declined'] })));
		assert.ok(itemHtml(page.body, id).includes(reason));
	});

	test('an editor of another unit: 403 and an audit row, nothing changed', async () => {
		const id = proposed();
		const from = lastAuditId();
		for (const [path, fields] of [[`/admin/agenda/${id}/decide`, { action: 'accept' }],
			[`/admin/agenda/${id}`, { topic: 'Чужа тема', description: 'x', year: THIS_YEAR, quarter: 1, status: 'planned' }]]) {
			const r = await post(path, edB, fields);
			assert.equal(r.status, 403, path);
		}
		assert.equal((await get(`/admin/agenda/${id}`, edB)).status, 403);
		assert.equal(row(id)[0], 'proposed');
		const rows = auditRows(`id > ${from} AND action = 'forbidden' AND object_type = 'agenda' AND object_id = ${id}`);
		assert.equal(rows.length, 3);
		assert.ok(rows.every((x) => x.user === edB.user.id));
	});

	test('a moderator: 403 with an audit row', async () => {
		const id = proposed();
		const from = lastAuditId();
		assert.equal((await get(`/admin/agenda?year=${THIS_YEAR}`, mod)).status, 403);
		assert.equal((await post(`/admin/agenda/${id}/decide`, mod, { action: 'accept' })).status, 403);
		assert.equal(row(id)[0], 'proposed');
		assert.equal(auditRows(`id > ${from} AND action = 'forbidden' AND user_id = ${mod.user.id}`).length, 2);
	});

	test('CSRF in the admin: a POST without the session\'s token is 403', async () => {
		const id = proposed();
		assert.equal((await post(`/admin/agenda/${id}/decide`, edA, { action: 'accept', csrf: null })).status, 403);
		assert.equal(row(id)[0], 'proposed');
	});

	test('an editor plans a topic of the own unit whatever unit is sent; edits are audited with before and after', async () => {
		const topic = uniq('Нова тема редактора');
		const r = await post('/admin/agenda/new', edA, { topic, description: 'Опис', unit: UNIT_B, format: 'e-consultation',
			year: THIS_YEAR + 1, quarter: 2, theme: ['ecology', 'transport'], district: 'podilskyi', status: 'planned' });
		assert.equal(r.status, 303);
		const [[id, unit, status, fmt]] = sql(`SELECT i.id, u.slug, i.status, f.slug FROM agenda_items i JOIN units u ON u.id = i.unit_id
			JOIN formats f ON f.id = i.format_id WHERE i.topic = ${sqlStr(topic)}`);
		assert.deepEqual([unit, status, fmt], [UNIT_A, 'planned', 'e-consultation']);
		assert.deepEqual(sqlCol(`SELECT t.slug FROM agenda_item_themes l JOIN themes t ON t.id = l.theme_id WHERE l.item_id = ${id} ORDER BY t.slug`),
			['ecology', 'transport']);

		// Schedule: a consultation of the own unit only.
		const other = makeConsultation(UNIT_B);
		const bad = await post(`/admin/agenda/${id}`, edA, { topic, description: 'Опис', year: THIS_YEAR + 1, quarter: 2,
			status: 'scheduled', consultation: other });
		assert.equal(bad.status, 400);
		assert.match(bad.body, /іншого підрозділу/);
		assert.ok(bad.body.includes(topic), 'the form kept');
		const own = makeConsultation(UNIT_A);
		const from = lastAuditId();
		const ok = await post(`/admin/agenda/${id}`, edA, { topic, description: 'Опис', year: THIS_YEAR + 1, quarter: 2,
			status: 'scheduled', consultation: own, theme: 'ecology' });
		assert.equal(ok.status, 303);
		assert.deepEqual(sql(`SELECT status, consultation_id FROM agenda_items WHERE id = ${id}`)[0], ['scheduled', String(own)]);
		const [a] = auditRows(`id > ${from} AND action = 'agenda-edit' AND object_id = ${id}`);
		const [[bj, aj]] = sql(`SELECT before_json, after_json FROM audit_log WHERE id = ${a.id}`);
		assert.equal(JSON.parse(bj).status, 'planned');
		assert.equal(JSON.parse(aj).status, 'scheduled');
		assert.equal(JSON.parse(aj).consultation, own);

		// Declined needs a reason; held keeps the link.
		const nr = await post(`/admin/agenda/${id}`, edA, { topic, description: 'Опис', year: THIS_YEAR + 1, quarter: 2, status: 'declined' });
		assert.equal(nr.status, 400);
		assert.equal((await post(`/admin/agenda/${id}`, edA, { topic, description: 'Опис', year: THIS_YEAR + 1, quarter: 2,
			status: 'held', consultation: own })).status, 303);
		assert.equal(sql(`SELECT status FROM agenda_items WHERE id = ${id}`)[0][0], 'held');
	});

	test('the form with errors: 400, each field marked, what was typed kept', async () => {
		const r = await post('/admin/agenda/new', edA, { topic: 'ab', description: 'Опис, що лишається', year: 'x', quarter: 9,
			status: 'planned', format: 'no-such-format' });
		assert.equal(r.status, 400);
		for (const id of ['ag-topic-error', 'ag-year-error', 'ag-quarter-error', 'ag-format-error'])
			assert.match(r.body, new RegExp(`id="${id}"`), id);
		assert.ok(r.body.includes('Опис, що лишається'));
	});
});
