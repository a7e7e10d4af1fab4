// The admin's access (issue 5): sign-in and sign-out, session expiry,
// session fixation, the delay and lockout after failed logins, CSRF on
// every POST, roles and units (403 with an audit row), and a walk of every
// route of cgi-bin/admin.c without a session.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { http, sql, sqlInt, freshAddr, ROOT } from './lib.mjs';
import {
	createUser, twoUnits, loginPage, postLogin, sessionCookie, signIn, get, post,
	addFailures, auditRows, lastAuditId, makeConsultation, makeComment, uniq,
} from './admin-lib.mjs';

const [UNIT_A, UNIT_B] = twoUnits();
const sessionsOf = (u) => sqlInt(`SELECT COUNT(*) FROM sessions WHERE user_id = ${u.id}`);
const toLogin = (r) => r.status === 303 && /^\/admin\/login(\?|$)/.test(r.headers.get('location') || '');

describe('sign-in', () => {
	test('the login page has the form and is never cached', async () => {
		const r = await loginPage();
		assert.equal(r.status, 200);
		assert.ok(r.token, 'a form token');
		assert.match(r.body, /name="login"/);
		assert.match(r.body, /type="password"/);
		assert.match(r.headers.get('cache-control'), /no-store/);
		assert.match(r.body, /<meta name="robots" content="noindex">/);
	});

	test('the right password signs in with a strict, HttpOnly cookie on /admin', async () => {
		const u = createUser('editor', UNIT_A);
		const r = await postLogin(u.login, u.password);
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), '/admin');
		const sc = r.headers.get('set-cookie');
		assert.match(sc, /^hromada_session=[A-Za-z0-9_-]{43};/);
		assert.match(sc, /; HttpOnly/);
		assert.match(sc, /; SameSite=Strict/);
		assert.match(sc, /; Path=\/admin/);
		assert.doesNotMatch(sc, /Secure/, 'no Secure over plain HTTP');
		// Stored hashed: the cookie's value is nowhere in the table.
		const sid = sessionCookie(r);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM sessions WHERE id_hash = CAST(${JSON.stringify(sid)} AS BINARY)`), 0);
		assert.equal(sessionsOf(u), 1);
		const d = await get('/admin', { sid });
		assert.equal(d.status, 200);
		assert.match(d.body, new RegExp(u.login));
		assert.equal(auditRows(`action = 'login' AND object_id = ${u.id}`).length, 1);
	});

	test('a wrong password and an unknown login get the same answer', async () => {
		const u = createUser('moderator');
		const wrong = await postLogin(u.login, 'not the password');
		const unknown = await postLogin(uniq('nobody'), 'not the password');
		assert.equal(wrong.status, 403);
		assert.equal(unknown.status, 403);
		for (const r of [wrong, unknown]) {
			assert.match(r.body, /Неправильний логін або пароль/);
			assert.equal(r.headers.get('set-cookie'), null);
		}
		assert.equal(sessionsOf(u), 0);
	});

	test('a disabled user cannot sign in', async () => {
		const u = createUser('moderator');
		sql(`UPDATE users SET disabled = 1 WHERE id = ${u.id}`);
		const r = await postLogin(u.login, u.password);
		assert.equal(r.status, 403);
		assert.match(r.body, /Неправильний логін або пароль/);
	});

	test('a login without its form token is refused', async () => {
		const u = createUser('moderator');
		const r = await postLogin(u.login, u.password, { token: null });
		assert.equal(r.status, 403);
		const f = await postLogin(u.login, u.password, { token: 'A'.repeat(54) });
		assert.equal(f.status, 403);
		assert.equal(sessionsOf(u), 0);
	});

	test('next= takes the person back to an admin page, never elsewhere', async () => {
		const u = createUser('moderator');
		const r = await postLogin(u.login, u.password, { next: '/admin/moderation' });
		assert.equal(r.headers.get('location'), '/admin/moderation');
		const bad = await postLogin(u.login, u.password, { next: '//evil.example/admin' });
		assert.equal(bad.headers.get('location'), '/admin');
	});

	// needs_rehash itself is in tests/unit/test_auth.c (a hash with low
	// limits is upgraded); here: what the command stores is argon2id with
	// the interactive limits, and signing in keeps it so.
	test('passwords are stored as argon2id with interactive limits', async () => {
		const u = createUser('moderator');
		const re = /^\$argon2id\$v=19\$m=65536,t=2,p=1\$/;
		assert.match(sql(`SELECT pass_hash FROM users WHERE id = ${u.id}`)[0][0], re);
		assert.equal((await postLogin(u.login, u.password)).status, 303);
		assert.match(sql(`SELECT pass_hash FROM users WHERE id = ${u.id}`)[0][0], re);
	});
});

describe('sign-out and expiry', () => {
	test('logout ends the session and removes the cookie', async () => {
		const u = createUser('moderator');
		const s = await signIn(u);
		const r = await post('/admin/logout', s);
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), '/admin/login?bye=1');
		assert.match(r.headers.get('set-cookie'), /hromada_session=;.*Max-Age=0/);
		assert.equal(sessionsOf(u), 0);
		assert.ok(toLogin(await get('/admin', s)));
		assert.equal(auditRows(`action = 'logout' AND user_id = ${u.id}`).length, 1);
	});

	test('30 minutes idle ends a session', async () => {
		const u = createUser('moderator');
		const s = await signIn(u);
		sql(`UPDATE sessions SET seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE WHERE user_id = ${u.id}`);
		const r = await get('/admin/moderation', s);
		assert.ok(toLogin(r), `${r.status} ${r.headers.get('location')}`);
		assert.match(r.headers.get('location'), /expired=1/);
		assert.match(r.headers.get('set-cookie'), /Max-Age=0/);
		assert.equal(sessionsOf(u), 0);
	});

	test('29 minutes idle does not, and the visit counts as activity', async () => {
		const u = createUser('moderator');
		const s = await signIn(u);
		sql(`UPDATE sessions SET seen_at = UTC_TIMESTAMP() - INTERVAL 29 MINUTE WHERE user_id = ${u.id}`);
		assert.equal((await get('/admin', s)).status, 200);
		assert.ok(sqlInt(`SELECT TIMESTAMPDIFF(SECOND, seen_at, UTC_TIMESTAMP()) FROM sessions WHERE user_id = ${u.id}`) < 60);
	});

	test('12 hours end a session however active', async () => {
		const u = createUser('moderator');
		const s = await signIn(u);
		sql(`UPDATE sessions SET created_at = UTC_TIMESTAMP() - INTERVAL 721 MINUTE, seen_at = UTC_TIMESTAMP() WHERE user_id = ${u.id}`);
		assert.ok(toLogin(await get('/admin', s)));
	});

	test('an expired login page says so', async () => {
		const r = await http('/admin/login?expired=1');
		assert.equal(r.status, 200);
		assert.match(r.body, /Сеанс завершився/);
	});
});

describe('session fixation', () => {
	test('an id planted before sign-in is not kept', async () => {
		const u = createUser('moderator');
		const planted = 'A'.repeat(43);
		const addr = freshAddr();
		const page = await loginPage({ addr, cookie: `hromada_session=${planted}` });
		const r = await postLogin(u.login, u.password, { addr, token: page.token, cookie: `hromada_session=${planted}` });
		assert.equal(r.status, 303);
		const sid = sessionCookie(r);
		assert.ok(sid && sid !== planted);
		assert.ok(toLogin(await get('/admin', { sid: planted })));
		assert.equal((await get('/admin', { sid })).status, 200);
	});

	test('a live session of someone else sent at sign-in is ended, not reused', async () => {
		const attacker = createUser('moderator');
		const victim = createUser('moderator');
		const a = await signIn(attacker);
		const r = await postLogin(victim.login, victim.password, { cookie: `hromada_session=${a.sid}` });
		const sid = sessionCookie(r);
		assert.notEqual(sid, a.sid);
		assert.ok(toLogin(await get('/admin', a)), 'the planted id signs nobody in');
		const d = await get('/admin', { sid });
		assert.match(d.body, new RegExp(victim.login));
	});
});

describe('failed logins: delay and lockout', () => {
	test('after 3 failures the next try must wait, even with the right password', async () => {
		const u = createUser('moderator');
		addFailures(5, { login: u.login });
		const r = await postLogin(u.login, u.password);
		assert.equal(r.status, 429);
		const wait = Number(r.headers.get('retry-after'));
		assert.ok(wait >= 1 && wait <= 4, `Retry-After ${wait}`);
		assert.match(r.body, /Зачекайте \d+ с/);
		assert.equal(sessionsOf(u), 0);
	});

	test('10 failures in 15 minutes lock the login out; the wait is told', async () => {
		const u = createUser('moderator');
		addFailures(10, { login: u.login, secondsAgo: 60 });
		const r = await postLogin(u.login, u.password);
		assert.equal(r.status, 429);
		const wait = Number(r.headers.get('retry-after'));
		assert.ok(wait > 780 && wait <= 840, `Retry-After ${wait}`);
		assert.match(r.body, /заблоковано: спробуйте знову через 14 хв/);
		assert.equal(sessionsOf(u), 0);
	});

	test('a lockout of an unknown login looks the same (nothing told)', async () => {
		const login = uniq('nobody');
		addFailures(10, { login, secondsAgo: 60 });
		const r = await postLogin(login, 'whatever');
		assert.equal(r.status, 429);
		assert.match(r.body, /заблоковано: спробуйте знову через 14 хв/);
	});

	test('failures older than 15 minutes do not count', async () => {
		const u = createUser('moderator');
		addFailures(10, { login: u.login, secondsAgo: 16 * 60 });
		assert.equal((await postLogin(u.login, u.password)).status, 303);
	});

	test('10 failures from one address lock it out for every login', async () => {
		const u = createUser('moderator');
		const addr = freshAddr();
		addFailures(10, { addr, secondsAgo: 30 });
		const r = await postLogin(u.login, u.password, { addr });
		assert.equal(r.status, 429);
		assert.equal((await postLogin(u.login, u.password)).status, 303, 'from another address');
	});

	test('each failure is counted, for unknown logins too', async () => {
		const login = uniq('nobody');
		const addr = freshAddr();
		const before = sqlInt('SELECT COUNT(*) FROM login_failures');
		await postLogin(login, 'x', { addr });
		assert.equal(sqlInt('SELECT COUNT(*) FROM login_failures'), before + 1);
	});

	test('a success clears the login\'s failures', async () => {
		const u = createUser('moderator');
		addFailures(2, { login: u.login, secondsAgo: 5 });
		assert.equal((await postLogin(u.login, u.password)).status, 303);
		addFailures(2, { login: u.login });
		assert.equal((await postLogin(u.login, u.password)).status, 303, '2 + 2 would have been 4');
	});
});

describe('CSRF on every POST', () => {
	const posts = (cid, pid) => [
		['/admin/logout', {}],
		['/admin/moderation', { id: pid, action: 'publish' }],
		[`/admin/proposals/${pid}/answer`, { decision: 'accepted' }],
		[`/admin/consultations/${cid}/report`, { action: 'save', summary: 'Підсумок' }],
	];

	for (const [label, csrf] of [['missing', null], ['forged', 'A'.repeat(43)], ['from another session', 'other']]) {
		test(`${label} token: 403, nothing changed, an audit row`, async () => {
			const admin = createUser('admin');
			const s = await signIn(admin);
			const other = await signIn(createUser('admin'));
			const cid = makeConsultation(UNIT_A, { closed: true });
			const pid = makeComment(cid, { status: 'pending' });
			const from = lastAuditId();
			for (const [p, fields] of posts(cid, pid)) {
				const r = await post(p, s, { ...fields, csrf: csrf === 'other' ? other.csrf : csrf });
				assert.equal(r.status, 403, `${p}`);
			}
			assert.equal(sqlInt(`SELECT COUNT(*) FROM comments WHERE id = ${pid} AND status = 'pending'`), 1);
			assert.equal(sqlInt(`SELECT COUNT(*) FROM reports WHERE consultation_id = ${cid}`), 0);
			assert.equal(sessionsOf(admin), 1, 'logout did not happen');
			assert.equal(auditRows(`id > ${from} AND user_id = ${admin.id} AND action = 'csrf-refused'`).length, 4);
		});
	}
});

describe('roles and units', () => {
	test('an editor of unit A cannot read or change unit B\'s rows by id', async () => {
		const ed = createUser('editor', UNIT_A);
		const s = await signIn(ed);
		const cid = makeConsultation(UNIT_B, { closed: true });
		const pid = makeComment(cid);
		const from = lastAuditId();
		const tries = [
			await get(`/admin/consultations/${cid}/answers`, s),
			await get(`/admin/consultations/${cid}/report`, s),
			await get(`/admin/consultations/${cid}/report/print`, s),
			await post(`/admin/proposals/${pid}/answer`, s, { decision: 'accepted' }),
			await post(`/admin/consultations/${cid}/report`, s, { action: 'publish', summary: 'Підсумок' }),
		];
		for (const r of tries) assert.equal(r.status, 403, r.url);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM responses WHERE comment_id = ${pid}`), 0);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM reports WHERE consultation_id = ${cid}`), 0);
		const rows = auditRows(`id > ${from} AND user_id = ${ed.id} AND action = 'forbidden'`);
		assert.equal(rows.length, 5);
		assert.deepEqual(rows.map((x) => x.object).sort(), [cid, cid, cid, pid, cid].sort());
	});

	test('an editor of unit A can work on unit A\'s rows', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const cid = makeConsultation(UNIT_A, { closed: true });
		makeComment(cid);
		assert.equal((await get(`/admin/consultations/${cid}/answers`, s)).status, 200);
		assert.equal((await get(`/admin/consultations/${cid}/report`, s)).status, 200);
	});

	test('a moderator cannot answer proposals or touch a report (403, audited)', async () => {
		const m = createUser('moderator');
		const s = await signIn(m);
		const cid = makeConsultation(UNIT_A, { closed: true });
		const pid = makeComment(cid);
		const from = lastAuditId();
		assert.equal((await get(`/admin/consultations/${cid}/answers`, s)).status, 403);
		assert.equal((await post(`/admin/proposals/${pid}/answer`, s, { decision: 'accepted' })).status, 403);
		assert.equal((await post(`/admin/consultations/${cid}/report`, s, { action: 'save', summary: 'x' })).status, 403);
		assert.equal(auditRows(`id > ${from} AND user_id = ${m.id} AND action = 'forbidden'`).length, 3);
	});

	test('an editor cannot moderate', async () => {
		const ed = createUser('editor', UNIT_A);
		const s = await signIn(ed);
		const cid = makeConsultation(UNIT_A);
		const pid = makeComment(cid, { status: 'pending' });
		assert.equal((await get('/admin/moderation', s)).status, 403);
		assert.equal((await post('/admin/moderation', s, { id: pid, action: 'publish' })).status, 403);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM comments WHERE id = ${pid} AND status = 'pending'`), 1);
	});

	test('the audit log cannot be edited, even by the admin program\'s user', async () => {
		const [[id]] = sql('SELECT MAX(id) FROM audit_log');
		assert.throws(() => sql(`UPDATE audit_log SET action = 'x' WHERE id = ${id}`), /append-only/);
		assert.throws(() => sql(`DELETE FROM audit_log WHERE id = ${id}`), /append-only/);
	});
});

// Every route the program declares, read from its source so that a new
// route cannot be forgotten here: cgi-bin/admin.c and every part
// (cgi-bin/admin_*.h and cgi-bin/admin_*.c), so a part's screens are walked
// too.
function declaredRoutes() {
	// admin.c and its parts' headers (cgi-bin/admin_*.h, their ROUTES).
	const dir = path.join(ROOT, 'cgi-bin');
	const files = ['admin.c', ...readdirSync(dir).filter((f) => /^admin_.*\.[ch]$/.test(f)).sort()];
	const src = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
	const out = [];
	const re = /\{\s*(GET \| POST|GET|POST),\s*"(\/admin[^"]*)",[^}]*?(ADM_[A-Z_|\s]+)/g;
	let m;
	while ((m = re.exec(src)) !== null) {
		if (/ADM_PUBLIC/.test(m[3])) continue;
		const p = m[2].replace(/\{[a-z]+\}/g, '1');
		for (const method of m[1].split(' | ')) out.push([method, p]);
	}
	return out;
}

describe('no admin URL answers without a session', () => {
	const routes = declaredRoutes();

	test('the route list was found', () => {
		assert.ok(routes.length >= 12, `${routes.length} routes`);
		assert.ok(routes.some(([m, p]) => m === 'POST' && p === '/admin/moderation'));
		// The parts' routes too: the units screen (cgi-bin/admin_units.h).
		for (const [m, p] of [['GET', '/admin/units'], ['GET', '/admin/units/new'], ['POST', '/admin/units'],
			['GET', '/admin/units/1'], ['POST', '/admin/units/1']])
			assert.ok(routes.some(([m2, p2]) => m2 === m && p2 === p), `${m} ${p} walked`);
	});

	for (const cookie of [null, 'hromada_session=' + 'B'.repeat(43), 'hromada_session=garbage']) {
		test(`every route, cookie ${cookie ? cookie.slice(0, 24) : 'none'}: a redirect to login or 401/403`, async () => {
			for (const [method, p] of routes) {
				const headers = { 'X-Forwarded-For': freshAddr() };
				if (cookie) headers.Cookie = cookie;
				let body;
				if (method === 'POST') {
					headers['Content-Type'] = 'application/x-www-form-urlencoded';
					body = 'csrf=x&action=publish&id=1&decision=accepted&summary=x';
				}
				const r = await http(p, { method, headers, body });
				assert.ok(toLogin(r) || r.status === 401 || r.status === 403,
					`${method} ${p}: ${r.status} ${r.headers.get('location')}`);
				assert.doesNotMatch(r.body, /admin-bar/);
			}
		});
	}

	test('a GET redirect keeps where the person was going', async () => {
		const r = await http('/admin/moderation');
		assert.equal(r.headers.get('location'), '/admin/login?next=%2Fadmin%2Fmoderation');
	});
});
