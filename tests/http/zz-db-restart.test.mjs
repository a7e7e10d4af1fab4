// Runs last (file order): stops the database under the running stack, checks
// the 503s, starts it again and checks that the programs recover on their own
// (no program or worker restarted).
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, dbScript, sql, sqlInt, PUBLIC, dataTotal, parseCount,
	errorStatus, masterPids, alive, childrenOf, sleepMs,
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
	return { detail: `/consultations/${c[0]}-${c[1]}`, total: sqlInt(`SELECT COUNT(*) FROM consultations c WHERE ${PUBLIC}`) };
}, ({ detail, total }) => {
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
