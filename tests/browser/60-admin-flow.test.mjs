// The admin flow of issue 5, in a real browser, screenshots kept in
// var/test-artifacts/admin-flow-*.png: a resident sends a proposal to a
// pre-moderated consultation, a moderator publishes it, the editor of the
// organiser answers it and publishes the report, the resident sees both.
//
// XXX #5: the first step of the flow (a clerk creates and publishes
// the consultation with a document) waits for the consultation editor and
// uploads; the consultation is made in SQL here, and "time passes" (the
// closing date) is an UPDATE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, artifact, DESKTOP } from './lib.mjs';
import { freshAddr, sql } from '../http/lib.mjs';
import { createUser, twoUnits, makeConsultation, uniq } from '../http/admin-lib.mjs';

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

test('resident proposes, moderator publishes, editor answers and reports, resident sees it', async () => {
	const [unit] = twoUnits();
	const editor = createUser('editor', unit);
	const moderator = createUser('moderator');
	const cid = makeConsultation(unit, { moderation: 'pre', title: uniq('Благоустрій скверу') });
	const text = uniq('Пропоную додати лави та питні фонтанчики');
	const reason = uniq('Фонтанчики — так, лави вже передбачено проєктом');
	const summary = uniq('Консультацію проведено, надійшла одна пропозиція');

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
