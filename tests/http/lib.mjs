// Helpers for the HTTP tests (node --test; no npm dependencies).
//
// Environment:
//   HROMADA_URL   the stack's base URL          [http://127.0.0.1:8089]
//   HROMADA_ROOT  the repository                [two levels above this file]
//   HROMADA_VAR   the stack's var directory     [$HROMADA_ROOT/var/test]
//
// SQL ground truth goes through `scripts/db.sh sql` (root on the private
// instance, the database selected).  Every filter is re-expressed here in SQL
// from the schema and DESIGN.md, independently of lib/listing.c.

import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const ROOT = process.env.HROMADA_ROOT || path.resolve(here, '..', '..');
export const BASE = (process.env.HROMADA_URL || 'http://127.0.0.1:8089').replace(/\/+$/, '');
export const VAR = process.env.HROMADA_VAR || path.join(ROOT, 'var', 'test');
const base = new URL(BASE);
export const HOST = base.hostname;
export const PORT = Number(base.port || 80);

export const PER_PAGE = 20;
export const COMMENTS_PER_PAGE = 50;
export const REQUEST_TIMEOUT_MS = 20000;

// ---- SQL --------------------------------------------------------------------

const DB_SH = path.join(ROOT, 'scripts', 'db.sh');

export function dbEnv() {
	return { ...process.env, HROMADA_VAR: VAR };
}

// Runs db.sh with arguments (start, stop, ...); returns its stdout.
export function dbScript(...args) {
	return execFileSync(DB_SH, args, {
		env: dbEnv(), encoding: 'utf8', timeout: 120000,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

// mariadb -B escapes \t, \n, \\ and NUL in values.
function unescapeField(s) {
	if (s === 'NULL') return null;
	return s.replace(/\\([\\tn0])/g, (_, c) =>
		c === 't' ? '\t' : c === 'n' ? '\n' : c === '0' ? '\0' : '\\');
}

// Rows of a SELECT, each an array of strings (null for NULL).
export function sql(query) {
	let out;
	try {
		out = execFileSync(DB_SH, ['sql', '-N', '-B', '-e', query], {
			env: dbEnv(), encoding: 'utf8', timeout: 60000,
			maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
		});
	} catch (e) {
		const err = new Error(`SQL failed: ${e.stderr || e.message}\n${query}`);
		throw err;
	}
	if (out === '') return [];
	return out.replace(/\n$/, '').split('\n').map((l) => l.split('\t').map(unescapeField));
}

export function sqlCol(query) {
	return sql(query).map((r) => r[0]);
}

export function sqlInt(query) {
	const rows = sql(query);
	if (rows.length !== 1) throw new Error(`expected one row from: ${query}`);
	return Number(rows[0][0]);
}

export function sqlStr(s) {
	return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\0/g, '\\0') + "'";
}

export function sqlList(values) {
	return values.map(sqlStr).join(', ');
}

// ---- the rules, in SQL ------------------------------------------------------

// When accepting ended: closed_at if closed early, else closes_at.
export const END = 'LEAST(c.closes_at, COALESCE(c.closed_at, c.closes_at))';

// DESIGN.md 5 and lib/lifecycle.c's contract: the stored decision wins for
// completed and cancelled; otherwise the dates decide (all DATETIMEs are UTC).
export const STATUS = `(CASE
	WHEN c.status IN ('completed', 'cancelled') THEN c.status
	WHEN UTC_TIMESTAMP() < c.opens_at THEN 'announced'
	WHEN UTC_TIMESTAMP() < ${END} THEN 'open'
	ELSE 'closed' END)`;

export const PUBLIC = "c.status <> 'draft'";

export const PUBLISHED_COUNT = `(SELECT COUNT(*) FROM comments m
	WHERE m.consultation_id = c.id AND m.status = 'published')`;

export const STATUSES = ['announced', 'open', 'closed', 'completed', 'cancelled'];
export const FACETS = ['theme', 'district', 'format', 'group', 'unit', 'status'];

// Reference table of each vocabulary facet, and how a consultation links to it.
const VOCAB = {
	theme: { table: 'themes', link: 'consultation_themes', col: 'theme_id' },
	district: { table: 'districts', link: 'consultation_districts', col: 'district_id' },
	group: { table: 'participant_groups', link: 'consultation_groups', col: 'group_id' },
	format: { table: 'formats', own: 'format_id' },
	unit: { table: 'units', own: 'unit_id' },
};

export function vocabTable(facet) {
	return VOCAB[facet].table;
}

// The MariaDB boolean-mode query DESIGN.md describes: every word of letters
// and digits (at least 2 characters) becomes a required prefix term.
export function booleanQuery(q) {
	const words = (q.match(/[\p{L}\p{N}\u02BC]+/gu) || [])
		.filter((w) => [...w].length >= 2).slice(0, 8);
	return words.map((w) => `+${w}*`).join(' ');
}

// One facet's condition on consultation c.
function facetCond(facet, values) {
	if (facet === 'status')
		return `${STATUS} IN (${sqlList(values)})`;
	const v = VOCAB[facet];
	if (v.own)
		return `c.${v.own} IN (SELECT id FROM ${v.table} WHERE slug IN (${sqlList(values)}))`;
	return `EXISTS (SELECT 1 FROM ${v.link} l JOIN ${v.table} t ON t.id = l.${v.col}
		WHERE l.consultation_id = c.id AND t.slug IN (${sqlList(values)}))`;
}

// WHERE clause for a filter set: { theme: [...], ..., status: [...], q, from, to }.
// except: a facet whose own filter is left out (facet counts).
export function whereFor(f, except = null) {
	const w = [PUBLIC];
	for (const facet of FACETS) {
		if (facet === except) continue;
		const vals = f[facet];
		if (vals && vals.length > 0) w.push(facetCond(facet, vals));
	}
	if (f.q !== undefined) {
		const bq = booleanQuery(f.q);
		w.push(bq === '' ? 'FALSE' :
			`MATCH (c.title, c.summary, c.body) AGAINST (${sqlStr(bq)} IN BOOLEAN MODE)`);
	}
	// Period [opens_at, end) overlaps [from 00:00, to + 1 day 00:00), city time.
	if (f.from !== undefined) w.push(`${END} > ${sqlStr(utcSql(kyivMidnightMs(f.from)))}`);
	if (f.to !== undefined) w.push(`c.opens_at < ${sqlStr(utcSql(kyivMidnightMs(addDays(f.to, 1))))}`);
	return w.join('\n AND ');
}

export function countFor(f) {
	return sqlInt(`SELECT COUNT(*) FROM consultations c WHERE ${whereFor(f)}`);
}

export const ORDER = {
	new: 'c.opens_at DESC, c.id DESC',
	// Still accepting (or not yet open) first, soonest end first; then the
	// ones that ended, most recently ended first.
	closing: `(${END} < UTC_TIMESTAMP()) ASC,
		CASE WHEN ${END} >= UTC_TIMESTAMP() THEN ${END} END ASC,
		CASE WHEN ${END} >= UTC_TIMESTAMP() THEN c.id END ASC,
		CASE WHEN ${END} < UTC_TIMESTAMP() THEN ${END} END DESC,
		c.id DESC`,
	popular: `${PUBLISHED_COUNT} DESC, c.id DESC`,
};

export function idsFor(f, sort = 'new', limit = PER_PAGE, offset = 0) {
	return sqlCol(`SELECT c.id FROM consultations c WHERE ${whereFor(f)}
		ORDER BY ${ORDER[sort]} LIMIT ${limit} OFFSET ${offset}`).map(Number);
}

// { slug: count } for every option of a facet, with the facet's own filter
// left out and every other filter applied (options with no match are absent).
export function facetCountsFor(f, facet) {
	const where = whereFor(f, facet);
	let q;
	if (facet === 'status')
		q = `SELECT ${STATUS} AS s, COUNT(*) FROM consultations c WHERE ${where} GROUP BY s`;
	else if (VOCAB[facet].own)
		q = `SELECT t.slug, COUNT(*) FROM consultations c
			JOIN ${VOCAB[facet].table} t ON t.id = c.${VOCAB[facet].own}
			WHERE ${where} GROUP BY t.slug`;
	else
		q = `SELECT t.slug, COUNT(*) FROM consultations c
			JOIN ${VOCAB[facet].link} l ON l.consultation_id = c.id
			JOIN ${VOCAB[facet].table} t ON t.id = l.${VOCAB[facet].col}
			WHERE ${where} GROUP BY t.slug`;
	const out = {};
	for (const [slug, n] of sql(q)) out[slug] = Number(n);
	return out;
}

// Slugs of a facet's options, in reference order.
export function slugsOf(facet) {
	if (facet === 'status') return STATUSES.slice();
	return sqlCol(`SELECT slug FROM ${VOCAB[facet].table} ORDER BY sort, id`);
}

// The listing URL of a filter set (repeated keys for several values).
export function listingUrl(f = {}, extra = {}) {
	const p = new URLSearchParams();
	for (const facet of FACETS)
		for (const v of f[facet] || []) p.append(facet, v);
	for (const k of ['q', 'from', 'to'])
		if (f[k] !== undefined) p.append(k, f[k]);
	for (const [k, v] of Object.entries(extra)) p.append(k, String(v));
	const s = p.toString();
	return s === '' ? '/consultations' : `/consultations?${s}`;
}

export function describeFilters(f) {
	const s = listingUrl(f).replace(/^\/consultations\??/, '');
	return s === '' ? '(no filter)' : decodeURIComponent(s.replace(/\+/g, ' '));
}

// ---- city time ----------------------------------------------------------------

let TZ = 'Europe/Kyiv';
try {
	new Intl.DateTimeFormat('en-US', { timeZone: TZ });
} catch {
	TZ = 'Europe/Kiev';
}

const tzFormat = new Intl.DateTimeFormat('en-US', {
	timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: '2-digit',
	day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

// Offset of city time from UTC at an instant, in ms.
function tzOffsetMs(ms) {
	const p = Object.fromEntries(tzFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

// The instant (ms) of 00:00 city time starting a YYYY-MM-DD date.
export function kyivMidnightMs(ymd) {
	const [y, m, d] = ymd.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d);
	let guess = wall - tzOffsetMs(wall);
	guess = wall - tzOffsetMs(guess);
	return guess;
}

// The city date (YYYY-MM-DD) of an instant.
export function kyivDate(ms) {
	const p = Object.fromEntries(tzFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day}`;
}

export function addDays(ymd, n) {
	const [y, m, d] = ymd.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function utcSql(ms) {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

// A MariaDB DATETIME (UTC) as ms.
export function parseUtc(s) {
	return Date.parse(s.replace(' ', 'T') + 'Z');
}

// ---- HTTP -----------------------------------------------------------------------

// A request through fetch; redirects are not followed.
export async function http(target, { method = 'GET', headers = {}, body } = {}) {
	const url = /^https?:/.test(target) ? target : BASE + target;
	let res;
	try {
		res = await fetch(url, {
			method, headers, body, redirect: 'manual',
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
	} catch (e) {
		throw new Error(`${method} ${url}: ${e.cause?.message || e.message}`);
	}
	const text = method === 'HEAD' ? '' : await res.text();
	return { status: res.status, headers: res.headers, body: text, url };
}

// A request written byte for byte on a socket (HTTP/1.0, so that the answer
// ends with the connection): for what fetch refuses or normalises.  target
// is a string (latin1: one byte per char) or a Buffer.
export function raw(target, { method = 'GET', headers = {} } = {}) {
	const head = Buffer.concat([
		Buffer.from(`${method} `, 'latin1'),
		Buffer.isBuffer(target) ? target : Buffer.from(target, 'latin1'),
		Buffer.from(` HTTP/1.0\r\nHost: ${HOST}:${PORT}\r\n` +
			Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') +
			'Connection: close\r\n\r\n', 'latin1'),
	]);
	return new Promise((resolve, reject) => {
		const chunks = [];
		const sock = net.connect({ host: HOST, port: PORT });
		const timer = setTimeout(() => {
			sock.destroy();
			reject(new Error(`raw ${method} ${String(target).slice(0, 80)}: no answer in ${REQUEST_TIMEOUT_MS} ms`));
		}, REQUEST_TIMEOUT_MS);
		sock.on('connect', () => sock.write(head));
		sock.on('data', (d) => chunks.push(d));
		sock.on('error', (e) => {
			// A server may close while we still write a long request line;
			// what it answered before that still counts.
			if (chunks.length > 0) return;
			clearTimeout(timer);
			reject(e);
		});
		sock.on('close', () => {
			clearTimeout(timer);
			const all = Buffer.concat(chunks);
			const sep = all.indexOf('\r\n\r\n');
			if (sep < 0) {
				reject(new Error(`raw ${method}: no complete response (${all.length} bytes)`));
				return;
			}
			const lines = all.subarray(0, sep).toString('latin1').split('\r\n');
			const m = /^HTTP\/\d\.\d (\d{3})/.exec(lines[0]);
			if (!m) {
				reject(new Error(`raw ${method}: bad status line ${lines[0]}`));
				return;
			}
			const hdrs = new Map();
			for (const l of lines.slice(1)) {
				const i = l.indexOf(':');
				if (i > 0) hdrs.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim());
			}
			resolve({
				status: Number(m[1]),
				headers: { get: (k) => hdrs.get(k.toLowerCase()) ?? null },
				body: all.subarray(sep + 4).toString('utf8'),
			});
		});
	});
}

// Polls /healthz until it answers 200, at most ms; throws otherwise.
export async function waitHealthy(ms = 20000) {
	const deadline = Date.now() + ms;
	let last = 'no answer';
	for (;;) {
		try {
			const r = await fetch(BASE + '/healthz', { signal: AbortSignal.timeout(2000) });
			await r.text();
			if (r.status === 200) return;
			last = `status ${r.status}`;
		} catch (e) {
			last = e.cause?.message || e.message;
		}
		if (Date.now() >= deadline)
			throw new Error(`${BASE}/healthz not 200 within ${ms} ms (${last}); is the stack running?`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

// Loads what a test file needs (after the stack answers), then defines its
// tests; if loading fails, one failing test says why.
export async function withData(loader, define) {
	let data;
	try {
		await waitHealthy();
		data = await loader();
	} catch (e) {
		test('prerequisites: stack reachable, database readable, data present', () => {
			throw e;
		});
		return;
	}
	define(data);
}

// ---- HTML ---------------------------------------------------------------------

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input',
	'link', 'meta', 'param', 'source', 'track', 'wbr']);

export function decodeEntities(s) {
	const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
	return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e) => {
		if (e[0] === '#')
			return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ?
				parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		return named[e.toLowerCase()] ?? all;
	});
}

function parseAttrs(s) {
	const attrs = {};
	const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
	let m;
	while ((m = re.exec(s)) !== null)
		attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
	return attrs;
}

// Tags in document order: { kind: 'open'|'close', name, attrs, start, end }.
export function tags(html) {
	const out = [];
	const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
	let m;
	while ((m = re.exec(html)) !== null) {
		if (m[2] === undefined) continue;
		out.push({
			kind: m[1] ? 'close' : 'open', name: m[2].toLowerCase(),
			attrs: m[1] ? {} : parseAttrs(m[3]), start: m.index, end: re.lastIndex,
		});
	}
	return out;
}

// Each element's open tag with its ancestors: [{ tag, ancestors: [tag...] }].
function withAncestors(html) {
	const stack = [];
	const out = [];
	for (const t of tags(html)) {
		if (t.kind === 'open') {
			out.push({ tag: t, ancestors: stack.slice() });
			if (!VOID.has(t.name) && !/\/\s*$/.test(html.slice(t.start, t.end - 1)))
				stack.push(t);
		} else {
			const i = stack.map((x) => x.name).lastIndexOf(t.name);
			if (i >= 0) stack.length = i;
		}
	}
	return out;
}

// The markup of the element whose open tag is t (through its closing tag).
export function outerHtml(html, t) {
	if (VOID.has(t.name)) return html.slice(t.start, t.end);
	let depth = 0;
	for (const x of tags(html.slice(t.start))) {
		if (x.name !== t.name) continue;
		depth += x.kind === 'open' ? 1 : -1;
		if (depth === 0) return html.slice(t.start, t.start + x.end);
	}
	return html.slice(t.start);
}

// Text of markup: tags dropped, entities decoded, whitespace collapsed.
export function textOf(html) {
	return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '))
		.replace(/\s+/g, ' ').trim();
}

export function normSpace(s) {
	return s.replace(/\s+/g, ' ').trim();
}

// The value of the first data-total attribute (a string), or null.
export function dataTotal(html) {
	const t = tags(html).find((x) => x.kind === 'open' && 'data-total' in x.attrs);
	return t ? t.attrs['data-total'] : null;
}

// A hook's number: digits only (a narrow no-break space or a comma would be
// a formatting leak; parseCount is lenient, isPlainInt tells).
export function isPlainInt(s) {
	return typeof s === 'string' && /^[0-9]+$/.test(s);
}

export function parseCount(s) {
	if (s === null || s === undefined) return NaN;
	const d = s.replace(/[\s\u00a0\u202f\u2009,.]/g, '');
	return /^[0-9]+$/.test(d) ? Number(d) : NaN;
}

// Ids of the listing's result cards, in page order.
export function cardIds(html) {
	return tags(html).filter((t) => t.kind === 'open' && t.name === 'article' && 'data-id' in t.attrs)
		.map((t) => Number(t.attrs['data-id']));
}

// Ids of the published comments shown, in page order (the hook is the
// data-comment-id attribute, on an article or on a list item).
export function commentIds(html) {
	return tags(html).filter((t) => t.kind === 'open' && 'data-comment-id' in t.attrs)
		.map((t) => Number(t.attrs['data-comment-id']));
}

// The markup of the element carrying a comment's data-comment-id.
export function commentArticle(html, id) {
	const t = tags(html).find((x) => x.kind === 'open' && x.attrs['data-comment-id'] === String(id));
	return t ? outerHtml(html, t) : null;
}

// Facet checkboxes: { facet: { value: { count (raw string or null), checked } } },
// the count from the nearest ancestor carrying data-count.
export function facetOptions(html) {
	const out = {};
	for (const { tag, ancestors } of withAncestors(html)) {
		if (tag.name !== 'input' || (tag.attrs.type || '').toLowerCase() !== 'checkbox') continue;
		const name = tag.attrs.name;
		if (!FACETS.includes(name)) continue;
		const holder = ancestors.slice().reverse().find((a) => 'data-count' in a.attrs);
		(out[name] ||= {})[tag.attrs.value] = {
			count: holder ? holder.attrs['data-count'] : null,
			checked: 'checked' in tag.attrs,
		};
	}
	return out;
}

// The status an error page declares (data-status), or null.
export function errorStatus(html) {
	const t = tags(html).find((x) => x.kind === 'open' && 'data-status' in x.attrs);
	return t ? t.attrs['data-status'] : null;
}

// The page's text names the parameter (as a word; Ukrainian labels too).
const PARAM_ALIASES = { from: ['«від»'], to: ['«до»'] };
export function namesParam(html, name) {
	const text = textOf(html);
	const re = new RegExp(`(^|[^\\p{L}\\p{N}_-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_-])`, 'u');
	return re.test(text) || (PARAM_ALIASES[name] || []).some((a) => text.includes(a));
}

// hrefs of links (a elements).
export function links(html) {
	return tags(html).filter((t) => t.kind === 'open' && t.name === 'a' && t.attrs.href !== undefined)
		.map((t) => t.attrs.href);
}

// Page numbers the pagination links point to, with their hrefs.
export function pageLinks(html) {
	const out = [];
	for (const href of links(html)) {
		const u = new URL(href, BASE + '/consultations');
		const p = u.searchParams.get('page');
		if (p !== null && /^[0-9]+$/.test(p)) out.push({ page: Number(p), url: u });
	}
	return out;
}

export function hasElementWithId(html, id) {
	return tags(html).some((t) => t.kind === 'open' && t.attrs.id === id);
}

export function lateMarkers(html) {
	return tags(html).filter((t) => t.kind === 'open' && 'data-late-days' in t.attrs)
		.map((t) => t.attrs['data-late-days']);
}

// ---- processes ------------------------------------------------------------------

// Master pids of the stack's programs and nginx ($VAR/run/*.pid, the
// database's excluded): { name: pid }.
export function masterPids() {
	const dir = path.join(VAR, 'run');
	const out = {};
	for (const f of readdirSync(dir)) {
		if (!f.endsWith('.pid') || /^(mariadbd|mysqld)/.test(f)) continue;
		const pid = Number(readFileSync(path.join(dir, f), 'utf8').trim());
		if (Number.isInteger(pid) && pid > 0) out[f.slice(0, -4)] = pid;
	}
	return out;
}

export function alive(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

// Pids of the live children of a process.
export function childrenOf(ppid) {
	const out = [];
	for (const d of readdirSync('/proc')) {
		if (!/^[0-9]+$/.test(d)) continue;
		let stat;
		try {
			stat = readFileSync(`/proc/${d}/stat`, 'utf8');
		} catch {
			continue;
		}
		const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(rest[1]) === ppid && rest[0] !== 'Z') out.push(Number(d));
	}
	return out.sort((a, b) => a - b);
}

export function sleepMs(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

// ---- the comment form (issue 4) ---------------------------------------------------

import { createHash, createHmac, randomInt } from 'node:crypto';

// A client address of its own for each submission, sent as X-Forwarded-For
// (the test stack trusts it from 127.0.0.1): the per-address limits (3 a
// minute and 10 an hour in the database, nginx's limit_req on POSTs) must
// never see two tests, two files or two runs as one person.  10.0.0.0/8,
// from a random start per process (pid mixed in), then counting up.
let addrNext = (process.pid * 7919 + randomInt(1 << 24)) % (1 << 24);
export function freshAddr() {
	addrNext = (addrNext + 1) % (1 << 24);
	const n = addrNext;
	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export function sha256Hex(s) {
	return createHash('sha256').update(s).digest('hex');
}

// What is stored and hashed: CRLF (and a lone CR) as LF.
export function normaliseText(s) {
	return s.replace(/\r\n?/g, '\n');
}

// An application/x-www-form-urlencoded body from [[key, value], ...] or an
// object; a value { raw: '...' } goes in as it is (already percent-encoded:
// bad bytes such as %FF), undefined leaves the field out.
export function formBody(fields) {
	const list = Array.isArray(fields) ? fields : Object.entries(fields);
	return list.filter(([, v]) => v !== undefined).map(([k, v]) =>
		`${encodeURIComponent(k)}=${v !== null && typeof v === 'object' ? v.raw : encodeURIComponent(v)}`)
		.join('&');
}

// POSTs a form to path from a client address (a fresh one unless given).
export function postForm(path, fields, { addr = freshAddr(), headers = {} } = {}) {
	return http(path, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': addr, ...headers,
		},
		body: typeof fields === 'string' ? fields : formBody(fields),
	});
}

// /consultations/{cid}/receipt/{id}-{mac}
export const RECEIPT_PATH = /^\/consultations\/([0-9]+)\/receipt\/([0-9]+)-([A-Za-z0-9_-]{22})$/;

// The receipt a 303 points to: { cid, id, mac, path }, or null.
export function receiptLocation(r) {
	const loc = r.headers.get('location');
	if (!loc) return null;
	const u = new URL(loc, BASE);
	const m = RECEIPT_PATH.exec(u.pathname);
	return m && u.host === new URL(BASE).host ?
		{ cid: Number(m[1]), id: Number(m[2]), mac: m[3], path: u.pathname } : null;
}

// The comment form of a page (form.comment-form), as a browser would read
// it: { action, method, token, kind (the checked radio's value), name,
// email, organisation, text (the textarea's value: one LF right after the
// start tag is not part of it), consent (checked), website, honeypot (its
// input's attributes and its container's), submit (a submit button),
// invalid (names of fields with aria-invalid="true"), fieldErrors ({ id:
// text } of p.field__error), summary (hrefs in div.form-errors), message
// (text of .form-message), labels (ids that a label[for] names) }; null when
// the page has no such form.
export function commentForm(html) {
	const all = tags(html);
	const ft = all.find((t) => t.kind === 'open' && t.name === 'form' &&
		(t.attrs.class || '').split(/\s+/).includes('comment-form'));
	if (!ft) return null;
	const form = outerHtml(html, ft);
	const ts = tags(form).filter((t) => t.kind === 'open');
	const inputs = ts.filter((t) => t.name === 'input');
	const byName = (n) => inputs.filter((t) => t.attrs.name === n);
	const value = (n) => {
		const t = byName(n)[0];
		return t ? t.attrs.value ?? '' : null;
	};
	const ta = /<textarea\b((?:"[^"]*"|'[^']*'|[^'">])*)>([\s\S]*?)<\/textarea>/i.exec(form);
	const taAttrs = ta ? tags(`<x${ta[1]}>`)[0].attrs : null;
	const hp = byName('website')[0];
	const hpBox = hp && withAncestors(form).find((x) => x.tag.start === hp.start)
		?.ancestors.slice().reverse().find((a) => a.name === 'div');
	const errBox = ts.find((t) => (t.attrs.class || '').split(/\s+/).includes('form-errors'));
	const msgBox = ts.find((t) => (t.attrs.class || '').split(/\s+/).includes('form-message'));
	const fieldErrors = {};
	for (const t of ts)
		if (t.name === 'p' && (t.attrs.class || '').split(/\s+/).includes('field__error'))
			fieldErrors[t.attrs.id || ''] = textOf(outerHtml(form, t));
	const invalid = ts.filter((t) => t.attrs['aria-invalid'] === 'true')
		.map((t) => t.attrs.name).filter(Boolean);
	return {
		action: ft.attrs.action, method: (ft.attrs.method || '').toLowerCase(),
		token: value('token'),
		tokenType: byName('token')[0]?.attrs.type ?? null,
		kinds: byName('kind').map((t) => ({ value: t.attrs.value, type: t.attrs.type, id: t.attrs.id, checked: 'checked' in t.attrs })),
		kind: byName('kind').find((t) => 'checked' in t.attrs)?.attrs.value ?? null,
		name: value('name'), email: value('email'), organisation: value('organisation'),
		text: ta ? decodeEntities(ta[2].replace(/^\r?\n/, '')) : null,
		textAttrs: taAttrs,
		consent: byName('consent')[0] ? 'checked' in byName('consent')[0].attrs : null,
		consentAttrs: byName('consent')[0]?.attrs ?? null,
		website: value('website'),
		honeypot: hp ? { attrs: hp.attrs, box: hpBox ? hpBox.attrs : null } : null,
		inputs: Object.fromEntries(inputs.filter((t) => t.attrs.name).map((t) => [t.attrs.name, t.attrs])),
		submit: ts.some((t) => (t.name === 'button' && (t.attrs.type || 'submit') === 'submit') ||
			(t.name === 'input' && t.attrs.type === 'submit')),
		invalid,
		fieldErrors,
		summary: errBox ? links(outerHtml(form, errBox)) : null,
		message: msgBox ? textOf(outerHtml(form, msgBox)) : null,
		labels: ts.filter((t) => t.name === 'label' && t.attrs.for).map((t) => t.attrs.for),
		ids: ts.filter((t) => t.attrs.id).map((t) => t.attrs.id),
	};
}

// The receipt page: { id (data-id), sha256 (data-sha256), status
// ('published', 'pending' or null), text (of .receipt__text), html }, or null.
export function receiptOf(html) {
	const ts = tags(html).filter((t) => t.kind === 'open');
	const art = ts.find((t) => t.name === 'article' &&
		(t.attrs.class || '').split(/\s+/).includes('receipt'));
	if (!art) return null;
	const hash = ts.find((t) => t.name === 'code' && 'data-sha256' in t.attrs);
	const cls = (t) => (t.attrs.class || '').split(/\s+/);
	const st = ts.find((t) => cls(t).includes('receipt__status'));
	const txt = ts.find((t) => cls(t).includes('receipt__text'));
	let status = null;
	if (st) status = cls(st).includes('receipt__status--published') ? 'published' :
		cls(st).includes('receipt__status--pending') ? 'pending' : 'other';
	return {
		id: art.attrs['data-id'], sha256: hash ? hash.attrs['data-sha256'] : null,
		status, text: txt ? textOf(outerHtml(html, txt)) : null, html: outerHtml(html, art),
	};
}

// The server secret ($HROMADA_VAR/secret, or HROMADA_SECRET_FILE).
export function serverSecret() {
	return readFileSync(process.env.HROMADA_SECRET_FILE || path.join(VAR, 'secret'));
}

// A form token as lib/secret.c makes one: base64url (no padding) of the
// issue time (8 bytes, big-endian seconds) and HMAC-SHA-256 under the
// subkey HMAC-SHA-256(secret, "hromada-form-token") of "purpose\0id\0issued\0".
export function formToken(id, issued, { purpose = 'comment', secret = serverSecret() } = {}) {
	const subkey = createHmac('sha256', secret).update('hromada-form-token').digest();
	const mac = createHmac('sha256', subkey)
		.update(`${purpose}\0${id}\0${issued}\0`).digest();
	const head = Buffer.alloc(8);
	head.writeBigUInt64BE(BigInt(issued));
	return Buffer.concat([head, mac]).toString('base64url');
}

// The issue time of a token (seconds), or null when it is not one in shape.
export function tokenIssued(token) {
	if (typeof token !== 'string' || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
	const raw = Buffer.from(token, 'base64url');
	return raw.length === 40 ? Number(raw.readBigUInt64BE(0)) : null;
}
