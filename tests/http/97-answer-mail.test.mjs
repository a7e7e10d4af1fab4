// The official answer to a proposal, by e-mail to its author (issue 6):
// an answer recorded in SQL (as the admin program records it) becomes an
// event by the trigger on responses, and one message to the author who
// asked for it; none to an author who did not.  Then the same through the
// comment form's checkbox, with the results report.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, postForm, sql, sqlInt, sqlStr, commentForm, sleepMs } from './lib.mjs';
import { waitMail, mailTo, makeDraft, publish, until, textOf } from './mail-lib.mjs';

const RUN = `${process.pid}${Date.now().toString(36)}`;

function proposal(cid, email, notify) {
	sql(`INSERT INTO comments (consultation_id, kind, author_name, author_email, body, status,
		published_at, notify_author)
		VALUES (${cid}, 'proposal', 'Марія Тестова', ${sqlStr(email)}, 'Пропоную висадити липи',
		'published', UTC_TIMESTAMP(), ${notify ? 1 : 0})`);
	return sqlInt(`SELECT MAX(id) FROM comments WHERE author_email = ${sqlStr(email)}`);
}

test('an answered proposal: one message to the author who asked, none to one who did not', async () => {
	const title = `Липова алея ${RUN}`;
	const cid = makeDraft(title);
	publish(cid);
	const yes = `maria-${RUN}@example.com`;
	const no = `taras-${RUN}@example.com`;
	const [p1, p2] = [proposal(cid, yes, true), proposal(cid, no, false)];
	for (const id of [p1, p2])
		sql(`INSERT INTO responses (comment_id, decision, reason)
			VALUES (${id}, 'rejected', 'Ділянка належить до охоронної зони')`);
	const [m] = await waitMail(yes);
	assert.equal(m.header('Subject'), `Відповідь на вашу пропозицію: ${title}`);
	assert.match(textOf(m), /Рішення: Не враховано/);
	assert.match(textOf(m), /Ділянка належить до охоронної зони/);
	assert.match(textOf(m), /Пропоную висадити липи/);
	assert.match(textOf(m), new RegExp(`/consultations/${cid}-`));
	await until(() => sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id = ${cid}
		AND kind = 'answer' AND matched_at IS NULL`) === 0, 'the answers matched');
	assert.equal(sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id = ${cid}
		AND kind = 'answer'`), 1, 'an event only for the author who asked');
	assert.equal(mailTo(yes).length, 1);
	assert.equal(mailTo(no).length, 0);
});

// The comment form's "notify" checkbox, end to end: what a person ticks is
// stored with the comment; such an author gets the answer to their proposal
// and, once for the address however many they sent, the results report; an
// author who did not tick it gets nothing.
describe('the form\'s checkbox: the answer and the report', () => {
	const title = `Сквер біля школи ${RUN}`;
	const yes = `notify-yes-${RUN}@example.com`;
	const no = `notify-no-${RUN}@example.com`;
	let cid;

	async function send(email, text, { notify, name = 'Оксана Тестова' } = {}) {
		const g = await http(`/consultations/${cid}/comments`);
		assert.equal(g.status, 200);
		const f = commentForm(g.body);
		const fields = [['token', f.token], ['kind', 'proposal'], ['name', name], ['email', email],
			['text', text], ['consent', 'yes']];
		if (notify !== undefined) fields.push(['notify', notify]);
		return postForm(`/consultations/${cid}/comments`, fields);
	}
	const stored = (email) => sql(`SELECT id, notify_author FROM comments WHERE consultation_id = ${cid}
		AND author_email = ${sqlStr(email)} ORDER BY id`).map(([id, n]) => [Number(id), n]);

	test('the form offers it unticked, with a Ukrainian label', async () => {
		cid = makeDraft(title);
		sql(`UPDATE consultations SET moderation = 'post' WHERE id = ${cid}`);
		publish(cid);
		const f = commentForm((await http(`/consultations/${cid}/comments`)).body);
		assert.deepEqual(f.inputs.notify && [f.inputs.notify.type, f.inputs.notify.value, 'checked' in f.inputs.notify],
			['checkbox', 'yes', false]);
		assert.ok(f.labels.includes('cf-notify'));
		const page = (await http(`/consultations/${cid}`)).body;
		assert.match(page, /<label for="cf-notify">Повідомити мене листом, коли організатор відповість на мою пропозицію/);
	});

	test('ticked or not, stored with the comment; a bad value is a field error with the text kept', async () => {
		assert.equal((await send(yes, 'Перша пропозиція: більше дерев', { notify: 'yes' })).status, 303);
		assert.equal((await send(yes, 'Друга пропозиція: лави в тіні', { notify: 'yes' })).status, 303);
		assert.equal((await send(no, 'Пропозиція без листа')).status, 303);
		assert.deepEqual(stored(yes).map((r) => r[1]), ['1', '1']);
		assert.deepEqual(stored(no).map((r) => r[1]), ['0']);
		const bad = await send(`notify-bad-${RUN}@example.com`, 'Збережіть мій текст', { notify: 'maybe' });
		assert.equal(bad.status, 400);
		const f = commentForm(bad.body);
		assert.equal(f.text, 'Збережіть мій текст');
		assert.ok(f.invalid.includes('notify'));
		assert.ok(f.summary.includes('#cf-notify'));
		// Sent back for another field: still ticked.
		const back = await send(`notify-back-${RUN}@example.com`, 'Текст', { notify: 'yes', name: '' });
		assert.equal(back.status, 400);
		assert.equal('checked' in commentForm(back.body).inputs.notify, true);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM comments WHERE consultation_id = ${cid}`), 3);
	});

	test('answers and the report: the ticked author gets each answer and one report, the other nothing', async () => {
		const [[p1], [p2]] = stored(yes);
		const [[p3]] = stored(no);
		for (const id of [p1, p2, p3])
			sql(`INSERT INTO responses (comment_id, decision, reason)
				VALUES (${id}, 'accepted', 'Враховано у проєкті благоустрою')`);
		const answers = await waitMail(yes, 2);
		assert.deepEqual(answers.map((m) => m.header('Subject')), Array(2).fill(`Відповідь на вашу пропозицію: ${title}`));
		assert.match(textOf(answers[0]), /Рішення: Враховано/);

		// Time passes; the editor publishes the report (as the admin does).
		sql(`UPDATE consultations SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = ${cid}`);
		sql(`INSERT INTO reports (consultation_id, summary, published_at)
			VALUES (${cid}, 'Надійшло три пропозиції, усі враховано.', UTC_TIMESTAMP())`);
		sql(`UPDATE consultations SET status = 'completed' WHERE id = ${cid}`);
		const all = await waitMail(yes, 3);
		const report = all.filter((m) => m.header('Subject') === `Оприлюднено звіт: ${title}`);
		assert.equal(report.length, 1);
		assert.match(textOf(report[0]), /Оприлюднено звіт про результати консультації, до якої ви надіслали/);
		assert.match(textOf(report[0]), new RegExp(`/consultations/${cid}-[^\\s]*#report`));
		assert.doesNotMatch(textOf(report[0]), /Рішення:/, 'a report, not an answer');
		assert.equal(report[0].headers['list-unsubscribe'], undefined, 'no subscription behind it');
		assert.ok(report[0].parts[1].text.includes('#report"'));
		await until(() => sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id = ${cid}
			AND matched_at IS NULL`) === 0 && sqlInt(`SELECT COUNT(*) FROM outbox o JOIN notify_events e
			ON e.id = o.event_id WHERE e.consultation_id = ${cid} AND o.state = 'queued'`) === 0, 'everything sent');
		assert.equal(sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id = ${cid} AND kind = 'report'`), 1,
			'one report event: one address');
		await sleepMs(1500);	// a few more rounds of the worker
		assert.equal(mailTo(yes).length, 3, 'two answers and one report');
		assert.equal(mailTo(no).length, 0, 'nothing to the author who did not ask');
	});
});
