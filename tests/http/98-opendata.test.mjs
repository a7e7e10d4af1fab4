// Open data and the archive (issue 8).
//
// The export: distinctive marker values are planted by SQL in every private
// column (authors' e-mails, address hashes, submission keys, moderation
// data, unpublished / rejected / spam comments and their answers, a draft
// consultation with its comment, document and report, an unpublished
// report, the agenda's proposer and unpublished or undecided topics, staff
// logins, password hashes, session ids, subscriptions, the outbox, the
// audit log), the export is run again, and every file it wrote is searched
// for every marker -- next to public markers that must be found, so the
// search is known to work.  Every CSV is parsed with Python's csv module
// and every JSON with JSON.parse; their row counts are checked against
// counts computed here in SQL, the indicators against /stats.csv, the files
// as nginx serves them (types, charset, disposition, ETag, 304), and the
// /opendata page against the manifest and the files' headers.
//
// The archive: tests/fixtures/opendata/archive-good.csv (5 past
// consultations) imports with its dates kept, marked archived, without
// notification events or indicator rows, and shows on the listing and the
// detail page; archive-errors.csv lists exactly its lines 3 and 7 and
// writes nothing (dry run or not); importing a file again is refused (every
// line named), nothing doubled.  Everything the test adds is removed after.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	http, sql, sqlInt, sqlStr, sqlList, ROOT, VAR, kyivDate, parseUtc,
	decodeEntities,
} from './lib.mjs';
import { BIN, uniq } from './admin-lib.mjs';
import { api } from './api-lib.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'opendata');
const FILES = ['consultations', 'documents', 'comments', 'answers', 'reports', 'agenda', 'indicators'];
const M = uniq('odm').replace(/[^a-z0-9]/gi, '');
const ENV = {
	...process.env, HROMADA_VAR: VAR,
	HROMADA_DB_SOCKET: process.env.HROMADA_DB_SOCKET || path.join(VAR, 'run', 'mysqld.sock'),
};

// ---- helpers ------------------------------------------------------------------

function opendata(args) {
	return spawnSync(path.join(BIN, 'opendata'), args, { env: ENV, encoding: 'utf8', timeout: 300000 });
}

// Python's csv module, strict, as the reference RFC 4180 reader: rows as arrays.
function parseCsv(file) {
	const py = 'import csv, json, sys\n' +
		'with open(sys.argv[1], newline="", encoding="utf-8") as f:\n' +
		'    json.dump(list(csv.reader(f, strict=True)), sys.stdout)\n';
	return JSON.parse(execFileSync('python3', ['-c', py, file], {
		encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024,
	}));
}

// A 32-byte binary value that is itself a marker in ASCII.
function bin32(tag) {
	return Buffer.from((tag + '-' + M + '________________________________').slice(0, 32), 'latin1');
}
const hex = (b) => b.toString('hex').toUpperCase();

const MONTHS = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня',
	'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];

function insertConsultation(status, title, opens, closes) {
	const slug = uniq('t98').toLowerCase().replace(/[^a-z0-9-]/g, '-');
	sql(`INSERT INTO consultations (slug, title, summary, body, unit_id, format_id, status,
		opens_at, closes_at, question, alternatives, stakeholders, consequences,
		how_to_participate, contact_name, contact_email, results_publication, published_at)
		SELECT ${sqlStr(slug)}, ${sqlStr(title)}, 'Коротко', 'Текст', u.id, f.id, ${sqlStr(status)},
			${sqlStr(opens)}, ${sqlStr(closes)}, 'Питання', '', '', '', '', 'Олена',
			'olena@example.com', '', IF(${sqlStr(status)} = 'draft', NULL, ${sqlStr(opens)})
		FROM units u, formats f WHERE u.slug = 'dsk' AND f.slug = 'e-consultation'`);
	return sqlInt(`SELECT id FROM consultations WHERE slug = ${sqlStr(slug)}`);
}

function insertComment(cid, { kind = 'comment', status = 'published', name, email, body,
	parent = null, clientHash = null, submitKey = null, rejectReason = null }) {
	sql(`INSERT INTO comments (consultation_id, parent_id, kind, author_name, author_email, body,
		status, published_at, client_hash, submit_key, reject_reason)
		VALUES (${cid}, ${parent ?? 'NULL'}, ${sqlStr(kind)}, ${sqlStr(name)}, ${sqlStr(email)},
		${sqlStr(body)}, ${sqlStr(status)},
		IF(${sqlStr(status)} = 'published', UTC_TIMESTAMP(), NULL),
		${clientHash ? `UNHEX('${clientHash.toString('hex')}')` : 'NULL'},
		${submitKey ? `UNHEX('${submitKey.toString('hex')}')` : 'NULL'},
		${rejectReason ? sqlStr(rejectReason) : 'NULL'})`);
	return sqlInt(`SELECT MAX(id) FROM comments WHERE consultation_id = ${cid}`);
}

// ---- the planted data --------------------------------------------------------

const planted = { consultations: [], users: [], subscriptions: [], agenda: [], audit: false };
// Must never appear in any exported file.
const PRIVATE = {};
// Must appear (proves the search finds what is there).
const PUBLIC = {};
let pub, draft, year;

function plant() {
	year = Number(kyivDate(Date.now()).slice(0, 4));
	pub = insertConsultation('announced', `od-public-title-${M}`, '2015-03-01 09:00:00', '2015-03-20 21:00:00');
	draft = insertConsultation('draft', `od-draft-title-${M}`, '2015-03-01 09:00:00', '2015-03-20 21:00:00');
	planted.consultations.push(pub, draft);
	PUBLIC.title = `od-public-title-${M}`;
	PRIVATE.draftTitle = `od-draft-title-${M}`;

	const hashA = bin32('od-clienthash');
	const keyA = bin32('od-submitkey');
	PRIVATE.clientHash = hashA.toString('latin1');
	PRIVATE.clientHashHex = hex(hashA);
	PRIVATE.submitKey = keyA.toString('latin1');
	PRIVATE.submitKeyHex = hex(keyA);
	PRIVATE.authorEmail = `od-author-${M}@example.test`;
	PUBLIC.commentBody = `od-public-comment-${M}`;
	const parentPending = insertComment(pub, {
		status: 'pending', name: `od-pending-name-${M}`, email: `od-pending-${M}@example.test`,
		body: `od-pending-body-${M}`,
	});
	PRIVATE.pendingBody = `od-pending-body-${M}`;
	PRIVATE.pendingName = `od-pending-name-${M}`;
	PRIVATE.pendingEmail = `od-pending-${M}@example.test`;
	const published = insertComment(pub, {
		kind: 'proposal', name: `od-public-name-${M}`, email: PRIVATE.authorEmail,
		body: PUBLIC.commentBody, clientHash: hashA, submitKey: keyA,
	});
	const reply = insertComment(pub, {
		name: `od-reply-name-${M}`, email: `od-reply-${M}@example.test`,
		body: `od-reply-body-${M}`, parent: parentPending,
	});
	PRIVATE.replyEmail = `od-reply-${M}@example.test`;
	const rejected = insertComment(pub, {
		kind: 'proposal', status: 'rejected', name: `od-rejected-name-${M}`,
		email: `od-rejected-${M}@example.test`, body: `od-rejected-body-${M}`,
		rejectReason: `odrr${M}`.slice(0, 32),
	});
	PRIVATE.rejectedBody = `od-rejected-body-${M}`;
	PRIVATE.rejectReason = `odrr${M}`.slice(0, 32);
	insertComment(pub, {
		status: 'spam', name: `od-spam-name-${M}`, email: `od-spam-${M}@example.test`,
		body: `od-spam-body-${M}`,
	});
	PRIVATE.spamBody = `od-spam-body-${M}`;
	// Answers: to the published proposal (public, formula-like on
	// purpose), to the rejected one (private).
	PUBLIC.answer = `=HYPERLINK("http://evil.test","od-answer-${M}")`;
	sql(`INSERT INTO responses (comment_id, decision, reason) VALUES
		(${published}, 'rejected', ${sqlStr(PUBLIC.answer)}),
		(${rejected}, 'accepted', ${sqlStr(`od-unpublished-answer-${M}`)})`);
	PRIVATE.answerToRejected = `od-unpublished-answer-${M}`;
	// A report not yet published, on the public consultation.
	sql(`INSERT INTO reports (consultation_id, summary, published_at) VALUES
		(${pub}, ${sqlStr(`od-unpublished-report-${M}`)}, NULL)`);
	PRIVATE.unpublishedReport = `od-unpublished-report-${M}`;
	// The draft's own rows.
	const dc = insertComment(draft, {
		kind: 'proposal', name: `od-draft-name-${M}`, email: `od-draftc-${M}@example.test`,
		body: `od-draft-comment-${M}`,
	});
	sql(`INSERT INTO responses (comment_id, decision, reason) VALUES
		(${dc}, 'accepted', ${sqlStr(`od-draft-answer-${M}`)})`);
	sql(`INSERT INTO documents (consultation_id, title, url) VALUES
		(${draft}, ${sqlStr(`od-draft-doc-${M}`)}, 'https://example.test/d.pdf')`);
	sql(`INSERT INTO reports (consultation_id, summary, published_at) VALUES
		(${draft}, ${sqlStr(`od-draft-report-${M}`)}, UTC_TIMESTAMP())`);
	Object.assign(PRIVATE, {
		draftComment: `od-draft-comment-${M}`, draftAnswer: `od-draft-answer-${M}`,
		draftDoc: `od-draft-doc-${M}`, draftReport: `od-draft-report-${M}`,
	});
	sql(`INSERT INTO documents (consultation_id, title, url) VALUES
		(${pub}, ${sqlStr(`od-public-doc-${M}`)}, 'https://example.test/p.pdf')`);
	PUBLIC.doc = `od-public-doc-${M}`;

	// The agenda: a planned topic of the published plan with its
	// proposer; a proposed one and a spam one (undecided: private); a
	// planned one of next year's unpublished plan.
	sql(`INSERT IGNORE INTO agenda_plans (year, published_at) VALUES (${year}, UTC_TIMESTAMP())`);
	assert.ok(sqlInt(`SELECT COUNT(*) FROM agenda_plans WHERE year = ${year} AND published_at IS NOT NULL`) === 1,
		'this year\'s plan is published (demo data)');
	const nextPublished = sqlInt(`SELECT COUNT(*) FROM agenda_plans WHERE year = ${year + 1} AND published_at IS NOT NULL`);
	const agendaKey = bin32('od-agendakey');
	const agendaHash = bin32('od-agendahash');
	const items = [
		[year, 'planned', `od-agenda-planned-${M}`, `od-proposer-name-${M}`, `od-proposer-${M}@example.test`, `od-proposer-org-${M}`],
		[year, 'proposed', `od-agenda-proposed-${M}`, 'Анна', `od-proposer2-${M}@example.test`, null],
		[year, 'spam', `od-agenda-spam-${M}`, 'Спам', `od-proposer3-${M}@example.test`, null],
	];
	if (nextPublished === 0)
		items.push([year + 1, 'planned', `od-agenda-unpublished-${M}`, null, null, null]);
	for (const [i, [y, st, topic, name, email, org]] of items.entries())
		sql(`INSERT INTO agenda_items (year, quarter, topic, description, unit_id, status,
			proposer_name, proposer_email, proposer_org, client_hash, submit_key)
			SELECT ${y}, 2, ${sqlStr(topic)}, 'Опис', id, ${sqlStr(st)},
			${name ? sqlStr(name) : 'NULL'}, ${email ? sqlStr(email) : 'NULL'},
			${org ? sqlStr(org) : 'NULL'},
			${i === 0 ? `UNHEX('${agendaHash.toString('hex')}')` : 'NULL'},
			${i === 0 ? `UNHEX('${agendaKey.toString('hex')}')` : 'NULL'}
			FROM units WHERE slug = 'dsk'`);
	planted.agenda = sql(`SELECT id FROM agenda_items WHERE topic LIKE ${sqlStr(`od-agenda-%-${M}`)}`).map((r) => r[0]);
	PUBLIC.agendaTopic = `od-agenda-planned-${M}`;
	Object.assign(PRIVATE, {
		proposerName: `od-proposer-name-${M}`, proposerEmail: `od-proposer-${M}@example.test`,
		proposerOrg: `od-proposer-org-${M}`, agendaProposed: `od-agenda-proposed-${M}`,
		agendaSpam: `od-agenda-spam-${M}`, agendaHash: agendaHash.toString('latin1'),
		agendaKey: agendaKey.toString('latin1'),
	});
	if (nextPublished === 0)
		PRIVATE.agendaUnpublished = `od-agenda-unpublished-${M}`;

	// Staff and subscribers: never part of the open data.
	const sid = bin32('od-session');
	sql(`INSERT INTO users (login, name, pass_hash, role) VALUES
		(${sqlStr(`od-login-${M}`)}, ${sqlStr(`od-staff-${M}`)},
		 ${sqlStr(`$argon2id$v=19$od-passhash-${M}`)}, 'moderator')`);
	const uid = sqlInt(`SELECT id FROM users WHERE login = ${sqlStr(`od-login-${M}`)}`);
	planted.users.push(uid);
	sql(`INSERT INTO sessions (id_hash, user_id) VALUES (UNHEX('${sid.toString('hex')}'), ${uid})`);
	sql(`INSERT INTO subscriptions (email, filters_key, manage_nonce, manage_hash) VALUES
		(${sqlStr(`od-sub-${M}@example.test`)}, UNHEX(SHA2(${sqlStr(M)}, 256)),
		 UNHEX('00112233445566778899aabbccddeeff'), UNHEX(SHA2(${sqlStr('m' + M)}, 256)))`);
	planted.subscriptions.push(sqlInt(`SELECT id FROM subscriptions WHERE email = ${sqlStr(`od-sub-${M}@example.test`)}`));
	sql(`INSERT INTO audit_log (action, detail) VALUES ('t98', ${sqlStr(`od-audit-${M}`)})`);
	Object.assign(PRIVATE, {
		login: `od-login-${M}`, staffName: `od-staff-${M}`, passHash: `od-passhash-${M}`,
		session: sid.toString('latin1'), sessionHex: hex(sid), subscriber: `od-sub-${M}@example.test`,
		audit: `od-audit-${M}`,
	});
	return { published, reply, parentPending };
}

// ---- SQL counts of what is public ------------------------------------------------

const COUNTS = {
	consultations: "SELECT COUNT(*) FROM consultations WHERE status <> 'draft'",
	documents: `SELECT COUNT(*) FROM documents d JOIN consultations c ON c.id = d.consultation_id
		WHERE c.status <> 'draft'`,
	comments: `SELECT COUNT(*) FROM comments m JOIN consultations c ON c.id = m.consultation_id
		WHERE c.status <> 'draft' AND m.status = 'published'`,
	answers: `SELECT COUNT(*) FROM responses r JOIN comments m ON m.id = r.comment_id
		JOIN consultations c ON c.id = m.consultation_id
		WHERE c.status <> 'draft' AND m.status = 'published' AND m.kind = 'proposal'`,
	reports: `SELECT COUNT(*) FROM reports r JOIN consultations c ON c.id = r.consultation_id
		WHERE c.status <> 'draft' AND r.published_at IS NOT NULL`,
	agenda: `SELECT COUNT(*) FROM agenda_items i JOIN agenda_plans p ON p.year = i.year
		WHERE p.published_at IS NOT NULL AND i.status IN ('planned', 'scheduled', 'held', 'declined')`,
};

// ---- the tests -------------------------------------------------------------

describe('open data export', () => {
	let dir, ids, manifest, run;
	const csv = {};
	const json = {};
	const text = {};

	before(() => {
		ids = plant();
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-od-'));
		fs.chmodSync(dir, 0o755);
		run = opendata(['--export', dir]);
		assert.equal(run.status, 0, run.stderr + run.stdout);
		manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
		for (const f of FILES) {
			csv[f] = parseCsv(path.join(dir, `${f}.csv`));
			text[`${f}.csv`] = fs.readFileSync(path.join(dir, `${f}.csv`), 'latin1');
			text[`${f}.json`] = fs.readFileSync(path.join(dir, `${f}.json`), 'latin1');
			json[f] = JSON.parse(fs.readFileSync(path.join(dir, `${f}.json`), 'utf8'));
		}
		text['manifest.json'] = fs.readFileSync(path.join(dir, 'manifest.json'), 'latin1');
	});

	after(() => {
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
		if (planted.consultations.length)
			sql(`DELETE FROM consultations WHERE id IN (${planted.consultations.join(',')})`);
		if (planted.agenda.length)
			sql(`DELETE FROM agenda_items WHERE id IN (${planted.agenda.join(',')})`);
		if (planted.users.length) sql(`DELETE FROM users WHERE id IN (${planted.users.join(',')})`);
		if (planted.subscriptions.length)
			sql(`DELETE FROM subscriptions WHERE id IN (${planted.subscriptions.join(',')})`);
	});

	test('no private value appears in any file, and every public marker does', () => {
		const names = Object.keys(text);
		assert.equal(names.length, FILES.length * 2 + 1);
		// Files are searched as bytes (latin1): a raw hash or key would be found too.
		const utf8 = (s) => Buffer.from(s, 'utf8').toString('latin1');
		for (const [what, marker] of Object.entries(PRIVATE))
			for (const n of names)
				assert.ok(!text[n].includes(utf8(marker)) && !text[n].includes(marker),
					`private ${what} (${JSON.stringify(marker)}) found in ${n}`);
		// The e-mail's domain alone appears nowhere in comments either.
		assert.ok(!text['comments.csv'].includes('@example.test'));
		for (const [what, marker] of Object.entries(PUBLIC)) {
			const inCsv = names.filter((n) => n.endsWith('.csv') && text[n].includes(utf8(marker.replace(/"/g, '""'))));
			const inJson = names.filter((n) => n.endsWith('.json') && text[n].includes(utf8(JSON.stringify(marker).slice(1, -1))));
			assert.ok(inCsv.length > 0, `public ${what} not found in any CSV`);
			assert.ok(inJson.length > 0, `public ${what} not found in any JSON`);
		}
		// No temporary file left behind.
		assert.deepEqual(fs.readdirSync(dir).filter((n) => n.startsWith('.')), []);
	});

	test('row counts match SQL, CSV and JSON agree, the manifest says so', () => {
		for (const f of FILES) {
			const header = csv[f][0];
			const rows = csv[f].slice(1);
			assert.equal(rows.length, json[f].length, `${f}: CSV and JSON rows`);
			for (const r of rows) assert.equal(r.length, header.length, `${f}: a row's fields`);
			if (json[f].length > 0) assert.deepEqual(Object.keys(json[f][0]), header, `${f}: JSON keys`);
			const m = manifest.files.find((x) => x.name === f);
			assert.equal(m.rows, rows.length, `${f}: manifest rows`);
			assert.equal(m.csv.bytes, fs.statSync(path.join(dir, `${f}.csv`)).size);
			assert.equal(m.json.bytes, fs.statSync(path.join(dir, `${f}.json`)).size);
			if (COUNTS[f]) assert.equal(rows.length, sqlInt(COUNTS[f]), `${f}: SQL count`);
		}
		assert.ok(json.comments.length > 1000, 'the demo data is there');
		assert.ok(json.agenda.length > 0 && json.indicators.length > 0);
		assert.match(manifest.generated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		// Keys are unique and ascending (one row per key).
		for (const [f, k] of [['consultations', 'id'], ['comments', 'id'], ['answers', 'comment_id'], ['reports', 'consultation_id']])
			for (let i = 1; i < json[f].length; i++)
				assert.ok(json[f][i][k] > json[f][i - 1][k], `${f}: ${k} ascending`);
	});

	test('the planted rows are exported as the site shows them', () => {
		const c = json.consultations.find((x) => x.id === pub);
		assert.equal(c.status, 'closed');
		assert.equal(c.opens_at, '2015-03-01T09:00:00Z');
		assert.equal(c.unit, 'dsk');
		assert.equal(c.archived_at, null);
		assert.ok(Array.isArray(c.themes));
		assert.equal(json.consultations.find((x) => x.id === draft), undefined);
		const p = json.comments.find((x) => x.id === ids.published);
		assert.deepEqual(Object.keys(p).sort(), ['author_name', 'body', 'consultation_id', 'created_at', 'id',
			'kind', 'organisation', 'parent_id', 'published_at'].sort());
		assert.equal(p.author_name, `od-public-name-${M}`);
		assert.equal(p.kind, 'proposal');
		// A reply to an unpublished comment does not tell its number.
		const r = json.comments.find((x) => x.id === ids.reply);
		assert.equal(r.parent_id, null);
		const a = json.answers.find((x) => x.comment_id === ids.published);
		assert.equal(a.reason, PUBLIC.answer);
		assert.equal(a.consultation_id, pub);
		// In the CSV the formula is neutralised with an apostrophe.
		const head = csv.answers[0];
		const row = csv.answers.find((x) => x[0] === String(ids.published));
		assert.equal(row[head.indexOf('reason')], "'" + PUBLIC.answer);
		assert.ok(text['answers.csv'].includes(`"'=HYPERLINK(""http://evil.test""`));
		const g = json.agenda.find((x) => x.topic === PUBLIC.agendaTopic);
		assert.equal(g.proposed_by_public, true);
		assert.equal(g.status, 'planned');
	});

	test('no CSV cell a spreadsheet would run, anywhere', () => {
		for (const f of FILES) {
			const header = csv[f][0];
			const types = Object.fromEntries(header.map((h) => [h, typeof json[f][0]?.[h]]));
			for (const r of csv[f].slice(1))
				r.forEach((cell, i) => {
					if (types[header[i]] === 'number') return;
					assert.ok(!/^[=+\-@\t\r]/.test(cell), `${f}.${header[i]}: ${cell.slice(0, 40)}`);
				});
		}
	});

	test('the indicators are the ones /stats.csv shows', async () => {
		const years = [...new Set(json.indicators.map((x) => x.year))];
		assert.ok(years.includes(year), 'this year is there');
		for (const y of years.filter((v) => v >= year - 1)) {
			const res = await http(`/stats.csv?year=${y}`);
			assert.equal(res.status, 200);
			const tmp = path.join(dir, `stats-${y}.csv`);
			fs.writeFileSync(tmp, res.body);
			const [head, ...rows] = parseCsv(tmp);
			const mine = csv.indicators[0];
			const ours = csv.indicators.slice(1).filter((r) => r[0] === String(y));
			assert.equal(ours.length, rows.length, `${y}: one row per scope`);
			for (const r of rows) {
				const o = ours.find((x) => x[1] === r[0]);
				assert.ok(o, `${y}: scope ${r[0]}`);
				for (const [i, h] of head.entries()) {
					if (h === 'scope' || h === 'from' || h === 'to') continue;
					assert.equal(o[mine.indexOf(h)], r[i], `${y} ${r[0]} ${h}`);
				}
			}
		}
	});

	test('nginx serves the files: type, charset, disposition, ETag, 304', async () => {
		const served = path.join(VAR, 'opendata');
		for (const f of ['comments.csv', 'agenda.json', 'manifest.json']) {
			const res = await http(`/opendata/${f}`);
			assert.equal(res.status, 200, f);
			assert.equal(res.headers.get('content-type'),
				f.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
			assert.equal(res.headers.get('content-disposition'), `attachment; filename="kyiv-consultations-${f}"`);
			assert.equal(res.headers.get('access-control-allow-origin'), '*');
			assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
			assert.equal(res.body, fs.readFileSync(path.join(served, f), 'utf8'));
			const etag = res.headers.get('etag');
			assert.ok(etag, 'ETag');
			const again = await http(`/opendata/${f}`, { headers: { 'If-None-Match': etag } });
			assert.equal(again.status, 304);
		}
		for (const bad of ['/opendata/', '/opendata/.opendata-x', '/opendata/../secret',
			'/opendata/comments.csv.bak', '/opendata/Comments.csv', '/opendata/nothing.csv'])
			assert.equal((await http(bad)).status, 404, bad);
		const post = await http('/opendata/comments.csv', { method: 'POST', body: 'x' });
		assert.ok([403, 405].includes(post.status), `POST: ${post.status}`);
	});

	test('/opendata shows every file with its rows, size and time, and every column', async () => {
		const res = await http('/opendata');
		assert.equal(res.status, 200);
		const m = JSON.parse(fs.readFileSync(path.join(VAR, 'opendata', 'manifest.json'), 'utf8'));
		const page = decodeEntities(res.body);
		assert.match(page, new RegExp(`<time datetime="[^"]+">\\d+ [а-яіїє]+ \\d{4}, \\d\\d:\\d\\d</time>`));
		for (const f of m.files) {
			const sec = page.slice(page.indexOf(`id="${f.name}"`));
			const rows = sec.match(/<dt>Рядків<\/dt><dd>([^<]+)<\/dd>/)[1].replace(/\u202f/g, '');
			assert.equal(Number(rows), f.rows, `${f.name}: rows`);
			assert.ok(sec.includes(`href="/opendata/${f.name}.csv"`) && sec.includes(`href="/opendata/${f.name}.json"`));
			assert.match(sec, /<a href="\/opendata\/[a-z]+\.csv" download>[a-z]+\.csv<\/a>, [\d,]+ (Б|КБ|МБ)/);
			// The dictionary names every column of the file.
			for (const h of csv[f.name][0]) {
				const name = h.startsWith('held_') ? 'held_{format}' : h;
				assert.ok(sec.slice(0, sec.indexOf('</section>')).includes(`<code>${name}</code>`), `${f.name}.${h} described`);
			}
		}
	});
});

describe('archive import', () => {
	const made = [];
	let good, refs;

	before(() => {
		// The fixture with references unique to this run (the database
		// outlives the test), everything else as it is.
		const tag = uniq('T98').replace(/[^A-Za-z0-9]/g, '');
		good = path.join(os.tmpdir(), `hromada-archive-${tag}.csv`);
		const src = fs.readFileSync(path.join(FIXTURES, 'archive-good.csv'), 'utf8');
		fs.writeFileSync(good, src.replace(/^PILOT-/gm, `${tag}-PILOT-`));
		refs = [...src.matchAll(/^PILOT-[^,]+/gm)].map((x) => `${tag}-${x[0]}`);
		assert.equal(refs.length, 5);
	});

	after(() => {
		if (made.length) sql(`DELETE FROM consultations WHERE id IN (${made.join(',')})`);
		sql(`DELETE FROM consultations WHERE archive_ref LIKE 'ERR-%'`);
		if (good) fs.rmSync(good, { force: true });
	});

	test('a file with errors on lines 3 and 7 lists exactly those and writes nothing', () => {
		const file = path.join(FIXTURES, 'archive-errors.csv');
		const before = sqlInt('SELECT COUNT(*) FROM consultations');
		for (const args of [['--import', file, '--dry-run'], ['--import', file]]) {
			const r = opendata(args);
			assert.equal(r.status, 1, r.stdout + r.stderr);
			const lines = r.stdout.split('\n').filter((l) => l.startsWith(`${file}:`) && /^[^:]+:\d+: /.test(l))
				.map((l) => Number(l.slice(file.length + 1).split(':')[0]));
			assert.deepEqual([...new Set(lines)], [3, 7], r.stdout);
			assert.match(r.stdout, /:3: невідомий код підрозділу «no-such-unit»/);
			assert.match(r.stdout, /:3: opens_on: «2017-02-30»/);
			assert.match(r.stdout, /:7: невідомий код «no-such-theme»/);
			assert.match(r.stdout, /:7: .*потребує звіту/);
			assert.match(r.stdout, /нічого не записано/);
			assert.equal(sqlInt(`SELECT COUNT(*) FROM consultations WHERE archive_ref LIKE 'ERR-%'`), 0);
			assert.equal(sqlInt('SELECT COUNT(*) FROM consultations'), before);
		}
	});

	test('a bad header or a malformed record is named by line', () => {
		const file = path.join(os.tmpdir(), `hromada-archive-bad-${process.pid}.csv`);
		fs.writeFileSync(file, 'archive_ref,title,nonsense\x1b[2J\u009b31m\nX,"open\n');
		let r = opendata(['--import', file, '--dry-run']);
		assert.equal(r.status, 1);
		// What the file holds is shown without its control characters.
		assert.match(r.stdout, /:1: невідомий стовпець «nonsense\uFFFD\[2J\?\?31m»/);
		assert.ok(!/[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/.test(r.stdout), 'no control character in the report');
		assert.match(r.stdout, /:1: немає обов'язкового стовпця «unit»/);
		fs.writeFileSync(file, fs.readFileSync(path.join(FIXTURES, 'archive-good.csv'), 'utf8')
			.split('\n').slice(0, 4).join('\n').replace(/^PILOT-2017\/001/m, `Q${process.pid}`) + '\nBAD,"x"y,\n');
		r = opendata(['--import', file, '--dry-run']);
		assert.equal(r.status, 1, r.stdout);
		// The good record is on lines 2 to 4 (a quoted body of three lines).
		assert.deepEqual(r.stdout.match(/:(\d+): /g), [':5: '], r.stdout);
		fs.rmSync(file);
		r = opendata(['--import']);
		assert.equal(r.status, 2);
	});

	test('a good file: the dry run writes nothing, the import keeps the dates and marks them archived', async () => {
		const events = sqlInt('SELECT COUNT(*) FROM notify_events');
		const version = sqlInt('SELECT version FROM listing_version WHERE id = 1');
		let r = opendata(['--import', good, '--dry-run']);
		assert.equal(r.status, 0, r.stdout + r.stderr);
		assert.match(r.stdout, /5 рядків без помилок/);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM consultations WHERE archive_ref IN (${sqlList(refs)})`), 0);

		r = opendata(['--import', good]);
		assert.equal(r.status, 0, r.stdout + r.stderr);
		const rows = sql(`SELECT c.id, c.archive_ref, c.status, c.opens_at, c.closes_at, c.completed_at,
			c.cancelled_at, c.archived_at IS NOT NULL, r.published_at, c.title, u.slug,
			(SELECT GROUP_CONCAT(t.slug ORDER BY t.slug) FROM consultation_themes x
			 JOIN themes t ON t.id = x.theme_id WHERE x.consultation_id = c.id)
			FROM consultations c JOIN units u ON u.id = c.unit_id
			LEFT JOIN reports r ON r.consultation_id = c.id
			WHERE c.archive_ref IN (${sqlList(refs)}) ORDER BY c.archive_ref`);
		assert.equal(rows.length, 5);
		made.push(...rows.map((x) => Number(x[0])));
		const by = Object.fromEntries(rows.map((x) => [x[1].replace(/^.*?-PILOT-/, 'PILOT-'), x]));
		const day = (s) => (s === null ? null : kyivDate(parseUtc(s)));
		const p1 = by['PILOT-2017/001'];
		assert.deepEqual([p1[2], day(p1[3]), day(p1[4]), day(p1[5]), p1[7], day(p1[8]), p1[10], p1[11]],
			['completed', '2017-04-03', '2017-05-05', '2017-05-18', '1', '2017-05-18', 'mobility',
				'transport,urban-planning']);
		const p4 = by['PILOT-2018/027'];
		assert.deepEqual([p4[2], day(p4[3]), day(p4[4]), day(p4[6]), p4[8]],
			['cancelled', '2018-10-01', '2018-10-31', '2018-09-28', null]);
		assert.equal(by['PILOT-2017/002'][9], 'Перейменування вулиці "Нова" в Подільському районі');
		// Nothing told to subscribers, nothing counted in the indicators,
		// and the listing told to reload.
		assert.equal(sqlInt('SELECT COUNT(*) FROM notify_events'), events);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id IN (${made.join(',')})`), 0);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM consultation_stats WHERE consultation_id IN (${made.join(',')})`), 0);
		assert.ok(sqlInt('SELECT version FROM listing_version WHERE id = 1') > version);

		// The detail page: the report, not an overdue notice.
		const d = await http(`/consultations/${p1[0]}`);
		assert.equal(d.status, 200);
		assert.ok(d.body.includes('Громадське обговорення концепції велосипедної інфраструктури'));
		assert.ok(d.body.includes('Надійшло 214 пропозицій'));
		assert.ok(!/запізн|прострочен/i.test(d.body), 'no late notice');
		const c = await http(`/consultations/${p4[0]}`);
		assert.equal(c.status, 200);
		assert.ok(c.body.includes('Програму перенесено на наступний рік'));
		// The listing shows them, with their status and dates.
		const l = await http(`/consultations?unit=mobility&status=completed&from=2017-04-01&to=2017-05-31`);
		assert.equal(l.status, 200);
		assert.ok(l.body.includes(`/consultations/${p1[0]}-`), 'on the listing');

		// Re-import of the same file: refused, every line named, nothing doubled.
		r = opendata(['--import', good]);
		assert.equal(r.status, 1);
		assert.deepEqual(r.stdout.match(/:(\d+): archive_ref «[^»]+» уже імпортовано/g).map((x) => Number(x.split(':')[1])),
			[2, 5, 6, 7, 8]);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM consultations WHERE archive_ref IN (${sqlList(refs)})`), 5);

		// And the export shows them as archived.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-od-'));
		try {
			assert.equal(opendata(['--export', dir]).status, 0);
			const all = JSON.parse(fs.readFileSync(path.join(dir, 'consultations.json'), 'utf8'));
			const mine = all.filter((x) => refs.includes(x.archive_ref));
			assert.equal(mine.length, 5);
			for (const x of mine) assert.match(x.archived_at, /^\d{4}-\d\d-\d\dT/);
			assert.deepEqual(mine.map((x) => x.status).sort(), ['cancelled', 'completed', 'completed', 'completed', 'completed']);
			const reps = JSON.parse(fs.readFileSync(path.join(dir, 'reports.json'), 'utf8'));
			assert.equal(reps.filter((x) => made.includes(x.consultation_id)).length, 4);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	// The detail page says "archived" with the date of the import and the
	// archive's reference, above the texts; the card has the «Архів» badge;
	// the API's detail has the archive object.  A consultation not imported
	// has none of them, until archived_at is written (which its
	// page_version follows, so a kept page shows it at once).
	test('an imported consultation says so on its page, its card and in the API; another does not', async () => {
		assert.equal(made.length, 5, 'the good file was imported');
		const [[id, ref, at]] = sql(`SELECT id, archive_ref, archived_at FROM consultations
			WHERE archive_ref = ${sqlStr(refs[0])}`);
		assert.match(ref, /-PILOT-2017\/001$/);
		const atMs = parseUtc(at);
		const ymd = kyivDate(atMs);
		const text = `${Number(ymd.slice(8))} ${MONTHS[Number(ymd.slice(5, 7)) - 1]} ${ymd.slice(0, 4)}`;
		const other = insertConsultation('announced', `od-not-archived-${M}`, '2017-04-10 09:00:00',
			'2017-05-01 21:00:00');
		made.push(other);

		const d = await http(`/consultations/${id}`);
		assert.equal(d.status, 200);
		const note = d.body.match(/<p class="archive-note">([\s\S]*?)<\/p>/);
		assert.ok(note, 'the notice is on the page');
		assert.ok(d.body.indexOf(note[0]) < d.body.indexOf('id="facts-title"'), 'above the facts');
		const words = decodeEntities(note[1].replace(/<[^>]+>/g, ''));
		assert.match(words, /^Архівна консультація\. Її перенесено на платформу /);
		assert.ok(words.includes(`перенесено на платформу ${text} з архіву (архівний номер ${ref}).`), words);
		const time = note[1].match(/<time datetime="([^"]+)">([^<]+)<\/time>/);
		assert.deepEqual([Date.parse(time[1]), time[2]], [atMs, text], note[1]);

		const a = await api(`/api/v1/consultations/${id}`);
		assert.equal(a.status, 200);
		assert.equal(a.json.archive.ref, ref);
		assert.match(a.json.archive.imported_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?\+0[23]:00$/);
		assert.equal(Date.parse(a.json.archive.imported_at), atMs);
		assert.equal(a.json.opens_at.slice(0, 10), '2017-04-03', 'its own dates kept');

		const card = (body, cid) => {
			const i = body.indexOf(`data-id="${cid}"`);
			assert.ok(i > 0, `card ${cid} on the listing`);
			return body.slice(i, body.indexOf('</article>', i));
		};
		const l = await http('/consultations?unit=mobility&status=completed&from=2017-04-01&to=2017-05-31');
		assert.equal(l.status, 200);
		assert.match(card(l.body, id), /<span class="badge badge--archive">Архів<\/span>/);

		// Not imported: nothing, on the page, the card and in the API.
		const n = await http(`/consultations/${other}`);
		assert.equal(n.status, 200);
		assert.ok(n.body.includes(`od-not-archived-${M}`));
		assert.ok(!/archive-note|Архівна консультація|архівний номер/.test(n.body), 'no notice');
		const nl = await http('/consultations?unit=dsk&from=2017-04-01&to=2017-05-31');
		assert.ok(!card(nl.body, other).includes('badge--archive'), 'no badge');
		assert.equal((await api(`/api/v1/consultations/${other}`)).json.archive, null);

		// Archived later: every worker's kept page follows its page_version
		// (more GETs than workers; `_` keeps nginx's 1 s micro-cache out).
		const fresh = (p, i) => `${p}?_=${M}-${i}`;
		for (let i = 0; i < 12; i++)
			assert.ok(!(await http(fresh(`/consultations/${other}`, `a${i}`))).body.includes('archive-note'));
		sql(`UPDATE consultations SET archived_at = '2020-01-15 10:00:00',
			archive_ref = ${sqlStr(`${ref}-X`)} WHERE id = ${other}`);
		for (let i = 0; i < 12; i++) {
			const m = await http(fresh(`/consultations/${other}`, `b${i}`));
			assert.ok(m.body.includes(`(архівний номер <span class="archive-note__ref">${ref}-X</span>)`),
				`the notice after the update (answer ${i + 1})`);
			assert.ok(m.body.includes('<time datetime="2020-01-15T12:00:00+02:00">15 січня 2020</time>'));
		}
		assert.deepEqual((await api(fresh(`/api/v1/consultations/${other}`, 'c'))).json.archive,
			{ imported_at: '2020-01-15T12:00:00+02:00', ref: `${ref}-X` });
		// The card too, at once: the UPDATE bumps listing_version (120).
		for (let i = 0; i < 12; i++) {
			const ul = await http(`/consultations?unit=dsk&from=2017-04-01&to=2017-05-31&_=${M}-d${i}`);
			assert.match(card(ul.body, other), /badge--archive/, `the badge after the update (answer ${i + 1})`);
		}
	});
});
