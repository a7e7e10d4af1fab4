// GET /api/v1/agenda and GET /api/v1/stats (issue 7): the same topics and
// the same figures as the /agenda page, /stats and /stats.csv for the same
// query (both come from the pages' own code in lib/), with ETag/304, and
// every answer checked against templates/openapi.json.  Then the read limit
// of every GET: RateLimit-* on each answer, 429 with Retry-After past it.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { http, sql, sqlInt, sqlStr, sqlCol, tags, freshAddr } from './lib.mjs';
import { api } from './api-lib.mjs';

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let n = 0;
const uniq = (p) => `${p} ${RUN}-${++n}`;
const fresh = (p) => `${p}${p.includes('?') ? '&' : '?'}_=${RUN}-${++n}`;
const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv', year: 'numeric' }).format(new Date()));
const READS = Number(process.env.HROMADA_API_READS_PER_MINUTE || 1200);
// A year of this file's own plan, far from the demo's and 98-agenda's.
const Y = 2093;
const [UA, UB] = sqlCol('SELECT slug FROM units ORDER BY sort, id LIMIT 2');

function query(f) {
	const q = new URLSearchParams();
	for (const [k, vs] of Object.entries(f)) for (const v of [].concat(vs)) q.append(k, String(v));
	return q.toString();
}

// ---- the agenda ------------------------------------------------------------------

function pageItems(html) {
	return tags(html).filter((t) => t.kind === 'open' && t.name === 'li' &&
		(t.attrs.class || '').split(/\s+/).includes('agenda-item')).map((t) => Number(t.attrs['data-id']));
}

function makeTopic({ unit = UA, quarter = 1, status = 'planned', theme = [], district = [], reason = null,
	proposer = null, org = null, email = null, cid = null } = {}) {
	const topic = uniq('Тема API');
	sql(`INSERT INTO agenda_items (year, quarter, topic, description, unit_id, status, decline_reason,
		proposer_name, proposer_org, proposer_email, consultation_id)
		SELECT ${Y}, ${quarter}, ${sqlStr(topic)}, 'Опис теми', id, ${sqlStr(status)},
			${reason === null ? 'NULL' : sqlStr(reason)}, ${proposer === null ? 'NULL' : sqlStr(proposer)},
			${org === null ? 'NULL' : sqlStr(org)}, ${email === null ? 'NULL' : sqlStr(email)},
			${cid === null ? 'NULL' : cid}
		FROM units WHERE slug = ${sqlStr(unit)}`);
	const id = sqlInt(`SELECT MAX(id) FROM agenda_items WHERE topic = ${sqlStr(topic)}`);
	for (const t of theme) sql(`INSERT INTO agenda_item_themes SELECT ${id}, id FROM themes WHERE slug = ${sqlStr(t)}`);
	for (const d of district) sql(`INSERT INTO agenda_item_districts SELECT ${id}, id FROM districts WHERE slug = ${sqlStr(d)}`);
	return id;
}

describe('GET /api/v1/agenda', () => {
	const ids = {};
	let cid;
	before(() => {
		sql(`DELETE FROM agenda_items WHERE year = ${Y}`);
		sql(`DELETE FROM agenda_plans WHERE year = ${Y}`);
		sql(`INSERT INTO agenda_plans (year, published_at) VALUES (${Y}, UTC_TIMESTAMP() - INTERVAL 2 DAY)`);
		cid = sqlInt("SELECT MIN(id) FROM consultations WHERE status <> 'draft'");
		ids.planned = makeTopic({ theme: ['ecology'], district: ['podilskyi'] });
		ids.scheduled = makeTopic({ unit: UB, status: 'scheduled', theme: ['transport'], cid });
		ids.held = makeTopic({ quarter: 2, status: 'held', theme: ['ecology', 'transport'],
			district: ['podilskyi', 'obolonskyi'], cid });
		ids.declined = makeTopic({ unit: UB, quarter: 3, status: 'declined', reason: 'Причина відхилення',
			proposer: 'Олена Коваль', org: 'ГО «Зелений Київ»', email: `olena.${RUN}@example.com` });
		ids.proposed = makeTopic({ quarter: 2, status: 'proposed', theme: ['ecology'] });
		ids.spam = makeTopic({ quarter: 4, status: 'spam' });
	});

	test('the same topics as the page for every filter (and none awaiting a decision)', async () => {
		const cases = [{}, { unit: [UA] }, { unit: [UA, UB] }, { theme: ['ecology'] }, { district: ['obolonskyi'] },
			{ quarter: [1] }, { quarter: [2, 3] }, { status: ['planned'] }, { status: ['held', 'declined'] },
			{ unit: [UA], theme: ['transport'] }, { theme: ['naming'] }];
		for (const f of cases) {
			const q = query({ year: Y, ...f });
			const r = await api(fresh(`/api/v1/agenda?${q}`));
			assert.equal(r.status, 200, q);
			const page = await http(fresh(`/agenda?${q}`));
			assert.equal(page.status, 200);
			const got = r.json.items.map((x) => x.id);
			assert.deepEqual(got, pageItems(page.body), `${q}: the page's topics`);
			assert.equal(r.json.total, got.length);
			assert.ok(!got.includes(ids.proposed) && !got.includes(ids.spam), q);
		}
		const all = await api(fresh(`/api/v1/agenda?year=${Y}`));
		assert.deepEqual(all.json.items.map((x) => x.id),
			[ids.planned, ids.scheduled, ids.held, ids.declined], 'by quarter');
		assert.equal(all.json.year, Y);
		assert.equal(all.json.pending_proposals, 1);
		assert.equal(Date.parse(all.json.published_at) / 1000,
			sqlInt(`SELECT UNIX_TIMESTAMP(published_at) FROM agenda_plans WHERE year = ${Y}`));
	});

	test('a topic\'s fields as in SQL; the proposer\'s e-mail never shown', async () => {
		const r = await api(fresh(`/api/v1/agenda?year=${Y}`));
		const by = Object.fromEntries(r.json.items.map((x) => [x.id, x]));
		const h = by[ids.held];
		assert.equal(h.quarter, 2);
		assert.equal(h.status, 'held');
		assert.equal(h.unit.slug, UA);
		assert.deepEqual(h.themes.map((t) => t.slug).sort(), ['ecology', 'transport']);
		assert.deepEqual(h.districts.map((t) => t.slug).sort(), ['obolonskyi', 'podilskyi']);
		assert.equal(h.consultation.id, cid);
		assert.match(h.consultation.url, new RegExp(`/consultations/${cid}-`));
		assert.equal(by[ids.planned].consultation, null);
		const d = by[ids.declined];
		assert.equal(d.decline_reason, 'Причина відхилення');
		assert.deepEqual([d.proposer.name, d.proposer.organisation], ['Олена Коваль', 'ГО «Зелений Київ»']);
		assert.equal(by[ids.planned].proposer, null);
		assert.ok(!r.body.includes('@example.com'), 'no e-mail');
	});

	test('this year by default; a year whose plan is not published: no topics', async () => {
		const r = await api(fresh('/api/v1/agenda'));
		assert.equal(r.json.year, THIS_YEAR);
		const page = await http(fresh('/agenda'));
		assert.deepEqual(r.json.items.map((x) => x.id), pageItems(page.body));
		sql(`UPDATE agenda_plans SET published_at = NULL WHERE year = ${Y}`);
		try {
			const u = await api(fresh(`/api/v1/agenda?year=${Y}`));
			assert.equal(u.json.published_at, null);
			assert.deepEqual(u.json.items, []);
			assert.equal(u.json.total, 0);
		} finally {
			sql(`UPDATE agenda_plans SET published_at = UTC_TIMESTAMP() - INTERVAL 2 DAY WHERE year = ${Y}`);
		}
	});

	test('bad parameters: 400 naming them', async () => {
		for (const [q, field] of [['year=1999', 'year'], ['quarter=5', 'quarter'], ['unit=nope', 'unit'],
			['theme=nope', 'theme'], ['district=nope', 'district'], ['status=proposed', 'status'], ['year=x', 'year']]) {
			const r = await api(`/api/v1/agenda?${q}`);
			assert.equal(r.status, 400, q);
			assert.equal(r.json.error.field, field, q);
		}
	});
});

// ---- the indicators ----------------------------------------------------------------

function parseCsv(text) {
	const rows = [];
	let row = [], field = '', i = 0, quoted = false;
	while (i < text.length) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
			if (ch === '"') { quoted = false; i++; continue; }
			field += ch; i++; continue;
		}
		if (ch === '"' && field === '') { quoted = true; i++; continue; }
		if (ch === ',') { row.push(field); field = ''; i++; continue; }
		if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
		field += ch; i++;
	}
	return rows;
}

// Every column of a CSV record equals the JSON figures (held_<format> in
// held_by_format; "" is null); the JSON has no figure the CSV lacks but
// fully_answered (a note on the page).
function sameFigures(row, fig, what) {
	const keys = new Set(['fully_answered', 'held_by_format']);
	for (const [k, v] of Object.entries(row)) {
		if (['scope', 'name', 'from', 'to'].includes(k)) continue;
		const m = /^held_(.+)$/.exec(k);
		const got = m ? fig.held_by_format[m[1]] : fig[k];
		if (!m) keys.add(k);
		assert.ok(got !== undefined, `${what}: the CSV's ${k} is not in the JSON`);
		assert.equal(got, v === '' ? null : Number(v), `${what} ${k}`);
	}
	assert.deepEqual(Object.keys(fig).filter((k) => !keys.has(k)), [], `${what}: figures the CSV lacks`);
}

describe('GET /api/v1/stats', () => {
	const periods = [{}, { year: THIS_YEAR, quarter: 1 }, { year: THIS_YEAR - 1 }, { year: THIS_YEAR - 1, quarter: 4 },
		{ year: THIS_YEAR, unit: UA }, { year: THIS_YEAR - 1, quarter: 2, unit: UB }, { year: 2019 }];

	for (const f of periods) {
		test(`the figures of /stats.csv and /stats: ${JSON.stringify(f)}`, async () => {
			const q = query(f);
			const r = await api(fresh(`/api/v1/stats?${q}`));
			assert.equal(r.status, 200, q);
			const csv = await http(fresh(`/stats.csv?${q}`));
			assert.equal(csv.status, 200);
			const rows = parseCsv(csv.body);
			const head = rows[0];
			const rec = rows.slice(1).map((x) => Object.fromEntries(head.map((h, k) => [h, x[k]])));
			const s = r.json;
			assert.equal(s.from, rec[0].from);
			assert.equal(s.to, rec[0].to);
			assert.equal(s.year, f.year || THIS_YEAR);
			assert.equal(s.quarter, f.quarter || null);
			assert.equal(rec[0].scope, f.unit || 'city');
			assert.equal(s.scope?.slug ?? null, f.unit || null);
			sameFigures(rec[0], s.figures, `${q} scope`);
			if (!f.unit) {
				assert.deepEqual(s.units.map((u) => u.slug), rec.slice(1).map((x) => x.scope), 'every unit, in order');
				for (let k = 1; k < rec.length; k++) sameFigures(rec[k], s.units[k - 1].figures, `${q} ${rec[k].scope}`);
			}
			// The page: its figures (data-value), the ranking's cells, the
			// line's quarters and the late reports by name.
			const page = await http(fresh(`/stats?${q}`));
			assert.equal(page.status, 200);
			const t = tags(page.body).filter((x) => x.kind === 'open');
			const val = (v) => (v === '' ? null : Number(v));
			// The first td after an opening tag x: its data-value.
			const tdAfter = (x) => t.slice(t.indexOf(x) + 1).find((y) => y.name === 'td')?.attrs['data-value'];
			const figs = Object.fromEntries(t.filter((x) => x.name === 'tr' && x.attrs['data-figure'])
				.map((x) => [x.attrs['data-figure'], tdAfter(x)]));
			for (const [key, name] of [['held', 'held'], ['participants', 'participants'], ['comments', 'comments'],
				['proposals', 'proposals'], ['answered', 'answered_pct'], ['accepted', 'accepted_pct'],
				['answer-days', 'answer_days_median'], ['reports', 'reports_on_time_pct'], ['e-days', 'e_days_median'],
				['e-short', 'e_shorter_than_15_days'], ['agenda', 'agenda_announced_pct']])
				assert.equal(val(figs[key]), s.figures[name], `${q}: the page's ${key}`);
			const points = t.filter((x) => x.name === 'tr' && x.attrs['data-quarter']);
			assert.deepEqual(points.map((x) => x.attrs['data-quarter']), s.quarters.map((x) => `${x.year}-${x.quarter}`));
			assert.deepEqual(points.map((x) => Number(tdAfter(x))), s.quarters.map((x) => x.held),
				`${q}: the line`);
			const late = t.filter((x) => x.name === 'tr' && x.attrs['data-id'] && x.attrs['data-state']);
			assert.equal(s.late_reports.count >= late.length, true);
			assert.deepEqual(s.late_reports.items.map((x) => x.id), late.map((x) => Number(x.attrs['data-id'])),
				`${q}: the late reports`);
			assert.deepEqual(s.late_reports.items.map((x) => x.report_published_at === null ? 'missing' : 'late'),
				late.map((x) => x.attrs['data-state']));
		});
	}

	test('bad parameters: 400 naming them; ETag and 304', async () => {
		for (const [q, field] of [['year=1999', 'year'], ['quarter=0', 'quarter'], ['quarter=x', 'quarter'],
			['unit=nope', 'unit']]) {
			const r = await api(`/api/v1/stats?${q}`);
			assert.equal(r.status, 400, q);
			assert.equal(r.json.error.field, field, q);
		}
		const r = await api('/api/v1/stats?year=2019');
		assert.equal(r.headers.get('cache-control'), 'public, max-age=300');
		const e = await api('/api/v1/stats?year=2019', { headers: { 'if-none-match': r.headers.get('etag') } });
		assert.equal(e.status, 304);
	});
});

// ---- the read limit -------------------------------------------------------------------

describe('the read limit', () => {
	test('every GET tells RateLimit-*; the count goes down per address', async () => {
		const addr = freshAddr();
		const paths = ['/api/v1/consultations', '/api/v1/consultations?theme=ecology', '/api/v1/taxonomy',
			'/api/v1/agenda', '/api/v1/stats', '/api/v1/openapi.json', '/api/v1/consultations/4000000000',
			'/api/v1/consultations?theme=nope'];
		let left = READS;
		for (const p of paths) {
			const r = await api(fresh(p), { headers: { 'x-forwarded-for': addr } });
			left--;
			assert.equal(r.headers.get('ratelimit-limit'), String(READS), p);
			assert.equal(r.headers.get('ratelimit-remaining'), String(left), p);
			const reset = Number(r.headers.get('ratelimit-reset'));
			assert.ok(reset >= 1 && reset <= 60, `${p}: reset ${reset}`);
			assert.equal(r.headers.get('ratelimit-policy'), `${READS};w=60`);
		}
		const other = await api(fresh('/api/v1/taxonomy'), { headers: { 'x-forwarded-for': freshAddr() } });
		assert.equal(other.headers.get('ratelimit-remaining'), String(READS - 1), 'another address counts apart');
		const h = await http(fresh('/api/v1/taxonomy'), { method: 'HEAD', headers: { 'x-forwarded-for': addr } });
		assert.equal(h.headers.get('ratelimit-remaining'), String(left - 1), 'HEAD counts');
	});

	test(`past ${READS} reads a minute: 429 with Retry-After, as JSON`, async () => {
		// Right after a minute starts, so that the window does not turn
		// over while the reads are sent.
		const s = new Date().getUTCSeconds();
		if (s > 20) await new Promise((ok) => setTimeout(ok, (61 - s) * 1000));
		const addr = freshAddr();
		const headers = { 'x-forwarded-for': addr };
		let last;
		for (let sent = 0; sent < READS;) {
			const batch = Array.from({ length: Math.min(50, READS - sent) }, () =>
				http(fresh('/api/v1/openapi.json'), { method: 'HEAD', headers }));
			const rs = await Promise.all(batch);
			for (const r of rs) assert.equal(r.status, 200);
			sent += rs.length;
			last = rs.at(-1);
		}
		assert.ok(last);
		const r = await api(fresh('/api/v1/consultations'), { headers });
		assert.equal(r.status, 429);
		assert.equal(r.json.error.code, 'too_many_requests');
		assert.equal(r.headers.get('ratelimit-remaining'), '0');
		const retry = Number(r.headers.get('retry-after'));
		assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
		assert.equal(r.headers.get('access-control-allow-origin'), '*');
		const other = await api(fresh('/api/v1/consultations'), { headers: { 'x-forwarded-for': freshAddr() } });
		assert.equal(other.status, 200, 'another address still reads');
	});
});
