// The weekly digest (issue 6): a weekly subscription's events wait for
// Monday morning and then go out as one message listing them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, sql, sqlInt, sqlStr } from './lib.mjs';
import {
	subscribe, waitMail, mailTo, confirmLink, makeDraft, publish, until,
	textOf,
} from './mail-lib.mjs';

const RUN = `${process.pid}${Date.now().toString(36)}`;
const THEME = sql('SELECT slug FROM themes ORDER BY id DESC LIMIT 1')[0][0];
const DISTRICT = 'desnianskyi';

test('weekly: events wait for the digest, then one message lists them', async () => {
	const email = `weekly-${RUN}@example.com`;
	const r = await subscribe(email, { theme: THEME, district: DISTRICT }, { frequency: 'weekly' });
	assert.equal(r.status, 303);
	const [m] = await waitMail(email);
	assert.equal((await http(confirmLink(m), { method: 'POST' })).status, 200);
	assert.equal(sql(`SELECT frequency FROM subscriptions WHERE email = ${sqlStr(email)}`)[0][0], 'weekly');

	const titles = [`Тижневий огляд: перша ${RUN}`, `Тижневий огляд: друга ${RUN}`];
	const ids = titles.map((t) => makeDraft(t, { themes: [THEME], districts: [DISTRICT] }));
	ids.forEach(publish);
	const rows = () => sql(`SELECT o.state, o.next_try_at > UTC_TIMESTAMP(), WEEKDAY(o.next_try_at)
		FROM outbox o JOIN notify_events e ON e.id = o.event_id
		WHERE o.email = ${sqlStr(email)} AND e.consultation_id IN (${ids.join(', ')})`);
	await until(() => rows().length === 2, 'both events matched');
	// Due next Monday, not now: nothing but the confirmation so far.
	assert.deepEqual(rows(), [['queued', '1', '0'], ['queued', '1', '0']]);
	assert.equal(mailTo(email).length, 1);

	// Monday comes.
	sql(`UPDATE outbox SET next_try_at = UTC_TIMESTAMP() WHERE email = ${sqlStr(email)} AND kind = 'event'`);
	// This address's rows only: weekly subscribers of earlier runs on the
	// same database wait for their own Monday.
	await until(() => rows().every((r) => r[0] !== 'queued'), 'the digest sent');
	const all = await waitMail(email, 2);
	assert.equal(all.length, 2, 'one digest');
	const d = all[1];
	assert.equal(d.header('Subject'), 'Щотижневий огляд консультацій');
	for (const [i, t] of titles.entries()) {
		assert.ok(textOf(d).includes(t), `the digest names "${t}"`);
		assert.match(textOf(d), new RegExp(`/consultations/${ids[i]}-`));
	}
	assert.ok(d.parts[1].text.includes(titles[0]));
	assert.match(d.headers['list-unsubscribe'][0], /unsubscribe\?token=/);
	assert.equal(sqlInt(`SELECT COUNT(*) FROM outbox WHERE email = ${sqlStr(email)} AND kind = 'event'
		AND state = 'sent'`), 2);
});
