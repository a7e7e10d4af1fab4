// Issue 6, "must show": a subscription made in the browser (keyboard only,
// from a filtered listing) produces a confirmation message in the local
// SMTP sink; after confirmation through that message's link, the next
// matching consultation, created and published by an editor in the admin
// (in the browser too), produces exactly one notification to that address
// — still one after the worker has gone round several more times.
//
// The filters (a theme, a district and a participant group that no other
// test file uses) keep other files' consultations away from this address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, assertNoProblems, DESKTOP, focused, tabTo, sql, sqlInt } from './lib.mjs';
import { freshAddr, sqlStr, sleepMs } from '../http/lib.mjs';
import { createUser, twoUnits, uniq, kyiv } from '../http/admin-lib.mjs';
import { waitMail, mailTo, confirmLink, textOf, until } from '../http/mail-lib.mjs';

const browser = useBrowser();
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const [THEME, THEME_NAME] = sql('SELECT slug, name_uk FROM themes ORDER BY id LIMIT 1 OFFSET 6')[0];
const [DISTRICT, DISTRICT_NAME] = sql("SELECT slug, name_uk FROM districts WHERE slug = 'sviatoshynskyi'")[0];
const [GROUP, GROUP_NAME] = sql("SELECT slug, name_uk FROM participant_groups WHERE slug = 'veterans'")[0];
const POLL_MS = Number(process.env.HROMADA_NOTIFY_POLL_MS || 200);

async function person() {
	const o = await openPage(browser(), DESKTOP);
	await o.context.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddr() });
	return o;
}

// The resident: from the filtered listing to "check your mail", keyboard only.
async function subscribeWithKeyboard(page, email) {
	await page.goto(`/consultations?theme=${THEME}&district=${DISTRICT}&group=${GROUP}`);
	await tabTo(page, (f) => f.tag === 'a' && f.text === 'Підписатися на ці консультації',
		{ what: 'the subscribe link' });
	await Promise.all([page.waitForURL((u) => u.pathname === '/subscribe'), page.keyboard.press('Enter')]);
	for (const [name, v] of [['theme', THEME], ['district', DISTRICT], ['group', GROUP]])
		assert.equal(await page.locator(`input[name="${name}"][value="${v}"]`).isChecked(), true, `${name} prefilled`);
	await tabTo(page, (f) => f.name === 'email', { what: 'the e-mail field' });
	await page.keyboard.type(email);
	await tabTo(page, (f) => f.name === 'consent', { what: 'the consent checkbox' });
	await page.keyboard.press('Space');
	assert.equal((await focused(page)).checked, true);
	await tabTo(page, (f) => f.tag === 'button' && f.text === 'Підписатися', { max: 6, what: 'the button' });
	await Promise.all([page.waitForURL((u) => u.pathname === '/subscribe/sent'), page.keyboard.press('Enter')]);
}

// The editor: signs in, creates the consultation with the filters' values,
// saves it and publishes it; its id.
async function editorPublishes(editor, title) {
	const { context, page, problems } = await person();
	try {
		await page.goto('/admin/login');
		await page.getByLabel('Логін').fill(editor.login);
		await page.getByLabel('Пароль').fill(editor.password);
		await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Увійти' }).click()]);
		await page.goto('/admin/consultations/new');
		await page.getByLabel(/^Назва консультації/).fill(title);
		await page.getByLabel(/^Короткий опис/, { exact: false }).fill('Облаштування укриття та пандусів у ветеранському просторі.');
		await page.getByLabel(/^Повний текст/).fill('### Що пропонується\n\nПандуси, укриття, тиха кімната.');
		await page.getByLabel(/^Формат/).selectOption({ label: 'Електронні консультації' });
		await page.getByLabel(/^Початок прийому пропозицій/).fill(kyiv(Date.now() - 3600000));
		await page.getByLabel(/^Завершення прийому пропозицій/).fill(kyiv(Date.now() + 20 * 86400000));
		await page.getByLabel(/^Питання або проєкт рішення/).fill('Проєкт облаштування простору.');
		await page.getByLabel(/^Соціальні групи населення/).fill('Ветерани та їхні родини.');
		await page.getByLabel(/^Можливі наслідки/).fill('Тимчасове закриття простору на час робіт.');
		await page.getByLabel(/^Як і до якого часу надсилати/).fill('Через форму на сторінці консультації.');
		await page.getByLabel(/^Як і коли буде оприлюднено/).fill('Звіт — протягом 14 днів на цьому сайті.');
		await page.getByLabel(/^Відповідальна особа/).fill('Андрій Коваль');
		await page.getByLabel(/^Електронна пошта відповідальної/).fill('andrii.koval@example.com');
		await page.locator('#c-themes').getByLabel(THEME_NAME, { exact: true }).check();
		await page.locator('#c-districts').getByLabel(DISTRICT_NAME, { exact: true }).check();
		await page.locator('#c-groups').getByLabel(GROUP_NAME, { exact: true }).check();
		await Promise.all([page.waitForURL(/\/admin\/consultations\/\d+\?saved=1$/),
			page.getByRole('button', { name: 'Зберегти', exact: true }).click()]);
		const cid = Number(/consultations\/(\d+)/.exec(page.url())[1]);
		assert.equal(sql(`SELECT status FROM consultations WHERE id = ${cid}`)[0][0], 'draft');
		await Promise.all([page.waitForURL(/published=1$/), page.getByRole('button', { name: 'Оприлюднити', exact: true }).click()]);
		await page.getByText('Консультацію оприлюднено.').waitFor();
		assertNoProblems(problems, 'the editor\'s pages');
		return cid;
	} finally {
		await context.close();
	}
}

test('subscribed in the browser, confirmed from the sink, published in the admin: exactly one notification', async () => {
	const email = `b70p-${RUN}@example.com`;
	const res = await person();
	try {
		const { page, problems } = res;
		await subscribeWithKeyboard(page, email);

		// The confirmation message, in the sink; nothing else before it is used.
		const [m] = await waitMail(email);
		assert.equal(m.header('Subject'), 'Підтвердьте підписку на консультації');
		assert.equal(sql(`SELECT state FROM subscriptions WHERE email = ${sqlStr(email)}`)[0][0], 'pending');
		await page.goto(confirmLink(m));
		await tabTo(page, (f) => f.tag === 'button' && f.text === 'Підтвердити', { what: 'the confirm button' });
		await Promise.all([page.waitForLoadState(), page.keyboard.press('Enter')]);
		await page.waitForSelector('h1:has-text("Підписку підтверджено")');
		assert.equal(sql(`SELECT state FROM subscriptions WHERE email = ${sqlStr(email)}`)[0][0], 'active');
		assertNoProblems(problems, 'the subscription');
	} finally {
		await res.context.close();
	}

	// The editor of a unit publishes a consultation with those values.
	const [unit] = twoUnits();
	const title = uniq('Ветеранський простір у Святошинському районі');
	const cid = await editorPublishes(createUser('editor', unit), title);
	const about = () => mailTo(email).filter((x) => x.header('Subject').includes(title));

	// The worker: the event matched, the message in the sink.
	const [n] = await until(() => { const a = about(); return a.length > 0 ? a : null; },
		`the notification about "${title}"`, 30000);
	assert.equal(n.header('Subject'), `Розпочалася консультація: ${title}`);
	assert.match(textOf(n), new RegExp(`/consultations/${cid}-`));
	assert.match(textOf(n), /\/subscribe\/manage\?token=/);
	assert.match(n.headers['list-unsubscribe'][0], /unsubscribe\?token=/);

	// Several more rounds of the worker (and its periodic date events):
	// still one, and one outbox row for this subscription and consultation.
	await until(() => sqlInt(`SELECT COUNT(*) FROM notify_events WHERE consultation_id = ${cid}
		AND matched_at IS NULL`) === 0, 'every event of the consultation matched');
	await sleepMs(Math.max(10 * POLL_MS, 2000));
	assert.equal(about().length, 1, 'exactly one notification');
	assert.deepEqual(sql(`SELECT o.state, COUNT(*) FROM outbox o JOIN notify_events e ON e.id = o.event_id
		JOIN subscriptions s ON s.id = o.subscription_id
		WHERE s.email = ${sqlStr(email)} AND e.consultation_id = ${cid} GROUP BY o.state`), [['sent', '1']]);
	assert.equal(mailTo(email).length, 2, 'the confirmation and the notification, nothing else');
});
