// The feeds (issue 6): /calendar.ics parsed as iCalendar (RFC 5545: folding,
// escaping, components) and compared with SQL; /feed.atom's entries compared
// with SQL (its XML is parsed by a real parser in tests/browser/65-feeds);
// the listing's filters on both; ETag, Last-Modified and 304.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, sql, sqlCol, sqlStr, whereFor, END, ORDER, kyivDate, parseUtc,
} from './lib.mjs';
import { makeConsultation, uniq } from './admin-lib.mjs';

// ---- an iCalendar parser (RFC 5545, 3.1 and 3.3.11) --------------------------

// Physical lines: each at most 75 octets and ended by CRLF.
function physicalLines(text) {
	assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
	const lines = text.slice(0, -2).split('\r\n');
	for (const l of lines) {
		assert.ok(!l.includes('\n') && !l.includes('\r'), `bare line break in ${JSON.stringify(l)}`);
		const n = Buffer.byteLength(l, 'utf8');
		assert.ok(n <= 75, `line of ${n} octets: ${l}`);
	}
	return lines;
}

// Unfolds, then splits each content line into name, parameters and value.
function contentLines(text) {
	const out = [];
	for (const l of physicalLines(text)) {
		if (l.startsWith(' ') || l.startsWith('\t')) {
			assert.ok(out.length > 0, 'continuation without a line');
			out[out.length - 1] += l.slice(1);
		} else {
			out.push(l);
		}
	}
	return out.map((l) => {
		// The first ':' outside a quoted parameter value ends the name part.
		let i = 0, q = false;
		for (; i < l.length; i++) {
			if (l[i] === '"') q = !q;
			else if (l[i] === ':' && !q) break;
		}
		assert.ok(i < l.length, `no ':' in ${l}`);
		const [name, ...params] = l.slice(0, i).split(';');
		return { name: name.toUpperCase(), params: Object.fromEntries(params.map((p) => p.split('='))), value: l.slice(i + 1) };
	});
}

function unescapeText(v) {
	return v.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));
}

// Components as a tree: { type, props: [{name, params, value}], children }.
function parseCalendar(text) {
	const root = { type: null, props: [], children: [] };
	const stack = [root];
	for (const p of contentLines(text)) {
		const top = stack[stack.length - 1];
		if (p.name === 'BEGIN') {
			const c = { type: p.value, props: [], children: [] };
			top.children.push(c);
			stack.push(c);
		} else if (p.name === 'END') {
			assert.equal(p.value, top.type, `END:${p.value} closes ${top.type}`);
			stack.pop();
		} else {
			top.props.push(p);
		}
	}
	assert.equal(stack.length, 1, 'every BEGIN has its END');
	assert.equal(root.children.length, 1);
	return root.children[0];
}

const prop = (c, name) => c.props.find((p) => p.name === name);

async function calendar(query) {
	const r = await http(`/calendar.ics${query}`);
	assert.equal(r.status, 200, r.body.slice(0, 200));
	assert.match(r.headers.get('content-type'), /^text\/calendar; charset=utf-8/);
	return { r, cal: parseCalendar(r.body) };
}

// What the calendar of a filter must hold, in SQL: a deadline per
// consultation that ended less than 60 days ago or ends later, a meeting
// per one whose meeting is in that window and has a place.
function expectedEvents(f) {
	const since = 'UTC_TIMESTAMP() - INTERVAL 60 DAY';
	const deadlines = sqlCol(`SELECT c.id FROM consultations c WHERE ${whereFor(f)}
		AND ${END} >= ${since}`).map(Number);
	const meetings = sqlCol(`SELECT c.id FROM consultations c WHERE ${whereFor(f)}
		AND c.event_at IS NOT NULL AND c.event_at >= ${since}`).map(Number);
	return { deadlines: new Set(deadlines), meetings: new Set(meetings) };
}

function uidId(uid, kind) {
	const m = new RegExp(`^consultation-(\\d+)-${kind}@`).exec(uid);
	return m ? Number(m[1]) : null;
}

describe('calendar.ics', () => {
	test('is a well-formed VCALENDAR with the Kyiv time zone', async () => {
		const { r, cal } = await calendar('');
		assert.equal(cal.type, 'VCALENDAR');
		assert.equal(prop(cal, 'VERSION').value, '2.0');
		assert.ok(prop(cal, 'PRODID').value.length > 0);
		const tz = cal.children.filter((c) => c.type === 'VTIMEZONE');
		assert.equal(tz.length, 1);
		assert.equal(prop(tz[0], 'TZID').value, 'Europe/Kyiv');
		assert.deepEqual(tz[0].children.map((c) => c.type).sort(), ['DAYLIGHT', 'STANDARD']);
		assert.equal(unescapeText(prop(cal, 'X-WR-CALNAME').value), 'Консультації з громадськістю — Київ');
		assert.match(r.headers.get('etag'), /^"[0-9a-f]{32}"$/);
		assert.ok(Date.parse(r.headers.get('last-modified')) > 0);
	});

	for (const f of [{ theme: ['ecology'] }, { district: ['podilskyi'], status: ['open', 'announced'] }, {}]) {
		test(`holds exactly the deadlines and meetings SQL expects: ${JSON.stringify(f)}`, async () => {
			const p = new URLSearchParams();
			for (const [k, vs] of Object.entries(f)) for (const v of vs) p.append(k, v);
			const { cal } = await calendar(p.size ? `?${p}` : '');
			const want = expectedEvents(f);
			const events = cal.children.filter((c) => c.type === 'VEVENT');
			const uids = events.map((e) => prop(e, 'UID').value);
			assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
			const got = { deadlines: new Set(), meetings: new Set() };
			for (const e of events) {
				const uid = prop(e, 'UID').value;
				assert.ok(prop(e, 'DTSTAMP').value.match(/^\d{8}T\d{6}Z$/), 'DTSTAMP in UTC');
				assert.match(prop(e, 'URL').value, /^https?:\/\/[^/]+\/consultations\/\d+-/);
				const d = uidId(uid, 'deadline'), m = uidId(uid, 'meeting');
				assert.ok(d !== null || m !== null, uid);
				if (d !== null) {
					got.deadlines.add(d);
					assert.equal(prop(e, 'DTSTART').params.VALUE, 'DATE');
					assert.match(prop(e, 'DTSTART').value, /^\d{8}$/);
				} else {
					got.meetings.add(m);
					assert.equal(prop(e, 'DTSTART').params.TZID, 'Europe/Kyiv');
					assert.match(prop(e, 'DTSTART').value, /^\d{8}T\d{6}$/);
				}
			}
			assert.ok(want.deadlines.size > 0, 'the demo data has deadlines for this filter');
			assert.deepEqual([...got.deadlines].sort(), [...want.deadlines].sort());
			// Meetings need a place to be told; demo meetings all have one.
			assert.deepEqual([...got.meetings].sort(), [...want.meetings].sort());
		});
	}

	test('deadline and meeting dates, place and text are those of the row, escaped', async () => {
		const word = uniq('Календарфідтест').replace(/[^\p{L}]/gu, '');
		const title = `Сквер ${word}; кава, чай \\ і «лапки»`;
		const id = makeConsultation('construction', { title });
		const place = 'вул. Хрещатик, 36; зала 2\nвхід з двору';
		sql(`UPDATE consultations SET event_at = UTC_TIMESTAMP() + INTERVAL 5 DAY,
			event_place = ${sqlStr(place)} WHERE id = ${id}`);
		const [[closes, eventAt]] = sql(`SELECT ${END}, c.event_at FROM consultations c WHERE c.id = ${id}`);
		const { cal } = await calendar(`?q=${encodeURIComponent(word)}`);
		const events = cal.children.filter((c) => c.type === 'VEVENT');
		assert.equal(events.length, 2, 'a deadline and a meeting');
		const dl = events.find((e) => uidId(prop(e, 'UID').value, 'deadline') === id);
		const mt = events.find((e) => uidId(prop(e, 'UID').value, 'meeting') === id);
		assert.ok(dl && mt);
		assert.equal(unescapeText(prop(dl, 'SUMMARY').value), `Останній день пропозицій: ${title}`);
		assert.equal(prop(dl, 'DTSTART').value, kyivDate(parseUtc(closes) - 1000).replaceAll('-', ''));
		assert.equal(unescapeText(prop(mt, 'LOCATION').value), place);
		const local = new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit',
			hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
		}).format(new Date(parseUtc(eventAt)));
		assert.equal(prop(mt, 'DTSTART').value, local.replace(/[-: ]/g, '').replace(/^(\d{8})/, '$1T'));
		assert.ok(unescapeText(prop(mt, 'DESCRIPTION').value).includes(`/consultations/${id}-`));
		sql(`UPDATE consultations SET status = 'draft' WHERE id = ${id}`);
	});

	test('a bad filter is a 400, not an empty calendar', async () => {
		assert.equal((await http('/calendar.ics?theme=no-such-theme')).status, 400);
		assert.equal((await http('/calendar.ics?page=-1')).status, 400);
		assert.equal((await http('/calendar.ics', { method: 'POST' })).status, 405);
	});
});

describe('feed.atom', () => {
	const entryIds = (xml) => [...xml.matchAll(/<entry>\s*<id>[^<]*\/consultations\/(\d+)<\/id>/g)].map((m) => Number(m[1]));

	for (const f of [{ theme: ['ecology'] }, { format: ['online-meeting'], district: ['obolonskyi'] }, {}]) {
		test(`lists the 50 newest matching consultations, as SQL: ${JSON.stringify(f)}`, async () => {
			const p = new URLSearchParams();
			for (const [k, vs] of Object.entries(f)) for (const v of vs) p.append(k, v);
			const r = await http(`/feed.atom${p.size ? `?${p}` : ''}`);
			assert.equal(r.status, 200);
			assert.match(r.headers.get('content-type'), /^application\/atom\+xml; charset=utf-8/);
			assert.ok(r.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
			const want = sqlCol(`SELECT c.id FROM consultations c WHERE ${whereFor(f)}
				ORDER BY ${ORDER.new} LIMIT 50`).map(Number);
			assert.deepEqual(entryIds(r.body), want);
		});
	}

	test('titles with markup characters are escaped, never markup', async () => {
		const word = uniq('Атомфідтест').replace(/[^\p{L}]/gu, '');
		const title = `${word} <script>alert(1)</script> & "лапки" 'апостроф'`;
		const id = makeConsultation('construction', { title });
		const r = await http(`/feed.atom?q=${encodeURIComponent(word)}`);
		assert.equal(r.status, 200);
		assert.deepEqual(entryIds(r.body), [id]);
		assert.ok(!r.body.includes('<script>'));
		assert.ok(r.body.includes(`<title>${word} &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;лапки&quot; &#39;апостроф&#39;</title>`), r.body);
		sql(`UPDATE consultations SET status = 'draft' WHERE id = ${id}`);
	});

	test('the feed links to itself and to the listing with the same filters', async () => {
		const r = await http('/feed.atom?theme=ecology&status=open');
		assert.match(r.body, /<link rel="self" type="application\/atom\+xml" href="https?:\/\/[^"]+\/feed\.atom\?theme=ecology&amp;status=open"\/>/);
		assert.match(r.body, /<link rel="alternate" type="text\/html" href="https?:\/\/[^"]+\/consultations\?theme=ecology&amp;status=open"\/>/);
	});

	test('a bad filter is a 400', async () => {
		assert.equal((await http('/feed.atom?district=atlantis')).status, 400);
		assert.equal((await http('/feed.atom?q=%FF')).status, 400);
	});
});

describe('conditional requests', () => {
	for (const path of ['/feed.atom?theme=transport', '/calendar.ics?theme=transport']) {
		test(`${path}: 304 for its ETag and for its date, 200 otherwise`, async () => {
			const r = await http(path);
			const etag = r.headers.get('etag');
			const lm = r.headers.get('last-modified');
			assert.match(etag, /^"[0-9a-f]{32}"$/);
			const same = await http(path, { headers: { 'If-None-Match': etag } });
			assert.equal(same.status, 304);
			assert.equal(same.body, '');
			assert.equal(same.headers.get('etag'), etag);
			const listed = await http(path, { headers: { 'If-None-Match': `"nope", W/${etag}` } });
			assert.equal(listed.status, 304, 'weak comparison, in a list');
			const other = await http(path, { headers: { 'If-None-Match': '"0123"' } });
			assert.equal(other.status, 200);
			assert.equal(other.body, r.body);
			const since = await http(path, { headers: { 'If-Modified-Since': lm } });
			assert.equal(since.status, 304);
			const before = new Date(Date.parse(lm) - 1000).toUTCString();
			const older = await http(path, { headers: { 'If-Modified-Since': before } });
			assert.equal(older.status, 200);
		});
	}

	test('a new consultation changes the feed, its ETag and its date', async () => {
		const path = '/feed.atom?unit=construction';
		const r1 = await http(path);
		const id = makeConsultation('construction', { title: uniq('Нова для стрічки') });
		// The micro-cache keeps a copy for 1 s, counted in whole seconds by
		// nginx (fresh while the clock's second is at most the stored one
		// + 1): up to 2 s.  1.2 s failed whenever the insert was quick.
		await new Promise((ok) => setTimeout(ok, 2100));
		const r2 = await http(path, { headers: { 'If-None-Match': r1.headers.get('etag') } });
		assert.equal(r2.status, 200);
		assert.notEqual(r2.headers.get('etag'), r1.headers.get('etag'));
		assert.ok(entryIds(r2.body).includes(id));
		sql(`UPDATE consultations SET status = 'draft' WHERE id = ${id}`);
	});

	function entryIds(xml) {
		return [...xml.matchAll(/<entry>\s*<id>[^<]*\/consultations\/(\d+)<\/id>/g)].map((m) => Number(m[1]));
	}
});

describe('the listing offers both with its filters', () => {
	test('head links and the follow block carry the current filters', async () => {
		const r = await http('/consultations?theme=ecology&district=podilskyi&q=%D0%BF%D0%B0%D1%80%D0%BA');
		assert.equal(r.status, 200);
		const q = 'theme=ecology&amp;district=podilskyi&amp;q=%D0%BF%D0%B0%D1%80%D0%BA';
		assert.ok(r.body.includes(`<link rel="alternate" type="application/atom+xml" title="Консультації з цими фільтрами (Atom)" href="/feed.atom?${q}">`));
		assert.ok(r.body.includes(`<link rel="alternate" type="text/calendar" title="Календар консультацій з цими фільтрами" href="/calendar.ics?${q}">`));
		assert.ok(r.body.includes(`href="/feed.atom?${q}">Стрічка Atom</a>`));
		assert.ok(r.body.includes(`href="/calendar.ics?${q}">Календар (iCalendar)</a>`));
		// Those links answer, with the same filters.
		for (const p of [`/feed.atom?${q}`, `/calendar.ics?${q}`])
			assert.equal((await http(p.replaceAll('&amp;', '&'))).status, 200);
	});
});
