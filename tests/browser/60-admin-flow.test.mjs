// The admin flow of issue 5, in a real browser, screenshots kept in
// var/test-artifacts/admin-flow-*.png: a clerk creates a pre-moderated
// consultation through the editor (keyboard and mouse), previews and
// publishes it; a resident sends a proposal, a moderator publishes it, the
// editor of the organiser answers it and publishes the report, the resident
// sees both.
//
// XXX #5: the document of the flow waits for the documents page
// (another part); "time passes" (the closing date) is an UPDATE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, artifact, DESKTOP } from './lib.mjs';
import { freshAddr, sql } from '../http/lib.mjs';
import { createUser, twoUnits, uniq, kyiv } from '../http/admin-lib.mjs';

const browser = useBrowser();

async function person(options = {}) {
	return openPage(browser(), { ...DESKTOP, ...options, extraHTTPHeaders: { 'X-Forwarded-For': freshAddr() } });
}

async function signIn(page, user) {
	await page.goto('/admin/login');
	await page.getByLabel('Логін').fill(user.login);
	await page.getByLabel('Пароль').fill(user.password);
	await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Увійти' }).click()]);
}

// Fills the editor's form as a clerk would (typing, Tab, Space, the mouse),
// saves the draft, looks at the preview, publishes; returns the id.
async function clerkPublishes(editor, title) {
	const theme = sql('SELECT name_uk FROM themes ORDER BY sort, id LIMIT 1')[0][0];
	const clerk = await person();
	try {
		const { page } = clerk;
		await signIn(page, editor);
		await page.locator('.admin-bar').getByRole('link', { name: 'Консультації', exact: true }).click();
		await Promise.all([page.waitForURL(/\/admin\/consultations\/new$/), page.getByRole('link', { name: 'Нова консультація' }).click()]);
		await page.getByLabel(/^Назва консультації/).click();
		await page.keyboard.type(title);
		await page.keyboard.press('Tab');
		await page.keyboard.type('Оновлення скверу: лави, освітлення, доріжки.');
		await page.keyboard.press('Tab');
		await page.keyboard.type('### Що пропонується\n\nНові лави та освітлення.');
		await page.getByLabel(/^Формат/).selectOption({ label: 'Електронні консультації' });
		await page.getByLabel(/^Попередня/).check();
		await page.getByLabel(/^Початок прийому пропозицій/).fill(kyiv(Date.now() - 86400000));
		await page.getByLabel(/^Завершення прийому пропозицій/).fill(kyiv(Date.now() + 20 * 86400000));
		await page.getByLabel(/^Питання або проєкт рішення/).fill('Проєкт благоустрою скверу.');
		await page.getByLabel(/^Соціальні групи населення/).fill('Мешканці прилеглих будинків.');
		await page.getByLabel(/^Можливі наслідки/).fill('Тимчасові обмеження під час робіт.');
		await page.getByLabel(/^Як і до якого часу надсилати/).fill('Через форму на сторінці консультації.');
		await page.getByLabel(/^Як і коли буде оприлюднено/).fill('Звіт — протягом 14 днів на цьому сайті.');
		await page.getByLabel(/^Відповідальна особа/).fill('Олена Петренко');
		await page.getByLabel(/^Електронна пошта відповідальної/).fill('olena.petrenko@example.com');
		await page.getByLabel(theme, { exact: true }).focus();
		await page.keyboard.press('Space');
		assert.ok(await page.getByLabel(theme, { exact: true }).isChecked(), 'Space ticks the theme');
		await page.screenshot({ path: artifact('admin-flow-0-form.png'), fullPage: true });
		await Promise.all([page.waitForURL(/\/admin\/consultations\/\d+\?saved=1$/), page.getByRole('button', { name: 'Зберегти', exact: true }).click()]);
		const cid = Number(/consultations\/(\d+)/.exec(page.url())[1]);
		assert.equal(sql(`SELECT status FROM consultations WHERE id = ${cid}`)[0][0], 'draft');
		await page.getByRole('link', { name: 'Попередній перегляд' }).click();
		await page.getByText('Попередній перегляд — ще не опубліковано').waitFor();
		await page.screenshot({ path: artifact('admin-flow-0-preview.png'), fullPage: true });
		await page.getByRole('link', { name: 'Повернутися до редагування' }).click();
		await Promise.all([page.waitForURL(/published=1$/), page.getByRole('button', { name: 'Оприлюднити', exact: true }).click()]);
		await page.getByText('Консультацію оприлюднено.').waitFor();
		return cid;
	} finally {
		await clerk.context.close();
	}
}

test('resident proposes, moderator publishes, editor answers and reports, resident sees it', async () => {
	const [unit] = twoUnits();
	const editor = createUser('editor', unit);
	const moderator = createUser('moderator');
	const title = uniq('Благоустрій скверу');
	const text = uniq('Пропоную додати лави та питні фонтанчики');
	const reason = uniq('Фонтанчики — так, лави вже передбачено проєктом');
	const summary = uniq('Консультацію проведено, надійшла одна пропозиція');

	// The clerk creates and publishes the consultation.
	const cid = await clerkPublishes(editor, title);

	// The resident.
	const res = await person();
	try {
		const { page } = res;
		await page.goto(`/consultations/${cid}`);
		await page.locator('#cf-kind-proposal').check();
		await page.locator('#cf-name').fill('Марія Іваненко');
		await page.locator('#cf-email').fill('maria@example.com');
		await page.locator('#cf-text').fill(text);
		await page.locator('#cf-consent').check();
		await Promise.all([page.waitForURL(/\/receipt\//), page.getByRole('button', { name: 'Надіслати' }).click()]);
		await page.screenshot({ path: artifact('admin-flow-1-receipt.png'), fullPage: true });
	} finally {
		await res.context.close();
	}
	const [[pid, status]] = sql(`SELECT id, status FROM comments WHERE consultation_id = ${cid} AND body = '${text}'`);
	assert.equal(status, 'pending');

	// The moderator.
	const mod = await person();
	try {
		const { page } = mod;
		await signIn(page, moderator);
		await page.goto(`/admin/moderation?consultation=${cid}`);
		await page.screenshot({ path: artifact('admin-flow-2-queue.png'), fullPage: true });
		const item = page.locator(`#m-${pid}`);
		assert.ok((await item.textContent()).includes('maria@example.com'), 'the e-mail, for the moderator');
		await Promise.all([page.waitForURL(/\/admin\/moderation/), item.getByRole('button', { name: 'Оприлюднити', exact: true }).click()]);
		assert.equal(await page.locator(`#m-${pid}`).count(), 0);
	} finally {
		await mod.context.close();
	}
	assert.equal(sql(`SELECT status FROM comments WHERE id = ${pid}`)[0][0], 'published');

	// Time passes: proposals are no longer taken.
	sql(`UPDATE consultations SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = ${cid}`);

	// The editor.
	const ed = await person();
	try {
		const { page } = ed;
		await signIn(page, editor);
		await page.goto(`/admin/consultations/${cid}/answers`);
		const item = page.locator(`#p-${pid}`);
		await item.getByLabel('Враховано частково').check();
		await item.getByLabel(/Обґрунтування/).fill(reason);
		await page.screenshot({ path: artifact('admin-flow-3-answer.png'), fullPage: true });
		await Promise.all([page.waitForURL(/answers/), item.getByRole('button', { name: 'Зберегти відповідь' }).click()]);
		await page.goto(`/admin/consultations/${cid}/report`);
		await page.getByLabel(/Підсумок консультації/).fill(summary);
		await Promise.all([page.waitForURL(/report$/), page.getByRole('button', { name: 'Оприлюднити звіт' }).click()]);
		assert.match(await page.locator('.report__published').textContent(), /Звіт оприлюднено/);
		await page.screenshot({ path: artifact('admin-flow-4-report.png'), fullPage: true });
	} finally {
		await ed.context.close();
	}

	// The resident again.
	const back = await person();
	try {
		const { page } = back;
		await page.goto(`/consultations/${cid}?_=${uniq('fresh')}`);
		const answer = page.locator(`#comment-${pid} .answer`);
		assert.match(await answer.textContent(), /Враховано частково/);
		assert.ok((await answer.textContent()).includes(reason));
		assert.ok((await page.locator('#report').textContent()).includes(summary));
		await page.screenshot({ path: artifact('admin-flow-5-public.png'), fullPage: true });
	} finally {
		await back.context.close();
	}
	assert.equal(sql(`SELECT status FROM consultations WHERE id = ${cid}`)[0][0], 'completed');
});
