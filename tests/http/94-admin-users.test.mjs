// Users and the audit log (issue 5, cgi-bin/admin_users.c; units:
// 94-admin-units): admins
// create users (generated or typed password), change name, role and unit,
// disable and enable, reset passwords; an admin cannot disable or demote
// themself and the last enabled admin stays; editors and moderators get 403
// with an audit row on every one of these routes; CSRF on every POST; the
// audit log's filters; and the dashboard's week.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { http, sql, sqlInt, sqlStr, freshAddr, decodeEntities } from './lib.mjs';
import {
	createUser, twoUnits, unitId, postLogin, signIn, get, post, auditRows,
	lastAuditId, makeConsultation, uniq,
} from './admin-lib.mjs';

const [UNIT_A, UNIT_B] = twoUnits();
const sessionsOf = (id) => sqlInt(`SELECT COUNT(*) FROM sessions WHERE user_id = ${id}`);
const toLogin = (r) => r.status === 303 && /^\/admin\/login(\?|$)/.test(r.headers.get('location') || '');
const shownPassword = (html) => {
	const m = /<code class="password" id="new-password">([^<]*)<\/code>/.exec(html);
	return m ? decodeEntities(m[1]) : null;
};
const auditJson = (where) => sql(`SELECT COALESCE(before_json, ''), COALESCE(after_json, ''), detail
	FROM audit_log WHERE ${where} ORDER BY id`);

let admin;	// a signed-in admin of these tests
before(async () => {
	admin = await signIn(createUser('admin'));
});

function newUser(fields) {
	return post('/admin/users', admin, {
		login: uniq('u94'), name: 'Олена Тестова', role: 'editor', unit: unitId(UNIT_A),
		password_mode: 'generate', ...fields,
	});
}

describe('creating users', () => {
	test('the list and the new-user form', async () => {
		const r = await get('/admin/users', admin);
		assert.equal(r.status, 200);
		assert.match(r.headers.get('cache-control'), /no-store/);
		assert.match(r.body, new RegExp(`>${admin.user.login}</a>`));
		assert.match(r.body, /Останній вхід/);
		const f = await get('/admin/users/new', admin);
		assert.equal(f.status, 200);
		for (const n of ['login', 'name', 'role', 'unit', 'password_mode', 'password', 'csrf'])
			assert.match(f.body, new RegExp(`name="${n}"`), n);
	});

	test('a generated password is shown once, works, and is stored only hashed', async () => {
		const login = uniq('gen');
		const from = lastAuditId();
		const r = await newUser({ login });
		assert.equal(r.status, 200);
		assert.match(r.headers.get('cache-control'), /no-store/);
		const pw = shownPassword(r.body);
		assert.ok(pw && pw.length >= 20, 'a password on the page');
		const [[id, hash, role, unit, name]] = sql(`SELECT id, pass_hash, role, unit_id, name FROM users WHERE login = ${sqlStr(login)}`);
		assert.match(hash, /^\$argon2id\$/);
		assert.ok(!hash.includes(pw));
		assert.equal(role, 'editor');
		assert.equal(Number(unit), unitId(UNIT_A));
		assert.equal(name, 'Олена Тестова');
		// The new user signs in with it.
		const s = await signIn({ login, password: pw });
		assert.equal((await get('/admin', s)).status, 200);
		// The audit row: who, what, after; never the password or its hash.
		const rows = auditRows(`id > ${from} AND action = 'user-create'`);
		assert.equal(rows.length, 1);
		assert.equal(rows[0].user, admin.user.id);
		assert.equal(rows[0].object, Number(id));
		const [[b, a]] = auditJson(`id = ${rows[0].id}`);
		assert.equal(b, '');
		assert.deepEqual(JSON.parse(a), { login, name: 'Олена Тестова', role: 'editor', unit: JSON.parse(a).unit, disabled: false });
		assert.ok(JSON.parse(a).unit, 'the unit named');
		const all = sql(`SELECT CONCAT_WS(' ', COALESCE(before_json, ''), COALESCE(after_json, ''), detail) FROM audit_log WHERE id > ${from}`).flat().join('\n');
		assert.ok(!all.includes(pw), 'no password in the audit log');
		assert.doesNotMatch(all, /argon2/);
		// Shown once: the user's page does not show it again.
		const page = await get(`/admin/users/${id}`, admin);
		assert.equal(page.status, 200);
		assert.ok(!page.body.includes(pw));
	});

	test('a typed password: too short refused, long enough works; never sent back', async () => {
		const login = uniq('typed');
		const short = await newUser({ login, password_mode: 'typed', password: 'short1' });
		assert.equal(short.status, 400);
		assert.match(short.body, /щонайменше 10 символів/);
		assert.ok(!short.body.includes('short1'), 'the password is not echoed');
		assert.match(short.body, new RegExp(`value="${login}"`), 'the login is kept');
		assert.equal(sqlInt(`SELECT COUNT(*) FROM users WHERE login = ${sqlStr(login)}`), 0);
		const password = 'довгий-пароль-42';
		const r = await newUser({ login, password_mode: 'typed', password, role: 'moderator', unit: '' });
		assert.equal(r.status, 303);
		const id = sqlInt(`SELECT id FROM users WHERE login = ${sqlStr(login)}`);
		assert.equal(r.headers.get('location'), `/admin/users/${id}?done=created`);
		assert.equal((await postLogin(login, password)).status, 303);
	});

	test('a unit for editors and only for them; logins unique and without spaces', async () => {
		let r = await newUser({ unit: '' });
		assert.equal(r.status, 400);
		assert.match(r.body, /Редакторові потрібен підрозділ/);
		r = await newUser({ role: 'moderator' });
		assert.equal(r.status, 400);
		assert.match(r.body, /лише для редакторів/);
		r = await newUser({ unit: 65000 });
		assert.equal(r.status, 400);
		r = await newUser({ login: 'two words' });
		assert.equal(r.status, 400);
		assert.match(r.body, /без пробілів/);
		r = await newUser({ name: '' });
		assert.equal(r.status, 400);
		r = await newUser({ login: admin.user.login });
		assert.equal(r.status, 409);
		assert.match(r.body, /уже зайнятий/);
	});
});

describe('changing users', () => {
	test('a unit change and a role change take effect at the next request', async () => {
		const ed = createUser('editor', UNIT_A);
		const s = await signIn(ed);
		const cb = makeConsultation(UNIT_B, { closed: true });
		assert.equal((await get(`/admin/consultations/${cb}/answers`, s)).status, 403);
		const from = lastAuditId();
		let r = await post(`/admin/users/${ed.id}`, admin, { name: 'Нове Ім’я', role: 'editor', unit: unitId(UNIT_B) });
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), `/admin/users/${ed.id}?done=saved`);
		assert.equal((await get(`/admin/consultations/${cb}/answers`, s)).status, 200);
		assert.equal((await get('/admin/moderation', s)).status, 403);
		r = await post(`/admin/users/${ed.id}`, admin, { name: 'Нове Ім’я', role: 'moderator', unit: '' });
		assert.equal(r.status, 303);
		assert.equal((await get('/admin/moderation', s)).status, 200);
		const rows = auditJson(`id > ${from} AND action = 'user-update' AND object_id = ${ed.id}`);
		assert.equal(rows.length, 2);
		const [b1, a1] = rows[0].map((x) => x && x.startsWith('{') ? JSON.parse(x) : x);
		assert.equal(b1.name, ed.login);
		assert.equal(a1.name, 'Нове Ім’я');
		assert.notEqual(b1.unit, a1.unit);
		const [b2, a2] = rows[1].map((x) => x && x.startsWith('{') ? JSON.parse(x) : x);
		assert.equal(b2.role, 'editor');
		assert.equal(a2.role, 'moderator');
		assert.equal(a2.unit, null);
		// The audit page shows the changed fields as a readable list.
		const page = await get(`/admin/audit?action=user-update&type=user&object=${ed.id}`, admin);
		assert.equal(page.status, 200);
		assert.match(page.body, /<span class="audit-changes__field">role<\/span>: <del>editor<\/del> → <ins>moderator<\/ins>/);
		assert.match(page.body, new RegExp(`href="/admin/users/${ed.id}"`));
	});

	test('the user page keeps a refused form and says why', async () => {
		const m = createUser('moderator');
		const r = await post(`/admin/users/${m.id}`, admin, { name: 'Ім’я', role: 'editor', unit: '' });
		assert.equal(r.status, 400);
		assert.match(r.body, /Редакторові потрібен підрозділ/);
		assert.equal(sql(`SELECT role FROM users WHERE id = ${m.id}`)[0][0], 'moderator');
		assert.equal((await get('/admin/users/999999999', admin)).status, 404);
		assert.equal((await post('/admin/users/999999999/disable', admin)).status, 404);
	});

	test('disabling ends every session at once and refuses sign-in; enabling lets in again', async () => {
		const u = createUser('editor', UNIT_A);
		const s1 = await signIn(u);
		const s2 = await signIn(u);
		assert.equal(sessionsOf(u.id), 2);
		const from = lastAuditId();
		const r = await post(`/admin/users/${u.id}/disable`, admin);
		assert.equal(r.status, 303);
		assert.equal(sessionsOf(u.id), 0);
		assert.ok(toLogin(await get('/admin', s1)));
		assert.ok(toLogin(await get('/admin', s2)));
		assert.equal((await postLogin(u.login, u.password)).status, 403);
		const [[b, a, detail]] = auditJson(`id > ${from} AND action = 'user-disable' AND object_id = ${u.id}`);
		assert.equal(JSON.parse(b).disabled, false);
		assert.equal(JSON.parse(a).disabled, true);
		assert.match(detail, /сеанси завершено/);
		const list = await get('/admin/users', admin);
		assert.match(list.body, /вимкнено/);
		assert.equal((await post(`/admin/users/${u.id}/enable`, admin)).status, 303);
		assert.equal((await postLogin(u.login, u.password)).status, 303);
		assert.equal(auditRows(`id > ${from} AND action = 'user-enable' AND object_id = ${u.id}`).length, 1);
	});

	test('a password reset shows a new one once, ends the sessions, and the old one fails', async () => {
		const u = createUser('moderator');
		const s = await signIn(u);
		const from = lastAuditId();
		const r = await post(`/admin/users/${u.id}/password`, admin);
		assert.equal(r.status, 200);
		assert.match(r.headers.get('cache-control'), /no-store/);
		const pw = shownPassword(r.body);
		assert.ok(pw && pw !== u.password);
		assert.equal(sessionsOf(u.id), 0);
		assert.ok(toLogin(await get('/admin', s)));
		assert.equal((await postLogin(u.login, u.password)).status, 403);
		assert.equal((await postLogin(u.login, pw)).status, 303);
		const rows = auditJson(`id > ${from} AND action = 'user-password' AND object_id = ${u.id}`);
		assert.equal(rows.length, 1);
		assert.ok(!rows.flat().join(' ').includes(pw));
		assert.doesNotMatch(rows.flat().join(' '), /argon2/);
	});

	test('an admin cannot disable or demote themself', async () => {
		const me = admin.user;
		let r = await post(`/admin/users/${me.id}/disable`, admin);
		assert.equal(r.status, 400);
		assert.match(r.body, /свій обліковий запис/);
		r = await post(`/admin/users/${me.id}`, admin, { name: 'Я', role: 'editor', unit: unitId(UNIT_A) });
		assert.equal(r.status, 400);
		assert.match(r.body, /свій обліковий запис/);
		r = await post(`/admin/users/${me.id}/password`, admin);
		assert.equal(r.status, 400);
		assert.deepEqual(sql(`SELECT role, disabled FROM users WHERE id = ${me.id}`)[0], ['admin', '0']);
		// The name alone may change.
		r = await post(`/admin/users/${me.id}`, admin, { name: 'Адміністратор тестів', role: 'admin', unit: '' });
		assert.equal(r.status, 303);
	});

	test('the last enabled admin cannot be disabled or demoted', async () => {
		const others = sql(`SELECT id FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ${admin.user.id}`).map((x) => x[0]);
		if (others.length) sql(`UPDATE users SET disabled = 1 WHERE id IN (${others.join(',')})`);
		try {
			let r = await post(`/admin/users/${admin.user.id}`, admin, { name: 'Я', role: 'moderator', unit: '' });
			assert.equal(r.status, 400);
			assert.match(r.body, /останній активний адміністратор/);
			r = await post(`/admin/users/${admin.user.id}/disable`, admin);
			assert.equal(r.status, 400);
			assert.match(r.body, /останній активний адміністратор/);
			assert.deepEqual(sql(`SELECT role, disabled FROM users WHERE id = ${admin.user.id}`)[0], ['admin', '0']);
		} finally {
			if (others.length) sql(`UPDATE users SET disabled = 0 WHERE id IN (${others.join(',')})`);
		}
		// Two admins removing each other at the same instant: one stays.
		const [x, y] = [createUser('admin'), createUser('admin')];
		const [sx, sy] = [await signIn(x), await signIn(y)];
		const enabled = sql(`SELECT id FROM users WHERE role = 'admin' AND disabled = 0 AND id NOT IN (${x.id}, ${y.id})`).map((v) => v[0]);
		sql(`UPDATE users SET disabled = 1 WHERE id IN (${enabled.join(',')})`);
		try {
			for (const how of ['demote', 'disable']) {
				const act = (s, other) => how === 'demote'
					? post(`/admin/users/${other.id}`, s, { name: 'Колега', role: 'moderator', unit: '' })
					: post(`/admin/users/${other.id}/disable`, s);
				const rs = await Promise.all([act(sx, y), act(sy, x)]);
				const left = sqlInt(`SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0`);
				assert.equal(left, 1, `${how}: ${rs.map((r) => r.status)}`);
				// Refused by the check, by the database, or (when not at
				// the same instant) by the guard: the other is no admin now.
				for (const r of rs) assert.ok([303, 400, 403, 503].includes(r.status), `${how}: ${r.status}`);
				sql(`UPDATE users SET role = 'admin', disabled = 0 WHERE id IN (${x.id}, ${y.id})`);
				// The refused one's session may have ended with a disable: sign in again.
				Object.assign(sx, await signIn(x));
				Object.assign(sy, await signIn(y));
			}
		} finally {
			sql(`UPDATE users SET disabled = 0 WHERE id IN (${enabled.join(',')})`);
			sql(`UPDATE users SET role = 'moderator' WHERE id IN (${x.id}, ${y.id})`);
		}
		// With a second admin, this one can be demoted by the other.
		const second = createUser('admin');
		const r = await post(`/admin/users/${second.id}`, admin, { name: 'Другий', role: 'moderator', unit: '' });
		assert.equal(r.status, 303);
	});
});

// Every route of this screen, with what a POST needs.
const ROUTES = (id) => [
	['GET', '/admin/users'], ['GET', '/admin/users/new'], ['GET', `/admin/users/${id}`],
	['GET', '/admin/units'], ['GET', '/admin/audit'],
	['POST', '/admin/users', { login: uniq('x'), name: 'X', role: 'moderator', password_mode: 'generate' }],
	['POST', `/admin/users/${id}`, { name: 'X', role: 'moderator' }],
	['POST', `/admin/users/${id}/disable`], ['POST', `/admin/users/${id}/enable`],
	['POST', `/admin/users/${id}/password`],
];

describe('admins only', () => {
	for (const role of ['editor', 'moderator']) {
		test(`a ${role} gets 403 and an audit row on every users and audit route`, async () => {
			const u = createUser(role, role === 'editor' ? UNIT_A : '-');
			const s = await signIn(u);
			const victim = createUser('moderator');
			const from = lastAuditId();
			const routes = ROUTES(victim.id);
			for (const [method, p, fields] of routes) {
				const r = method === 'GET' ? await get(p, s) : await post(p, s, fields || {});
				assert.equal(r.status, 403, `${method} ${p}`);
				assert.doesNotMatch(r.body, /new-password/);
			}
			const rows = auditRows(`id > ${from} AND user_id = ${u.id} AND action = 'forbidden'`);
			assert.deepEqual(rows.map((x) => x.detail), routes.map(([m, p]) => `${m} ${p}`));
			assert.deepEqual(sql(`SELECT name, role, disabled FROM users WHERE id = ${victim.id}`)[0], [victim.login, 'moderator', '0']);
			assert.equal((await postLogin(victim.login, victim.password)).status, 303);
		});
	}

	test('every POST needs the session\'s CSRF token (missing or forged: 403, audited)', async () => {
		const victim = createUser('moderator');
		for (const csrf of [null, 'A'.repeat(43), admin.csrf.slice(0, -2) + (admin.csrf.endsWith('AA') ? 'BB' : 'AA')]) {
			const from = lastAuditId();
			const posts = ROUTES(victim.id).filter(([m]) => m === 'POST');
			for (const [, p, fields] of posts) {
				const r = await post(p, admin, { ...(fields || {}), csrf });
				assert.equal(r.status, 403, `${p} csrf ${csrf}`);
			}
			const rows = auditRows(`id > ${from} AND user_id = ${admin.user.id} AND action = 'csrf-refused'`);
			assert.deepEqual(rows.map((x) => x.detail), posts.map(([, p]) => `POST ${p}`));
		}
		assert.deepEqual(sql(`SELECT name, role, disabled FROM users WHERE id = ${victim.id}`)[0], [victim.login, 'moderator', '0']);
		assert.equal((await postLogin(victim.login, victim.password)).status, 303);
	});
});

describe('the audit log page', () => {
	let ed, rowsFrom;
	before(async () => {
		rowsFrom = lastAuditId();
		ed = createUser('editor', UNIT_A);
		await post(`/admin/users/${ed.id}`, admin, { name: 'Перейменований', role: 'editor', unit: unitId(UNIT_B) });
		await post(`/admin/users/${ed.id}/disable`, admin);
		await post(`/admin/users/${ed.id}/enable`, admin);
	});
	const rowsOf = (html) => (html.match(/<tr class="audit-row">/g) || []).length;
	// Today in Kyiv: the rows of these tests are today's (a long-lived
	// database may hold older rows about the same object ids).
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date());

	test('newest first, with who, action, object link, unit, address prefix and the changes', async () => {
		const r = await get(`/admin/audit?type=user&object=${ed.id}&from=${today}`, admin);
		assert.equal(r.status, 200);
		assert.match(r.headers.get('cache-control'), /no-store/);
		assert.equal(rowsOf(r.body), 3);
		const order = [...r.body.matchAll(/<code>(user-[a-z]+)<\/code>/g)].map((m) => m[1]);
		assert.deepEqual(order, ['user-enable', 'user-disable', 'user-update']);
		assert.match(r.body, new RegExp(`<td>${admin.user.login}</td>`));
		assert.match(r.body, /<td><code>[0-9a-f]{8}<\/code><\/td>/);
		assert.match(r.body, /<span class="audit-changes__field">name<\/span>: <del>[^<]+<\/del> → <ins>Перейменований<\/ins>/);
		assert.match(r.body, /<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d">/);
	});

	test('each filter returns the right rows', async () => {
		// By login: only that person's rows.
		let r = await get(`/admin/audit?login=${encodeURIComponent(admin.user.login)}`, admin);
		const who = [...r.body.matchAll(/<tr class="audit-row"><td><time[^>]*>[^<]*<\/time><\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]);
		assert.ok(who.length > 0);
		assert.ok(who.every((w) => w === admin.user.login), who.join(','));
		// By action and object.
		r = await get(`/admin/audit?action=user-disable&type=user&object=${ed.id}&from=${today}`, admin);
		assert.equal(rowsOf(r.body), 1);
		// By unit: the update moved the user to unit B.
		r = await get(`/admin/audit?unit=${unitId(UNIT_B)}&type=user&object=${ed.id}&from=${today}`, admin);
		assert.equal(rowsOf(r.body), 3);
		r = await get(`/admin/audit?unit=${unitId(UNIT_A)}&type=user&object=${ed.id}&from=${today}`, admin);
		assert.equal(rowsOf(r.body), 0);
		assert.match(r.body, /Немає записів/);
		// By Kyiv dates: today has them, tomorrow and yesterday not.
		const shift = (d, n) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
		r = await get(`/admin/audit?type=user&object=${ed.id}&from=${today}&to=${today}`, admin);
		assert.equal(rowsOf(r.body), 3);
		r = await get(`/admin/audit?type=user&object=${ed.id}&from=${shift(today, 1)}`, admin);
		assert.equal(rowsOf(r.body), 0);
		r = await get(`/admin/audit?type=user&object=${ed.id}&from=${shift(today, -1)}&to=${shift(today, -1)}`, admin);
		assert.equal(r.status, 200);
		assert.ok(!r.body.includes(`<td>${admin.user.login}</td>`), 'none of today\'s rows yesterday');
		// Bad filters are 400, not 500.
		for (const q of ['from=2026-13-01', 'object=abc', 'unit=0', 'older_t=0&older_id=1', 'older_t=x', 'action=%3Cscript%3E'])
			assert.equal((await get(`/admin/audit?${q}`, admin)).status, 400, q);
	});

	test('pages of 50 with links that keep the filters and go on from the last row', async () => {
		const action = uniq('bulk').toLowerCase().replace(/[^a-z0-9-]/g, '-');
		const values = Array.from({ length: 60 }, (_, i) => `(NULL, 'bulk', ${sqlStr(action)}, 'route', ${i + 1}, UTC_TIMESTAMP() - INTERVAL ${i} SECOND)`);
		sql(`INSERT INTO audit_log (user_id, login, action, object_type, object_id, created_at) VALUES ${values.join(',')}`);
		const r1 = await get(`/admin/audit?action=${action}`, admin);
		assert.equal(rowsOf(r1.body), 50);
		assert.doesNotMatch(r1.body, /rel="first"/);
		// The next page goes on after the last row shown (its time and id).
		const next = decodeEntities(/<a href="([^"]*)" rel="next">/.exec(r1.body)[1]);
		const [[t50, id50]] = sql(`SELECT UNIX_TIMESTAMP(created_at), id FROM audit_log WHERE action = ${sqlStr(action)} AND object_id = 50`);
		assert.equal(next, `/admin/audit?action=${action}&older_t=${t50}&older_id=${id50}`);
		const r2 = await get(next, admin);
		assert.equal(rowsOf(r2.body), 10);
		assert.doesNotMatch(r2.body, /rel="next"/);
		assert.equal(decodeEntities(/<a href="([^"]*)" rel="first">/.exec(r2.body)[1]), `/admin/audit?action=${action}`);
		assert.doesNotMatch(r2.body, /route 50</);
		// Newest first: object 1 (now) on page 1, object 60 last on page 2.
		assert.match(r1.body, /route 1</);
		assert.match(r2.body, /route 60</);
	});

	test('a consultation\'s row links to the consultation\'s editor, which the link opens', async () => {
		const title = uniq('Аудит посилання');
		const cid = makeConsultation(UNIT_A, { title });
		const r = await post(`/admin/consultations/${cid}/close`, admin, { reason: 'Перевірка журналу' });
		assert.equal(r.status, 303);
		const page = await get(`/admin/audit?type=consultation&object=${cid}`, admin);
		assert.equal(page.status, 200);
		const links = [...page.body.matchAll(/<a href="([^"]*)">consultation (\d+)<\/a>/g)];
		assert.ok(links.length >= 1, 'a link on the consultation\'s row');
		for (const [, href, id] of links) {
			assert.equal(Number(id), cid);
			assert.equal(decodeEntities(href), `/admin/consultations/${cid}`);
		}
		const editor = await get(decodeEntities(links[0][1]), admin);
		assert.equal(editor.status, 200);
		assert.ok(editor.body.includes(`method="post" action="/admin/consultations/${cid}"`), 'the editor\'s form');
		assert.ok(decodeEntities(editor.body).includes(`value="${title}"`), 'of that consultation');
	});

	test('read only: no route changes the log', async () => {
		const n = lastAuditId();
		const r = await post('/admin/audit', admin, { action: 'x' });
		assert.ok(r.status === 404 || r.status === 405, String(r.status));
		assert.equal(sqlInt(`SELECT COUNT(*) FROM audit_log WHERE id <= ${n}`), sqlInt(`SELECT COUNT(*) FROM audit_log WHERE id <= ${n}`));
		assert.throws(() => sql(`UPDATE audit_log SET detail = 'x' WHERE id = ${n}`), /append-only/);
	});
});

describe('the dashboard\'s week', () => {
	function consultationIn(unit, days, { title = uniq('Тиждень') } = {}) {
		const slug = uniq('t94').toLowerCase().replace(/[^a-z0-9-]/g, '-');
		sql(`INSERT INTO consultations (slug, title, summary, body, unit_id, format_id, status, moderation,
			opens_at, closes_at, question, alternatives, stakeholders, consequences, how_to_participate,
			contact_name, contact_email, results_publication, published_at)
			SELECT ${sqlStr(slug)}, ${sqlStr(title)}, 'Коротко', 'Текст', u.id, (SELECT MIN(id) FROM formats),
				'announced', 'pre', UTC_TIMESTAMP() + INTERVAL ${days} DAY, UTC_TIMESTAMP() + INTERVAL ${days + 20} DAY,
				'Питання', 'Альтернативи', 'Зацікавлені', 'Наслідки', 'Як взяти участь',
				'Олена Тестова', 'olena@example.com', 'На сайті', UTC_TIMESTAMP()
			FROM units u WHERE u.slug = ${sqlStr(unit)}`);
		return { id: sqlInt(`SELECT id FROM consultations WHERE slug = ${sqlStr(slug)}`), title };
	}

	test('opening in 3 days shown (with its date and link), in 10 days not; other units\' editors do not see it', async () => {
		const soon = consultationIn(UNIT_A, 3);
		const later = consultationIn(UNIT_A, 10);
		const closing = makeConsultation(UNIT_A);	// closes in 20 days: not this week
		const edA = await signIn(createUser('editor', UNIT_A));
		const edB = await signIn(createUser('editor', UNIT_B));
		const a = await get('/admin', admin);
		assert.equal(a.status, 200);
		assert.match(a.body, /Цього тижня/);
		assert.match(a.body, new RegExp(`<a href="/admin/consultations/${soon.id}">${soon.title}</a>[^<]*— відкривається \\d+ [а-яі]+ \\d{4}`));
		assert.ok(!a.body.includes(later.title));
		assert.ok(!a.body.includes(`/admin/consultations/${closing}"`));
		// The link leads to the consultation's editor, with its title in
		// the form, for the admin and for the unit's editor.
		for (const s of [admin, edA]) {
			const page = await get(`/admin/consultations/${soon.id}`, s);
			assert.equal(page.status, 200);
			assert.ok(page.body.includes(`method="post" action="/admin/consultations/${soon.id}"`), 'the editor\'s form');
			assert.ok(decodeEntities(page.body).includes(`value="${soon.title}"`), 'the editor of that consultation');
		}
		const ea = await get('/admin', edA);
		assert.ok(ea.body.includes(soon.title));
		const eb = await get('/admin', edB);
		assert.ok(!eb.body.includes(soon.title));
		// Closing in 2 days is shown too, as closing.
		sql(`UPDATE consultations SET opens_at = UTC_TIMESTAMP() - INTERVAL 20 DAY, closes_at = UTC_TIMESTAMP() + INTERVAL 2 DAY WHERE id = ${later.id}`);
		const again = await get('/admin', edA);
		assert.match(again.body, new RegExp(`${later.title}</a>[^<]*— завершується`));
	});
});
