// Load (issue 4): 50 clients submit comments for 30 s, as fast as they get
// answers, to ONE open post-moderated consultation while 5 others read its
// detail page.  Every submission is unique (its own e-mail and text; the
// clients reuse their form token, as a person who sends several comments
// from one page does).  Then the database must hold exactly the comments
// that got a 303: one row for every 303 (its receipt's number), no row
// without one, each with the text that was sent; no answer anywhere is a
// 5xx or a dropped connection.  Throughput is printed, never asserted.
//
// Needs a stack started with HROMADA_RATE_LIMIT=off (nginx's limit_req and
// the programs' per-address limits lifted by configuration):
//
//   HROMADA_VAR=... HROMADA_PORT=... HROMADA_RATE_LIMIT=off scripts/stack.sh start
//   HROMADA_VAR=... HROMADA_URL=http://127.0.0.1:PORT tests/http/run.sh tests/load/comments-load.test.mjs
//
// HROMADA_LOAD_SECONDS [30], HROMADA_LOAD_WRITERS [50], HROMADA_LOAD_READERS [5].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
	withData, sql, sqlInt, sqlStr, PUBLIC, STATUS, END, HOST, PORT,
	freshAddr, formBody, commentForm, receiptOf, sha256Hex, normaliseText,
	receiptLocation, VAR,
} from '../http/lib.mjs';

const SECONDS = Number(process.env.HROMADA_LOAD_SECONDS || 30);
const WRITERS = Number(process.env.HROMADA_LOAD_WRITERS || 50);
const READERS = Number(process.env.HROMADA_LOAD_READERS || 5);
const TIMEOUT_MS = 30000;
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const MARK = `[load-${RUN}]`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 60 });

// One request through the keep-alive agent; never throws: { status (0: no
// answer), headers, body, error }.
function request(method, path, { headers = {}, body } = {}) {
	return new Promise((resolve) => {
		const req = http.request({
			host: HOST, port: PORT, method, path, agent,
			headers: { ...headers, ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}) },
			timeout: TIMEOUT_MS,
		}, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({
				status: res.statusCode,
				headers: { get: (k) => res.headers[k.toLowerCase()] ?? null },
				body: Buffer.concat(chunks).toString('utf8'),
			}));
			res.on('error', (e) => resolve({ status: 0, error: e.message, headers: { get: () => null }, body: '' }));
		});
		req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
		req.on('error', (e) => resolve({ status: 0, error: e.message, headers: { get: () => null }, body: '' }));
		if (body !== undefined) req.write(body);
		req.end();
	});
}

// The error lines a program logged since this file started, counted by
// message (why it answered 5xx).
const logStart = {};
function logSize(name) {
	try {
		return statSync(path.join(VAR, 'log', `${name}.log`)).size;
	} catch {
		return 0;
	}
}
logStart.comment = logSize('comment');
function logErrors(name) {
	let text = '';
	try {
		text = readFileSync(path.join(VAR, 'log', `${name}.log`)).subarray(logStart[name] || 0).toString('utf8');
	} catch {
		return '(no log)';
	}
	const n = {};
	for (const l of text.split('\n')) {
		const m = / error: (.*)$/.exec(l);
		if (m) n[m[1].slice(0, 160)] = (n[m[1].slice(0, 160)] || 0) + 1;
	}
	const list = Object.entries(n).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${v} × ${k}`);
	return list.length ? list.join('; ') : '(no error lines)';
}

await withData(() => {
	const [c] = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} AND ${STATUS} = 'open'
		AND c.moderation = 'post' AND ${END} > UTC_TIMESTAMP() + INTERVAL 1 DAY
		ORDER BY c.id DESC LIMIT 1`);
	if (!c) throw new Error('no open post-moderated consultation (open for a day more) in the data');
	return { id: Number(c[0]), slug: c[1], firstId: sqlInt('SELECT COALESCE(MAX(id), 0) FROM comments') };
}, ({ id, slug, firstId }) => {
	const formPath = `/consultations/${id}/comments`;
	const detailPath = `/consultations/${id}-${slug}`;

	test(`${WRITERS} clients submitting for ${SECONDS} s while ${READERS} read: every 303 one row, no row without one, no 5xx`, async () => {
		const posts = [];		// { client, n, status, location, sha256, error }
		const reads = [];		// { status, error }
		const other = [];		// GETs of the form and of receipts
		let deadline;

		async function writer(client) {
			const addr = freshAddr();
			const g = await request('GET', formPath, { headers: { 'x-forwarded-for': addr } });
			other.push({ what: 'form', status: g.status, error: g.error });
			const token = g.status === 200 ? commentForm(g.body)?.token : null;
			if (!token) return;
			for (let n = 1; Date.now() < deadline; n++) {
				const text = `Навантажувальний тест ${MARK} клієнт ${client}, коментар ${n}.\r\n` +
					`Другий рядок: ${'ї'.repeat(n % 50)}`;
				const body = formBody({
					token, kind: n % 3 === 0 ? 'proposal' : 'comment', name: `Клієнт ${client}`,
					email: `load.${RUN}.${client}.${n}@example.com`, text, consent: 'yes',
				});
				const r = await request('POST', formPath, {
					headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': addr }, body,
				});
				posts.push({
					client, n, status: r.status, error: r.error,
					location: r.status === 303 ? receiptLocation(r) : null,
					sha256: sha256Hex(normaliseText(text)),
					says: r.status >= 400 ? (commentForm(r.body)?.message ||
						r.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)) : null,
				});
			}
		}

		async function reader(k) {
			for (let n = 0; Date.now() < deadline; n++) {
				// Half through the micro-cache, half asking the program.
				const p = n % 2 === 0 ? detailPath : `${detailPath}?_=load-${RUN}-${k}-${n}`;
				const r = await request('GET', p);
				reads.push({ status: r.status, error: r.error });
			}
		}

		const t0 = Date.now();
		deadline = t0 + SECONDS * 1000;
		await Promise.all([
			...Array.from({ length: WRITERS }, (_, i) => writer(i + 1)),
			...Array.from({ length: READERS }, (_, i) => reader(i + 1)),
		]);
		const secs = (Date.now() - t0) / 1000;

		const tally = (list) => list.reduce((m, r) => ((m[r.status] = (m[r.status] || 0) + 1), m), {});
		const ok = posts.filter((p) => p.status === 303);
		console.log(`load: ${posts.length} submissions in ${secs.toFixed(1)} s by ${WRITERS} clients: ` +
			`${(ok.length / secs).toFixed(0)} stored a second; statuses ${JSON.stringify(tally(posts))}; ` +
			`${reads.length} detail reads by ${READERS} (${(reads.length / secs).toFixed(0)} a second), ` +
			`statuses ${JSON.stringify(tally(reads))}`);

		// Rows of this run, compared with the 303s.
		const rows = new Map(sql(`SELECT id, SHA2(body, 256), status FROM comments
			WHERE consultation_id = ${id} AND id > ${firstId} AND LOCATE(${sqlStr(MARK)}, body) > 0`)
			.map(([rid, sha, st]) => [Number(rid), { sha, status: st }]));

		// Every check runs; the failures are reported together.
		const problems = [];
		const check = (cond, msg) => {
			if (!cond) problems.push(typeof msg === 'function' ? msg() : msg);
		};

		// Nothing failed: no 5xx, no dropped connection, anywhere.
		const broken = [...posts, ...reads, ...other].filter((r) => r.status === 0 || r.status >= 500);
		const example = broken.find((r) => r.says || r.error);
		check(broken.length === 0, () => `${broken.length} answers were 5xx or none: ` +
			`${JSON.stringify(tally(broken))}${example ? `; e.g. "${example.error || example.says}"` : ''}` +
			`; the comment program's log says: ${logErrors('comment')}`);
		check(JSON.stringify(tally(other)) === JSON.stringify({ 200: WRITERS }), () => `GET of the form: ${JSON.stringify(tally(other))}`);
		check(reads.length > 0 && reads.every((r) => r.status === 200), () => `detail reads: ${JSON.stringify(tally(reads))}`);
		const notStored = posts.filter((p) => p.status !== 303 && p.status !== 0 && p.status < 500);
		check(notStored.length === 0, () => `submissions answered 4xx: ${JSON.stringify(tally(notStored))}` +
			(notStored.some((p) => p.status === 429) ? ' (429: start the stack with HROMADA_RATE_LIMIT=off)' : '') +
			(notStored[0]?.says ? `; e.g. "${notStored[0].says}"` : ''));
		check(ok.length > 0, 'no submission stored');

		// Every 303 names a receipt of this consultation; all distinct.
		check(ok.every((p) => p.location && p.location.cid === id), 'a 303 that is not a receipt of this consultation');
		const ids = ok.filter((p) => p.location).map((p) => p.location.id);
		const idSet = new Set(ids);
		check(idSet.size === ids.length, () => `${ids.length - idSet.size} receipts handed out twice`);

		// Every 303 has its row, with its text; no row without a 303.
		const withRow = ok.filter((p) => p.location && rows.has(p.location.id));
		check(withRow.length === ok.length, () => `${ok.length - withRow.length} receipts without a row, e.g. ` +
			ok.filter((p) => !p.location || !rows.has(p.location.id)).slice(0, 5).map((p) => p.location?.path).join(', '));
		const wrongText = withRow.filter((p) => rows.get(p.location.id).sha.toLowerCase() !== p.sha256);
		check(wrongText.length === 0, () => `${wrongText.length} rows with another text than their 303's: ` +
			wrongText.slice(0, 5).map((p) => p.location.id).join(', '));
		const extra = [...rows.keys()].filter((rid) => !idSet.has(rid));
		check(extra.length === 0, () => `${extra.length} rows without a 303 (ids ${extra.slice(0, 10).join(', ')})`);
		check(rows.size === ok.length, () => `${rows.size} rows for ${ok.length} 303s`);
		check([...rows.values()].every((r) => r.status === 'published'), 'a row not published (post-moderated)');

		// The count the listing uses follows (triggers, under load).
		const [[stored, real]] = sql(`SELECT c.comment_count, (SELECT COUNT(*) FROM comments m
			WHERE m.consultation_id = c.id AND m.status = 'published') FROM consultations c WHERE c.id = ${id}`);
		check(Number(stored) === Number(real), `comment_count ${stored}, published comments ${real}`);

		// A sample of receipts: their hash is that of the text sent.
		const step = Math.max(1, Math.floor(withRow.length / 20));
		for (let i = 0; i < withRow.length; i += step) {
			const p = withRow[i];
			const r = await request('GET', p.location.path);
			check(r.status === 200 && receiptOf(r.body)?.sha256 === p.sha256,
				() => `${p.location.path}: ${r.status}, data-sha256 ${receiptOf(r.body)?.sha256} for ${p.sha256}`);
		}
		assert.deepEqual(problems, [], `${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
		agent.destroy();
	});
});
