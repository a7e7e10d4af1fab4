// Comments and proposals (issue 4): the form on an open consultation's page,
// POST /consultations/{id}/comments, its receipt, and every refusal, each of
// which comes back as the form with the person's text still in it.
//
// Ground truth is the database: every text a test sends holds a marker of
// its own (this run and this submission), and the rows a test made are the
// rows whose body holds it.  Every request that can count against a
// per-address limit comes from an address of its own (X-Forwarded-For,
// trusted from 127.0.0.1 by the test stack: HROMADA_REAL_IP_FROM), so that
// the limits (3 a minute and 10 an hour in the database, nginx's limit_req
// on POSTs) see each test as another person, except where a test is about
// them.  Detail pages are asked for with a parameter of their own (`_`,
// ignored by the programs) so that nginx's 1 s micro-cache never answers
// with a copy from before a submission.
//
// This file also covers the case 60-microcache left for this issue: two
// visitors holding one cached copy of a detail page (the same form token)
// both get their comments stored.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	http, withData, sql, sqlInt, sqlStr, PUBLIC, STATUS, END, COMMENTS_PER_PAGE,
	BASE, HOST, PORT, commentIds, commentArticle, textOf, normSpace, errorStatus,
	freshAddr, sha256Hex, normaliseText, postForm, receiptLocation, commentForm,
	receiptOf, formToken, tokenIssued, parseUtc, VAR,
} from './lib.mjs';

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const TTL = Number(process.env.HROMADA_FORM_TOKEN_TTL || 86400);
const MICROCACHE = (process.env.HROMADA_MICROCACHE || 'on') !== 'off';
const TEXT_MAX = 5000;

let seq = 0;
let mailSeq = 0;
// A marker unique to this run and this submission.
const mark = () => `[t80-${RUN}-${++seq}]`;
// A URL that no micro-cached copy answers.
const fresh = (p) => `${p}${p.includes('?') ? '&' : '?'}_=t80-${RUN}-${++seq}`;

// ---- ground truth --------------------------------------------------------------

let firstId = 0;		// comments made by this file have a larger id

// Rows whose body holds marker m (made by this file), by id.
function rowsWith(m) {
	return sql(`SELECT id, consultation_id, kind, author_name, author_email,
			organisation, body, status, published_at IS NOT NULL,
			HEX(client_hash), SHA2(body, 256), submit_key IS NOT NULL
		FROM comments WHERE id > ${firstId} AND LOCATE(${sqlStr(m)}, body) > 0
		ORDER BY id`).map((r) => ({
		id: Number(r[0]), cid: Number(r[1]), kind: r[2], name: r[3], email: r[4],
		organisation: r[5], body: r[6], status: r[7], publishedAt: r[8] === '1',
		clientHash: r[9], sha256: r[10], hasKey: r[11] === '1',
	}));
}

function commentCount(cid) {
	const [[stored, real]] = sql(`SELECT c.comment_count, (SELECT COUNT(*) FROM comments m
		WHERE m.consultation_id = c.id AND m.status = 'published') FROM consultations c WHERE c.id = ${cid}`);
	return { stored: Number(stored), real: Number(real) };
}

// The detail page that shows published comment id (50 a page, by id).
async function detailPageOf(cid, id) {
	const before = sqlInt(`SELECT COUNT(*) FROM comments WHERE consultation_id = ${cid}
		AND status = 'published' AND id <= ${id}`);
	const page = Math.max(1, Math.ceil(before / COMMENTS_PER_PAGE));
	const r = await http(fresh(`/consultations/${cid}?page=${page}`));
	assert.equal(r.status, 200, `detail page ${page} of ${cid}`);
	return r.body;
}

// Every detail page of a consultation (its published comments), fresh.
async function allDetailPages(cid) {
	const n = sqlInt(`SELECT COUNT(*) FROM comments WHERE consultation_id = ${cid} AND status = 'published'`);
	const pages = Math.max(1, Math.ceil(n / COMMENTS_PER_PAGE));
	assert.ok(pages <= 20, `too many pages to scan: ${pages}`);
	const out = [];
	for (let p = 1; p <= pages; p++) {
		const r = await http(fresh(`/consultations/${cid}?page=${p}`));
		assert.equal(r.status, 200, `detail page ${p} of ${cid}`);
		out.push(r.body);
	}
	return out;
}

// The last "error:" line of a program's log (why it answered 5xx).
function lastLogError(name) {
	try {
		const lines = readFileSync(path.join(VAR, 'log', `${name}.log`), 'utf8').split('\n')
			.filter((l) => / error: /.test(l));
		return lines.length ? lines[lines.length - 1].slice(0, 300) : '(none)';
	} catch (e) {
		return `(no log: ${e.message})`;
	}
}

// ---- the form -------------------------------------------------------------------

const formPath = (cid) => `/consultations/${cid}/comments`;

// A fresh token from the form alone (200 when open, 409 when not).
async function tokenFor(cid) {
	const r = await http(formPath(cid));
	assert.ok([200, 409].includes(r.status), `GET ${formPath(cid)}: ${r.status}`);
	const f = commentForm(r.body);
	assert.ok(f && f.token, `no token in the form of ${cid}`);
	return f.token;
}

// A valid submission's fields, with a text and an e-mail of its own.
// The marker of a submission is the one its text holds (a test that sets
// the text puts one in it), else a new one in the default text.
function person(token, over = {}) {
	const m = over.marker ||
		(typeof over.text === 'string' && /\[t80-[^\]]+\]/.exec(over.text)?.[0]) || mark();
	const f = {
		token, kind: 'comment', name: 'Олена Петренко-Шевчук',
		email: `olena.${RUN}.${++mailSeq}@example.com`, organisation: undefined,
		text: `Пропоную облаштувати велодоріжку вздовж набережної. ${m}`,
		consent: 'yes', ...over,
	};
	delete f.marker;
	return { fields: f, marker: m };
}

const submit = (cid, fields, opts) => postForm(formPath(cid), fields, opts);

// A 303 to a receipt of consultation cid: { cid, id, mac, path }.
function assertReceipt(r, cid, where = 'submission') {
	assert.equal(r.status, 303, `${where}: status ${r.status}${r.status !== 303 ? `\n${textOf(r.body).slice(0, 400)}` : ''}`);
	const loc = receiptLocation(r);
	assert.ok(loc, `${where}: Location ${r.headers.get('location')} is not a receipt`);
	assert.equal(loc.cid, cid, `${where}: receipt of consultation ${loc.cid}`);
	return loc;
}

// The page that came back holds the person's values, exactly; fields
// listed in `except` are not compared.
function assertKept(f, sent, where, except = []) {
	assert.ok(f, `${where}: no comment form on the page`);
	const want = {
		name: sent.name ?? '', email: sent.email ?? '', organisation: sent.organisation ?? '',
		text: normaliseText(sent.text ?? ''),
	};
	for (const k of ['name', 'email', 'organisation', 'text'])
		if (!except.includes(k))
			assert.equal(f[k], want[k], `${where}: ${k} not kept as sent`);
	if (!except.includes('kind'))
		assert.equal(f.kind, sent.kind === 'proposal' ? 'proposal' : 'comment', `${where}: kind`);
	if (!except.includes('consent'))
		assert.equal(f.consent, sent.consent === 'yes', `${where}: consent`);
}

// No row of a submission that was refused: none with its marker nor its
// e-mail.
function assertNoRow(fields, marker, where) {
	const email = typeof fields.email === 'string' ? fields.email : '';
	const n = sqlInt(`SELECT COUNT(*) FROM comments WHERE id > ${firstId}
		AND (LOCATE(${sqlStr(marker)}, body) > 0 OR author_email = ${sqlStr(email)})`);
	assert.equal(n, 0, `${where}: a row was stored`);
}

// A refusal other than 400: its status, a message above the form, the
// person's values kept, a token in the form, and no row.
function assertRefused(r, status, sent, marker, where) {
	assert.equal(r.status, status, `${where}: status${r.status !== status ? `\n${textOf(r.body).slice(0, 400)}` : ''}`);
	const f = commentForm(r.body);
	assert.ok(f, `${where}: no comment form on the ${status} page`);
	assert.ok(f.message && f.message.length > 10, `${where}: no message above the form`);
	assertKept(f, sent, where);
	assertNoRow(sent, marker, where);
	return f;
}

// ---- city time (the 409 messages) ------------------------------------------------

const MONTHS = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня',
	'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];
let TZ = 'Europe/Kyiv';
try {
	new Intl.DateTimeFormat('en-US', { timeZone: TZ });
} catch {
	TZ = 'Europe/Kiev';
}
// "29 листопада 2026" and "08:00" of a UTC DATETIME, city time.
function cityTime(utc) {
	const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
		timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: 'numeric',
		day: 'numeric', hour: '2-digit', minute: '2-digit',
	}).formatToParts(new Date(parseUtc(utc))).map((x) => [x.type, x.value]));
	return { date: `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`, time: `${p.hour}:${p.minute}` };
}

// ---- raw requests -----------------------------------------------------------------

// A POST written on a socket (nginx may answer and close before the body
// is all sent; what it answered still counts).
function rawPost(target, headers, body) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		const sock = net.connect({ host: HOST, port: PORT });
		const timer = setTimeout(() => {
			sock.destroy();
			reject(new Error(`raw POST ${target}: no answer`));
		}, 30000);
		sock.on('connect', () => {
			sock.write(`POST ${target} HTTP/1.0\r\nHost: ${HOST}:${PORT}\r\n` +
				Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
				`Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
			sock.write(body);
		});
		sock.on('data', (d) => chunks.push(d));
		sock.on('error', (e) => {
			if (chunks.length > 0) return;
			clearTimeout(timer);
			reject(e);
		});
		sock.on('close', () => {
			clearTimeout(timer);
			const all = Buffer.concat(chunks);
			const m = /^HTTP\/\d\.\d (\d{3})/.exec(all.toString('latin1'));
			if (!m) {
				reject(new Error(`raw POST ${target}: no status line (${all.length} bytes)`));
				return;
			}
			const sep = all.indexOf('\r\n\r\n');
			resolve({ status: Number(m[1]), body: sep < 0 ? '' : all.subarray(sep + 4).toString('utf8') });
		});
	});
}

// ---- the consultations -------------------------------------------------------------

const OPEN = `${PUBLIC} AND ${STATUS} = 'open' AND ${END} > UTC_TIMESTAMP() + INTERVAL 1 DAY
	AND c.opens_at < UTC_TIMESTAMP() - INTERVAL 1 HOUR`;
const PUB = `(SELECT COUNT(*) FROM comments m WHERE m.consultation_id = c.id AND m.status = 'published')`;

function pick(where, order = 'c.id') {
	const [r] = sql(`SELECT c.id, c.slug, c.opens_at, ${END}, c.title FROM consultations c
		WHERE ${where} ORDER BY ${order} LIMIT 1`);
	return r && { id: Number(r[0]), slug: r[1], opensAt: r[2], endsAt: r[3], title: r[4] };
}

await withData(() => {
	const d = {
		post: pick(`${OPEN} AND c.moderation = 'post' AND ${PUB} BETWEEN 1 AND 40`),
		post2: pick(`${OPEN} AND c.moderation = 'post' AND ${PUB} BETWEEN 1 AND 40`, 'c.id DESC'),
		postMany: pick(`${OPEN} AND c.moderation = 'post' AND ${PUB} BETWEEN ${COMMENTS_PER_PAGE + 1} AND 400`),
		pre: pick(`${OPEN} AND c.moderation = 'pre' AND ${PUB} BETWEEN 1 AND 100`),
		notOpen: {
			'announced (opens later)': pick(`${PUBLIC} AND ${STATUS} = 'announced' AND c.status = 'announced'
				AND c.opens_at > UTC_TIMESTAMP() + INTERVAL 1 HOUR`),
			'closed (its dates passed)': pick(`${PUBLIC} AND ${STATUS} = 'closed' AND c.closed_at IS NULL`),
			'closed early (closed_at set)': pick(`${PUBLIC} AND ${STATUS} = 'closed' AND c.closed_at IS NOT NULL
				AND c.closes_at > UTC_TIMESTAMP() + INTERVAL 1 HOUR`),
			cancelled: pick(`${PUBLIC} AND c.status = 'cancelled'`),
			completed: pick(`${PUBLIC} AND c.status = 'completed'`),
		},
		draft: pick("c.status = 'draft'"),
		maxId: sqlInt('SELECT COALESCE(MAX(id), 0) FROM consultations'),
	};
	for (const k of ['post', 'post2', 'postMany', 'pre'])
		if (!d[k]) throw new Error(`no consultation for "${k}" in the data (open for a day more, with published comments)`);
	if (d.post.id === d.post2.id) throw new Error('only one open post-moderated consultation');
	for (const [k, c] of Object.entries(d.notOpen))
		if (!c) throw new Error(`no ${k} consultation in the data`);
	if (!d.draft) throw new Error('no draft consultation in the data');
	firstId = sqlInt('SELECT COALESCE(MAX(id), 0) FROM comments');
	return d;
}, (d) => {
	const P = d.post.id;

	// ---- the form on the page ---------------------------------------------------------

	describe('the form', () => {
		test('an open consultation\'s detail page carries the form with every field', async () => {
			const r = await http(fresh(`/consultations/${P}-${d.post.slug}`));
			assert.equal(r.status, 200);
			const f = commentForm(r.body);
			assert.ok(f, 'no form.comment-form');
			assert.equal(f.method, 'post');
			assert.equal(f.action, `/consultations/${P}/comments`);
			assert.equal(f.tokenType, 'hidden');
			assert.ok(tokenIssued(f.token) !== null, `token ${f.token} is not one`);
			assert.ok(Math.abs(tokenIssued(f.token) - Date.now() / 1000) < 600, 'token issued now');
			assert.deepEqual(f.kinds.map((k) => [k.value, k.type, k.checked]),
				[['comment', 'radio', true], ['proposal', 'radio', false]], 'kind: comment (default) or proposal');
			assert.equal(f.inputs.name?.type, 'text');
			assert.equal(f.name, '');
			assert.equal(f.inputs.email?.type, 'email');
			assert.equal(f.email, '');
			assert.equal(f.inputs.organisation?.type, 'text');
			assert.equal(f.text, '', 'an empty textarea named text');
			assert.equal(f.consentAttrs?.type, 'checkbox');
			assert.equal(f.consentAttrs?.value, 'yes');
			assert.equal(f.consent, false, 'consent is not pre-ticked');
			assert.ok(f.submit, 'a submit button');
			// Every field a person fills has its label.
			for (const n of ['name', 'email', 'organisation', 'consent'])
				assert.ok(f.labels.includes(f.inputs[n].id), `no label for ${n}`);
			assert.ok(f.labels.includes(f.textAttrs.id), 'no label for the text');
			for (const k of f.kinds) assert.ok(f.labels.includes(k.id), `no label for kind=${k.value}`);
			// The honeypot: empty, out of the tab order, hidden from
			// assistive technology (CSS puts it off-screen: browser test).
			assert.ok(f.honeypot, 'no honeypot field "website"');
			assert.equal(f.website, '');
			assert.equal(f.honeypot.attrs.tabindex, '-1');
			assert.equal(f.honeypot.box?.['aria-hidden'], 'true');
			assert.ok(!('required' in f.honeypot.attrs));
		});

		for (const [what, c] of Object.entries(d.notOpen))
			test(`${what}: no form on the detail page`, async () => {
				const r = await http(fresh(`/consultations/${c.id}`));
				assert.equal(r.status, 200);
				assert.equal(commentForm(r.body), null, `form.comment-form on /consultations/${c.id}`);
			});

		test('GET .../comments: the form alone (200) when open, with the consultation named', async () => {
			const r = await http(formPath(P));
			assert.equal(r.status, 200);
			const f = commentForm(r.body);
			assert.ok(f && f.submit && f.token, 'form with a token and a submit button');
			assert.equal(f.action, formPath(P));
			assert.ok(textOf(r.body).includes(normSpace(d.post.title)), 'the consultation\'s title');
			assert.ok(r.body.includes(`/consultations/${P}-${d.post.slug}`), 'a link to the consultation');
		});

		for (const [what, c] of Object.entries(d.notOpen))
			test(`GET .../comments, ${what}: 409 with a message and no submit button`, async () => {
				const r = await http(formPath(c.id));
				assert.equal(r.status, 409);
				const f = commentForm(r.body);
				assert.ok(f, 'the form (its text can be copied)');
				assert.equal(f.submit, false, 'a submit button on a 409 page');
				assert.ok(f.message && f.message.length > 10, 'a message');
			});

		test('GET .../comments of an unknown or draft consultation: 404', async () => {
			for (const id of [d.maxId + 1, d.draft.id, 4294967295]) {
				const r = await http(formPath(id));
				assert.equal(r.status, 404, `${formPath(id)}`);
				assert.equal(errorStatus(r.body), '404', 'our page');
				assert.equal(commentForm(r.body), null, 'no form');
			}
		});
	});

	// ---- a submission and its receipt ---------------------------------------------------

	describe('a submission, its receipt and the detail page', () => {
		test('post-moderated: 303 to the receipt; the row; the receipt\'s SHA-256 is that of the stored text', async () => {
			const before = commentCount(P);
			const { fields, marker } = person(await tokenFor(P), {
				kind: 'proposal', organisation: 'ГО «Зелений Поділ»',
				text: `Перший абзац пропозиції.\r\n\r\nДругий абзац: «лапки», апостроф ’ та емодзі 🚲.\r\nОстанній рядок ${mark()}`,
			});
			const addr = freshAddr();
			const r = await submit(P, fields, { addr });
			const loc = assertReceipt(r, P);
			const rows = rowsWith(marker);
			assert.equal(rows.length, 1, 'one row');
			const row = rows[0];
			const want = normaliseText(fields.text);
			assert.equal(row.id, loc.id, 'the receipt\'s number is the row\'s id');
			assert.equal(row.cid, P);
			assert.equal(row.kind, 'proposal');
			assert.equal(row.name, fields.name);
			assert.equal(row.email, fields.email);
			assert.equal(row.organisation, fields.organisation);
			assert.equal(row.body, want, 'stored text: as sent, CRLF as LF');
			assert.equal(row.status, 'published');
			assert.ok(row.publishedAt, 'published_at set');
			assert.match(row.clientHash || '', /^[0-9A-F]{64}$/, 'client_hash: 32 bytes');
			assert.ok(!Buffer.from(row.clientHash, 'hex').toString('latin1').includes(addr), 'address in clear');
			assert.deepEqual(commentCount(P), { stored: before.stored + 1, real: before.real + 1 }, 'comment_count');

			const rc = await http(loc.path);
			assert.equal(rc.status, 200, `GET ${loc.path}`);
			assert.notEqual(rc.headers.get('x-cache-status'), 'HIT', 'a receipt is never a cached copy');
			const rec = receiptOf(rc.body);
			assert.ok(rec, 'article.receipt');
			assert.equal(rec.id, String(row.id), 'data-id');
			assert.equal(rec.sha256, sha256Hex(want), 'data-sha256 = SHA-256 of the text sent, CRLF as LF');
			assert.equal(rec.sha256, row.sha256.toLowerCase(), 'data-sha256 = SHA2(comments.body, 256)');
			assert.equal(rec.status, 'published', 'the receipt says published');
			assert.ok(rec.text.includes(normSpace('Другий абзац: «лапки», апостроф ’ та емодзі 🚲.')), 'the text on the receipt');
			assert.ok(textOf(rec.html).includes(String(row.id)), 'its number shown');
			assert.ok(/<time\b[^>]*datetime="[^"]+"/.test(rec.html), 'its time');
			assert.ok(!rc.body.toLowerCase().includes(fields.email.toLowerCase()), 'the e-mail on the receipt');

			const page = await detailPageOf(P, row.id);
			assert.ok(commentIds(page).includes(row.id), `li#comment-${row.id} not on the detail page`);
			const li = commentArticle(page, row.id);
			assert.ok(/^<li\b[^>]*\bid="comment-\d+"/.test(li), 'li#comment-{id}');
			assert.ok(li.includes(`id="comment-${row.id}"`));
			const shown = textOf(li);
			assert.ok(shown.includes(fields.name), 'author shown');
			assert.ok(shown.includes(normSpace(fields.organisation)), 'organisation shown');
			assert.ok(shown.includes('Останній рядок'), 'text shown');
			assert.ok(!page.toLowerCase().includes(fields.email.toLowerCase()), 'the e-mail on the detail page');
		});

		test('the receipt\'s permanent link leads to the comment, even past the first page of comments', async () => {
			const c = d.postMany;
			const { fields, marker } = person(await tokenFor(c.id));
			const loc = assertReceipt(await submit(c.id, fields), c.id);
			const [row] = rowsWith(marker);
			assert.equal(row?.status, 'published');
			const rc = await http(loc.path);
			const rec = receiptOf(rc.body);
			// The permalink: the link whose fragment names the comment.
			const perma = [...rec.html.matchAll(/href="([^"]*#comment-(\d+))"/g)].map((m) => m[1]);
			assert.ok(perma.length > 0, 'no permanent link (…#comment-{id}) on the receipt');
			let url = new URL(perma[0].replace(/&amp;/g, '&'), BASE);
			assert.equal(url.hash, `#comment-${row.id}`);
			let r;
			for (let hops = 0; ; hops++) {
				r = await http(fresh(url.pathname + url.search));
				if (![301, 302, 303, 307, 308].includes(r.status) || hops === 3) break;
				url = new URL(r.headers.get('location'), url);
			}
			assert.equal(r.status, 200, `${url.pathname}${url.search}`);
			assert.ok(commentIds(r.body).includes(row.id),
				`the permanent link ${perma[0]} shows a page without comment ${row.id} ` +
				`(${sqlInt(`SELECT COUNT(*) FROM comments WHERE consultation_id = ${c.id} AND status = 'published'`)} published comments, ` +
				`${COMMENTS_PER_PAGE} a page)`);
		});

		test('pre-moderated: pending, not shown, the receipt says so; shown once published in SQL', async () => {
			const c = d.pre;
			const before = commentCount(c.id);
			const { fields, marker } = person(await tokenFor(c.id));
			const loc = assertReceipt(await submit(c.id, fields), c.id);
			const [row, extra] = rowsWith(marker);
			assert.ok(row && !extra, 'one row');
			assert.equal(row.status, 'pending');
			assert.equal(row.publishedAt, false, 'published_at NULL');
			assert.deepEqual(commentCount(c.id), before, 'comment_count unchanged');
			const rec = receiptOf((await http(loc.path)).body);
			assert.equal(rec.status, 'pending', 'the receipt says it awaits moderation');
			assert.equal(rec.sha256, sha256Hex(normaliseText(fields.text)));
			for (const b of await allDetailPages(c.id))
				assert.ok(!commentIds(b).includes(row.id), `pending comment ${row.id} shown`);

			sql(`UPDATE comments SET status = 'published', published_at = UTC_TIMESTAMP() WHERE id = ${row.id}`);
			assert.deepEqual(commentCount(c.id), { stored: before.stored + 1, real: before.real + 1 }, 'comment_count after publishing');
			const page = await detailPageOf(c.id, row.id);
			assert.ok(commentIds(page).includes(row.id), `published comment ${row.id} not shown`);
			assert.ok(!page.toLowerCase().includes(fields.email.toLowerCase()), 'the e-mail on the detail page');
			assert.equal(receiptOf((await http(loc.path)).body).status, 'published', 'the receipt follows');
		});

		test('more than 3 links: pending even when post-moderated; exactly 3 are published', async () => {
			const token = await tokenFor(P);
			const three = person(token, { text: `Див. http://example.org/a, https://example.org/b та www.example.com/c ${mark()}` });
			const four = person(token, { text: `Посилання: HTTPS://a.example/1 http://b.example/2 www.c.example/3 https://d.example/4 ${mark()}` });
			assertReceipt(await submit(P, three.fields), P, '3 links');
			const l4 = assertReceipt(await submit(P, four.fields), P, '4 links');
			const [r3] = rowsWith(three.marker);
			const [r4] = rowsWith(four.marker);
			assert.equal(r4?.status, 'pending', '4 links');
			assert.equal(r3?.status, 'published', '3 links');
			assert.equal(receiptOf((await http(l4.path)).body).status, 'pending', 'the receipt of 4 links');
			const b = await detailPageOf(P, r4.id);
			assert.ok(!commentIds(b).includes(r4.id), 'the one with 4 links is shown');
		});

		test('"https://www.…" is one link: three such links are published', async () => {
			const { fields, marker } = person(await tokenFor(P), {
				text: `Джерела: https://www.kyivcity.gov.ua/a, http://www.example.org/b, www.example.com/c ${mark()}`,
			});
			assertReceipt(await submit(P, fields), P);
			const [row] = rowsWith(marker);
			assert.equal(row?.status, 'published',
				'3 links, two of them written http(s)://www.…, went to moderation: each was counted twice');
		});

		test('honeypot filled: the same 303 as a success, stored as spam, never shown', async () => {
			const before = commentCount(P);
			const { fields, marker } = person(await tokenFor(P), { website: 'http://cheap-pills.example/' });
			const loc = assertReceipt(await submit(P, fields), P, 'honeypot');
			const [row, extra] = rowsWith(marker);
			assert.ok(row && !extra, 'one row');
			assert.equal(row.status, 'spam');
			assert.equal(row.publishedAt, false);
			assert.deepEqual(commentCount(P), before, 'comment_count unchanged');
			const rc = await http(loc.path);
			assert.equal(rc.status, 200);
			assert.notEqual(receiptOf(rc.body).status, 'published', 'the receipt of spam says published');
			for (const b of await allDetailPages(P))
				assert.ok(!commentIds(b).includes(row.id), `spam ${row.id} shown`);
		});

		// What the values below would put in a page if they were not escaped.
		const RAW_MARKUP = ['<script>alert', '<b>жирний', '<i>Іван', '<img src=x', '<a href="javascript'];
		test('HTML in the text, name and organisation is shown as text, never as markup', async () => {
			const { fields, marker } = person(await tokenFor(P), {
				name: '<i>Іван</i> "Лапки" & Co',
				organisation: '<img src=x onerror=alert(1)>',
				text: `<script>alert("xss")</script> <b>жирний</b> &amp; <a href="javascript:alert(1)">клік</a> ${mark()}`,
			});
			const loc = assertReceipt(await submit(P, fields), P);
			const [row] = rowsWith(marker);
			assert.equal(row.body, fields.text, 'stored as sent');
			for (const [where, html] of [['detail', commentArticle(await detailPageOf(P, row.id), row.id)],
				['receipt', receiptOf((await http(loc.path)).body)?.html]]) {
				assert.ok(html, `${where}: comment not found`);
				const t = textOf(html);
				for (const s of ['<script>alert("xss")</script>', '<b>жирний</b>', '&amp;', '<i>Іван</i> "Лапки" & Co'])
					assert.ok(t.includes(s), `${where}: ${s} not shown as text`);
				for (const s of RAW_MARKUP)
					assert.ok(!html.includes(s), `${where}: ${s} in the markup`);
			}
			// In the form sent back (400: no consent), too.
			const again = { ...fields, consent: undefined, text: `${fields.text} ${mark()}` };
			const r = await submit(P, again);
			assert.equal(r.status, 400);
			assertKept(commentForm(r.body), again, '400 with markup in the values');
			for (const s of RAW_MARKUP)
				assert.ok(!r.body.includes(s), `400 page: ${s} in the markup`);
		});

		test(`a text of exactly ${TEXT_MAX} characters after CRLF becomes LF (emoji count as one): accepted`, async () => {
			const m = mark();
			let t = `${m}\r\n`;
			while ([...normaliseText(t)].length + 3 <= TEXT_MAX) t += 'ї😀\r\n';
			while ([...normaliseText(t)].length < TEXT_MAX) t += 'я';
			assert.equal([...normaliseText(t)].length, TEXT_MAX);
			assert.ok([...t].length > TEXT_MAX, 'more than the limit before CRLF becomes LF');
			const { fields } = person(await tokenFor(P), { text: t });
			const loc = assertReceipt(await submit(P, fields), P);
			const [row] = rowsWith(m);
			assert.equal(row?.body, normaliseText(t));
			assert.equal(sqlInt(`SELECT CHAR_LENGTH(body) FROM comments WHERE id = ${row.id}`), TEXT_MAX);
			assert.equal(receiptOf((await http(loc.path)).body).sha256, sha256Hex(normaliseText(t)));
		});

		test('an organisation is optional: none sent, or an empty one, is stored as none', async () => {
			const token = await tokenFor(P);
			for (const organisation of [undefined, '']) {
				const { fields, marker } = person(token, { organisation });
				assertReceipt(await submit(P, fields), P, `organisation ${JSON.stringify(organisation)}`);
				const [row] = rowsWith(marker);
				assert.ok(row, 'stored');
				assert.ok(row.organisation === null || row.organisation === '', `organisation ${row.organisation}`);
			}
		});
	});

	// ---- field errors: 400 with the values kept -----------------------------------------

	describe('field errors: 400, the error at its field, every value kept', () => {
		// [field, value, the field's id, its name in aria-invalid (null: a radio group)]
		const ID = { kind: 'cf-kind-comment', name: 'cf-name', email: 'cf-email', organisation: 'cf-org', text: 'cf-text', consent: 'cf-consent' };
		const cases = [
			['name', undefined, 'missing'],
			['name', '', 'empty'],
			['name', 'Я', 'one character'],
			['name', 'Я'.repeat(201), '201 characters'],
			['name', '   ', 'spaces only'],
			['name', 'Іван\nПетренко', 'two lines'],
			['name', 'Іван\tПетренко', 'a tab'],
			['email', undefined, 'missing'],
			['email', '', 'empty'],
			['email', 'olena.example.com', 'no @'],
			['email', 'olena@localhost', 'no domain'],
			['email', 'olena petrenko@example.com', 'a space'],
			['email', 'Олена <olena@example.com>', 'a display name'],
			['email', `${'o'.repeat(250)}@example.com`, 'over 254 characters'],
			['organisation', 'Я', 'one character'],
			['organisation', 'О'.repeat(301), '301 characters'],
			['organisation', 'ГО\r\nКвіти', 'two lines'],
			['text', undefined, 'missing'],
			['text', '', 'empty'],
			['consent', undefined, 'not ticked'],
			['consent', 'no', 'not "yes"'],
			['consent', 'on', '"on"'],
			['kind', undefined, 'missing'],
			['kind', 'complaint', 'not comment or proposal'],
		];
		let token;
		for (const [field, value, what] of cases)
			test(`${field} ${what}: 400, the error at ${field}, values kept`, async () => {
				token ||= await tokenFor(P);
				const { fields, marker } = person(token, { organisation: 'ТОВ «Київ-Вело»', kind: 'proposal', [field]: value });
				const r = await submit(P, fields);
				assert.equal(r.status, 400, `status${r.status !== 400 ? `\n${textOf(r.body).slice(0, 300)}` : ''}`);
				const f = commentForm(r.body);
				assert.ok(f, 'no form on the 400 page');
				assert.ok(f.submit, 'the form can be sent again');
				assert.ok(f.token, 'a token');
				assert.ok(f.fieldErrors[`${ID[field]}-error`] || (field === 'kind' && f.fieldErrors['cf-kind-error']),
					`no p.field__error for ${field}: ${JSON.stringify(f.fieldErrors)}`);
				assert.ok(f.summary && f.summary.includes(`#${ID[field]}`), `div.form-errors has no link to #${ID[field]}: ${JSON.stringify(f.summary)}`);
				assert.ok(f.ids.includes(ID[field]), `#${ID[field]} (the link's target) is not in the form`);
				if (field !== 'kind')
					assert.ok(f.invalid.includes(field), `aria-invalid="true" not on ${field} (on: ${f.invalid.join(', ')})`);
				for (const other of Object.keys(ID))
					if (other !== field)
						assert.ok(!f.invalid.includes(other), `${other} marked invalid too`);
				// An input holds one line: a line break or a tab sent in
				// one may come back as a space.
				const oneLine = ['name', 'email', 'organisation'].includes(field) && /[\t\r\n]/.test(value);
				assertKept(f, fields, `${field} ${what}`, field === 'kind' || oneLine ? [field] : []);
				if (oneLine)
					assert.equal(f[field].replace(/\s+/g, ' '), value.replace(/\s+/g, ' '), `${field} not kept`);
				assertNoRow(fields, marker, `${field} ${what}`);
			});

		test('every field wrong at once: each error listed and linked to its field; the kind stays', async () => {
			const r = await submit(P, { token: await tokenFor(P), kind: 'proposal' });
			assert.equal(r.status, 400);
			const f = commentForm(r.body);
			for (const id of ['cf-name', 'cf-email', 'cf-text', 'cf-consent']) {
				assert.ok(f.summary.includes(`#${id}`), `no link to #${id}`);
				assert.ok(f.fieldErrors[`${id}-error`], `no error at ${id}`);
			}
			assert.deepEqual(f.invalid.sort(), ['consent', 'email', 'name', 'text']);
			assert.equal(f.kind, 'proposal');
		});

		test('the text keeps its line breaks and tabs when the form comes back (400, 403, 409)', async () => {
			const text = `Перший рядок\r\nДругий рядок\n\nАбзац\tз табуляцією ${mark()}`;
			const cases = [
				['400 (no consent)', P, { consent: undefined }],
				['403 (forged token)', P, { token: 'A'.repeat(54) }],
				['409 (closed)', d.notOpen['closed (its dates passed)'].id, {}],
			];
			for (const [what, cid, over] of cases) {
				const { fields } = person(await tokenFor(cid), { text, ...over });
				const r = await submit(cid, fields);
				assert.equal(r.status, Number(what.slice(0, 3)), what);
				const f = commentForm(r.body);
				assert.ok(f, `${what}: no form (status ${r.status})`);
				assert.equal(JSON.stringify(f.text), JSON.stringify(normaliseText(text)),
					`${what}: the text that came back differs from the one sent`);
			}
		});

		test('a text that starts with a line break keeps it when the form comes back', async () => {
			const { fields } = person(await tokenFor(P), { consent: undefined, text: `\nПісля порожнього рядка ${mark()}` });
			const r = await submit(P, fields);
			assert.equal(r.status, 400);
			// A browser drops one line break right after <textarea>: the
			// page must have two for the text's own to survive.
			assert.equal(JSON.stringify(commentForm(r.body).text), JSON.stringify(fields.text));
		});

		const over = [
			[`${TEXT_MAX + 1} Cyrillic letters`, 'ж', TEXT_MAX + 1],
			[`${TEXT_MAX + 1} emoji (over the byte limit too)`, '🚲', TEXT_MAX + 1],
			['30000 ASCII letters', 'a', 30000],
		];
		for (const [what, ch, n] of over)
			test(`a text of ${what}: 400, the first ${TEXT_MAX} kept, the message says it was cut`, async () => {
				const m = mark();
				const text = m + ch.repeat(n - [...m].length);
				assert.equal([...text].length, n);
				const { fields } = person(await tokenFor(P), { text });
				const r = await submit(P, fields);
				assert.equal(r.status, 400);
				const f = commentForm(r.body);
				assert.equal([...f.text].length, TEXT_MAX, 'characters in the textarea');
				assert.equal(f.text, [...text].slice(0, TEXT_MAX).join(''), 'the first 5000 characters');
				assert.ok(f.invalid.includes('text'), 'text marked invalid');
				const msg = f.fieldErrors['cf-text-error'] || '';
				assert.ok(msg.includes(String(TEXT_MAX)), `the message names the limit: ${msg}`);
				assert.ok(msg.includes(String(n)), `the message says how long the text was (${n}): ${msg}`);
				assert.ok(f.summary.includes('#cf-text'));
				assertKept(f, fields, what, ['text']);
				assert.deepEqual(rowsWith(m), [], 'a row was stored');
			});
	});

	// ---- bad bytes ---------------------------------------------------------------------

	describe('invalid UTF-8 and NUL bytes: 400 with the field marked, the rest kept, no 5xx', () => {
		const BAD = { '%FF': '\uFFFD', '%00': '\uFFFD', '%C3%28': '\uFFFD(' };
		const around = {
			name: ['Іван', 'Петренко'],
			email: ['ivan', '@example.com'],
			organisation: ['ГО «Квіти', '»'],
			text: ['Добрий ', ' день'],
		};
		for (const [field, [a, b]] of Object.entries(around))
			for (const [bad, shown] of Object.entries(BAD))
				test(`${bad} in ${field}: 400, ${field} marked, shown with U+FFFD, the rest kept`, async () => {
					const m = mark();
					const { fields } = person(await tokenFor(P), { marker: m, organisation: 'ГО «Квіти»' });
					const tail = field === 'text' ? `${b} ${m}` : b;
					const sent = { ...fields, [field]: { raw: encodeURIComponent(a) + bad + encodeURIComponent(tail) } };
					const r = await submit(P, sent);
					assert.equal(r.status, 400, `status${r.status >= 500 ? ' (5xx)' : ''}`);
					const f = commentForm(r.body);
					assert.ok(f, 'no form');
					assert.ok(f.invalid.includes(field), `${field} not marked invalid (${f.invalid.join(', ')})`);
					const want = field === 'text' ? `${a}${shown}${b} ${m}` : `${a}${shown}${b}`;
					assert.equal(f[field], want, `${field} as shown`);
					assertKept(f, fields, `${bad} in ${field}`, [field]);
					assertNoRow(fields, m, `${bad} in ${field}`);
				});

		for (const [bad] of Object.entries(BAD)) {
			test(`${bad} in kind or consent: 400 at that field, text kept`, async () => {
				for (const field of ['kind', 'consent']) {
					const { fields, marker } = person(await tokenFor(P));
					const r = await submit(P, { ...fields, [field]: { raw: bad } });
					assert.equal(r.status, 400, field);
					const f = commentForm(r.body);
					assert.ok(f.summary?.some((h) => h.startsWith(`#cf-${field}`)), `${field}: no error link`);
					assert.equal(f.text, normaliseText(fields.text), `${field}: text kept`);
					assert.deepEqual(rowsWith(marker), [], `${field}: a row`);
				}
			});
			test(`${bad} in the token: 403, text kept; in the honeypot: 303 and spam`, async () => {
				const t = person(await tokenFor(P));
				const r = await submit(P, { ...t.fields, token: { raw: `AAAA${bad}AAAA` } });
				assertRefused(r, 403, t.fields, t.marker, 'bad token');
				const h = person(await tokenFor(P));
				assertReceipt(await submit(P, { ...h.fields, website: { raw: `x${bad}` } }), P, 'bad honeypot');
				assert.deepEqual(rowsWith(h.marker).map((x) => x.status), ['spam']);
			});
		}
	});

	// ---- form tokens ----------------------------------------------------------------------

	describe('form tokens: 403 with the text kept and a fresh token that works', () => {
		// The 403, then the form sent again with the token it carries: 303.
		async function refusedThenAccepted(cid, token, what, { retry = true } = {}) {
			const { fields, marker } = person(token, { organisation: 'ОСББ «Липки»', kind: 'proposal' });
			const r = await submit(cid, fields);
			const f = assertRefused(r, 403, fields, marker, what);
			assert.ok(f.submit, `${what}: no submit button`);
			assert.ok(f.token && f.token !== token, `${what}: no fresh token (${f.token})`);
			const issued = tokenIssued(f.token);
			assert.ok(issued !== null && Math.abs(issued - Date.now() / 1000) < 600, `${what}: the new token is not one issued now`);
			assert.equal(f.token, formToken(cid, issued), `${what}: the new token is not one for consultation ${cid}`);
			if (retry) {
				assertReceipt(await submit(cid, { ...fields, token: f.token }), cid, `${what}, sent again with the new token`);
				assert.equal(rowsWith(marker).length, 1, `${what}: one row after sending again`);
			}
		}

		test('the forging of tokens here matches the server\'s (a token made here is accepted)', async () => {
			const token = formToken(P, Math.floor(Date.now() / 1000) - TTL + 600);
			const { fields, marker } = person(token);
			assertReceipt(await submit(P, fields), P, 'a token made with the secret, nearly expired');
			assert.equal(rowsWith(marker).length, 1);
		});
		test('forged (right shape, wrong MAC)', async () => {
			const good = await tokenFor(P);
			const raw = Buffer.from(good, 'base64url');
			raw[raw.length - 1] ^= 1;
			await refusedThenAccepted(P, raw.toString('base64url'), 'forged');
		});
		test(`expired (issued more than ${TTL} s ago)`, async () => {
			await refusedThenAccepted(P, formToken(P, Math.floor(Date.now() / 1000) - TTL - 120), 'expired');
		});
		test('issued an hour in the future', async () => {
			await refusedThenAccepted(P, formToken(P, Math.floor(Date.now() / 1000) + 3600), 'future', { retry: false });
		});
		test('for another consultation', async () => {
			await refusedThenAccepted(P, await tokenFor(d.post2.id), 'another consultation\'s');
		});
		test('for another purpose', async () => {
			await refusedThenAccepted(P, formToken(P, Math.floor(Date.now() / 1000), { purpose: 'subscribe' }), 'another purpose', { retry: false });
		});
		test('missing', async () => {
			await refusedThenAccepted(P, undefined, 'missing');
		});
		test('empty or not base64url', async () => {
			for (const t of ['', '!!!!', 'AAAA', 'A'.repeat(300)])
				await refusedThenAccepted(P, t, `token ${JSON.stringify(t.slice(0, 10))}`, { retry: false });
		});
	});

	// ---- double submission ---------------------------------------------------------------

	describe('double submission: one row for one person, one for each person', () => {
		test('the same token, e-mail and text twice (and once more from another address): one row, one receipt', async () => {
			const { fields, marker } = person(await tokenFor(P));
			const addr = freshAddr();
			const a = assertReceipt(await submit(P, fields, { addr }), P, 'first');
			const b = assertReceipt(await submit(P, fields, { addr }), P, 'second');
			const c = assertReceipt(await submit(P, fields), P, 'third, another address');
			assert.equal(b.path, a.path);
			assert.equal(c.path, a.path);
			assert.deepEqual(rowsWith(marker).map((x) => x.id), [a.id]);
		});

		test('concurrent identical POSTs (a double click, 2 to 5 at once): every one 303 to one receipt, one row', async () => {
			for (const n of [2, 3, 5]) {
				const { fields, marker } = person(await tokenFor(P));
				const addr = freshAddr();
				const rs = await Promise.all(Array.from({ length: n }, () => submit(P, fields, { addr })));
				const locs = rs.map((r, i) => assertReceipt(r, P, `${n} at once, #${i + 1}`).path);
				assert.equal(new Set(locs).size, 1, `${n} at once: receipts ${[...new Set(locs)].join(', ')}`);
				const rows = rowsWith(marker);
				assert.equal(rows.length, 1, `${n} at once: ${rows.length} rows`);
				assert.equal(receiptLocation(rs[0]).id, rows[0].id);
			}
		});

		test('the same token with another text, or another e-mail: a row each', async () => {
			const token = await tokenFor(P);
			const m = mark();
			const base = person(token, { marker: m });
			const otherText = { ...base.fields, text: `${base.fields.text} (ще одне речення)` };
			const otherEmail = { ...base.fields, email: `other.${RUN}.${++mailSeq}@example.com` };
			const locs = [];
			for (const f of [base.fields, otherText, otherEmail])
				locs.push(assertReceipt(await submit(P, f), P).id);
			assert.equal(new Set(locs).size, 3, 'three receipts');
			assert.deepEqual(rowsWith(m).map((x) => x.id), locs.sort((x, y) => x - y));
		});

		// (A race: 5 rounds of 20 so that a lock conflict between
		// concurrent writes shows on every run, not now and then.)
		test('different people at the same moment (20 at once, 5 times): every one 303 and stored, never a 503', async () => {
			for (let round = 1; round <= 5; round++) {
				const token = await tokenFor(P);
				const people = Array.from({ length: 20 }, () => person(token));
				const rs = await Promise.all(people.map((p) => submit(P, p.fields)));
				const bad = rs.map((r, i) => [i, r.status]).filter(([, st]) => st !== 303);
				assert.deepEqual(bad, [], `round ${round}: [person, status] not 303` +
					(bad.length ? ` (e.g. ${textOf(rs[bad[0][0]].body).replace(/^.*?(Зараз|Перевірте|Не вдалося)/, '$1').slice(0, 120)}…)` +
						`\nthe comment program's last error: ${lastLogError('comment')}` : ''));
				for (const [i, p] of people.entries()) {
					const rows = rowsWith(p.marker);
					assert.equal(rows.length, 1, `round ${round}, person ${i}: ${rows.length} rows`);
					assert.equal(rows[0].id, receiptLocation(rs[i]).id);
				}
			}
		});

		test('two visitors of one cached copy of the detail page (same token) both get their comment stored and shown', async () => {
			const url = fresh(`/consultations/${P}-${d.post.slug}`);
			let first, second;
			for (let i = 0; i < 3; i++) {
				const u = i === 0 ? url : fresh(`/consultations/${P}-${d.post.slug}`);
				first = await http(u);
				second = await http(u);
				if (!MICROCACHE || second.headers.get('x-cache-status') === 'HIT') break;
			}
			assert.equal(first.status, 200);
			if (MICROCACHE) {
				assert.equal(second.headers.get('x-cache-status'), 'HIT', 'the second visitor got the cached copy');
				assert.equal(second.body, first.body, 'the same copy');
			}
			const tokA = commentForm(first.body).token;
			const tokB = commentForm(second.body).token;
			if (MICROCACHE) assert.equal(tokB, tokA, 'both hold the same token');
			const a = person(tokA, { name: 'Відвідувач Перший' });
			const b = person(tokB, { name: 'Відвідувачка Друга' });
			const ra = await submit(P, a.fields);
			const rb = await submit(P, b.fields);
			const la = assertReceipt(ra, P, 'visitor A');
			const lb = assertReceipt(rb, P, 'visitor B');
			assert.notEqual(la.id, lb.id, 'two receipts');
			const [rowA] = rowsWith(a.marker);
			const [rowB] = rowsWith(b.marker);
			assert.equal(rowA?.id, la.id);
			assert.equal(rowB?.id, lb.id);
			assert.equal(rowA.name, a.fields.name);
			assert.equal(rowB.name, b.fields.name);
			const page = await detailPageOf(P, Math.max(la.id, lb.id));
			for (const id of [la.id, lb.id])
				assert.ok(commentIds(page).includes(id) || commentIds(await detailPageOf(P, id)).includes(id), `comment ${id} not shown`);
		});
	});

	// ---- not open ---------------------------------------------------------------------------

	describe('a consultation that is not open: 409, the text kept', () => {
		for (const [what, c] of Object.entries(d.notOpen))
			test(`${what}: 409 with a message, no submit button, text kept, no row`, async () => {
				const { fields, marker } = person(await tokenFor(c.id), { organisation: 'ГО «Квіти»' });
				const r = await submit(c.id, fields);
				const f = assertRefused(r, 409, fields, marker, what);
				assert.equal(f.submit, false, 'a submit button');
				if (what.startsWith('announced')) {
					const { date, time } = cityTime(c.opensAt);
					assert.ok(f.message.includes(date) && f.message.includes(time),
						`the message does not say when it opens (${date}, ${time}): ${f.message}`);
				}
				if (what.startsWith('closed')) {
					const { date, time } = cityTime(c.endsAt);
					assert.ok(f.message.includes(date) && f.message.includes(time),
						`the message does not say when it closed (${date}, ${time}): ${f.message}`);
				}
			});

		test('an unknown or draft consultation: 404, no row', async () => {
			for (const id of [d.maxId + 1, d.draft.id]) {
				const { fields, marker } = person(await tokenFor(P));
				const r = await submit(id, { ...fields, token: formToken(id, Math.floor(Date.now() / 1000)) });
				assert.equal(r.status, 404, `POST ${formPath(id)}`);
				assert.equal(errorStatus(r.body), '404');
				assert.ok(!r.body.includes(fields.email), 'nothing of the submission echoed on a 404');
				assertNoRow(fields, marker, `POST ${formPath(id)}`);
			}
		});
	});

	// ---- rate limits -----------------------------------------------------------------------

	describe('rate limits per address', () => {
		const added = [];
		after(() => {
			if (added.length) sql(`DELETE FROM comments WHERE id IN (${added.join(', ')})`);
		});

		test('the database\'s: a 4th submission in a minute from one address is 429 with Retry-After and the text kept', async () => {
			const token = await tokenFor(P);
			const addr = freshAddr();
			const ids = [];
			for (let i = 1; i <= 3; i++) {
				const { fields } = person(token);
				ids.push(assertReceipt(await submit(P, fields, { addr }), P, `submission ${i}`).id);
			}
			const hashes = sql(`SELECT DISTINCT HEX(client_hash) FROM comments WHERE id IN (${ids.join(', ')})`);
			assert.equal(hashes.length, 1, 'one address, one client_hash');
			const fourth = person(token, { organisation: 'ОСББ «Липки»', kind: 'proposal' });
			const r = await submit(P, fourth.fields, { addr });
			assertRefused(r, 429, fourth.fields, fourth.marker, '4th in a minute');
			assert.match(r.headers.get('retry-after') || '', /^[1-9][0-9]*$/, 'Retry-After in seconds');
			assert.ok(commentForm(r.body).submit, 'the form can be sent again');
			// Another address is another person.
			const loc = assertReceipt(await submit(P, fourth.fields), P, 'the same from another address');
			assert.equal(rowsWith(fourth.marker).length, 1);
			const [other] = sql(`SELECT HEX(client_hash) FROM comments WHERE id = ${loc.id}`);
			assert.notEqual(other[0], hashes[0][0], 'another address, another client_hash');
		});

		test('the database\'s: an 11th submission in an hour from one address is 429 with Retry-After', async () => {
			const token = await tokenFor(P);
			const addr = freshAddr();
			const first = person(token);
			const loc = assertReceipt(await submit(P, first.fields, { addr }), P, 'first');
			// Nine more from that address, 20 minutes ago (spam: they
			// change nothing that is shown; deleted after).
			const [[hash]] = sql(`SELECT HEX(client_hash) FROM comments WHERE id = ${loc.id}`);
			assert.match(hash || '', /^[0-9A-F]{64}$/);
			sql(`INSERT INTO comments (consultation_id, kind, author_name, author_email, body, status, created_at, client_hash)
				SELECT m.consultation_id, 'comment', 'T80 hour', m.author_email, CONCAT('hour ', n.i), 'spam',
					UTC_TIMESTAMP() - INTERVAL 20 MINUTE, m.client_hash
				FROM comments m JOIN (SELECT 1 i UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
					UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) n
				WHERE m.id = ${loc.id}`);
			added.push(...sql(`SELECT id FROM comments WHERE id > ${loc.id} AND author_name = 'T80 hour'
				AND client_hash = X'${hash}'`).map((r) => Number(r[0])));
			assert.equal(added.length, 9, 'nine rows added');
			// Ten in the hour, one in the minute: the hour's limit decides.
			const eleventh = person(token);
			const r = await submit(P, eleventh.fields, { addr });
			assertRefused(r, 429, eleventh.fields, eleventh.marker, '11th in an hour');
			assert.match(r.headers.get('retry-after') || '', /^[1-9][0-9]*$/, 'Retry-After in seconds');
		});

		test('nginx\'s limit_req: a burst of 25 POSTs from one address gets 429s (its page), never a 5xx; GETs still pass', async () => {
			const addr = freshAddr();
			const body = 'kind=comment&name=Burst&email=burst%40example.com&text=burst&consent=yes';
			const rs = await Promise.all(Array.from({ length: 25 }, () => submit(P, body, { addr })));
			const statuses = rs.map((r) => r.status);
			const limited = rs.filter((r) => r.status === 429);
			assert.ok(limited.length >= 1, `no 429 in a burst of 25: ${statuses.join(' ')}`);
			for (const r of limited)
				assert.ok(r.body.includes('Забагато запитів'), 'a 429 that is not nginx\'s page');
			assert.deepEqual(rs.filter((r) => r.status !== 429 && r.status !== 403).map((r) => r.status), [],
				'the requests that passed are the program\'s 403 (no token)');
			const g = await http(formPath(P), { headers: { 'x-forwarded-for': addr } });
			assert.equal(g.status, 200, 'a GET from the same address');
		});
	});

	// ---- sizes ------------------------------------------------------------------------------

	describe('sizes', () => {
		test('a 2 MB body: 413 with nginx\'s page, no row', async () => {
			const m = mark();
			const { fields } = person(await tokenFor(P), { text: `${m} ${'x'.repeat(2 * 1024 * 1024)}` });
			const body = Buffer.from(new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== undefined)).toString());
			const r = await rawPost(formPath(P), {
				'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': freshAddr(),
			}, body);
			assert.equal(r.status, 413);
			assert.ok(r.body.includes('Надіслано забагато даних'), 'nginx\'s 413 page');
			assert.deepEqual(rowsWith(m), []);
		});
	});

	// ---- receipts ---------------------------------------------------------------------------

	describe('receipts', () => {
		let loc;
		test('a wrong MAC, another receipt\'s MAC, another consultation, an unknown number: 404', async () => {
			const { fields } = person(await tokenFor(P));
			loc = assertReceipt(await submit(P, fields), P);
			const other = assertReceipt(await submit(P, person(await tokenFor(P)).fields), P);
			assert.equal((await http(loc.path)).status, 200, 'the right one');
			const flip = (s) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');
			const wrong = [
				`/consultations/${P}/receipt/${loc.id}-${flip(loc.mac)}`,
				`/consultations/${P}/receipt/${loc.id}-${'A'.repeat(22)}`,
				`/consultations/${P}/receipt/${loc.id}-${other.mac}`,
				`/consultations/${d.post2.id}/receipt/${loc.id}-${loc.mac}`,
				`/consultations/${d.maxId + 1}/receipt/${loc.id}-${loc.mac}`,
				`/consultations/${P}/receipt/4294967295-${loc.mac}`,
			];
			for (const p of wrong) {
				const r = await http(p);
				assert.equal(r.status, 404, p);
				assert.equal(receiptOf(r.body), null, `${p}: a receipt shown`);
				assert.ok(!r.body.includes(fields.text.slice(0, 30)), `${p}: the text shown`);
			}
		});
		test('malformed receipt addresses: 4xx, never 5xx', async () => {
			for (const p of [`/consultations/${P}/receipt/abc`, `/consultations/${P}/receipt/1-`,
				`/consultations/${P}/receipt/0-${'A'.repeat(22)}`, `/consultations/${P}/receipt/1-${'A'.repeat(23)}`,
				`/consultations/${P}/receipt/99999999999-${'A'.repeat(22)}`]) {
				const r = await http(p);
				assert.ok(r.status >= 400 && r.status < 500, `${p}: ${r.status}`);
			}
		});
	});
});
