// Runs last (file order): stops the database under the running stack, checks
// the 503s, starts it again and checks that the programs recover on their own
// (no program or worker restarted).  A comment sent while the database is
// down comes back (503) with the text in the form; the same form sent again
// once the database is back is stored, once.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, dbScript, sql, sqlInt, sqlStr, PUBLIC, STATUS, END, dataTotal, parseCount,
	errorStatus, masterPids, alive, childrenOf, sleepMs, commentForm, postForm,
	receiptLocation, freshAddr, normaliseText,
} from './lib.mjs';

const REPEAT = 8;		// requests per check: several workers answer
const RECOVER_MS = 20000;

// Every request here must see the database as it is now, never nginx's
// micro-cached copy of a page (1 s): each gets a URL of its own through a
// parameter the programs ignore.
let nth = 0;
const live = (path) => `${path}${path.includes('?') ? '&' : '?'}_=${process.pid}-${++nth}`;

await withData(() => {
	const [c] = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} ORDER BY c.id LIMIT 1`);
	if (!c) throw new Error('no public consultation');
	const masters = masterPids();
	if (Object.keys(masters).length === 0) throw new Error('no *.pid of the programs under $HROMADA_VAR/run');
	// An open consultation (for an hour more at least) to comment on.
	const [o] = sql(`SELECT c.id FROM consultations c WHERE ${PUBLIC} AND ${STATUS} = 'open'
		AND ${END} > UTC_TIMESTAMP() + INTERVAL 1 HOUR ORDER BY c.id LIMIT 1`);
	if (!o) throw new Error('no open consultation');
	return {
		detail: `/consultations/${c[0]}-${c[1]}`, total: sqlInt(`SELECT COUNT(*) FROM consultations c WHERE ${PUBLIC}`),
		open: Number(o[0]), lastComment: sqlInt('SELECT COALESCE(MAX(id), 0) FROM comments'),
	};
}, ({ detail, total, open, lastComment }) => {
	const commentPath = `/consultations/${open}/comments`;
	const marker = `[zz-db-${process.pid}-${Date.now()}]`;
	const rowsOfMarker = () => sql(`SELECT id, body FROM comments WHERE id > ${lastComment}
		AND LOCATE(${sqlStr(marker)}, body) > 0 ORDER BY id`);
	describe('database stopped and started under the running stack', () => {
		let masters, workers;
		let stopped = false;

		after(() => {
			// Whatever failed above, leave the database running.
			if (stopped) {
				try {
					dbScript('start');
				} catch (e) {
					console.error(`db.sh start failed: ${e.stderr || e.message}`);
				}
			}
		});

		test('before: /healthz 200 "ok"; programs and workers recorded', async () => {
			masters = masterPids();
			workers = {};
			for (const [name, pid] of Object.entries(masters)) {
				assert.ok(alive(pid), `${name}: master ${pid} not running`);
				workers[name] = childrenOf(pid);
				assert.ok(workers[name].length > 0, `${name}: no workers under ${pid}`);
			}
			const r = await http(live('/healthz'));
			assert.equal(r.status, 200);
			assert.equal(r.body.trim(), 'ok');
		});

		// The comment sent while the database is down: the person's
		// fields, then the form that came back.
		let sent, returned;

		test('before: the comment form of an open consultation', async () => {
			const r = await http(commentPath);
			assert.equal(r.status, 200);
			const f = commentForm(r.body);
			assert.ok(f && f.token, 'a form with a token');
			sent = {
				token: f.token, kind: 'proposal', name: 'Марія Коваленко',
				email: `maria.${process.pid}@example.com`, organisation: 'ОСББ «Липки»',
				text: `Текст, який не можна втратити.\r\nДругий рядок. ${marker}`, consent: 'yes',
			};
		});

		test('database stopped: /healthz answers 503', async () => {
			dbScript('stop');
			stopped = true;
			for (let i = 0; i < REPEAT; i++) {
				const r = await http(live('/healthz'));
				assert.equal(r.status, 503, `request ${i + 1}`);
			}
		});

		test('database stopped: the listing answers 503 through our page', async () => {
			for (let i = 0; i < REPEAT; i++) {
				const r = await http(live('/consultations?sort=popular'));
				assert.equal(r.status, 503, `request ${i + 1}`);
				assert.equal(errorStatus(r.body), '503', 'our page (data-status="503"), not nginx\'s');
			}
		});

		test('database stopped: a detail page answers 503 through our page', async () => {
			for (let i = 0; i < REPEAT; i++) {
				const r = await http(live(detail));
				assert.equal(r.status, 503, `request ${i + 1}`);
				assert.equal(errorStatus(r.body), '503');
			}
		});

		test('database stopped: the API answers 503 as its error JSON, with Retry-After', async () => {
			const { api } = await import('./api-lib.mjs');
			for (let i = 0; i < REPEAT; i++) {
				for (const p of [live('/api/v1/consultations?sort=popular'), live(`/api/v1${detail}`)]) {
					const r = await api(p);
					assert.equal(r.status, 503, `${p}: request ${i + 1}`);
					assert.equal(r.json.error.code, 'unavailable');
					assert.match(r.headers.get('retry-after') || '', /^[1-9][0-9]*$/);
				}
			}
			const w = await api(`/api/v1/consultations/${open}/comments`, { method: 'POST', json: {
				kind: 'comment', name: 'Марія', email: 'm@example.com', text: `Без бази. ${marker}`, consent: true } });
			assert.equal(w.status, 503, 'a POST too');
			assert.equal(w.json.error.code, 'unavailable');
		});

		test('database stopped: a comment answers 503 with Retry-After and the form holding what was sent', async () => {
			assert.ok(sent, 'the first steps did not get the form');
			const addr = freshAddr();
			for (let i = 0; i < 3; i++) {
				const r = await postForm(commentPath, sent, { addr });
				assert.equal(r.status, 503, `request ${i + 1}`);
				assert.match(r.headers.get('retry-after') || '', /^[1-9][0-9]*$/, 'Retry-After in seconds');
				const f = commentForm(r.body);
				assert.ok(f, 'the form on the 503 page (ours, not nginx\'s)');
				assert.ok(f.message && f.message.length > 10, 'a message to try again');
				assert.equal(f.name, sent.name, 'name kept');
				assert.equal(f.email, sent.email, 'e-mail kept');
				assert.equal(f.organisation, sent.organisation, 'organisation kept');
				// Compared without its line breaks here (what a form that
				// comes back does with those is 80-comments's).
				assert.equal(f.text.replace(/\s+/g, ' '), normaliseText(sent.text).replace(/\s+/g, ' '), 'text kept');
				assert.equal(f.kind, 'proposal', 'kind kept');
				assert.equal(f.consent, true, 'consent kept');
				assert.ok(f.submit, 'the form can be sent again');
				assert.ok(f.token, 'a token in the form');
				returned = f;
			}
		});

		test(`database started: /healthz and the listing 200 again within ${RECOVER_MS / 1000} s`, async () => {
			dbScript('start');
			stopped = false;
			const deadline = Date.now() + RECOVER_MS;
			let last = '';
			for (;;) {
				const h = await http(live('/healthz'));
				const l = h.status === 200 ? await http(live('/consultations')) : null;
				if (h.status === 200 && l.status === 200) break;
				last = `healthz ${h.status}, listing ${l ? l.status : '-'}`;
				assert.ok(Date.now() < deadline, `not recovered after ${RECOVER_MS} ms: ${last}`);
				await sleepMs(100);
			}
			// Every worker reconnects, not only the first that answered.
			for (let i = 0; i < REPEAT; i++) {
				assert.equal((await http(live('/healthz'))).status, 200, `healthz ${i + 1}`);
				const l = await http(live('/consultations'));
				assert.equal(l.status, 200, `listing ${i + 1}`);
				assert.equal(parseCount(dataTotal(l.body)), total, 'data-total after the restart');
				assert.equal((await http(live(detail))).status, 200, `detail ${i + 1}`);
			}
		});

		test('database started: the form from the 503 page, sent again, is stored once (303 to its receipt)', async () => {
			assert.ok(returned, 'no form came back while the database was down');
			assert.deepEqual(rowsOfMarker(), [], 'a row stored while the database was down');
			// What the browser sends: the fields as the page holds them.
			const again = {
				token: returned.token, kind: returned.kind, name: returned.name, email: returned.email,
				organisation: returned.organisation, text: normaliseText(sent.text),
				consent: returned.consent ? 'yes' : undefined, website: returned.website,
			};
			const addr = freshAddr();
			const r = await postForm(commentPath, again, { addr });
			assert.equal(r.status, 303, `status ${r.status}`);
			const loc = receiptLocation(r);
			assert.ok(loc && loc.cid === open, `Location ${r.headers.get('location')}`);
			const rows = rowsOfMarker();
			assert.deepEqual(rows.map((x) => Number(x[0])), [loc.id], 'exactly one row, the receipt\'s');
			assert.equal(rows[0][1], normaliseText(sent.text));
			// A retry of that (a reload of the 303) is the same submission.
			const r2 = await postForm(commentPath, again, { addr });
			assert.equal(r2.status, 303);
			assert.equal(receiptLocation(r2)?.path, loc.path, 'the same receipt');
			assert.equal(rowsOfMarker().length, 1, 'still one row');
		});

		test('no program restarted: same master and worker pids', () => {
			assert.ok(masters, 'the first step did not record the pids');
			assert.deepEqual(masterPids(), masters, 'pid files changed');
			for (const [name, pid] of Object.entries(masters)) {
				assert.ok(alive(pid), `${name}: master ${pid} gone`);
				assert.deepEqual(childrenOf(pid), workers[name], `${name}: workers changed`);
			}
		});
	});
});
