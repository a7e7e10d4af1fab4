// The detail program keeps rendered pages per worker (lib/pagecache.h),
// checked on every request against consultations.page_version, which the
// writes bump (sql/migrations/050).  Each test loads a page often enough
// for every worker to keep a copy, makes one write in SQL, and then expects
// every answer (whichever worker gives it) to show the write at once: an
// edit of the consultation, a comment published, a published comment's text
// edited, an answer to a proposal, a document, a theme, a report published.
// And that pages are kept at all: a form token older than the request.
// URLs carry an extra `_` (ignored by the programs) so that nginx's 1 s
// micro-cache never answers: only the program's own cache is under test.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	http, withData, sql, sqlInt, sqlStr, PUBLIC, STATUS, COMMENTS_PER_PAGE, tokenIssued,
} from './lib.mjs';

const RUN = `t56-${process.pid.toString(36)}${Date.now().toString(36)}`;
// More GETs than workers (2 x cores by default), so each keeps a copy.
const ROUNDS = 12;
let seq = 0;
const fresh = (p) => `${p}${p.includes('?') ? '&' : '?'}_=${RUN}-${++seq}`;
const mark = (what) => `[${RUN}-${what}]`;

// Every one of ROUNDS answers: status 200 and the check.
async function everyAnswer(path, check, what) {
	for (let i = 0; i < ROUNDS; i++) {
		const r = await http(fresh(path));
		assert.equal(r.status, 200, `${path}: status`);
		// A kept page is the same answer: its type too (a cached page once
		// went out without one and Chromium showed it as text).
		assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8',
			`${path}: Content-Type (answer ${i + 1} of ${ROUNDS})`);
		assert.ok(check(r.body), `${what} (answer ${i + 1} of ${ROUNDS} of ${path})`);
	}
}

const cleanups = [];
after(() => {
	for (const f of cleanups.reverse()) {
		try { f(); } catch (e) { console.error(`cleanup: ${e.message}`); }
	}
});

await withData(() => {
	// Few published comments (one page), not completed: no report yet.
	const [c] = sql(`SELECT c.id, c.slug, c.title FROM consultations c
		WHERE ${PUBLIC} AND ${STATUS} IN ('open', 'closed')
		AND c.comment_count BETWEEN 2 AND ${COMMENTS_PER_PAGE - 10}
		AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.consultation_id = c.id)
		AND EXISTS (SELECT 1 FROM comments m LEFT JOIN responses x ON x.comment_id = m.id
			WHERE m.consultation_id = c.id AND m.status = 'published'
			AND m.kind = 'proposal' AND x.comment_id IS NULL)
		ORDER BY c.id LIMIT 1`);
	if (!c) throw new Error('no consultation with an unanswered published proposal: demo data missing');
	const id = Number(c[0]);
	const [p] = sql(`SELECT m.id FROM comments m LEFT JOIN responses x ON x.comment_id = m.id
		WHERE m.consultation_id = ${id} AND m.status = 'published' AND m.kind = 'proposal'
		AND x.comment_id IS NULL ORDER BY m.id LIMIT 1`);
	const [pc] = sql(`SELECT m.id, m.body FROM comments m WHERE m.consultation_id = ${id}
		AND m.status = 'published' ORDER BY m.id LIMIT 1`);
	const [theme] = sql(`SELECT t.id, t.slug FROM themes t WHERE t.id NOT IN
		(SELECT theme_id FROM consultation_themes WHERE consultation_id = ${id}) ORDER BY t.id LIMIT 1`);
	const [o] = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC}
		AND ${STATUS} = 'open' ORDER BY c.id LIMIT 1`);
	return { id, path: `/consultations/${id}-${c[1]}`, title: c[2], proposal: Number(p[0]),
		open: o ? `/consultations/${o[0]}-${o[1]}` : null,
		comment: { id: Number(pc[0]), body: pc[1] }, theme: { id: Number(theme[0]), slug: theme[1] } };
}, (d) => {
	describe('detail page cache: every write shows on the next request', () => {
		test('a page is kept: answers after 2 s still carry an older form token', async () => {
			assert.ok(d.open, 'the demo data has an open consultation');
			const tokens = async () => {
				const out = [];
				for (let i = 0; i < ROUNDS; i++) {
					const r = await http(fresh(d.open));
					assert.equal(r.status, 200);
					const m = r.body.match(/name="token" value="([A-Za-z0-9_-]+)"/);
					assert.ok(m, 'the open consultation has its form');
					out.push(tokenIssued(m[1]));
				}
				return out;
			};
			await tokens();
			await new Promise((ok) => setTimeout(ok, 2100));
			const asked = Math.floor(Date.now() / 1000);
			const issued = await tokens();
			assert.ok(issued.some((s) => s < asked - 1),
				`every answer rendered anew (tokens issued ${issued.join(', ')}, asked at ${asked})`);
		});

		test('an edit of the consultation (title)', async () => {
			const m = mark('title');
			await everyAnswer(d.path, (b) => !b.includes(m), 'no marker before');
			sql(`UPDATE consultations SET title = CONCAT(title, ' ', ${sqlStr(m)}) WHERE id = ${d.id}`);
			cleanups.push(() => sql(`UPDATE consultations SET title = ${sqlStr(d.title)} WHERE id = ${d.id}`));
			await everyAnswer(d.path, (b) => b.includes(m), 'new title shown');
			sql(`UPDATE consultations SET title = ${sqlStr(d.title)} WHERE id = ${d.id}`);
			await everyAnswer(d.path, (b) => !b.includes(m), 'title restored');
		});

		test('a comment published (inserted pending, then published)', async () => {
			const m = mark('comment');
			sql(`INSERT INTO comments (consultation_id, kind, author_name, author_email, body, status)
				VALUES (${d.id}, 'comment', 'Тест Кешу', 't56@example.org', ${sqlStr(m)}, 'pending')`);
			const cid = sqlInt(`SELECT id FROM comments WHERE body = ${sqlStr(m)}`);
			cleanups.push(() => sql(`DELETE FROM comments WHERE id = ${cid}`));
			await everyAnswer(d.path, (b) => !b.includes(m), 'pending comment hidden');
			sql(`UPDATE comments SET status = 'published', published_at = UTC_TIMESTAMP() WHERE id = ${cid}`);
			await everyAnswer(d.path, (b) => b.includes(m), 'published comment shown');
			sql(`UPDATE comments SET status = 'rejected' WHERE id = ${cid}`);
			await everyAnswer(d.path, (b) => !b.includes(m), 'rejected comment hidden again');
		});

		test("a published comment's text edited", async () => {
			const m = mark('edit');
			await everyAnswer(d.path, (b) => !b.includes(m), 'no marker before');
			sql(`UPDATE comments SET body = CONCAT(body, ' ', ${sqlStr(m)}) WHERE id = ${d.comment.id}`);
			cleanups.push(() => sql(`UPDATE comments SET body = ${sqlStr(d.comment.body)} WHERE id = ${d.comment.id}`));
			await everyAnswer(d.path, (b) => b.includes(m), 'edited text shown');
			sql(`UPDATE comments SET body = ${sqlStr(d.comment.body)} WHERE id = ${d.comment.id}`);
		});

		test('an answer to a proposal', async () => {
			const m = mark('answer');
			await everyAnswer(d.path, (b) => !b.includes(m), 'no answer before');
			sql(`INSERT INTO responses (comment_id, decision, reason) VALUES (${d.proposal}, 'rejected', ${sqlStr(m)})`);
			cleanups.push(() => sql(`DELETE FROM responses WHERE comment_id = ${d.proposal}`));
			await everyAnswer(d.path, (b) => b.includes(m), 'answer shown');
			sql(`DELETE FROM responses WHERE comment_id = ${d.proposal}`);
			await everyAnswer(d.path, (b) => !b.includes(m), 'answer gone');
		});

		test('a document added', async () => {
			const m = mark('doc');
			sql(`INSERT INTO documents (consultation_id, title, url) VALUES (${d.id}, ${sqlStr(m)}, 'https://kyivcity.gov.ua/t56.pdf')`);
			cleanups.push(() => sql(`DELETE FROM documents WHERE title = ${sqlStr(m)}`));
			await everyAnswer(d.path, (b) => b.includes(m), 'document shown');
			sql(`DELETE FROM documents WHERE title = ${sqlStr(m)}`);
			await everyAnswer(d.path, (b) => !b.includes(m), 'document gone');
		});

		test('a theme linked', async () => {
			const link = `href="/consultations?theme=${d.theme.slug}"`;
			await everyAnswer(d.path, (b) => !b.includes(link), 'theme not linked before');
			sql(`INSERT INTO consultation_themes (consultation_id, theme_id) VALUES (${d.id}, ${d.theme.id})`);
			cleanups.push(() => sql(`DELETE FROM consultation_themes WHERE consultation_id = ${d.id} AND theme_id = ${d.theme.id}`));
			await everyAnswer(d.path, (b) => b.includes(link), 'theme linked');
			sql(`DELETE FROM consultation_themes WHERE consultation_id = ${d.id} AND theme_id = ${d.theme.id}`);
			await everyAnswer(d.path, (b) => !b.includes(link), 'theme unlinked');
		});

		test('a report published', async () => {
			const m = mark('report');
			sql(`INSERT INTO reports (consultation_id, summary, published_at) VALUES (${d.id}, ${sqlStr(m)}, NULL)`);
			cleanups.push(() => sql(`DELETE FROM reports WHERE consultation_id = ${d.id}`));
			await everyAnswer(d.path, (b) => !b.includes(m), 'unpublished report hidden');
			sql(`UPDATE reports SET published_at = UTC_TIMESTAMP() WHERE consultation_id = ${d.id}`);
			await everyAnswer(d.path, (b) => b.includes(m), 'published report shown');
			sql(`DELETE FROM reports WHERE consultation_id = ${d.id}`);
			await everyAnswer(d.path, (b) => !b.includes(m), 'report gone');
		});
	});
});
