// Reading what the local SMTP sink (scripts/smtp-sink.c) kept under
// $HROMADA_VAR/mail/, and subscribing through the form (issue 6).  The
// message parser is written from the RFCs (5322 unfolding, 2047 encoded
// words, 2045/2046 multipart and base64) so that the tests check the wire
// format, not a library's tolerance.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VAR, http, postForm, sql, sqlInt, sqlStr, sleepMs } from './lib.mjs';

export const MAIL = path.join(VAR, 'mail');

// RFC 2047: "=?charset?B|Q?text?=", whitespace between adjacent words dropped.
export function decode2047(v) {
	return v.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, cs, enc, text) => {
			const bytes = /b/i.test(enc) ? Buffer.from(text, 'base64')
				: Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g,
					(__, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
			return new TextDecoder(cs.toLowerCase()).decode(bytes);
		});
}

// { raw, headers: { lower-name: [raw values] }, header(name) decoded,
//   parts: [{ type, charset, encoding, text }] }
export function parseMail(raw) {
	const sep = raw.indexOf('\r\n\r\n');
	if (sep < 0) throw new Error('no end of headers (CRLF CRLF)');
	const head = raw.slice(0, sep).replace(/\r\n[ \t]/g, ' ');
	const headers = {};
	for (const line of head.split('\r\n')) {
		const i = line.indexOf(':');
		if (i <= 0) throw new Error(`bad header line: ${line}`);
		const k = line.slice(0, i).toLowerCase();
		(headers[k] ||= []).push(line.slice(i + 1).trim());
	}
	const body = raw.slice(sep + 4);
	const ct = headers['content-type']?.[0] || '';
	const parts = [];
	const bm = /boundary="([^"]+)"/.exec(ct);
	if (/^multipart\//i.test(ct) && bm) {
		const chunks = body.split(`--${bm[1]}`);
		if (!/^--\r\n/.test(chunks.at(-1))) throw new Error('no closing boundary');
		for (const c of chunks.slice(1, -1)) {
			const p = parseMail(c.replace(/^\r\n/, ''));
			const pct = p.headers['content-type']?.[0] || '';
			const enc = (p.headers['content-transfer-encoding']?.[0] || '7bit').toLowerCase();
			const data = p.body.replace(/\r\n$/, '');
			const bytes = enc === 'base64' ? Buffer.from(data.replace(/\r\n/g, ''), 'base64') : Buffer.from(data, 'utf8');
			parts.push({
				type: pct.split(';')[0].trim().toLowerCase(),
				charset: (/charset=("?)([^";]+)\1/i.exec(pct)?.[2] || '').toLowerCase(),
				encoding: enc, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
			});
		}
	}
	return {
		raw, headers, body, parts,
		header: (n) => headers[n.toLowerCase()] ? decode2047(headers[n.toLowerCase()][0]) : undefined,
	};
}

// Every kept message: [{ file, mail }], oldest first.
export function allMail() {
	let files;
	try {
		files = readdirSync(MAIL).filter((f) => f.endsWith('.eml') && !f.startsWith('.')).sort();
	} catch {
		return [];
	}
	return files.map((f) => ({ file: f, mail: parseMail(readFileSync(path.join(MAIL, f), 'latin1')) }))
		.map(({ file, mail }) => ({ file, mail: { ...mail, raw: mail.raw } }));
}

export function mailTo(addr) {
	return allMail().filter(({ mail }) => (mail.headers.to?.[0] || '') === addr).map((m) => m.mail);
}

// Polls (100 ms steps, a deadline) until pred() gives something truthy.
export async function until(pred, what, ms = 20000) {
	const end = Date.now() + ms;
	for (;;) {
		const v = await pred();
		if (v) return v;
		if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
		await sleepMs(100);
	}
}

export const waitMail = (addr, n = 1, ms) =>
	until(() => { const m = mailTo(addr); return m.length >= n ? m : null; }, `${n} message(s) to ${addr}`, ms);

// The plain-text part of a message.
export const textOf = (m) => m.parts.find((p) => p.type === 'text/plain').text;

export function linkIn(m, re) {
	const hit = re.exec(textOf(m));
	if (!hit) throw new Error(`no link ${re} in:\n${textOf(m)}`);
	return hit[0];
}

export const confirmLink = (m) => linkIn(m, /https?:\/\/\S+\/subscribe\/confirm\?token=[A-Za-z0-9_-]+/);
export const unsubscribeLink = (m) => /<([^>]+)>/.exec(m.headers['list-unsubscribe'][0])[1];

// The form's token: GET /subscribe with a query.
export async function formToken(query = '') {
	const r = await http(`/subscribe${query}`);
	if (r.status !== 200) throw new Error(`GET /subscribe${query}: ${r.status}`);
	return /name="token" value="([^"]+)"/.exec(r.body)[1];
}

// Subscribes through the form; returns the POST's answer.
export async function subscribe(email, filters = {}, { frequency = 'immediate', addr, extra = {} } = {}) {
	const fields = [['email', email], ['frequency', frequency], ['consent', 'yes'],
		['token', await formToken()]];
	for (const [k, vs] of Object.entries(filters))
		for (const v of [].concat(vs)) fields.push([k, v]);
	for (const [k, v] of Object.entries(extra)) fields.push([k, v]);
	return postForm('/subscribe', fields, addr ? { addr } : {});
}

// Subscribes and confirms; returns the confirmation message.
export async function subscribeConfirmed(email, filters) {
	const r = await subscribe(email, filters);
	if (r.status !== 303) throw new Error(`subscribe: ${r.status}`);
	const [m] = await waitMail(email);
	const c = await http(confirmLink(m), { method: 'POST' });
	if (c.status !== 200) throw new Error(`confirm: ${c.status}`);
	return m;
}

// A draft consultation with themes and districts (slugs); its id.
export function makeDraft(title, { themes = [], districts = [], unit = 'ecodep', opensInDays = -1 } = {}) {
	const slug = `t95-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
	sql(`INSERT INTO consultations (slug, title, summary, body, unit_id, format_id, status,
		opens_at, closes_at, question, alternatives, stakeholders, consequences, how_to_participate,
		contact_name, contact_email, results_publication)
		SELECT ${sqlStr(slug)}, ${sqlStr(title)}, 'Короткий опис консультації', 'Текст', u.id,
			(SELECT MIN(id) FROM formats), 'draft',
			UTC_TIMESTAMP() + INTERVAL ${opensInDays} DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY,
			'Питання', 'Альтернативи', 'Зацікавлені', 'Наслідки', 'Як взяти участь',
			'Олена Тестова', 'olena@example.com', 'На сайті'
		FROM units u WHERE u.slug = ${sqlStr(unit)}`);
	const id = sqlInt(`SELECT id FROM consultations WHERE slug = ${sqlStr(slug)}`);
	for (const t of themes)
		sql(`INSERT INTO consultation_themes SELECT ${id}, id FROM themes WHERE slug = ${sqlStr(t)}`);
	for (const d of districts)
		sql(`INSERT INTO consultation_districts SELECT ${id}, id FROM districts WHERE slug = ${sqlStr(d)}`);
	return id;
}

// Publishes a draft as an admin program would: one UPDATE.
export function publish(id) {
	sql(`UPDATE consultations SET status = 'announced', published_at = UTC_TIMESTAMP() WHERE id = ${id}`);
}

// Waits until every event of a consultation is matched and its messages
// are no longer queued (sent, failed or unknown).
export async function drained(cid, ms = 20000) {
	await until(() => sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id = ${cid}
		AND matched_at IS NULL`) === 0 && sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id = ${cid}`) > 0,
	`events of consultation ${cid} matched`, ms);
	await until(() => sqlInt(`SELECT COUNT(*) FROM outbox o JOIN notify_events e ON e.id = o.event_id
		WHERE e.consultation_id = ${cid} AND o.state = 'queued'`) === 0,
	`outbox of consultation ${cid} drained`, ms);
}
