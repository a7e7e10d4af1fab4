// Helpers of the admin tests (90-admin-*.test.mjs): users made with the
// program's own command, sign-in, requests with a session, and the keyed
// hashes the program stores (to set up failed logins in SQL).
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import {
	http, sql, sqlInt, sqlStr, freshAddr, formBody, serverSecret, ROOT, VAR,
} from './lib.mjs';

export const BIN = process.env.HROMADA_BIN || path.join(ROOT, 'build', 'bin');
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let seq = 0;
export const uniq = (p) => `${p}-${RUN}-${++seq}`;

// A user made by `admin --create-user` (the password on standard input).
export function createUser(role, unit = '-', { login = uniq(`t-${role}`), password = `pw-${uniq('x')}` } = {}) {
	const out = execFileSync(path.join(BIN, 'admin'), ['--create-user', login, role, unit], {
		input: `${password}\n`, encoding: 'utf8', timeout: 60000,
		env: { ...process.env, HROMADA_VAR: VAR, HROMADA_DB_SOCKET: path.join(VAR, 'run', 'mysqld.sock') },
	});
	const id = Number(/id (\d+)/.exec(out)[1]);
	return { id, login, password, role, unit };
}

export const unitId = (slug) => sqlInt(`SELECT id FROM units WHERE slug = ${sqlStr(slug)}`);
// Two units of different kinds, for editors of "A" and "B".
export function twoUnits() {
	const [[a], [b]] = [sql("SELECT slug FROM units WHERE kind = 'department' ORDER BY sort, id LIMIT 1"),
		sql("SELECT slug FROM units WHERE kind = 'rda' ORDER BY sort, id LIMIT 1")];
	return [a[0], b[0]];
}

export function hiddenValue(html, name) {
	const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
	return m ? m[1] : null;
}

export async function loginPage({ addr = freshAddr(), cookie } = {}) {
	const headers = { 'X-Forwarded-For': addr };
	if (cookie) headers.Cookie = cookie;
	const r = await http('/admin/login', { headers });
	return { ...r, token: hiddenValue(r.body, 'token') };
}

export async function postLogin(login, password, { addr = freshAddr(), cookie, token, next } = {}) {
	if (token === undefined) token = (await loginPage({ addr })).token;
	const headers = { 'X-Forwarded-For': addr, 'Content-Type': 'application/x-www-form-urlencoded' };
	if (cookie) headers.Cookie = cookie;
	const fields = { login, password };
	if (token !== null) fields.token = token;
	if (next) fields.next = next;
	return http('/admin/login', { method: 'POST', headers, body: formBody(fields) });
}

export function sessionCookie(r) {
	const sc = r.headers.get('set-cookie') || '';
	const m = /hromada_session=([^;]*)/.exec(sc);
	return m ? m[1] : null;
}

// Signs in; returns the session: cookie value, CSRF token, address.
export async function signIn(user, { addr = freshAddr() } = {}) {
	const r = await postLogin(user.login, user.password, { addr });
	if (r.status !== 303) throw new Error(`sign-in of ${user.login}: ${r.status}`);
	const sid = sessionCookie(r);
	const s = { sid, addr, user };
	const d = await get('/admin', s);
	s.csrf = hiddenValue(d.body, 'csrf');
	return s;
}

export function get(target, s, { headers = {} } = {}) {
	const h = { 'X-Forwarded-For': s?.addr || freshAddr(), ...headers };
	if (s?.sid) h.Cookie = `hromada_session=${s.sid}`;
	return http(target, { headers: h });
}

// A POST with the session's CSRF token unless fields say otherwise
// (csrf: null leaves it out).
export function post(target, s, fields = {}) {
	const h = { 'X-Forwarded-For': s?.addr || freshAddr(), 'Content-Type': 'application/x-www-form-urlencoded' };
	if (s?.sid) h.Cookie = `hromada_session=${s.sid}`;
	const f = { ...fields };
	if (!('csrf' in f) && s?.csrf) f.csrf = s.csrf;
	if (f.csrf === null) delete f.csrf;
	const pairs = [];
	for (const [k, v] of Object.entries(f)) {
		for (const x of Array.isArray(v) ? v : [v]) pairs.push([k, String(x)]);
	}
	return http(target, { method: 'POST', headers: h, body: new URLSearchParams(pairs).toString() });
}

// The keyed hashes of lib/secret.c: HMAC-SHA-256 under the subkey
// HMAC-SHA-256(secret, label) of the value and a NUL.
function keyed(label, value) {
	const subkey = createHmac('sha256', serverSecret()).update(label).digest();
	return createHmac('sha256', subkey).update(Buffer.concat([Buffer.from(value), Buffer.from([0])])).digest('hex');
}
export const loginHash = (login) => keyed('hromada-login', login.toLowerCase());
export const addrHash = (addr) => keyed('hromada-address', addr);

// n failed logins, secondsAgo old, for a login and an address.
export function addFailures(n, { login = uniq('nobody'), addr = freshAddr(), secondsAgo = 0 } = {}) {
	const rows = Array.from({ length: n }, () =>
		`(UNHEX('${loginHash(login)}'), UNHEX('${addrHash(addr)}'), UTC_TIMESTAMP() - INTERVAL ${secondsAgo} SECOND)`);
	sql(`INSERT INTO login_failures (login_hash, addr_hash, created_at) VALUES ${rows.join(', ')}`);
}

export function auditRows(where) {
	return sql(`SELECT id, user_id, action, object_type, object_id, detail FROM audit_log WHERE ${where} ORDER BY id`)
		.map((r) => ({ id: Number(r[0]), user: r[1] === null ? null : Number(r[1]), action: r[2], type: r[3], object: r[4] === null ? null : Number(r[4]), detail: r[5] }));
}

export const lastAuditId = () => sqlInt('SELECT COALESCE(MAX(id), 0) FROM audit_log');

// A consultation of a unit made for a test: open (closes in the future) or
// closed (closed yesterday); returns its id.
export function makeConsultation(unitSlug, { closed = false, moderation = 'pre', title = uniq('Тестова консультація') } = {}) {
	// 'recent': closed a minute ago (first among the reports due).
	const when = closed === 'recent'
		? 'UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 1 MINUTE'
		: closed
		? 'UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY'
		: 'UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 20 DAY';
	const slug = uniq('t90').toLowerCase().replace(/[^a-z0-9-]/g, '-');
	sql(`INSERT INTO consultations (slug, title, summary, body, unit_id, format_id, status, moderation,
		opens_at, closes_at, question, alternatives, stakeholders, consequences, how_to_participate,
		contact_name, contact_email, results_publication, published_at)
		SELECT ${sqlStr(slug)}, ${sqlStr(title)}, 'Коротко', 'Текст', u.id,
			(SELECT MIN(id) FROM formats), 'announced', ${sqlStr(moderation)}, ${when},
			'Питання', 'Альтернативи', 'Зацікавлені', 'Наслідки', 'Як взяти участь',
			'Олена Тестова', 'olena@example.com', 'На сайті', UTC_TIMESTAMP()
		FROM units u WHERE u.slug = ${sqlStr(unitSlug)}`);
	return sqlInt(`SELECT id FROM consultations WHERE slug = ${sqlStr(slug)}`);
}

// A comment or proposal on a consultation, in a status; returns its id.
export function makeComment(cid, { kind = 'proposal', status = 'published', body = uniq('Текст пропозиції'), name = 'Іван Тестовий', email = 'ivan@example.com' } = {}) {
	sql(`INSERT INTO comments (consultation_id, kind, author_name, author_email, body, status, published_at)
		VALUES (${cid}, ${sqlStr(kind)}, ${sqlStr(name)}, ${sqlStr(email)}, ${sqlStr(body)}, ${sqlStr(status)},
		IF(${sqlStr(status)} = 'published', UTC_TIMESTAMP(), NULL))`);
	return sqlInt(`SELECT MAX(id) FROM comments WHERE consultation_id = ${cid} AND body = ${sqlStr(body)}`);
}

// "YYYY-MM-DDTHH:MM" in Kyiv time, as the consultation editor's date fields
// take it (92-admin-consult, the browser flow).
export function kyiv(ms) {
	const s = new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit',
		hour: '2-digit', minute: '2-digit', hour12: false,
	}).format(new Date(ms));
	return s.replace(' ', 'T');
}
