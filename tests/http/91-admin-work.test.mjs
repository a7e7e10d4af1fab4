// The admin's work (issue 5): the moderation queue (one at a time, in bulk,
// reasons), answers to proposals (a reason unless accepted; shown
// publicly), the results report (published only when every proposal has an
// answer; completes the consultation; printable) and the dashboard.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, sql, sqlInt } from './lib.mjs';
import {
	createUser, twoUnits, signIn, get, post, auditRows, lastAuditId,
	makeConsultation, makeComment, uniq,
} from './admin-lib.mjs';

const [UNIT_A] = twoUnits();
const statusOf = (id) => sql(`SELECT status, reject_reason, moderated_by FROM comments WHERE id = ${id}`)[0];
const fresh = (p) => `${p}?_=${uniq('t91')}`;

describe('moderation queue', () => {
	test('pending comments are listed with the author\'s e-mail, filterable by consultation', async () => {
		const s = await signIn(createUser('moderator'));
		const cid = makeConsultation(UNIT_A);
		const email = `${uniq('a')}@example.com`;
		const id = makeComment(cid, { status: 'pending', kind: 'comment', email });
		const r = await get(`/admin/moderation?consultation=${cid}`, s);
		assert.equal(r.status, 200);
		assert.match(r.body, new RegExp(`id="m-${id}"`));
		assert.ok(r.body.includes(email), 'the e-mail, for moderators');
		assert.match(r.body, /Чекають модерації: 1 коментар/);
	});

	test('publish one: published, who and when recorded, audited, shown publicly', async () => {
		const m = createUser('moderator');
		const s = await signIn(m);
		const cid = makeConsultation(UNIT_A);
		const body = uniq('Коментар для публікації');
		const id = makeComment(cid, { status: 'pending', kind: 'comment', body });
		const from = lastAuditId();
		const r = await post(`/admin/moderation?consultation=${cid}`, s, { id, action: 'publish' });
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), `/admin/moderation?consultation=${cid}`);
		assert.deepEqual(statusOf(id), ['published', null, String(m.id)]);
		const a = auditRows(`id > ${from} AND action = 'comment-moderate' AND object_id = ${id}`);
		assert.equal(a.length, 1);
		const page = await http(fresh(`/consultations/${cid}`));
		assert.ok(page.body.includes(body));
	});

	test('reject needs a reason from the list', async () => {
		const s = await signIn(createUser('moderator'));
		const cid = makeConsultation(UNIT_A);
		const id = makeComment(cid, { status: 'pending' });
		const r = await post('/admin/moderation', s, { id, action: 'reject' });
		assert.equal(r.status, 400);
		assert.match(r.body, /оберіть причину/);
		assert.equal(statusOf(id)[0], 'pending');
		assert.equal((await post('/admin/moderation', s, { id, action: 'reject', reason: 'made-up' })).status, 400);
		assert.equal((await post('/admin/moderation', s, { id, action: 'reject', reason: 'off-topic' })).status, 303);
		assert.deepEqual(statusOf(id).slice(0, 2), ['rejected', 'off-topic']);
	});

	test('bulk: several marked as spam at once', async () => {
		const s = await signIn(createUser('admin'));
		const cid = makeConsultation(UNIT_A);
		const ids = [1, 2, 3].map(() => makeComment(cid, { status: 'pending', kind: 'comment' }));
		const r = await post('/admin/moderation', s, { id: ids, action: 'spam' });
		assert.equal(r.status, 303);
		for (const id of ids) assert.equal(statusOf(id)[0], 'spam');
	});

	test('an unknown comment id is 404 and nothing changes', async () => {
		const s = await signIn(createUser('moderator'));
		const cid = makeConsultation(UNIT_A);
		const id = makeComment(cid, { status: 'pending' });
		const r = await post('/admin/moderation', s, { id: [id, 4000000000], action: 'publish' });
		assert.equal(r.status, 404);
		assert.equal(statusOf(id)[0], 'pending');
	});
});

describe('answers to proposals', () => {
	test('a rejection without a reason comes back with the choice kept', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const cid = makeConsultation(UNIT_A, { closed: true });
		const pid = makeComment(cid);
		const r = await post(`/admin/proposals/${pid}/answer`, s, { decision: 'rejected', reason: '' });
		assert.equal(r.status, 400);
		assert.match(r.body, /напишіть обґрунтування/);
		assert.match(r.body, new RegExp(`id="d-${pid}-2" name="decision" value="rejected" checked`));
		assert.equal(sqlInt(`SELECT COUNT(*) FROM responses WHERE comment_id = ${pid}`), 0);
	});

	test('an answer is stored with who and when, audited, and shown under the proposal', async () => {
		const ed = createUser('editor', UNIT_A);
		const s = await signIn(ed);
		const cid = makeConsultation(UNIT_A, { closed: true });
		const pid = makeComment(cid);
		const reason = uniq('Не відповідає генплану');
		const from = lastAuditId();
		const r = await post(`/admin/proposals/${pid}/answer`, s, { decision: 'partially-accepted', reason });
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), `/admin/consultations/${cid}/answers#p-${pid}`);
		const [[dec, why, by]] = sql(`SELECT decision, reason, answered_by FROM responses WHERE comment_id = ${pid}`);
		assert.deepEqual([dec, why, Number(by)], ['partially-accepted', reason, ed.id]);
		assert.equal(auditRows(`id > ${from} AND action = 'answer' AND object_id = ${pid}`).length, 1);
		const page = await http(fresh(`/consultations/${cid}`));
		assert.ok(page.body.includes(reason), 'the reason on the public page');
		// A second answer replaces the first; before and after are audited.
		assert.equal((await post(`/admin/proposals/${pid}/answer`, s, { decision: 'accepted' })).status, 303);
		assert.equal(sql(`SELECT decision FROM responses WHERE comment_id = ${pid}`)[0][0], 'accepted');
		assert.equal(sqlInt(`SELECT COUNT(*) FROM audit_log WHERE id > ${from} AND action = 'answer' AND before_json LIKE '%partially-accepted%'`), 1);
	});

	test('a comment (not a proposal) or an unpublished proposal gets no answer', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const cid = makeConsultation(UNIT_A, { closed: true });
		const c = makeComment(cid, { kind: 'comment' });
		const p = makeComment(cid, { status: 'pending' });
		assert.equal((await post(`/admin/proposals/${c}/answer`, s, { decision: 'accepted' })).status, 409);
		assert.equal((await post(`/admin/proposals/${p}/answer`, s, { decision: 'accepted' })).status, 409);
	});
});

describe('results report', () => {
	test('not published while a proposal has no answer; then published, completing the consultation', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const cid = makeConsultation(UNIT_A, { closed: true });
		const p1 = makeComment(cid);
		const p2 = makeComment(cid);
		await post(`/admin/proposals/${p1}/answer`, s, { decision: 'accepted' });
		const summary = `### Підсумок\n\n${uniq('Дякуємо учасникам')}`;
		let r = await post(`/admin/consultations/${cid}/report`, s, { action: 'publish', summary });
		assert.equal(r.status, 409);
		assert.match(r.body, /без відповіді ще 1 пропозиція/);
		assert.ok(r.body.includes('Дякуємо учасникам'), 'the summary is kept in the form');
		assert.equal(sql(`SELECT status FROM consultations WHERE id = ${cid}`)[0][0], 'announced');
		await post(`/admin/proposals/${p2}/answer`, s, { decision: 'out-of-scope', reason: 'Інше питання' });
		r = await post(`/admin/consultations/${cid}/report`, s, { action: 'publish', summary });
		assert.equal(r.status, 303);
		const [[st, done]] = sql(`SELECT status, completed_at IS NOT NULL FROM consultations WHERE id = ${cid}`);
		assert.deepEqual([st, done], ['completed', '1']);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM reports WHERE consultation_id = ${cid} AND published_at IS NOT NULL`), 1);
		const page = await http(fresh(`/consultations/${cid}`));
		assert.match(page.body, /id="report"/);
		assert.ok(page.body.includes('Дякуємо учасникам'));
		// Published is final.
		r = await post(`/admin/consultations/${cid}/report`, s, { action: 'save', summary: 'інше' });
		assert.equal(r.status, 409);
	});

	test('a draft can be saved while the consultation is open, not published', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const cid = makeConsultation(UNIT_A);
		const draft = uniq('Чернетка');
		assert.equal((await post(`/admin/consultations/${cid}/report`, s, { action: 'save', summary: draft })).status, 303);
		assert.equal(sql(`SELECT summary FROM reports WHERE consultation_id = ${cid} AND published_at IS NULL`)[0][0], draft);
		const r = await post(`/admin/consultations/${cid}/report`, s, { action: 'publish', summary: draft });
		assert.equal(r.status, 409);
		assert.ok((await get(`/admin/consultations/${cid}/report`, s)).body.includes(draft));
	});

	test('the printable report has the summary and the table, without the site frame', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const cid = makeConsultation(UNIT_A, { closed: true });
		const body = uniq('Пропозиція в таблиці');
		const pid = makeComment(cid, { body });
		await post(`/admin/proposals/${pid}/answer`, s, { decision: 'rejected', reason: 'Причина <b>не</b> HTML' });
		await post(`/admin/consultations/${cid}/report`, s, { action: 'save', summary: '**Жирний** <script>x</script>' });
		const r = await get(`/admin/consultations/${cid}/report/print`, s);
		assert.equal(r.status, 200);
		assert.match(r.body, /<strong>Жирний<\/strong>/);
		assert.doesNotMatch(r.body, /<script>x/);
		assert.ok(r.body.includes(body));
		assert.match(r.body, /Причина &lt;b&gt;не&lt;\/b&gt; HTML/);
		assert.doesNotMatch(r.body, /site-header/);
	});
});

describe('dashboard', () => {
	test('an editor sees their unit\'s counts and reports due; a moderator the queue', async () => {
		const s = await signIn(createUser('editor', UNIT_A));
		const cid = makeConsultation(UNIT_A, { closed: 'recent', title: uniq('Звіт потрібен') });
		makeComment(cid);
		const r = await get('/admin', s);
		assert.equal(r.status, 200);
		assert.match(r.body, /Пропозицій без відповіді: \d+/);
		assert.ok(r.body.includes(`/admin/consultations/${cid}/report`));
		assert.doesNotMatch(r.body, /href="\/admin\/moderation"/, 'editors do not moderate');
		const m = await get('/admin', await signIn(createUser('moderator')));
		assert.match(m.body, /Коментарів чекають модерації: \d+/);
	});
});
