// The admin flow of issue 5, in a real browser, as one test, screenshots
// kept in var/test-artifacts/admin-flow-*.png: a clerk creates a
// pre-moderated consultation through the editor (keyboard and mouse),
// uploads a PDF on its documents page, previews and publishes it; a
// resident sees the document listed, downloads it through nginx
// (/uploads/...: the same bytes, a PDF, an attachment with its Ukrainian
// name) and sends a proposal; a moderator publishes it, the editor of the
// organiser answers it and publishes the report, the resident sees both.
// "Time passes" (the closing date) is an UPDATE: waiting 15 days is not a
// test.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { useBrowser, openPage, artifact, DESKTOP } from './lib.mjs';
import { freshAddr, sql } from '../http/lib.mjs';
import { createUser, twoUnits, uniq, kyiv } from '../http/admin-lib.mjs';

const browser = useBrowser();

async function person(options = {}) {
	return openPage(browser(), { ...DESKTOP, ...options, extraHTTPHeaders: { 'X-Forwarded-For': freshAddr() } });
}

// A small real PDF: one A4 page with a line of text, its cross-reference
// table at the right offsets; the marker makes its bytes (and so its
// stored hash) this run's own.
function pdfFile(marker) {
	const content = `BT /F1 14 Tf 72 770 Td (Proekt blagoustroiu skveru ${marker}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((o, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

async function signIn(page, user) {
	await page.goto('/admin/login');
	await page.getByLabel('Логін').fill(user.login);
	await page.getByLabel('Пароль').fill(user.password);
	await Promise.all([page.waitForURL(/\/admin$/), page.getByRole('button', { name: 'Увійти' }).click()]);
}

// Fills the editor's form as a clerk would (typing, Tab, Space, the mouse),
// saves the draft, uploads the document on the documents page, looks at
// the preview, publishes; returns the id.
async function clerkPublishes(editor, title, doc) {
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
		// The documents page, from the editor's links: a PDF chosen with
		// the file picker, under a title.
		await Promise.all([page.waitForURL(new RegExp(`/admin/consultations/${cid}/documents$`)),
			page.getByRole('link', { name: 'Документи', exact: true }).click()]);
		await page.getByText('Документів ще немає.').waitFor();
		await page.getByLabel('Назва документа').first().fill(doc.title);
		await page.getByLabel(/^Файл/).setInputFiles({ name: doc.name, mimeType: 'application/pdf', buffer: doc.data });
		await Promise.all([page.waitForURL(new RegExp(`/admin/consultations/${cid}/documents$`)),
			page.getByRole('button', { name: 'Завантажити', exact: true }).click()]);
		const item = page.locator('.admin-docs__item');
		assert.equal(await item.count(), 1);
		assert.equal(await item.getByRole('link').textContent(), doc.title);
		assert.match(await item.textContent(), /PDF/);
		await page.screenshot({ path: artifact('admin-flow-0-documents.png'), fullPage: true });
		const [[hash, stored, mime, size]] = sql(`SELECT file_hash, file_name, mime_type, size_bytes FROM documents WHERE consultation_id = ${cid}`);
		assert.equal(hash, createHash('sha256').update(doc.data).digest('hex'));
		assert.equal(stored, doc.stored);
		assert.equal(mime, 'application/pdf');
		assert.equal(Number(size), doc.data.length);
		await Promise.all([page.waitForURL(new RegExp(`/admin/consultations/${cid}$`)),
			page.getByRole('link', { name: 'Редагувати консультацію' }).click()]);
		await page.getByRole('link', { name: 'Попередній перегляд' }).click();
		await page.getByText('Попередній перегляд — ще не опубліковано').waitFor();
		assert.equal(await page.locator('.documents').getByRole('link', { name: doc.title }).count(), 1, 'the document in the preview');
		await page.screenshot({ path: artifact('admin-flow-0-preview.png'), fullPage: true });
		await page.getByRole('link', { name: 'Повернутися до редагування' }).click();
		await Promise.all([page.waitForURL(/published=1$/), page.getByRole('button', { name: 'Оприлюднити', exact: true }).click()]);
		await page.getByText('Консультацію оприлюднено.').waitFor();
		return cid;
	} finally {
		await clerk.context.close();
	}
}

test('clerk publishes with a document, resident downloads it and proposes, moderator publishes, editor answers and reports, resident sees it', async () => {
	const [unit] = twoUnits();
	const editor = createUser('editor', unit);
	const moderator = createUser('moderator');
	const title = uniq('Благоустрій скверу');
	const text = uniq('Пропоную додати лави та питні фонтанчики');
	const reason = uniq('Фонтанчики — так, лави вже передбачено проєктом');
	const summary = uniq('Консультацію проведено, надійшла одна пропозиція');
	const doc = {
		title: uniq('Проєкт рішення про благоустрій'),
		name: 'Проєкт благоустрою.pdf', stored: 'Проєкт_благоустрою.pdf',
		data: pdfFile(uniq('pdf')),
	};

	// The clerk creates the consultation, adds the document, publishes.
	const cid = await clerkPublishes(editor, title, doc);

	// The resident.
	const res = await person();
	try {
		const { page } = res;
		await page.goto(`/consultations/${cid}`);
		// The document, listed with its type and size, downloads from
		// nginx's /uploads/ as an attachment with the same bytes.
		const link = page.locator('.documents').getByRole('link', { name: doc.title });
		assert.equal(await link.count(), 1, 'the document on the public page');
		assert.match(await page.locator('.documents').textContent(), /\(PDF, 1 КБ\)/);
		const href = await link.getAttribute('href');
		const hash = createHash('sha256').update(doc.data).digest('hex');
		assert.equal(decodeURIComponent(href), `/uploads/${hash}/${doc.stored}`);
		const got = await page.request.get(href);
		assert.equal(got.status(), 200);
		assert.equal(got.headers()['content-type'], 'application/pdf');
		assert.equal(got.headers()['content-disposition'],
			`attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(doc.stored)}`);
		assert.equal(got.headers()['x-content-type-options'], 'nosniff');
		assert.match(got.headers()['content-security-policy'], /sandbox/);
		assert.ok(Buffer.from(await got.body()).equals(doc.data), 'the bytes uploaded');
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		assert.equal(download.suggestedFilename(), doc.stored);
		assert.ok(readFileSync(await download.path()).equals(doc.data), 'the browser saved the bytes uploaded');
		assert.match(page.url(), new RegExp(`/consultations/${cid}`), 'the page stays: a download, not a navigation');
		await page.screenshot({ path: artifact('admin-flow-1-public-document.png'), fullPage: true });
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
		assert.equal(await page.locator('.documents').getByRole('link', { name: doc.title }).count(), 1, 'the document stays');
		await page.screenshot({ path: artifact('admin-flow-5-public.png'), fullPage: true });
	} finally {
		await back.context.close();
	}
	assert.equal(sql(`SELECT status FROM consultations WHERE id = ${cid}`)[0][0], 'completed');
});
