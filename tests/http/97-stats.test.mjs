// Efficiency indicators (issue 8): /stats and /stats.csv against values
// computed here from the raw rows (consultations, comments, responses,
// reports, agenda_items, agenda_plans), never from the summary table the
// program reads.  The test's own consultations live in the second quarter
// of 2019, a period of its own far from the demo data's dates (a unit of
// its own is not possible: the programs read the units once per database
// connection), with the edge cases: no proposals (a whole unit without
// any), a report on the 14th day, one at exactly 14 x 24 hours and one on
// the 15th, a consultation closed early and then reopened, an
// e-consultation of 14 days, a pending proposal, a cancelled one and a
// draft, and topics of the agenda: in a published plan before the
// announcement, added after it, in a plan not published, only planned.
// Every indicator is checked for the city and every unit, for the quarter
// and the year.  Also: every figure links to a listing that shows the same
// count, the late and the agenda lists name exactly the expected
// consultations, the ranking's sort links (aria-sort), the CSV (parsed),
// bad input -> 400.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, sql, sqlInt, sqlStr, tags, dataTotal, decodeEntities,
	kyivMidnightMs, utcSql, parseUtc,
} from './lib.mjs';
import { uniq } from './admin-lib.mjs';

const DAY = 86400000;
// A unit with no other consultation in 2019: the "no proposals" edge case.
const NO_PROPOSALS_UNIT = 'ecodep';
const Q2 = { from: '2019-04-01', to: '2019-06-30', next: '2019-07-01' };
const fresh = () => `_=${uniq('t97')}`;

// ---- the test's data set ---------------------------------------------------

function consultation(unit, format, opens, closes, { status = 'announced', closedAt = null } = {}) {
	const slug = uniq('t97').toLowerCase().replace(/[^a-z0-9-]/g, '-');
	sql(`INSERT INTO consultations (slug, title, summary, body, unit_id, format_id, status,
		opens_at, closes_at, closed_at, question, alternatives, stakeholders, consequences,
		how_to_participate, contact_name, contact_email, results_publication, published_at,
		cancelled_at)
		SELECT ${sqlStr(slug)}, ${sqlStr(uniq('Показники: тест'))}, 'Коротко', 'Текст', u.id, f.id,
			${sqlStr(status)}, ${sqlStr(opens)}, ${sqlStr(closes)},
			${closedAt ? sqlStr(closedAt) : 'NULL'}, 'Питання', 'Альтернативи',
			'Зацікавлені', 'Наслідки', 'Як', 'Олена', 'olena@example.com', 'На сайті',
			IF(${sqlStr(status)} = 'draft', NULL, ${sqlStr(opens)} - INTERVAL 5 DAY),
			IF(${sqlStr(status)} = 'cancelled', ${sqlStr(opens)}, NULL)
		FROM units u, formats f WHERE u.slug = ${sqlStr(unit)} AND f.slug = ${sqlStr(format)}`);
	return sqlInt(`SELECT id FROM consultations WHERE slug = ${sqlStr(slug)}`);
}

function comment(cid, kind, email, status = 'published') {
	const body = uniq('Текст');
	sql(`INSERT INTO comments (consultation_id, kind, author_name, author_email, body, status, published_at)
		VALUES (${cid}, ${sqlStr(kind)}, 'Учасник', ${sqlStr(email)}, ${sqlStr(body)}, ${sqlStr(status)},
		IF(${sqlStr(status)} = 'published', '2019-04-02 10:00:00', NULL))`);
	return sqlInt(`SELECT id FROM comments WHERE body = ${sqlStr(body)}`);
}

function answer(mid, decision, at) {
	sql(`INSERT INTO responses (comment_id, decision, reason, answered_at)
		VALUES (${mid}, ${sqlStr(decision)}, 'Причина', ${sqlStr(at)})`);
}

// A topic of the agenda linking a consultation; its id.
function agendaItem(year, cid, status, created, decided = null) {
	const topic = uniq('Тема плану t97');
	sql(`INSERT INTO agenda_items (year, quarter, topic, description, unit_id, status, consultation_id,
		created_at, updated_at, decided_at)
		SELECT ${year}, 2, ${sqlStr(topic)}, 'Опис', unit_id, ${sqlStr(status)}, id, ${sqlStr(created)},
			${sqlStr(created)}, ${decided === null ? 'NULL' : sqlStr(decided)}
		FROM consultations WHERE id = ${cid}`);
	return sqlInt(`SELECT id FROM agenda_items WHERE topic = ${sqlStr(topic)}`);
}

function report(cid, at) {
	sql(`INSERT INTO reports (consultation_id, summary, published_at) VALUES (${cid}, 'Звіт', ${sqlStr(at)})`);
	sql(`UPDATE consultations SET status = 'completed', completed_at = ${sqlStr(at)} WHERE id = ${cid}`);
}

const at = (base, days) => utcSql(parseUtc(base) + days * DAY);

// Builds the set; returns the ids of the edge cases.
function build() {
	const mail = () => `${uniq('p')}@example.com`.toLowerCase();
	const ids = {};
	// A: an e-consultation of exactly 14 days; 3 proposals (2 answered), a
	// comment, a pending proposal; report on the 14th day (on time).
	const aEnd = '2019-04-15 10:00:00';
	ids.a = consultation('dk', 'e-consultation', '2019-04-01 10:00:00', aEnd);
	const [p1, p2] = [mail(), mail()];
	const a1 = comment(ids.a, 'proposal', p1);
	const a2 = comment(ids.a, 'proposal', p1);
	comment(ids.a, 'proposal', p2);
	comment(ids.a, 'comment', p2);
	comment(ids.a, 'proposal', mail(), 'pending');
	answer(a1, 'accepted', at(aEnd, 2));
	answer(a2, 'rejected', at(aEnd, 4));
	report(ids.a, at(aEnd, 13.5));
	// B: no proposals; a report on the 15th day (late).
	const bEnd = '2019-05-10 09:00:00';
	ids.b = consultation('dk', 'public-hearing', '2019-05-01 09:00:00', bEnd);
	const p3 = mail();
	comment(ids.b, 'comment', p3);
	comment(ids.b, 'comment', p3);
	// p2 again, in another consultation of the same unit and quarter: one
	// participant of dk and of the city, two participations.
	comment(ids.b, 'comment', p2);
	report(ids.b, at(bEnd, 14.5));
	// C: closed early in March (first quarter), reopened to its planned end in
	// May; every proposal answered, the last 5 days after; no report.
	const cEnd = '2019-05-20 12:00:00';
	ids.c = consultation('children', 'e-consultation', '2019-03-01 12:00:00', cEnd,
		{ closedAt: '2019-03-10 12:00:00' });
	sql(`UPDATE consultations SET closed_at = NULL WHERE id = ${ids.c}`);
	const c1 = comment(ids.c, 'proposal', mail());
	const c2 = comment(ids.c, 'proposal', mail());
	answer(c1, 'partially-accepted', at(cEnd, 3));
	answer(c2, 'accepted', at(cEnd, 5));
	// D: a round table, one proposal out of scope after 10 days, report on day 3.
	const dEnd = '2019-06-05 15:00:00';
	ids.d = consultation('children', 'round-table', '2019-06-01 15:00:00', dEnd);
	answer(comment(ids.d, 'proposal', mail()), 'out-of-scope', at(dEnd, 10));
	// p1 in another unit too: once for the city, once for each unit.
	comment(ids.d, 'comment', p1);
	// The edges of the periods in Kyiv time: 31 March 2019 21:30 UTC is
	// 1 April 00:30 in Kyiv (summer time began that night): the second
	// quarter; 20:30 UTC is still the first.  31 December 21:30 UTC is
	// 23:30 in Kyiv (2019), 22:30 UTC is already 2020.
	ids.q2edge = consultation('dk', 'public-hearing', '2019-03-20 10:00:00', '2019-03-31 21:30:00');
	comment(ids.q2edge, 'comment', mail());
	ids.q1edge = consultation('dk', 'public-hearing', '2019-03-20 10:00:00', '2019-03-31 20:30:00');
	comment(ids.q1edge, 'comment', mail());
	ids.y2019 = consultation('dk', 'round-table', '2019-12-20 10:00:00', '2019-12-31 21:30:00');
	comment(ids.y2019, 'comment', mail());
	ids.y2020 = consultation('dk', 'round-table', '2019-12-20 10:00:00', '2019-12-31 22:30:00');
	comment(ids.y2020, 'comment', mail());
	report(ids.d, at(dEnd, 2.5));
	// H: a unit with no proposals at all (comments only); its report at
	// exactly 14 x 24 hours is on time.
	const hEnd = '2019-06-10 12:00:00';
	ids.h = consultation(NO_PROPOSALS_UNIT, 'public-hearing', '2019-06-03 12:00:00', hEnd);
	comment(ids.h, 'comment', mail());
	report(ids.h, at(hEnd, 14));
	// Not counted: cancelled, draft.
	ids.e = consultation('dk', 'e-consultation', '2019-04-01 10:00:00', '2019-04-20 10:00:00',
		{ status: 'cancelled' });
	comment(ids.e, 'proposal', mail());
	ids.f = consultation('dk', 'e-consultation', '2019-04-01 10:00:00', '2019-04-20 10:00:00',
		{ status: 'draft' });
	// The agenda.  The plan of 2019 was published on 20 December 2018; that
	// of 2018 (for this test) never was.  Each consultation above was
	// announced 5 days before it opened.
	sql(`INSERT INTO agenda_plans (year, published_at) VALUES (2019, '2018-12-20 08:00:00')
		ON DUPLICATE KEY UPDATE published_at = VALUES(published_at)`);
	sql(`INSERT INTO agenda_plans (year, published_at) VALUES (2018, NULL)
		ON DUPLICATE KEY UPDATE published_at = NULL`);
	// A: scheduled in the published plan since before the announcement.
	ids.itemA = agendaItem(2019, ids.a, 'scheduled', '2018-12-01 09:00:00');
	// B: held, but the topic entered the plan after B was announced.
	ids.itemB = agendaItem(2019, ids.b, 'held', '2019-04-28 09:00:00');
	// C: a resident's proposal accepted on 1 February, before C was
	// announced (24 February); and a second topic, only planned.
	ids.itemC = agendaItem(2019, ids.c, 'scheduled', '2018-11-01 09:00:00', '2019-02-01 09:00:00');
	agendaItem(2019, ids.c, 'planned', '2018-11-02 09:00:00');
	// D: held, in a plan that was never published.
	ids.itemD = agendaItem(2018, ids.d, 'held', '2018-01-10 09:00:00');
	// E (cancelled) is scheduled in the published plan: still not held.
	agendaItem(2019, ids.e, 'scheduled', '2018-12-01 09:00:00');
	return ids;
}

// ---- the indicators, computed from raw rows ----------------------------------

const median = (v) => {
	if (v.length === 0) return null;
	const s = [...v].sort((x, y) => x - y), n = s.length;
	return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const pct = (a, b) => (b === 0 ? null : (100 * a) / b);

function expected(from, next) {
	const lo = utcSql(kyivMidnightMs(from)), hi = utcSql(kyivMidnightMs(next));
	const END = 'LEAST(c.closes_at, COALESCE(c.closed_at, c.closes_at))';
	const cons = sql(`SELECT c.id, u.slug, f.slug, c.status, c.opens_at, ${END}, r.published_at,
			COALESCE(c.published_at, c.opens_at)
		FROM consultations c JOIN units u ON u.id = c.unit_id JOIN formats f ON f.id = c.format_id
		LEFT JOIN reports r ON r.consultation_id = c.id
		WHERE c.status NOT IN ('draft', 'cancelled') AND ${END} >= '${lo}' AND ${END} < '${hi}'`);
	const now = Date.now();
	const held = cons.filter((c) => c[3] === 'completed' || now >= parseUtc(c[5]));
	const byId = new Map(held.map((c) => [Number(c[0]), c]));
	const rows = held.length === 0 ? [] : sql(`SELECT m.consultation_id, m.kind, m.author_email,
		r.decision, r.answered_at FROM comments m LEFT JOIN responses r ON r.comment_id = m.id
		WHERE m.status = 'published' AND m.consultation_id IN (${[...byId.keys()].join(',')})`);
	// Announced in the agenda beforehand: a scheduled or held topic of a
	// published plan, public (the later of the plan's publication and the
	// topic's entry: decision, else creation) before the announcement.
	const topics = held.length === 0 ? [] : sql(`SELECT i.consultation_id, i.status, p.published_at,
		COALESCE(i.decided_at, i.created_at), i.id, i.year FROM agenda_items i
		LEFT JOIN agenda_plans p ON p.year = i.year
		WHERE i.consultation_id IN (${[...byId.keys()].join(',')})`);
	const announcedBy = (c) => {
		const hits = topics.filter((t) => Number(t[0]) === Number(c[0]) && ['scheduled', 'held'].includes(t[1]) &&
			t[2] !== null && Math.max(parseUtc(t[2]), parseUtc(t[3])) < parseUtc(c[7]));
		return hits.length === 0 ? null : hits.map((t) => [Number(t[4]), Number(t[5])]).sort((x, y) => x[0] - y[0])[0];
	};
	const scope = (pred) => {
		const cs = held.filter(pred);
		const g = {
			held: cs.length, formats: {}, participants: 0, participations: 0, comments: 0, proposals: 0,
			answered: 0, accepted: 0, answerDays: [], due: 0, onTime: 0, late: 0, missing: 0,
			eHeld: 0, eDays: [], eShort: 0, lateIds: [], agenda: 0, agendaIds: [],
		};
		const people = new Set();
		for (const c of cs) {
			const id = Number(c[0]), end = parseUtc(c[5]), opens = parseUtc(c[4]);
			g.formats[c[2]] = (g.formats[c[2]] || 0) + 1;
			const mine = rows.filter((r) => Number(r[0]) === id);
			g.participations += new Set(mine.map((r) => r[2].toLowerCase())).size;
			for (const r of mine) people.add(r[2].toLowerCase());
			g.comments += mine.filter((r) => r[1] === 'comment').length;
			const props = mine.filter((r) => r[1] === 'proposal');
			const ans = props.filter((r) => r[3] !== null);
			g.proposals += props.length;
			g.answered += ans.length;
			g.accepted += ans.filter((r) => r[3] === 'accepted' || r[3] === 'partially-accepted').length;
			if (props.length > 0 && ans.length === props.length)
				g.answerDays.push(Math.max(0, (Math.max(...ans.map((r) => parseUtc(r[4]))) - end) / DAY));
			const due = end + 14 * DAY, rep = c[6] === null ? null : parseUtc(c[6]);
			if (rep !== null && rep <= due) { g.due++; g.onTime++; }
			else if (rep !== null) { g.due++; g.late++; g.lateIds.push(id); }
			else if (now > due) { g.due++; g.missing++; g.lateIds.push(id); }
			const topic = announcedBy(c);
			if (topic !== null) { g.agenda++; g.agendaIds.push([id, topic]); }
			if (c[2] === 'e-consultation') {
				g.eHeld++;
				g.eDays.push((end - opens) / DAY);
				if (end - opens < 15 * DAY) g.eShort++;
			}
		}
		g.participants = people.size;
		// The page's order: by the end of accepting, then id.
		const order = (x, y) => parseUtc(byId.get(x)[5]) - parseUtc(byId.get(y)[5]) || x - y;
		g.lateIds.sort(order);
		g.agendaIds.sort((x, y) => order(x[0], y[0]));
		return g;
	};
	return { scope, held };
}

// ---- CSV (RFC 4180) ---------------------------------------------------------

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
		assert.notEqual(ch, '"', 'a quote inside an unquoted field');
		if (ch === ',') { row.push(field); field = ''; i++; continue; }
		if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field); rows.push(row); row = []; field = ''; i += 2; continue;
		}
		assert.ok(ch !== '\n' && ch !== '\r', 'bare line break');
		field += ch; i++;
	}
	assert.equal(field, '', 'the last record ends with CRLF');
	assert.equal(row.length, 0);
	return rows;
}

async function csvFor(query) {
	const r = await http(`/stats.csv?${query}&${fresh()}`);
	assert.equal(r.status, 200, r.body.slice(0, 300));
	const rows = parseCsv(r.body);
	const head = rows[0];
	for (const x of rows.slice(1)) assert.equal(x.length, head.length, 'every record as wide as the header');
	const byScope = new Map(rows.slice(1).map((x) => [x[0], Object.fromEntries(head.map((h, k) => [h, x[k]]))]));
	return { r, head, byScope };
}

const num = (s) => (s === '' ? null : Number(s));
function near(got, want, what) {
	if (want === null) return assert.equal(got, null, `${what}: no value`);
	assert.ok(got !== null && Math.abs(got - want) <= 0.051, `${what}: ${got} != ${want}`);
}

function checkScope(row, g, formats, what) {
	assert.ok(row, `${what}: a CSV row`);
	assert.equal(num(row.held), g.held, `${what} held`);
	for (const f of formats)
		assert.equal(num(row[`held_${f}`]), g.formats[f] || 0, `${what} held_${f}`);
	assert.equal(num(row.participants), g.participants, `${what} participants (distinct over the period)`);
	assert.equal(num(row.participations), g.participations, `${what} participations`);
	assert.equal(num(row.comments), g.comments, `${what} comments`);
	assert.equal(num(row.proposals), g.proposals, `${what} proposals`);
	assert.equal(num(row.answered), g.answered, `${what} answered`);
	assert.equal(num(row.accepted), g.accepted, `${what} accepted`);
	near(num(row.answered_pct), pct(g.answered, g.proposals), `${what} answered_pct`);
	near(num(row.accepted_pct), pct(g.accepted, g.answered), `${what} accepted_pct`);
	near(num(row.answer_days_median), median(g.answerDays), `${what} answer_days_median`);
	near(num(row.reports_on_time_pct), pct(g.onTime, g.due), `${what} reports_on_time_pct`);
	assert.equal(num(row.reports_due), g.due, `${what} reports_due`);
	assert.equal(num(row.reports_on_time), g.onTime, `${what} reports_on_time`);
	assert.equal(num(row.reports_late), g.late, `${what} reports_late`);
	assert.equal(num(row.reports_missing), g.missing, `${what} reports_missing`);
	assert.equal(num(row.e_held), g.eHeld, `${what} e_held`);
	near(num(row.e_days_median), median(g.eDays), `${what} e_days_median`);
	assert.equal(num(row.e_shorter_than_15_days), g.eShort, `${what} e_shorter_than_15_days`);
	assert.equal(num(row.agenda_announced), g.agenda, `${what} agenda_announced`);
	near(num(row.agenda_announced_pct), pct(g.agenda, g.held), `${what} agenda_announced_pct`);
}

// ---- tests ---------------------------------------------------------------------

describe('efficiency indicators', () => {
	let ids, formats, units;
	before(() => {
		ids = build();
		formats = sql('SELECT slug FROM formats ORDER BY sort, id').map((r) => r[0]);
		units = sql('SELECT slug FROM units ORDER BY sort, id').map((r) => r[0]);
	});

	test('the CSV: every indicator, for the city and every unit, equals the raw rows', async () => {
		const { r, head, byScope } = await csvFor('year=2019&quarter=2');
		assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
		assert.match(r.headers.get('content-disposition'), /^attachment; filename="[^"]+\.csv"$/);
		assert.equal(head[0], 'scope');
		const ex = expected(Q2.from, Q2.next);
		checkScope(byScope.get('city'), ex.scope(() => true), formats, 'city');
		for (const u of units)
			checkScope(byScope.get(u), ex.scope((c) => c[1] === u), formats, u);
		assert.equal(byScope.get('city').from, Q2.from);
		assert.equal(byScope.get('city').to, Q2.to);
	});

	test('the edge cases count as defined', async () => {
		const ex = expected(Q2.from, Q2.next);
		const heldIds = ex.held.map((c) => Number(c[0]));
		for (const k of ['a', 'b', 'c', 'd']) assert.ok(heldIds.includes(ids[k]), `${k} held in Q2`);
		assert.ok(!heldIds.includes(ids.e), 'cancelled not counted');
		assert.ok(!heldIds.includes(ids.f), 'draft not counted');
		assert.ok(heldIds.includes(ids.q2edge), '1 April 00:30 in Kyiv is the second quarter');
		assert.ok(!heldIds.includes(ids.q1edge), '31 March 23:30 in Kyiv is the first');
		assert.ok(expected('2019-01-01', '2019-04-01').held.some((c) => Number(c[0]) === ids.q1edge));
		const y = expected('2019-01-01', '2020-01-01').held.map((c) => Number(c[0]));
		assert.ok(y.includes(ids.y2019) && !y.includes(ids.y2020), 'the year ends at midnight in Kyiv');
		const whole = ex.scope(() => true);
		assert.ok(whole.participants < whole.participations, 'people in two consultations count once');
		const dk = ex.scope((c) => [ids.a, ids.b].includes(Number(c[0])));
		assert.equal(dk.eShort, 1, 'the 14-day e-consultation is shorter than 15 days');
		assert.deepEqual(dk.lateIds, [ids.b], 'the 15th-day report is late, the 14th-day one is not');
		assert.equal(dk.answerDays.length, 0, 'A is not fully answered, B has no proposals');
		const ch = ex.scope((c) => [ids.c, ids.d].includes(Number(c[0])));
		assert.deepEqual(ch.answerDays.sort((x, y) => x - y), [5, 10]);
		assert.deepEqual(ch.lateIds, [ids.c], 'C has no report');
		// The page lists the late ones (the 15th day and the missing), not the 14th.
		const page = await http(`/stats?year=2019&quarter=2&${fresh()}`);
		assert.equal(page.status, 200);
		const late = tags(page.body).filter((t) => t.kind === 'open' && 'data-state' in t.attrs)
			.map((t) => [Number(t.attrs['data-id']), t.attrs['data-state']]);
		assert.deepEqual(late.filter(([id]) => id === ids.b), [[ids.b, 'late']]);
		assert.deepEqual(late.filter(([id]) => id === ids.c), [[ids.c, 'missing']]);
		assert.ok(!late.some(([id]) => id === ids.a || id === ids.d || id === ids.h), 'on-time reports not listed');
		const city = ex.scope(() => true);
		assert.deepEqual(late.map(([id]) => id), city.lateIds, 'the late list is exactly the late and missing ones');
		// H: a unit without proposals has no share answered; a report at
		// exactly 14 x 24 hours is on time.
		const np = ex.scope((c) => c[1] === NO_PROPOSALS_UNIT);
		assert.ok(np.held >= 1, 'H held (once per run of this file)');
		assert.equal(np.proposals, 0);
		assert.equal(pct(np.answered, np.proposals), null);
		assert.ok(np.due === np.held && np.onTime === np.due, 'every H report on time');
		const row = (await csvFor(`year=2019&quarter=2&unit=${NO_PROPOSALS_UNIT}`)).byScope.get(NO_PROPOSALS_UNIT);
		assert.equal(row.answered_pct, '', 'no proposals: no share (not 0 %, not 100 %)');
		assert.equal(row.accepted_pct, '');
		assert.equal(row.answer_days_median, '');
		assert.equal(num(row.reports_on_time), np.onTime);
		assert.equal(row.reports_on_time_pct, '100.0');
		// The agenda: A (in the published plan before its announcement) and C
		// (a proposal accepted before it) count; B (entered the plan after),
		// D (a plan not published) and E (cancelled) do not.
		const inAgenda = city.agendaIds.map(([id]) => id);
		assert.ok(inAgenda.includes(ids.a) && inAgenda.includes(ids.c), 'A and C announced beforehand');
		assert.ok(!inAgenda.includes(ids.b) && !inAgenda.includes(ids.d), 'B and D not');
		assert.deepEqual(city.agendaIds.find(([id]) => id === ids.c)[1], [ids.itemC, 2019]);
		// The page lists exactly those, each with its topic in the plan.
		const t = tags(page.body);
		const rows = t.filter((x) => x.kind === 'open' && 'data-agenda' in x.attrs);
		assert.deepEqual(rows.map((x) => Number(x.attrs['data-agenda'])), inAgenda);
		for (const [id, [item, year]] of city.agendaIds) {
			const tr = rows.find((x) => Number(x.attrs['data-agenda']) === id);
			const links = t.slice(t.indexOf(tr)).filter((x) => x.kind === 'open' && x.name === 'a').slice(0, 2)
				.map((x) => decodeEntities(x.attrs.href));
			assert.deepEqual(links, [`/consultations/${id}`, `/agenda?year=${year}#topic-${item}`]);
		}
		const count = t.find((x) => x.kind === 'open' && x.name === 'strong' &&
			t.indexOf(x) > t.findIndex((y) => y.attrs?.id === 'agenda-list'));
		assert.equal(Number(count.attrs['data-value']), city.agenda);
	});

	test('the page shows the same figures as the raw rows (city and a unit)', async () => {
		for (const unit of [null, 'children', 'dk']) {
			const g = expected(Q2.from, Q2.next).scope((c) => unit === null || c[1] === unit);
			const page = await http(`/stats?year=2019&quarter=2${unit ? `&unit=${unit}` : ''}&${fresh()}`);
			assert.equal(page.status, 200);
			const t = tags(page.body);
			const fig = (key) => {
				const tr = t.find((x) => x.kind === 'open' && x.attrs['data-figure'] === key);
				assert.ok(tr, `figure ${key}`);
				return num(t.slice(t.indexOf(tr)).find((x) => x.kind === 'open' && x.name === 'td').attrs['data-value']);
			};
			const what = unit || 'city';
			assert.equal(fig('held'), g.held, `${what} held`);
			assert.equal(fig('participants'), g.participants, `${what} participants`);
			assert.equal(fig('comments'), g.comments, `${what} comments`);
			assert.equal(fig('proposals'), g.proposals, `${what} proposals`);
			near(fig('answered'), pct(g.answered, g.proposals), `${what} answered`);
			near(fig('accepted'), pct(g.accepted, g.answered), `${what} accepted`);
			near(fig('answer-days'), median(g.answerDays), `${what} answer-days`);
			near(fig('reports'), pct(g.onTime, g.due), `${what} reports`);
			near(fig('e-days'), median(g.eDays), `${what} e-days`);
			assert.equal(fig('e-short'), g.eShort, `${what} e-short`);
			near(fig('agenda'), pct(g.agenda, g.held), `${what} agenda`);
			const byFormat = t.filter((y) => y.kind === 'open' && y.name === 'a' && y.attrs['data-value'] !== undefined &&
				t[t.indexOf(y) - 1]?.attrs?.['data-format']);
			assert.equal(byFormat.length, formats.length, 'a count per format');
			for (const x of byFormat)
				assert.equal(Number(x.attrs['data-value']), g.formats[t[t.indexOf(x) - 1].attrs['data-format']] || 0,
					`${what} held by format`);
		}
	});

	test('the agenda indicator follows the writes to topics and plans', async () => {
		const check = async (what) => {
			const { byScope } = await csvFor('year=2019&quarter=2');
			const ex = expected(Q2.from, Q2.next);
			checkScope(byScope.get('city'), ex.scope(() => true), formats, `city ${what}`);
			for (const u of ['dk', 'children'])
				checkScope(byScope.get(u), ex.scope((c) => c[1] === u), formats, `${u} ${what}`);
			return ex.scope(() => true).agendaIds.map(([id]) => id);
		};
		const before = await check('before');
		assert.ok(before.includes(ids.a));
		// A topic only planned again, then scheduled again.
		sql(`UPDATE agenda_items SET status = 'planned' WHERE id = ${ids.itemA}`);
		assert.ok(!(await check('A planned')).includes(ids.a));
		sql(`UPDATE agenda_items SET status = 'scheduled' WHERE id = ${ids.itemA}`);
		assert.deepEqual(await check('A scheduled'), before);
		// The plan published late (after A and C were announced), then on time.
		sql(`UPDATE agenda_plans SET published_at = '2019-04-20 08:00:00' WHERE year = 2019`);
		const late = await check('plan published late');
		assert.ok(!late.includes(ids.a) && !late.includes(ids.c));
		sql(`UPDATE agenda_plans SET published_at = '2018-12-20 08:00:00' WHERE year = 2019`);
		assert.deepEqual(await check('plan on time'), before);
		// D's plan published before D was announced: D counts; unpublished again.
		sql(`UPDATE agenda_plans SET published_at = '2018-01-20 08:00:00' WHERE year = 2018`);
		assert.ok((await check('2018 published')).includes(ids.d));
		sql(`UPDATE agenda_plans SET published_at = NULL WHERE year = 2018`);
		// The consultation announced earlier than its topic: B's announcement
		// moved after the topic entered the plan, then back.
		const [[pub]] = sql(`SELECT published_at FROM consultations WHERE id = ${ids.b}`);
		sql(`UPDATE consultations SET published_at = '2019-04-29 09:00:00' WHERE id = ${ids.b}`);
		assert.ok((await check('B announced later')).includes(ids.b));
		sql(`UPDATE consultations SET published_at = ${sqlStr(pub)} WHERE id = ${ids.b}`);
		// A topic relinked to another consultation, then deleted.
		sql(`UPDATE agenda_items SET consultation_id = ${ids.h} WHERE id = ${ids.itemA}`);
		const relinked = await check('A relinked to H');
		assert.ok(!relinked.includes(ids.a));
		sql(`DELETE FROM agenda_items WHERE id = ${ids.itemA}`);
		assert.ok(!(await check('topic deleted')).includes(ids.h));
		ids.itemA = agendaItem(2019, ids.a, 'scheduled', '2018-12-01 09:00:00');
		assert.deepEqual(await check('after'), before);
	});

	test('a consultation reopened moves to the period of its new end', async () => {
		const cid = consultation('children', 'public-hearing', '2019-03-01 08:00:00',
			'2019-05-25 08:00:00', { closedAt: '2019-03-05 08:00:00' });
		const q1Before = (await csvFor('year=2019&quarter=1')).byScope.get('children');
		const q1Want = expected('2019-01-01', '2019-04-01').scope((c) => c[1] === 'children');
		checkScope(q1Before, q1Want, formats, 'children Q1 (closed early)');
		assert.ok(expected('2019-01-01', '2019-04-01').held.some((c) => Number(c[0]) === cid));
		sql(`UPDATE consultations SET closed_at = NULL WHERE id = ${cid}`);
		const q1 = (await csvFor('year=2019&quarter=1')).byScope.get('children');
		const q2 = (await csvFor('year=2019&quarter=2')).byScope.get('children');
		assert.equal(num(q1.held), num(q1Before.held) - 1, 'left the first quarter');
		checkScope(q2, expected(Q2.from, Q2.next).scope((c) => c[1] === 'children'), formats, 'children Q2');
		// Answers and comments that arrive later are counted at once.
		const m = comment(cid, 'proposal', `${uniq('late')}@example.com`.toLowerCase());
		answer(m, 'accepted', '2019-05-27 08:00:00');
		checkScope((await csvFor('year=2019&quarter=2')).byScope.get('children'),
			expected(Q2.from, Q2.next).scope((c) => c[1] === 'children'), formats, 'after an answer');
		sql(`UPDATE comments SET status = 'rejected' WHERE id = ${m}`);
		checkScope((await csvFor('year=2019&quarter=2')).byScope.get('children'),
			expected(Q2.from, Q2.next).scope((c) => c[1] === 'children'), formats, 'after unpublishing');
	});

	test('a consultation that ends with no write is counted at the next request', async () => {
		// This quarter in Kyiv (demo data included: the expected values come
		// from the raw rows all the same).
		const f = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv', year: 'numeric',
			month: 'numeric' }).formatToParts(new Date()).map((x) => [x.type, x.value]));
		const y = Number(f.year), q = Math.ceil(Number(f.month) / 3);
		const pad = (m) => String(m).padStart(2, '0');
		const from = `${y}-${pad(3 * q - 2)}-01`, next = q === 4 ? `${y + 1}-01-01` : `${y}-${pad(3 * q + 1)}-01`;
		const end = Date.now() + 4000;
		const cid = consultation('children', 'public-hearing', utcSql(Date.now() - 20 * DAY), utcSql(end));
		const who = `${uniq('ends')}@example.com`.toLowerCase();
		comment(cid, 'comment', who);
		const scope = (c) => c[1] === 'children';
		const before = (await csvFor(`year=${y}&quarter=${q}&unit=children`)).byScope.get('children');
		const exBefore = expected(from, next);
		assert.ok(!exBefore.held.some((c) => Number(c[0]) === cid), 'not held yet');
		checkScope(before, exBefore.scope(scope), formats, 'children, before the end');
		while (Date.now() < end + 1500) await new Promise((r) => setTimeout(r, 250));
		const after = (await csvFor(`year=${y}&quarter=${q}&unit=children`)).byScope.get('children');
		const exAfter = expected(from, next);
		assert.ok(exAfter.held.some((c) => Number(c[0]) === cid), 'held now');
		checkScope(after, exAfter.scope(scope), formats, 'children, after the end');
		assert.equal(num(after.held), num(before.held) + 1);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM stats_period_authors WHERE pkey = ${y * 10 + q}
			AND author_email = ${sqlStr(who)}`), 2, 'the unit\'s and the city\'s quarter');
	});

	test('the year sums its quarters, the unit page shows the unit', async () => {
		const { byScope } = await csvFor('year=2019');
		const year = expected('2019-01-01', '2020-01-01');
		checkScope(byScope.get('city'), year.scope(() => true), formats, 'city 2019');
		for (const u of units)
			checkScope(byScope.get(u), year.scope((c) => c[1] === u), formats, `${u} 2019`);
		// The quarters at the edges: the first (31 March 23:30 in Kyiv) and
		// the fourth (31 December 23:30), every unit.
		for (const [q, from, next] of [[1, '2019-01-01', '2019-04-01'], [4, '2019-10-01', '2020-01-01']]) {
			const csv = (await csvFor(`year=2019&quarter=${q}`)).byScope;
			const ex = expected(from, next);
			checkScope(csv.get('city'), ex.scope(() => true), formats, `city 2019 Q${q}`);
			for (const u of units)
				checkScope(csv.get(u), ex.scope((c) => c[1] === u), formats, `${u} 2019 Q${q}`);
		}
		const one = await csvFor('year=2019&quarter=2&unit=dk');
		assert.deepEqual([...one.byScope.keys()], ['dk'], 'one row for one unit');
		checkScope(one.byScope.get('dk'), expected(Q2.from, Q2.next).scope((c) => c[1] === 'dk'), formats, 'dk');
	});

	test('every figure links to a listing that shows the same count', async () => {
		const page = await http(`/stats?year=2019&quarter=2&${fresh()}`);
		const ex = expected(Q2.from, Q2.next).scope(() => true);
		const t = tags(page.body);
		const held = t.find((x) => x.kind === 'open' && x.attrs['data-figure'] === 'held');
		assert.ok(held, 'the held figure');
		const i = t.indexOf(held);
		const a = t.slice(i).find((x) => x.kind === 'open' && x.name === 'a');
		const href = decodeEntities(a.attrs.href);
		assert.match(href, /^\/consultations\?/);
		const u = new URL(href, 'http://x');
		assert.deepEqual(u.searchParams.getAll('status'), ['closed', 'completed']);
		assert.equal(u.searchParams.get('from'), Q2.from);
		assert.equal(u.searchParams.get('to'), Q2.to);
		assert.equal(u.searchParams.get('by'), 'end');
		const listing = await http(href);
		assert.equal(listing.status, 200);
		assert.equal(Number(dataTotal(listing.body)), ex.held);
		// Each unit's held cell and each format's count, the same way.
		for (const x of t.filter((y) => y.kind === 'open' && y.attrs['data-format'])) {
			const f = x.attrs['data-format'];
			const link = t.slice(t.indexOf(x)).find((y) => y.kind === 'open' && y.name === 'a');
			if (!(ex.formats[f] > 0)) continue;
			const l = await http(decodeEntities(link.attrs.href));
			assert.equal(Number(dataTotal(l.body)), ex.formats[f], `format ${f}`);
		}
		for (const slug of ['dk', 'children']) {
			const row = t.find((y) => y.kind === 'open' && y.attrs['data-unit'] === slug);
			const cell = t.slice(t.indexOf(row)).find((y) => y.kind === 'open' && y.attrs['data-key'] === 'held');
			const link = t.slice(t.indexOf(cell)).find((y) => y.kind === 'open' && y.name === 'a');
			const l = await http(decodeEntities(link.attrs.href));
			assert.equal(Number(dataTotal(l.body)), Number(cell.attrs['data-value']), `unit ${slug}`);
			assert.equal(Number(cell.attrs['data-value']),
				expected(Q2.from, Q2.next).scope((c) => c[1] === slug).held);
		}
	});

	test('the ranking sorts by links, with aria-sort on the sorted column', async () => {
		const page = await http(`/stats?year=2019&quarter=2&sort=proposals&dir=desc&${fresh()}`);
		assert.equal(page.status, 200);
		const t = tags(page.body);
		const heads = t.filter((x) => x.kind === 'open' && x.name === 'th' && 'data-key' in x.attrs);
		const sorted = heads.filter((x) => 'aria-sort' in x.attrs);
		assert.equal(sorted.length, 1);
		assert.equal(sorted[0].attrs['data-key'], 'proposals');
		assert.equal(sorted[0].attrs['aria-sort'], 'descending');
		// Its link turns the order round; another column's starts descending.
		const linkOf = (h) => new URL(decodeEntities(t.slice(t.indexOf(h)).find((x) => x.name === 'a').attrs.href), 'http://x');
		assert.equal(linkOf(sorted[0]).searchParams.get('dir'), 'asc');
		const held = heads.find((x) => x.attrs['data-key'] === 'held');
		assert.equal(linkOf(held).searchParams.get('sort'), 'held');
		assert.equal(linkOf(held).searchParams.get('dir'), 'desc');
		assert.equal(linkOf(held).searchParams.get('quarter'), '2');
		const values = t.filter((x) => x.kind === 'open' && x.attrs['data-key'] === 'proposals' && x.name === 'td')
			.map((x) => Number(x.attrs['data-value']));
		assert.ok(values.length > 2);
		assert.deepEqual(values, [...values].sort((x, y) => y - x), 'descending');
		const asc = tags((await http(`/stats?year=2019&quarter=2&sort=proposals&dir=asc&${fresh()}`)).body)
			.filter((x) => x.kind === 'open' && x.attrs['data-key'] === 'proposals' && x.name === 'td')
			.map((x) => Number(x.attrs['data-value']));
		assert.deepEqual(asc, [...asc].sort((x, y) => x - y), 'ascending');
		// A share sorts with the units without a value last, either way.
		const shares = tags((await http(`/stats?year=2019&quarter=2&sort=answered&dir=asc&${fresh()}`)).body)
			.filter((x) => x.kind === 'open' && x.attrs['data-key'] === 'answered' && x.name === 'td')
			.map((x) => x.attrs['data-value']);
		const firstEmpty = shares.indexOf('');
		assert.ok(firstEmpty > 0, 'some units have a value, some none');
		assert.ok(shares.slice(firstEmpty).every((v) => v === ''), 'no value last');
	});

	test('the charts are SVG with a text alternative and a data table', async () => {
		const page = await http(`/stats?year=2019&quarter=2&${fresh()}`);
		const svgs = tags(page.body).filter((x) => x.kind === 'open' && x.name === 'svg');
		assert.equal(svgs.length, 2);
		for (const s of svgs) {
			assert.equal(s.attrs.role, 'img');
			assert.ok(s.attrs['aria-labelledby']);
			assert.match(page.body, new RegExp(`<title id="${s.attrs['aria-labelledby']}">[^<]+</title>`));
		}
		assert.equal((page.body.match(/<rect /g) || []).length, units.length, 'a bar per unit');
		assert.equal((page.body.match(/<circle /g) || []).length, 8, 'a point per quarter');
		// The line's table: each quarter of 2018 and 2019, inside the period
		// (from the rows) and outside it (counted by the database), for the
		// city and for one unit.
		for (const unit of [null, 'children']) {
			const body = unit === null ? page.body
				: (await http(`/stats?year=2019&quarter=2&unit=${unit}&${fresh()}`)).body;
			const t = tags(body);
			const quarters = ['2018-4', '2019-1', '2019-2', '2019-3'];
			const starts = ['2018-10-01', '2019-01-01', '2019-04-01', '2019-07-01', '2019-10-01'];
			for (const [k, key] of quarters.entries()) {
				const tr = t.find((x) => x.kind === 'open' && x.attrs['data-quarter'] === key);
				assert.ok(tr, `the line's row ${key}`);
				const td = t.slice(t.indexOf(tr)).find((x) => x.kind === 'open' && x.name === 'td');
				const want = expected(starts[k], starts[k + 1]).scope((c) => unit === null || c[1] === unit).held;
				assert.equal(Number(td.attrs['data-value']), want, `${unit || 'city'} ${key}`);
			}
		}
		assert.doesNotMatch(page.body, /<script/i);
	});

	// Each worker keeps what it made (cgi-bin/stats.c, 115_stats_version.sql):
	// a comment written by SQL alone (no listing_version bump) shows on
	// every answer after it, the page's and the CSV's, whichever worker.
	test('a kept page and CSV follow a comment at once, on every answer', async () => {
		const q = 'year=2019&quarter=2';
		const figure = (body, key) => {
			const t = tags(body);
			const tr = t.find((x) => x.kind === 'open' && x.attrs['data-figure'] === key);
			assert.ok(tr, `figure ${key}`);
			return num(t.slice(t.indexOf(tr)).find((x) => x.kind === 'open' && x.name === 'td').attrs['data-value']);
		};
		const answers = async (g, what) => {
			for (let k = 0; k < 12; k++) {
				const page = await http(`/stats?${q}&${fresh()}`);
				assert.equal(page.status, 200);
				assert.equal(figure(page.body, 'comments'), g.comments, `${what}: the page's comments, answer ${k}`);
				assert.equal(figure(page.body, 'participants'), g.participants, `${what}: participants, answer ${k}`);
				const row = (await csvFor(q)).byScope.get('city');
				assert.equal(num(row.comments), g.comments, `${what}: the CSV's comments, answer ${k}`);
				assert.equal(num(row.participants), g.participants, `${what}: the CSV's participants, answer ${k}`);
			}
		};
		const before = expected(Q2.from, Q2.next);
		await answers(before.scope(() => true), 'before');
		const [cid] = before.held[0];
		const mid = comment(Number(cid), 'comment', `${uniq('kept')}@example.com`.toLowerCase());
		const after = expected(Q2.from, Q2.next).scope(() => true);
		assert.equal(after.comments, before.scope(() => true).comments + 1);
		await answers(after, 'after the comment');
		sql(`UPDATE comments SET status = 'rejected' WHERE id = ${mid}`);
		await answers(expected(Q2.from, Q2.next).scope(() => true), 'after its removal');
	});

	// The clock alone: a report deadline passes with no write, and the
	// consultation's missing report counts from the next answer on.
	test('a report deadline that passes with no write counts at the next answer', async () => {
		const due = Date.now() + 4000;
		const end = due - 14 * DAY;
		const f = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv', year: 'numeric',
			month: 'numeric' }).formatToParts(new Date(end)).map((x) => [x.type, x.value]));
		const y = Number(f.year), qn = Math.ceil(Number(f.month) / 3);
		const pad = (m) => String(m).padStart(2, '0');
		const from = `${y}-${pad(3 * qn - 2)}-01`, next = qn === 4 ? `${y + 1}-01-01` : `${y}-${pad(3 * qn + 1)}-01`;
		const cid = consultation('children', 'public-hearing', utcSql(end - 20 * DAY), utcSql(end), { status: 'closed' });
		const q = `year=${y}&quarter=${qn}&unit=children`;
		const missing = async () => {
			const got = new Set();
			for (let k = 0; k < 8; k++) got.add(num((await csvFor(q)).byScope.get('children').reports_missing));
			assert.equal(got.size, 1, `every answer the same: ${[...got]}`);
			return [...got][0];
		};
		const scope = (c) => c[1] === 'children';
		const n0 = await missing();
		assert.equal(n0, expected(from, next).scope(scope).missing, 'before the deadline');
		while (Date.now() < due + 1500) await new Promise((r) => setTimeout(r, 250));
		const n1 = await missing();
		assert.equal(n1, n0 + 1, `consultation ${cid}: missing since its deadline`);
		assert.equal(n1, expected(from, next).scope(scope).missing, 'after the deadline');
	});

	test('bad parameters give 400, never 500', async () => {
		for (const q of ['year=abc', 'year=1999', 'year=2019x', 'quarter=5', 'quarter=0',
			'unit=nope', 'sort=bogus', 'dir=up', 'year=%FF']) {
			for (const p of ['/stats', '/stats.csv']) {
				const r = await http(`${p}?${q}`);
				assert.equal(r.status, 400, `${p}?${q}`);
			}
		}
		assert.equal((await http('/stats', { method: 'POST' })).status, 405);
	});
});
