// Fault tests (issue 3): the stack under concurrent load while things go
// wrong.  Runs after the functional suites and before zz-db-restart, and
// leaves the stack as it found it (database running, every program up).
//
//   1. 200 concurrent requests, malformed inputs mixed with good ones: every
//      good one 200, every bad one 4xx, no worker of list or detail dies.
//   2. SIGKILL a worker of `list` while 8 loops send requests: the master
//      starts a new one (same worker count); only requests in flight at the
//      kill may fail, with 502 or a connection cut at once (an answer
//      already begun), at most KILL_MAX_FAILED of them; every
//      request started after the kill answers 200.
//   3. Stop MariaDB while 8 loops send requests: pages answer our 503 page
//      with Retry-After, /healthz 503; start it again: 200 again, with no
//      program or worker restarted.
//   4. A program that dies after the first part of its answer (a stand-in
//      on the stats socket sends 8 KB of a promised 60 KB and closes): the
//      client's connection is cut at once, not left waiting for the rest.
//
// Every request carries a unique `_` parameter (ignored by the validator)
// so that nginx's micro-cache for anonymous GETs never answers in place of
// the program.
//
// HROMADA_SKIP_FAULTS=1 skips all three (scripts/valgrind.sh sets it: they
// are slow under valgrind, a SIGKILLed process there leaves a log without
// its summary, and every input of 1 is also sent, one at a time, by
// 40-bad-input, which valgrind does see).
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
	http, raw, withData, sql, sqlCol, sqlInt, PUBLIC, errorStatus, dataTotal,
	masterPids, alive, childrenOf, sleepMs, dbEnv, ROOT, VAR,
} from './lib.mjs';

const SKIP = /^(1|yes|true)$/i.test(process.env.HROMADA_SKIP_FAULTS || '');
const SKIP_REASON = 'HROMADA_SKIP_FAULTS is set';

const LOOPS = 8;		// concurrent request loops
const KILL_TOTAL = 200;		// requests of the worker-kill test (at least)
const KILL_AFTER = 40;		// ... the worker is killed after this many answers
const KILL_AFTER_RESTART = 40;	// ... and this many more once the new worker is there
const KILL_MAX_FAILED = 3;	// requests in flight at the kill allowed to fail
const CUT_MS = 5000;		// ... and a cut one must fail within this of the kill
const RESTART_MS = 10000;	// the master replaces a dead worker within this
const DB_MS = 30000;		// bound of every wait on the database
const DB_STOPPED_MIN = 100;	// answers collected while the database is down
const DB_AFTER_MIN = 100;	// answers collected after it is back

// ---- helpers ------------------------------------------------------------------

// A unique `_` parameter on every request: nginx's micro-cache must not
// answer for the program.
const RUN_ID = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let counter = 0;
function fresh(target) {
	const q = target.indexOf('?');
	return `${target}${q < 0 ? '?' : '&'}_=${RUN_ID}-${++counter}`;
}

// db.sh without blocking the event loop (the load loops keep running).
const DB_SH = path.join(ROOT, 'scripts', 'db.sh');
function dbAsync(cmd) {
	return new Promise((resolve, reject) => {
		execFile(DB_SH, [cmd], { env: dbEnv(), timeout: 120000 }, (err, stdout, stderr) => {
			if (err) reject(new Error(`db.sh ${cmd}: ${stderr || err.message}`));
			else resolve(stdout);
		});
	});
}

function dbStartSync() {
	return new Promise((resolve) => {
		execFile(DB_SH, ['start'], { env: dbEnv(), timeout: 120000 }, (err, _o, stderr) => {
			if (err) console.error(`db.sh start failed: ${stderr || err.message}`);
			resolve();
		});
	});
}

function logSize(name) {
	try {
		return statSync(path.join(VAR, 'log', `${name}.log`)).size;
	} catch {
		return 0;
	}
}

// What a program logged since offset `from`.
function logSince(name, from) {
	try {
		return readFileSync(path.join(VAR, 'log', `${name}.log`)).subarray(from).toString('utf8');
	} catch {
		return '';
	}
}

// Polls fn() (truthy = done) every 50 ms for at most ms; returns its last value.
async function poll(ms, fn) {
	const deadline = Date.now() + ms;
	for (;;) {
		const v = await fn();
		if (v || Date.now() >= deadline) return v;
		await sleepMs(50);
	}
}

// One request; never throws: { target, t0, t1, status (0: no answer), ... }.
async function probe(target, opts = {}) {
	const t0 = Date.now();
	try {
		const r = opts.raw ? await raw(target, opts) : await http(target, opts);
		return { target, t0, t1: Date.now(), status: r.status, headers: r.headers, body: r.body };
	} catch (e) {
		return { target, t0, t1: Date.now(), status: 0, error: e.message, headers: { get: () => null }, body: '' };
	}
}

// LOOPS loops sending next() (a target, or null to stop) until stop() says
// so; onAnswer(record) sees each answer.  Returns the promise of all loops.
function load(next, onAnswer) {
	const loop = async () => {
		for (;;) {
			const target = next();
			if (target === null) return;
			onAnswer(await probe(fresh(target)));
		}
	};
	return Promise.all(Array.from({ length: LOOPS }, loop));
}

function describeAnswers(list, max = 10) {
	return list.slice(0, max).map((r) => `${r.status}${r.error ? ` (${r.error})` : ''} ${r.target.slice(0, 100)}`).join('\n  ');
}

// { name: [worker pids] } of every program (nginx's master pid is compared
// too, but not its children: with a cache, nginx's cache loader exits on its
// own a minute after a start).
function workersOf(masters) {
	const out = {};
	for (const [name, pid] of Object.entries(masters))
		if (name !== 'nginx') out[name] = childrenOf(pid);
	return out;
}

await withData(() => {
	const pub = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} ORDER BY c.id LIMIT 3`);
	const theme = sqlCol('SELECT slug FROM themes ORDER BY sort, id LIMIT 1')[0];
	const district = sqlCol('SELECT slug FROM districts ORDER BY sort, id LIMIT 1')[0];
	if (pub.length === 0 || !theme || !district) throw new Error('no public consultation, theme or district: demo data missing');
	const masters = masterPids();
	for (const name of ['list', 'detail'])
		if (!masters[name]) throw new Error(`no $HROMADA_VAR/run/${name}.pid: is the stack running with HROMADA_VAR=${VAR}?`);
	return {
		pub: pub.map(([id, slug]) => ({ id: Number(id), slug })),
		theme, district,
		missingId: sqlInt('SELECT COALESCE(MAX(id), 0) FROM consultations') + 1000,
	};
}, ({ pub, theme, district, missingId }) => {
	const detail = `/consultations/${pub[0].id}-${pub[0].slug}`;
	const pages = [
		'/',
		'/consultations',
		`/consultations?theme=${theme}&sort=popular`,
		`/consultations?theme=${theme}&district=${district}&status=open&q=${encodeURIComponent('парк')}`,
		`/consultations?q=${encodeURIComponent('громада')}&page=1`,
		detail,
		`/consultations/${pub[pub.length - 1].id}`,
	];

	// ---- 1. malformed inputs mixed with good ones --------------------------------

	describe('200 concurrent requests, malformed mixed with good', { skip: SKIP && SKIP_REASON }, () => {
		const g = (target, opts = {}) => ({ good: true, target, opts });
		const b = (target, opts = {}) => ({ good: false, target, opts });
		const bad = [
			// unknown or malformed values
			b(`/consultations?theme=no-such-theme`),
			b(`/consultations?theme=${theme}&theme=atlantis`),
			b(`/consultations?district=atlantis`),
			b(`/consultations?status=draft`),
			b(`/consultations?sort=random`),
			b(`/consultations?from=2024-02-30`),
			b(`/consultations?from=2024-03-10&to=2024-03-01`),
			// invalid UTF-8 escapes, NUL, control characters
			b(`/consultations?q=ab%C3%28cd`),
			b(`/consultations?q=%ED%A0%80`),
			b(`/consultations?q=%F4%90%80%80`),
			b(`/consultations?q=a%C0%AFb`),
			b(`/consultations?q=%FF`),
			b(`/consultations?q=ab%00cd`),
			b(`/consultations?q=%01`),
			b(`/consultations?theme=${theme}%00`),
			b(`/consultations?%FF=1`, { raw: true }),
			b(`/consultations?q=%G1`, { raw: true }),
			b(`/consultations?q=abc%`, { raw: true }),
			b('/consultations?q=ab\xC3\x28cd', { raw: true }),
			b('/consultations?q=a\x00b', { raw: true }),
			// page numbers
			b(`/consultations?page=0`),
			b(`/consultations?page=-1`),
			b(`/consultations?page=1e3`),
			b(`/consultations?page=100001`),
			b(`/consultations?page=99999999999999999999999`),
			b(`/consultations?page=99999`),			// 404: past the last page
			b(`${detail}?page=99999`),				// 404
			b(`${detail}?page=abc`),
			// overlong
			b(`/consultations?q=${encodeURIComponent('я'.repeat(201))}`),
			b(`/consultations?q=${'%D0%B1'.repeat(1000)}`),	// 6000 bytes: 414
			b(`/consultations?pad=${'a'.repeat(5000)}`),
			b(`/consultations?pad=${'a'.repeat(9000)}`, { raw: true }),	// nginx: 414
			// repeated parameters
			b(`/consultations?q=a&q=b`),
			b(`/consultations?page=1&page=2`),
			b(`/consultations?${Array(33).fill(`theme=${theme}`).join('&')}`),
			b(`/consultations?${Array.from({ length: 65 }, (_, i) => `x${i}=1`).join('&')}`),
			// detail: unknown ids, bad references
			b(`/consultations/${missingId}`),
			b(`/consultations/${missingId}-no-such-slug`),
			b(`/consultations/4294967295`),
			b(`/consultations/99999999999`),
			b(`/consultations/0`),
			b(`/consultations/abc`),
			b(`/consultations/${pub[0].id}-Bad_Slug`),
			b(`/consultations/%C3%28`, { raw: true }),
			b(`/consultations/${pub[0].id}%00`, { raw: true }),
			b('/consultations/1-\xFF', { raw: true }),
			b(`/consultations/${pub[0].id}/more`),
			b(`/no-such-page`),
			b(`/%FF`, { raw: true }),
			// methods
			b(`/consultations`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
			b(`/consultations`, { method: 'DELETE' }),
			b(detail, { method: 'PUT', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
			b(`/consultations`, { raw: true, method: 'FOO' }),
			b(`/consultations`, { raw: true, method: 'PROPFIND' }),
			b(detail, { raw: true, method: 'OPTIONS' }),
			b(`/consultations`, { raw: true, method: 'get' }),		// nginx: 400
		];
		const good = [
			...pages.map((p) => g(p)),
			g('/healthz'),
			g(`/consultations?q=${encodeURIComponent('я'.repeat(200))}`),
			g(`/consultations?page=2`),
			g(`/consultations?theme=${theme}&theme=${theme}`),
			g(`${detail}?page=1`),
			g('/consultations', { method: 'HEAD' }),
			g('/consultations', { raw: true, headers: { Cookie: '\xFF\xFE=\x01; broken' } }),
		];
		// 100 of each, interleaved (b g b g ...), each request unique.
		const mix = [];
		for (let i = 0; i < 100; i++)
			mix.push(bad[i % bad.length], good[i % good.length]);

		let before, masters, results, logFrom;

		test('before: workers of list and detail recorded', () => {
			masters = masterPids();
			before = workersOf(masters);
			logFrom = { list: logSize('list'), detail: logSize('detail'), 'nginx-error': logSize('nginx-error') };
			for (const name of ['list', 'detail'])
				assert.ok(before[name].length > 0, `${name}: no workers under master ${masters[name]}`);
		});

		test('200 requests at once: every good one 200, every bad one 4xx', async () => {
			results = await Promise.all(mix.map((c) => probe(fresh(c.target), c.opts).then((r) => ({ ...r, good: c.good, raw: !!c.opts.raw, method: c.opts.method || 'GET' }))));
			const goodWrong = results.filter((r) => r.good && r.status !== 200);
			const badWrong = results.filter((r) => !r.good && !(r.status >= 400 && r.status < 500));
			assert.equal(results.length, 200);
			// nginx says why it answered 502 (e.g. "connect() to
			// unix:.../list.sock failed (11: Resource temporarily
			// unavailable)": the program's listen backlog was full).
			const why = logSince('nginx-error', logFrom['nginx-error']).split('\n')
				.filter((l) => /\[(error|crit|alert)\]/.test(l)).slice(0, 3)
				.map((l) => l.replace(/(request: "[A-Z]+ .{0,60}).*?( HTTP\/1\.[01]")/, '$1…$2').slice(0, 300));
			assert.deepEqual([goodWrong.length, badWrong.length], [0, 0],
				`good not 200:\n  ${describeAnswers(goodWrong)}\nbad not 4xx:\n  ${describeAnswers(badWrong)}` +
				(why.length ? `\nnginx-error.log:\n  ${why.join('\n  ')}` : ''));
		});

		test('good listings are full pages (data-total); bad ones that reach a program get our page', () => {
			assert.ok(results, 'the requests did not run');
			const empty = results.filter((r) => r.good && /^\/consultations\?/.test(r.target) &&
				r.status === 200 && r.body !== '' && dataTotal(r.body) === null);
			assert.deepEqual(empty.map((r) => r.target.slice(0, 80)), [], 'listing 200s without data-total');
			// Through fetch, every bad request reaches a program (nginx
			// itself answers only some of the raw ones: a lowercase method,
			// bad bytes in the path, a URL over 8 KB).
			const notOurs = results.filter((r) => !r.good && !r.raw && r.method !== 'HEAD' &&
				errorStatus(r.body) !== String(r.status));
			assert.deepEqual(notOurs.map((r) => `${r.status} data-status=${errorStatus(r.body)} ${r.target.slice(0, 80)}`), []);
		});

		test('no worker died: worker pids of list and detail unchanged', () => {
			assert.ok(before, 'the first step did not record the pids');
			assert.deepEqual(masterPids(), masters, 'pid files changed');
			for (const name of ['list', 'detail']) {
				assert.ok(alive(masters[name]), `${name}: master gone`);
				assert.deepEqual(childrenOf(masters[name]), before[name], `${name}: workers changed`);
				const died = logSince(name, logFrom[name]).split('\n').filter((l) => /worker [0-9]+ died/.test(l));
				assert.deepEqual(died, [], `${name}.log`);
			}
		});
	});

	// ---- 2. a worker of list killed under load -------------------------------------

	describe('a worker of list killed while requests run', { skip: SKIP && SKIP_REASON }, () => {
		const listPages = pages.filter((p) => !p.startsWith('/consultations/')).concat('/healthz');
		let master, before, victim, killAt, restartedAt, replacement, answers, logFrom;

		test(`SIGKILL one worker after ${KILL_AFTER} answers; the master starts a new one`, async () => {
			master = masterPids().list;
			before = childrenOf(master);
			assert.ok(before.length >= 2, `list: ${before.length} worker(s); need 2 or more (HROMADA_WORKERS)`);
			logFrom = logSize('list');
			answers = [];
			let issued = 0, afterRestart = 0;
			const deadline = Date.now() + 60000;
			const next = () => {
				if (Date.now() > deadline) return null;
				if (issued >= KILL_TOTAL && restartedAt !== undefined && afterRestart >= KILL_AFTER_RESTART)
					return null;
				return listPages[issued++ % listPages.length];
			};
			const onAnswer = (r) => {
				answers.push(r);
				if (restartedAt !== undefined && r.t0 > restartedAt) afterRestart++;
				if (victim === undefined && answers.length >= KILL_AFTER) {
					victim = before[Math.floor(before.length / 2)];
					killAt = Date.now();
					process.kill(victim, 'SIGKILL');
					// The master restarts it: a new child, the count back.
					poll(RESTART_MS, () => {
						const now = childrenOf(master);
						const added = now.filter((p) => !before.includes(p));
						if (now.length === before.length && !now.includes(victim) && added.length === 1) {
							replacement = added[0];
							return true;
						}
						return false;
					}).then(() => {
						restartedAt = Date.now();
					});
				}
			};
			await load(next, onAnswer);
			assert.ok(victim !== undefined, 'no worker was killed');
			assert.ok(!alive(victim), `worker ${victim} still alive after SIGKILL`);
			assert.ok(replacement !== undefined,
				`no new worker within ${RESTART_MS} ms: before ${before}, now ${childrenOf(master)}`);
			assert.equal(childrenOf(master).length, before.length, 'worker count');
			assert.ok(answers.length >= KILL_TOTAL, `only ${answers.length} requests ran`);
		});

		test(`only requests in flight at the kill failed (502, at most ${KILL_MAX_FAILED})`, (t) => {
			assert.ok(answers && killAt, 'the kill did not happen');
			const failed = answers.filter((r) => r.status !== 200);
			const inFlight = (r) => r.t0 <= killAt && r.t1 >= killAt;
			t.diagnostic(`worker ${victim} killed; ${answers.length} requests, ` +
				`${answers.filter(inFlight).length} in flight at the kill, ${failed.length} failed; ` +
				`new worker ${replacement} after ${restartedAt - killAt} ms`);
			// A request whose answer had begun when its worker died cannot
			// become a 502: nginx cuts the client's connection instead
			// (fastcgi_keep_conn, nginx/site.conf.in).  That is a failure the
			// client sees at once; waiting out its timeout for the rest of a
			// page that will never come is not.
			const cut = (r) => r.status === 0 && !/timeout|aborted/i.test(r.error) &&
				r.t1 - killAt < CUT_MS;
			const wrong = failed.filter((r) => !inFlight(r) || (r.status !== 502 && !cut(r)));
			assert.deepEqual(wrong.map((r) => `${r.status} ${r.error || ''} ${r.target}`), [],
				`failures that are not a 502 or a prompt cut of a request in flight at the kill:\n  ${describeAnswers(wrong)}`);
			assert.ok(failed.length <= KILL_MAX_FAILED, `${failed.length} requests failed:\n  ${describeAnswers(failed)}`);
		});

		test('every request after the kill answered 200, after the restart too', () => {
			assert.ok(answers && killAt, 'the kill did not happen');
			const later = answers.filter((r) => r.t0 > killAt);
			const bad = later.filter((r) => r.status !== 200);
			assert.deepEqual(bad.map((r) => `${r.status} ${r.target}`), []);
			const afterRestart = answers.filter((r) => restartedAt !== undefined && r.t0 > restartedAt);
			assert.ok(afterRestart.length >= KILL_AFTER_RESTART,
				`${afterRestart.length} requests after the restart (want ${KILL_AFTER_RESTART})`);
		});

		test('the master logged the death; nothing else restarted', async () => {
			assert.ok(victim, 'the kill did not happen');
			// The master logs before it forks the replacement.
			assert.match(logSince('list', logFrom), new RegExp(`worker ${victim} died`));
			assert.equal(masterPids().list, master, 'list master pid changed');
			assert.ok(alive(master), 'list master gone');
			const now = childrenOf(master);
			assert.deepEqual(now.filter((p) => p !== replacement), before.filter((p) => p !== victim),
				'workers other than the killed one changed');
			// The new worker serves (it connects to the database itself).
			const r = await http(fresh('/consultations'));
			assert.equal(r.status, 200);
		});
	});

	// ---- 3. the database stopped under load --------------------------------------------

	describe('MariaDB stopped and started while requests run', { skip: SKIP && SKIP_REASON }, () => {
		const targets = pages.concat('/healthz');
		let stopped = false;
		let running = false;
		let loaders = null;
		let masters, workers;
		// Phase boundaries (ms): stop called, stop returned, start called,
		// recovered (healthz and a page 200 after start returned).
		const at = {};
		const answers = [];

		after(async () => {
			running = false;
			if (loaders) await loaders;
			// Whatever failed above, leave the database running.
			if (stopped) await dbStartSync();
		});

		test('before: /healthz 200; programs and workers recorded', async () => {
			masters = masterPids();
			workers = workersOf(masters);
			for (const [name, pid] of Object.entries(masters)) {
				assert.ok(alive(pid), `${name}: master ${pid} not running`);
				if (name !== 'nginx')
					assert.ok(workers[name].length > 0, `${name}: no workers under ${pid}`);
			}
			assert.equal((await http(fresh('/healthz'))).status, 200);
		});

		test('under load, database stopped: our 503 page with Retry-After, /healthz 503', async () => {
			running = true;
			let i = 0;
			loaders = load(() => (running ? targets[i++ % targets.length] : null), (r) => answers.push(r));
			// Some answers with the database up first.
			await poll(DB_MS, () => answers.length >= 2 * LOOPS);
			at.stop = Date.now();
			stopped = true;
			await dbAsync('stop');
			at.stopped = Date.now();
			// Let the load run against the stopped database.
			const enough = await poll(DB_MS, () => answers.filter((r) => r.t0 > at.stopped).length >= DB_STOPPED_MIN);
			assert.ok(enough, `fewer than ${DB_STOPPED_MIN} answers in ${DB_MS} ms with the database down`);
			const down = answers.filter((r) => r.t0 > at.stopped);
			const health = down.filter((r) => r.target.startsWith('/healthz'));
			const page = down.filter((r) => !r.target.startsWith('/healthz'));
			assert.ok(health.length > 0 && page.length > 0, 'both pages and /healthz were asked');
			const badHealth = health.filter((r) => r.status !== 503);
			assert.deepEqual(badHealth.map((r) => r.status), [], '/healthz with the database down');
			const badPage = page.filter((r) => r.status !== 503 || errorStatus(r.body) !== '503' ||
				!/^[0-9]+$/.test(r.headers.get('retry-after') || ''));
			assert.deepEqual(badPage.map((r) => `${r.status} data-status=${errorStatus(r.body)} ` +
				`Retry-After=${r.headers.get('retry-after')} ${r.target.slice(0, 80)}`), [],
				'pages with the database down: 503, our page (data-status="503"), Retry-After');
		});

		test(`database started under load: 200 again within ${DB_MS / 1000} s`, async () => {
			assert.ok(stopped, 'the database was not stopped');
			at.start = Date.now();
			await dbAsync('start');
			stopped = false;
			let last = '';
			const ok = await poll(DB_MS, async () => {
				const h = await probe(fresh('/healthz'));
				const l = await probe(fresh('/consultations'));
				last = `healthz ${h.status}, listing ${l.status}`;
				return h.status === 200 && l.status === 200;
			});
			assert.ok(ok, `not recovered within ${DB_MS} ms of db.sh start: ${last}`);
			at.recovered = Date.now();
			const enough = await poll(DB_MS, () => answers.filter((r) => r.t0 > at.recovered).length >= DB_AFTER_MIN);
			running = false;
			await loaders;
			loaders = null;
			assert.ok(enough, `fewer than ${DB_AFTER_MIN} answers after the recovery`);
			const back = answers.filter((r) => r.t0 > at.recovered);
			const bad = back.filter((r) => r.status !== 200);
			assert.deepEqual(bad.map((r) => `${r.status} ${r.target}`), [], 'answers after the recovery');
		});

		test('while stopping and starting: only 200 or our 503, never 5xx of nginx', (t) => {
			assert.ok(at.recovered, 'the database did not come back');
			const n = (from, to) => {
				const xs = answers.filter((r) => r.t0 > from && r.t0 <= to);
				return `${xs.length} (${xs.filter((r) => r.status === 200).length} × 200, ` +
					`${xs.filter((r) => r.status === 503).length} × 503)`;
			};
			t.diagnostic(`answers: before the stop ${n(0, at.stop)}; stopping (${at.stopped - at.stop} ms) ` +
				`${n(at.stop, at.stopped)}; stopped ${n(at.stopped, at.start)}; starting and ` +
				`recovering (${at.recovered - at.start} ms) ${n(at.start, at.recovered)}; after ${n(at.recovered, Infinity)}`);
			const other = answers.filter((r) => !(r.status === 200 ||
				(r.status === 503 && (r.target.startsWith('/healthz') || errorStatus(r.body) === '503'))));
			assert.deepEqual(other.map((r) => `${r.status} ${r.error || ''} ${r.target.slice(0, 80)}`), []);
			const before = answers.filter((r) => r.t1 < at.stop);
			assert.ok(before.length > 0 && before.every((r) => r.status === 200), 'answers before the stop: all 200');
		});

		test('no program restarted: same master and worker pids', () => {
			assert.ok(masters, 'the first step did not record the pids');
			assert.deepEqual(masterPids(), masters, 'pid files changed');
			for (const [name, pid] of Object.entries(masters)) {
				assert.ok(alive(pid), `${name}: master ${pid} gone`);
				if (name !== 'nginx')
					assert.deepEqual(childrenOf(pid), workers[name], `${name}: workers changed`);
			}
		});
	});
	// ---- 4. an answer cut short -------------------------------------------------

	describe('a program dying in the middle of its answer', { skip: SKIP && SKIP_REASON }, () => {
		const sock = path.join(VAR, 'run', 'stats.sock');
		let server = null;

		// One FastCGI record (version 1, request id 1, no padding).
		const record = (type, data) => {
			const h = Buffer.alloc(8);
			h.writeUInt8(1, 0); h.writeUInt8(type, 1); h.writeUInt16BE(1, 2);
			h.writeUInt16BE(data.length, 4);
			return Buffer.concat([h, data]);
		};

		after(async () => {
			if (server) await new Promise((resolve) => server.close(resolve));
			try { unlinkSync(sock); } catch { /* gone already */ }
			execFileSync(path.join(ROOT, 'scripts', 'stack.sh'), ['restart', 'stats'],
				{ stdio: 'ignore', timeout: 60000 });
			await poll(RESTART_MS, async () => (await probe(fresh('/stats'))).status === 200);
		});

		test('the client sees the cut at once; nginx logs it', async () => {
			const master = masterPids().stats;
			assert.ok(master, 'no stats master pid');
			process.kill(master, 'SIGTERM');
			assert.ok(await poll(RESTART_MS, () => !alive(master)), 'stats did not stop');
			try { unlinkSync(sock); } catch { /* the program removed it */ }
			// Sends the head of an answer once the request is in (its empty
			// STDIN record ends it), then dies: a worker killed mid-write.
			server = net.createServer((c) => {
				let seen = Buffer.alloc(0);
				c.on('data', (d) => {
					seen = Buffer.concat([seen, d]);
					if (!seen.includes(Buffer.from([1, 5, 0, 1, 0, 0]))) return;
					const head = 'Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n' +
						'Content-Length: 60000\r\n\r\n';
					c.end(record(6, Buffer.concat([Buffer.from(head), Buffer.alloc(8000, 0x61)])));
				});
				c.on('error', () => {});
			});
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(sock, resolve);
			});
			chmodSync(sock, 0o666);	// nginx's workers are another user
			const errFrom = logSize('nginx-error');
			const r = await probe(fresh('/stats'));
			assert.equal(r.status, 0, `a cut answer must not look whole: status ${r.status}, ${r.body.length} bytes`);
			assert.doesNotMatch(r.error, /timeout|aborted/i, 'the client waited for the rest');
			assert.ok(r.t1 - r.t0 < CUT_MS, `the cut took ${r.t1 - r.t0} ms`);
			assert.match(logSince('nginx-error', errFrom), /upstream prematurely closed/);
		});
	});
});
