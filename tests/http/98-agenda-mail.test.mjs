// The proposer of an agenda topic is told by e-mail what the unit decided
// (issue 8): a resident proposes through /agenda/propose, an editor accepts
// or declines in /admin/agenda, and the message is read back from the SMTP
// sink (scripts/smtp-sink.c) -- plain text and HTML, Ukrainian, the reason
// of a decline, the link to the topic in the plan.  One message per
// decision, none for a topic without an e-mail, none for later edits.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { http, sql, sqlInt, sqlStr, postForm, VAR } from './lib.mjs';
import { createUser, twoUnits, signIn, post, uniq, hiddenValue } from './admin-lib.mjs';
import { waitMail, mailTo, textOf, until } from './mail-lib.mjs';

const [UNIT] = twoUnits();
const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Kyiv', year: 'numeric' }).format(new Date()));
// A year of this file's own whose plan is never published.
const UNPUBLISHED = 2093;
const addr = (p) => `${uniq(p)}@example.com`.toLowerCase();
const htmlOf = (m) => m.parts.find((p) => p.type === 'text/html').text;
const agendaRows = (item) => sqlInt(`SELECT COUNT(*) FROM outbox WHERE kind = 'agenda' AND agenda_item_id = ${item}`);

async function propose(email, topic) {
	const f = await http('/agenda/propose');
	assert.equal(f.status, 200);
	const r = await postForm('/agenda/propose', {
		token: hiddenValue(f.body, 'token'), topic, description: 'Опис пропозиції теми',
		unit: UNIT, year: String(THIS_YEAR), quarter: '3', name: 'Оксана Авторка',
		email, organisation: '', consent: 'yes',
	});
	assert.equal(r.status, 303, r.body?.slice(0, 300));
	return sqlInt(`SELECT id FROM agenda_items WHERE topic = ${sqlStr(topic)}`);
}

// A proposed topic straight into the table (any year, any e-mail or none).
function proposedRow(year, email, topic) {
	sql(`INSERT INTO agenda_items (year, quarter, topic, description, unit_id, status, proposer_name, proposer_email)
		SELECT ${year}, 2, ${sqlStr(topic)}, 'Опис', id, 'proposed', 'Богдан Автор',
			${email === null ? 'NULL' : sqlStr(email)} FROM units WHERE slug = ${sqlStr(UNIT)}`);
	return sqlInt(`SELECT id FROM agenda_items WHERE topic = ${sqlStr(topic)}`);
}

describe('the decision on a proposed agenda topic, by e-mail to its proposer', () => {
	let ed;
	before(async () => {
		sql(`INSERT INTO agenda_plans (year, published_at) VALUES (${THIS_YEAR}, UTC_TIMESTAMP())
			ON DUPLICATE KEY UPDATE published_at = COALESCE(published_at, UTC_TIMESTAMP())`);
		sql(`DELETE FROM agenda_plans WHERE year = ${UNPUBLISHED}`);
		ed = await signIn(createUser('editor', UNIT));
	});

	test('accepted into a published plan: one message, text and HTML, with the link to the topic', async () => {
		const email = addr('t98m-yes');
		const topic = uniq('Велодоріжки на набережній');
		const id = await propose(email, topic);
		assert.equal(mailTo(email).length, 0, 'nothing before the decision');
		assert.equal((await post(`/admin/agenda/${id}/decide`, ed, { action: 'accept' })).status, 303);
		const [m] = await waitMail(email);
		assert.equal(m.header('Subject'), `Вашу тему включено до плану консультацій: ${topic}`);
		assert.equal(m.headers['list-unsubscribe'], undefined, 'not a subscription');
		assert.deepEqual(m.parts.map((p) => [p.type, p.charset]), [['text/plain', 'utf-8'], ['text/html', 'utf-8']]);
		const t = textOf(m);
		assert.match(t, /^Вітаємо, Оксана Авторка!/);
		assert.ok(t.includes(`Тема: ${topic}`));
		assert.ok(t.includes(`Рішення: включено до плану консультацій, 3 квартал ${THIS_YEAR} року.`));
		assert.ok(t.includes(`/agenda?year=${THIS_YEAR}#topic-${id}`));
		assert.match(t, /Рішення оприлюднено в плані/);
		assert.doesNotMatch(t, /Причина/);
		assert.ok(htmlOf(m).includes(`href="${/https?:\/\/\S+\/agenda\?year=\d+#topic-\d+/.exec(t)[0]}"`));
		// The topic is on the plan's page, where the link points.
		const page = await http(`/agenda?year=${THIS_YEAR}&_=${uniq('x')}`);
		assert.match(page.body, new RegExp(`id="topic-${id}"`));
		// Decided once: a second decision is refused and tells nobody again.
		assert.equal((await post(`/admin/agenda/${id}/decide`, ed, { action: 'decline', reason: 'x' })).status, 409);
		assert.equal(agendaRows(id), 1);
	});

	test('declined with a reason: the reason, escaped in HTML; a plan not yet published says so', async () => {
		const email = addr('t98m-no');
		const topic = uniq('Паркування у дворах');
		const id = proposedRow(UNPUBLISHED, email, topic);
		const reason = `Питання вже вирішено рішенням Київради <№ 1> & не потребує консультації ${uniq('r')}`;
		assert.equal((await post(`/admin/agenda/${id}/decide`, ed, { action: 'decline', reason })).status, 303);
		const [m] = await waitMail(email);
		assert.equal(m.header('Subject'), `Вашу пропозицію теми консультації відхилено: ${topic}`);
		const t = textOf(m);
		assert.match(t, /Рішення: відхилено\./);
		assert.ok(t.includes(`Причина: ${reason}`), 'the reason, as typed, in the text part');
		assert.ok(t.includes(`План консультацій на ${UNPUBLISHED} рік ще не оприлюднено (строк — до 31 грудня ${UNPUBLISHED - 1} року)`));
		const h = htmlOf(m);
		assert.ok(h.includes('Київради &lt;№ 1&gt; &amp; не потребує'), 'the reason escaped in HTML');
		assert.ok(!h.includes('<№ 1>'));
	});

	test('later edits send nothing; a topic without an e-mail queues nothing', async () => {
		const email = addr('t98m-edit');
		const id = proposedRow(THIS_YEAR, email, uniq('Сквер біля школи'));
		assert.equal((await post(`/admin/agenda/${id}/decide`, ed, { action: 'accept' })).status, 303);
		await waitMail(email);
		// An editor's change of the decided topic (declined by the form, then
		// planned again) is not a decision on a proposal.
		sql(`UPDATE agenda_items SET status = 'declined', decline_reason = 'Інакше' WHERE id = ${id}`);
		sql(`UPDATE agenda_items SET status = 'planned', decline_reason = NULL WHERE id = ${id}`);
		assert.equal(agendaRows(id), 1);
		const none = proposedRow(THIS_YEAR, null, uniq('Тема без адреси'));
		assert.equal((await post(`/admin/agenda/${none}/decide`, ed, { action: 'accept' })).status, 303);
		assert.equal(agendaRows(none), 0);
		await until(() => sqlInt(`SELECT COUNT(*) FROM outbox WHERE kind = 'agenda' AND agenda_item_id = ${id}
			AND state = 'sent'`) === 1, 'sent');
		assert.equal(mailTo(email).length, 1, 'one message in all');
		// The logs name the proposal, never the address.
		const log = readFileSync(path.join(VAR, 'log', 'admin.log'), 'utf8');
		assert.ok(log.includes(`decision planned on proposal ${id} queued`));
		assert.ok(!log.includes(email));
	});
});
