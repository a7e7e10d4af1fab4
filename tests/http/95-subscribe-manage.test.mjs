// The subscription's own page (issue 6), linked from every message: its
// filters and frequency in a form, changed in place without a new opt-in
// (form token bound to the subscription, validated like the subscribe
// form), the unsubscribe button; a token that is wrong, malformed, lapsed
// or meant for something else is one 404 that names no address.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, postForm, sql, sqlInt, sqlStr, formToken as csrfToken } from './lib.mjs';
import {
	subscribe, subscribeConfirmed, waitMail, mailTo, confirmLink, unsubscribeLink,
	makeDraft, publish, drained, textOf, linkIn, until,
} from './mail-lib.mjs';

const RUN = `${process.pid}${Date.now().toString(36)}`;
const addr = (p) => `m-${p}-${RUN}@example.com`;
const themes = sql('SELECT slug, id FROM themes ORDER BY id').map(([s, id]) => ({ slug: s, id: Number(id) }));
// Away from the other files' filters (their first four themes and the last).
const [TA, TB, TC] = [themes.at(-2), themes.at(-3), themes.at(-4)];
const DA = { slug: 'darnytskyi', id: sqlInt("SELECT id FROM districts WHERE slug = 'darnytskyi'") };

const manageLink = (m) => linkIn(m, /https?:\/\/\S+\/subscribe\/manage\?token=[A-Za-z0-9_-]+/);
const pathOf = (u) => { const x = new URL(u); return x.pathname + x.search; };
const csrfOf = (html) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];
const row = (email) => {
	const [id, state, freq, nf] = sql(`SELECT id, state, frequency, nfacets FROM subscriptions
		WHERE email = ${sqlStr(email)} ORDER BY id LIMIT 1`)[0];
	const filters = sql(`SELECT facet, value_id FROM subscription_filters WHERE subscription_id = ${id}
		ORDER BY facet, value_id`).map(([f, v]) => `${f}:${v}`).join(',');
	return { id: Number(id), state, freq, nfacets: Number(nf), filters };
};

// GET the page; its csrf; POST fields to it.
async function save(link, fields, { csrf } = {}) {
	if (csrf === undefined) csrf = csrfOf((await http(link)).body);
	const list = [];
	for (const [k, vs] of Object.entries(fields))
		for (const v of [].concat(vs)) list.push([k, v]);
	if (csrf !== null) list.push(['csrf', csrf]);
	return postForm(pathOf(link), list);
}

describe('the page', () => {
	const A = addr('anna');
	let confirm, link;

	test('every message of a subscription links it, in the plain and the HTML part', async () => {
		confirm = await subscribeConfirmed(A, { theme: TA.slug, district: DA.slug });
		link = manageLink(confirm);
		assert.ok(confirm.parts[1].text.includes(`href="${link}"`), 'the HTML part of the confirmation');
		const title = `Сторінка підписки ${RUN}`;
		const cid = makeDraft(title, { themes: [TA.slug], districts: [DA.slug] });
		publish(cid);
		await drained(cid);
		const ev = mailTo(A).filter((m) => m.header('Subject').includes(title));
		assert.equal(ev.length, 1);
		assert.equal(manageLink(ev[0]), link, 'the same link in the event message');
		assert.ok(ev[0].parts[1].text.includes(`href="${link}"`), 'the HTML part of the event message');
		assert.match(textOf(ev[0]), /Змінити фільтри підписки: http/);
	});

	test('GET: the stored filters and frequency ticked, a form token, the unsubscribe button, no new confirmation', async () => {
		const r = await http(link);
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('cache-control'), 'no-store');
		assert.ok(r.body.includes(A), 'the address');
		assert.match(r.body, new RegExp(`name="theme" value="${TA.slug}" checked`));
		assert.match(r.body, new RegExp(`name="district" value="${DA.slug}" checked`));
		assert.doesNotMatch(r.body, new RegExp(`name="theme" value="${TB.slug}" checked`));
		assert.match(r.body, /id="mf-frequency-immediate" name="frequency" value="immediate" checked/);
		assert.match(r.body, /<form class="comment-form" method="post" action="\/subscribe\/manage\?token=[A-Za-z0-9_-]{43}"/);
		assert.ok(csrfOf(r.body), 'a form token');
		assert.match(r.body, /<form method="post" action="\/unsubscribe\?token=[A-Za-z0-9_-]{43}">/);
		assert.match(r.body, /name="robots" content="noindex/);
	});

	test('POST: filters and frequency changed in place, 303 back with "saved", no opt-in, nothing mailed', async () => {
		const before = mailTo(A).length;
		const id = row(A).id;
		const r = await save(link, { theme: [TB.slug, TC.slug], frequency: 'weekly' });
		assert.equal(r.status, 303, r.body);
		assert.equal(r.headers.get('location'), `${pathOf(link)}&saved=1`);
		const got = row(A);
		assert.equal(got.id, id, 'the same row');
		assert.equal(got.state, 'active', 'still active: no new confirmation');
		assert.equal(got.freq, 'weekly');
		assert.equal(got.nfacets, 1);
		assert.equal(got.filters, [TB.id, TC.id].sort((a, b) => a - b).map((v) => `0:${v}`).join(','));
		const page = await http(`${link}&saved=1`);
		assert.match(page.body, /Зміни збережено/);
		assert.match(page.body, new RegExp(`name="theme" value="${TB.slug}" checked`));
		assert.doesNotMatch(page.body, new RegExp(`name="district" value="${DA.slug}" checked`));
		assert.match(page.body, /id="mf-frequency-weekly" name="frequency" value="weekly" checked/);
		assert.equal(mailTo(A).length, before, 'no message for a change');
		// The key a new subscription with those filters gets (in any order).
		const twin = addr('twin');
		assert.equal((await subscribe(twin, { theme: [TC.slug, TB.slug] })).status, 303);
		assert.equal(sqlInt(`SELECT COUNT(DISTINCT filters_key) FROM subscriptions
			WHERE email IN (${sqlStr(A)}, ${sqlStr(twin)})`), 1);
	});

	test('weekly to immediate: what waited for Monday goes now', async () => {
		assert.equal(row(A).freq, 'weekly');
		const title = `Чекала понеділка ${RUN}`;
		const cid = makeDraft(title, { themes: [TB.slug] });
		publish(cid);
		const waiting = () => sql(`SELECT o.state, o.next_try_at > UTC_TIMESTAMP() FROM outbox o
			JOIN notify_events e ON e.id = o.event_id WHERE o.email = ${sqlStr(A)} AND e.consultation_id = ${cid}`);
		await until(() => waiting().length === 1, 'the event matched');
		assert.deepEqual(waiting(), [['queued', '1']], 'due on Monday');
		assert.equal((await save(link, { theme: TB.slug, frequency: 'immediate' })).status, 303);
		await drained(cid);
		assert.equal(mailTo(A).filter((m) => m.header('Subject').includes(title)).length, 1);
	});

	test('the new filters decide what is sent: the old ones no longer match', async () => {
		assert.equal((await save(link, { theme: TB.slug, frequency: 'immediate' })).status, 303);
		const old = makeDraft(`Старий фільтр ${RUN}`, { themes: [TA.slug], districts: [DA.slug] });
		const neu = makeDraft(`Новий фільтр ${RUN}`, { themes: [TB.slug] });
		publish(old);
		publish(neu);
		await drained(old);
		await drained(neu);
		const about = (t) => mailTo(A).filter((m) => m.header('Subject').includes(t)).length;
		assert.equal(about(`Старий фільтр ${RUN}`), 0);
		assert.equal(about(`Новий фільтр ${RUN}`), 1);
	});

	test('no filter at all: every consultation', async () => {
		assert.equal((await save(link, { frequency: 'immediate' })).status, 303);
		assert.deepEqual([row(A).nfacets, row(A).filters], [0, '']);
		assert.match((await http(link)).body, /id="mf-frequency-immediate" name="frequency" value="immediate" checked/);
	});

	test('an unknown value or no frequency: 400, the choices kept with the error, nothing changed', async () => {
		assert.equal((await save(link, { theme: TA.slug, frequency: 'immediate' })).status, 303);
		const was = row(A);
		const r = await save(link, { theme: [TB.slug, 'no-such-theme'], district: DA.slug, frequency: 'weekly' });
		assert.equal(r.status, 400);
		assert.match(r.body, /class="form-errors" role="alert"/);
		assert.match(r.body, /href="#mf-filters"/);
		assert.match(r.body, new RegExp(`name="district" value="${DA.slug}" checked`));
		assert.match(r.body, /id="mf-frequency-weekly" name="frequency" value="weekly" checked/);
		const f = await save(link, { theme: TB.slug });
		assert.equal(f.status, 400);
		assert.match(f.body, /href="#mf-frequency-immediate">Оберіть, як часто/);
		const bad = await save(link, { theme: TB.slug, frequency: 'hourly' });
		assert.equal(bad.status, 400);
		assert.deepEqual(row(A), was);
	});

	test('form token: missing, expired, or another subscription\'s: 403, choices kept, nothing changed', async () => {
		const was = row(A);
		const none = await save(link, { theme: TB.slug, frequency: 'weekly' }, { csrf: null });
		assert.equal(none.status, 403);
		assert.match(none.body, /Не вдалося перевірити форму/);
		assert.match(none.body, new RegExp(`name="theme" value="${TB.slug}" checked`));
		const old = csrfToken(was.id, Math.floor(Date.now() / 1000) - 3 * 86400, { purpose: 'subscribe-manage' });
		const exp = await save(link, { theme: TB.slug, frequency: 'weekly' }, { csrf: old });
		assert.equal(exp.status, 403);
		assert.match(exp.body, /Форма застаріла/);
		const other = manageLink(await subscribeConfirmed(addr('borys'), { theme: TC.slug }));
		const theirs = csrfOf((await http(other)).body);
		const mixed = await save(link, { theme: TB.slug, frequency: 'weekly' }, { csrf: theirs });
		assert.equal(mixed.status, 403);
		const comment = await save(link, { theme: TB.slug, frequency: 'weekly' },
			{ csrf: csrfToken(was.id, Math.floor(Date.now() / 1000), { purpose: 'subscribe' }) });
		assert.equal(comment.status, 403, 'a token of another form');
		assert.deepEqual(row(A), was);
	});

	test('another active subscription of the address with those filters: 409, nothing changed', async () => {
		// A second subscription of the same address, confirmed.
		const n = mailTo(A).length;
		assert.equal((await subscribe(A, { theme: TC.slug })).status, 303);
		const conf = (await waitMail(A, n + 1)).filter((m) => /Підтвердьте/.test(m.header('Subject'))).at(-1);
		assert.equal((await http(confirmLink(conf), { method: 'POST' })).status, 200);
		const was = row(A);
		const r = await save(link, { theme: TC.slug, frequency: 'immediate' });
		assert.equal(r.status, 409);
		assert.match(r.body, /вже діє інша підписка з такими самими фільтрами/);
		assert.deepEqual(row(A), was);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM subscriptions WHERE email = ${sqlStr(A)}`), 2);
	});

	test('a pending one with those filters gives way: the change is made, it is retired', async () => {
		const themeD = themes.at(-5);
		assert.equal((await subscribe(A, { theme: themeD.slug })).status, 303);
		assert.equal(sqlInt(`SELECT COUNT(*) FROM subscriptions WHERE email = ${sqlStr(A)}`), 3);
		const id = row(A).id;
		const pending = sqlInt(`SELECT MAX(id) FROM subscriptions WHERE email = ${sqlStr(A)}`);
		assert.equal((await save(link, { theme: themeD.slug, frequency: 'immediate' })).status, 303);
		assert.deepEqual(sql(`SELECT state, confirm_hash IS NULL FROM subscriptions WHERE id = ${pending}`)[0],
			['unsubscribed', '1'], 'the pending one retired, its confirmation void');
		assert.equal(sql(`SELECT state FROM subscriptions WHERE id = ${id}`)[0][0], 'active');
		assert.equal(row(A).filters, `0:${themeD.id}`);
	});

	test('unsubscribed: the page says so with a link to subscribe again; a POST changes nothing (409)', async () => {
		assert.equal((await http(unsubscribeLink(confirm), { method: 'POST' })).status, 200);
		const was = row(A);
		const r = await http(link);
		assert.equal(r.status, 200);
		assert.match(r.body, /Ви відписалися/);
		assert.doesNotMatch(r.body, /name="csrf"/, 'no form');
		assert.match(r.body, new RegExp(`href="/subscribe\\?theme=${themes.at(-5).slug}"`));
		const p = await postForm(pathOf(link), [['theme', TB.slug], ['frequency', 'weekly'], ['csrf', csrfToken(was.id, Math.floor(Date.now() / 1000), { purpose: 'subscribe-manage' })]]);
		assert.equal(p.status, 409);
		assert.deepEqual(row(A), was);
	});
});

describe('tokens that open nothing: one 404 for all', () => {
	const random = () => Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256))).toString('base64url');

	test('wrong, malformed, a confirmation link\'s, a lapsed pending one\'s: 404 on GET and POST, no address', async () => {
		const P = addr('lapsed');
		assert.equal((await subscribe(P, { theme: TA.slug })).status, 303);
		const [m] = await waitMail(P);
		const lapsedLink = pathOf(manageLink(m));
		// Still confirmable: its page opens (a pending one is changeable).
		assert.equal((await http(lapsedLink)).status, 200);
		sql(`UPDATE subscriptions SET confirm_expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND
			WHERE email = ${sqlStr(P)}`);
		const confirmToken = /token=([A-Za-z0-9_-]+)/.exec(confirmLink(m))[1];
		const targets = {
			random: `/subscribe/manage?token=${random()}`,
			short: '/subscribe/manage?token=abc',
			none: '/subscribe/manage',
			confirm: `/subscribe/manage?token=${confirmToken}`,
			lapsed: lapsedLink,
		};
		const bodies = new Set();
		for (const [what, t] of Object.entries(targets)) {
			const g = await http(t);
			assert.equal(g.status, 404, `GET ${what}`);
			assert.ok(!g.body.includes('@example.com'), `GET ${what}: no address`);
			bodies.add(g.body);
			const p = await postForm(t, [['theme', TB.slug], ['frequency', 'weekly'], ['csrf', 'x'.repeat(54)]]);
			assert.equal(p.status, 404, `POST ${what}`);
			bodies.add(p.body);
		}
		assert.equal(bodies.size, 1, 'the same page whatever the token');
		assert.equal(row(P).filters, `0:${TA.id}`, 'nothing changed');
	});
});
