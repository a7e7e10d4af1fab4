// The official answer to a proposal, by e-mail to its author (issue 6):
// an answer recorded in SQL (as the admin program records it) becomes an
// event by the trigger on responses, and one message to the author who
// asked for it; none to an author who did not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, sqlInt, sqlStr } from './lib.mjs';
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
