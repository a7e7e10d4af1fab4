// The comment form (issue 4) in the browser: a resident fills it with the
// keyboard only (Tab, Shift+Tab, arrows, typing, Space, Enter; no mouse) on
// an open consultation's page, sends it and lands on the receipt, whose
// number, text and SHA-256 match the database; the honeypot is off-screen
// and never reached with Tab; the "notify me" checkbox (issue 6) comes
// unticked, Space ticks it and it is stored.  Then axe-core (WCAG 2.0/2.1 A and AA, as in
// 40-axe) on the form (the detail page), its error state (sent empty: the
// 400 page) and the receipt, at desktop and phone width.  And the way back
// from an error with the keyboard: the form that comes back holds the text
// as typed, line breaks included.
//
// Every context sends an X-Forwarded-For of its own (the test stack trusts
// it from 127.0.0.1), so that the per-address limits on submissions never
// count two tests, or another test file, as one person.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
	useBrowser, openPage, assertNoProblems, DESKTOP, PHONE, focused, tabTo,
	runAxe, assertNoViolations, sql,
} from './lib.mjs';
import { PUBLIC, STATUS, END, sqlStr, freshAddr, sha256Hex } from '../http/lib.mjs';

const browser = useBrowser();
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const RECEIPT = /^\/consultations\/([0-9]+)\/receipt\/([0-9]+)-[A-Za-z0-9_-]{22}$/;

// An open post-moderated consultation (for a day more), read lazily so that
// an SQL error is the first test's failure.
let chosen = null;
function consultation() {
	if (chosen) return chosen;
	const [c] = sql(`SELECT c.id, c.slug FROM consultations c WHERE ${PUBLIC} AND ${STATUS} = 'open'
		AND c.moderation = 'post' AND ${END} > UTC_TIMESTAMP() + INTERVAL 1 DAY
		AND (SELECT COUNT(*) FROM comments m WHERE m.consultation_id = c.id AND m.status = 'published') < 40
		ORDER BY c.id LIMIT 1`);
	if (!c) throw new Error('no open post-moderated consultation in the data');
	chosen = { id: Number(c[0]), slug: c[1], path: `/consultations/${c[0]}-${c[1]}` };
	return chosen;
}

// A context whose requests come from an address of their own.
async function openAs(options) {
	const o = await openPage(browser(), options);
	await o.context.setExtraHTTPHeaders({ 'X-Forwarded-For': freshAddr() });
	return o;
}

function row(id) {
	const [r] = sql(`SELECT id, consultation_id, kind, author_name, author_email, organisation, body, status,
		SHA2(body, 256), notify_author FROM comments WHERE id = ${Number(id)}`);
	return r && {
		id: Number(r[0]), cid: Number(r[1]), kind: r[2], name: r[3], email: r[4], organisation: r[5],
		body: r[6], status: r[7], sha256: r[8].toLowerCase(), notify: r[9],
	};
}

test('keyboard only: a resident fills the form, sends it and gets the receipt', async () => {
	const c = consultation();
	const { context, page, problems } = await openAs(DESKTOP);
	const who = {
		name: 'Оксана Мельник',
		email: `oksana.${RUN}@example.com`,
		organisation: 'ГО «Велосипедний Київ»',
		lines: ['Пропоную облаштувати безпечний перехід біля школи.', `Другий рядок: «лапки» та апостроф ’ [b50-${RUN}]`],
	};
	const text = who.lines.join('\n');
	try {
		await page.goto(c.path);
		assert.equal(await page.locator('form.comment-form').count(), 1, 'the form on the page');

		// The honeypot is off-screen (and, below, never reached with Tab).
		const hp = await page.locator('#cf-website').evaluate((e) => {
			const r = e.getBoundingClientRect();
			return { right: r.right, bottom: r.bottom, left: r.left, top: r.top, w: innerWidth, h: document.documentElement.scrollHeight };
		});
		assert.ok(hp.right <= 0 || hp.left >= hp.w || hp.bottom <= 0 || hp.top >= hp.h,
			`the honeypot field is on screen: ${JSON.stringify(hp)}`);

		// Kind: Tab reaches the checked radio (comment); the arrow moves
		// the choice to proposal.
		let f = await tabTo(page, (x) => x.name === 'kind', { what: 'the kind radio group' });
		assert.equal(f.value, 'comment', 'the radio group is entered on its checked choice');
		assert.equal(f.checked, true);
		await page.keyboard.press('ArrowDown');
		f = await focused(page);
		assert.equal(f.value, 'proposal', 'ArrowDown moves to proposal');
		assert.equal(f.checked, true, 'and checks it');

		for (const [name, value] of [['name', who.name], ['email', who.email], ['organisation', who.organisation]]) {
			await tabTo(page, (x) => x.name === name, { max: 6, what: `the field ${name}` });
			await page.keyboard.type(value);
		}
		await tabTo(page, (x) => x.name === 'text', { max: 6, what: 'the text' });
		await page.keyboard.type(who.lines[0]);
		await page.keyboard.press('Enter');
		await page.keyboard.type(who.lines[1]);
		// The live count (static/form.js): code points, a line break one.
		assert.equal(await page.locator('#cf-text-count [data-count]').innerText(), String([...text].length), 'the live count');

		// "Tell me about the answer and the report": not pre-ticked, Space.
		await tabTo(page, (x) => x.name === 'notify', { max: 6, what: 'the notify checkbox' });
		assert.equal((await focused(page)).checked, false, 'notify not pre-ticked');
		await page.keyboard.press('Space');
		assert.equal((await focused(page)).checked, true, 'Space ticks notify');

		await tabTo(page, (x) => x.name === 'consent', { max: 6, what: 'the consent checkbox' });
		assert.equal((await focused(page)).checked, false, 'consent not pre-ticked');
		await page.keyboard.press('Space');
		assert.equal((await focused(page)).checked, true, 'Space ticks consent');

		await tabTo(page, (x) => {
			assert.notEqual(x.name, 'website', 'Tab reached the honeypot');
			return x.tag === 'button' && x.text === 'Надіслати';
		}, { max: 6, what: 'the button "Надіслати"' });
		await Promise.all([page.waitForURL((u) => RECEIPT.test(u.pathname)), page.keyboard.press('Enter')]);

		// The receipt.
		const m = RECEIPT.exec(new URL(page.url()).pathname);
		assert.equal(Number(m[1]), c.id, 'a receipt of this consultation');
		const id = Number(m[2]);
		assert.equal(await page.locator('article.receipt').getAttribute('data-id'), String(id));
		const r = row(id);
		assert.ok(r, `no row ${id}`);
		assert.equal(r.cid, c.id);
		assert.equal(r.kind, 'proposal');
		assert.equal(r.name, who.name);
		assert.equal(r.email, who.email);
		assert.equal(r.organisation, who.organisation);
		assert.equal(r.body, text, 'the stored text is the one typed (line break as LF)');
		assert.equal(r.status, 'published');
		assert.equal(r.notify, '1', 'the notify checkbox stored');
		const hash = await page.locator('code.receipt__hash').getAttribute('data-sha256');
		assert.equal(hash, sha256Hex(text), 'SHA-256 of the typed text');
		assert.equal(hash, r.sha256, 'SHA-256 of the stored text');
		assert.equal((await page.locator('code.receipt__hash').innerText()).trim(), hash, 'the hash is shown');
		assert.equal(await page.locator('.receipt__status--published').count(), 1, 'says published');
		const shown = await page.locator('.receipt__text').innerText();
		for (const l of who.lines) assert.ok(shown.includes(l), `the receipt shows "${l}"`);
		assert.ok(!(await page.content()).includes(who.email), 'the e-mail on the receipt');
		assertNoProblems(problems, 'form and receipt');
	} finally {
		await context.close();
	}
});

test('keyboard only: sent without consent, the form comes back as typed (line breaks too); ticked and sent again: receipt', async () => {
	const c = consultation();
	const { context, page, problems } = await openAs(DESKTOP);
	const name = 'Тарас Бондар';
	const email = `taras.${RUN}@example.com`;
	const lines = ['Перший абзац.', '', `Другий абзац після порожнього рядка [b50-${RUN}-again]`];
	const text = lines.join('\n');
	try {
		await page.goto(c.path);
		await tabTo(page, (x) => x.name === 'name', { what: 'the field name' });
		await page.keyboard.type(name);
		await tabTo(page, (x) => x.name === 'email', { max: 6, what: 'the field email' });
		await page.keyboard.type(email);
		await tabTo(page, (x) => x.name === 'text', { max: 6, what: 'the text' });
		for (const [i, l] of lines.entries()) {
			if (i > 0) await page.keyboard.press('Enter');
			await page.keyboard.type(l);
		}
		// Past the consent, not ticking it, to the button.
		await tabTo(page, (x) => x.tag === 'button' && x.text === 'Надіслати', { max: 8, what: 'the button "Надіслати"' });
		const [resp] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
			page.waitForNavigation(),
			page.keyboard.press('Enter'),
		]);
		assert.equal(resp.status(), 400, 'without consent: 400');
		assert.equal(await page.locator('#cf-consent').getAttribute('aria-invalid'), 'true', 'consent marked');
		assert.equal(await page.locator('#cf-name').inputValue(), name, 'name kept');
		assert.equal(await page.locator('#cf-email').inputValue(), email, 'e-mail kept');
		assert.equal(JSON.stringify(await page.locator('#cf-text').inputValue()), JSON.stringify(text),
			'the text in the form is not the one typed');

		await tabTo(page, (x) => x.name === 'consent', { what: 'the consent checkbox' });
		await page.keyboard.press('Space');
		await tabTo(page, (x) => x.tag === 'button' && x.text === 'Надіслати', { max: 6, what: 'the button "Надіслати"' });
		await Promise.all([page.waitForURL((u) => RECEIPT.test(u.pathname)), page.keyboard.press('Enter')]);
		const id = Number(RECEIPT.exec(new URL(page.url()).pathname)[2]);
		assert.equal(row(id)?.body, text, 'the stored text is the one typed');
		assert.equal(row(id)?.notify, '0', 'notify left unticked: not stored as asked');
		assertNoProblems(problems, 'form, 400 and receipt');
	} finally {
		await context.close();
	}
});

// Fills the form of the page with the keyboard's means (fill, focus and
// Space; no mouse) and sends it with Enter on the button.
async function fillAndSend(page, { name, email, text, consent = true }) {
	if (name !== undefined) await page.locator('#cf-name').fill(name);
	if (email !== undefined) await page.locator('#cf-email').fill(email);
	if (text !== undefined) await page.locator('#cf-text').fill(text);
	if (consent) {
		await page.locator('#cf-consent').focus();
		await page.keyboard.press('Space');
	}
	const button = page.locator('form.comment-form button[type="submit"]');
	await button.focus();
	const [resp] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
		page.waitForNavigation(),
		page.keyboard.press('Enter'),
	]);
	return resp;
}

for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
	describe(`axe WCAG 2.1 A/AA on the comment form at ${width} width`, () => {
		test(`the form on the detail page (${width})`, async () => {
			const c = consultation();
			const { context, page } = await openAs({ ...options, bypassCSP: true });
			try {
				const r = await page.goto(c.path);
				assert.equal(r.status(), 200);
				assert.equal(await page.locator('form.comment-form').count(), 1, 'the form');
				assertNoViolations(await runAxe(page), `${width} ${c.path}`);
			} finally {
				await context.close();
			}
		});

		test(`its error state: sent empty, the 400 page (${width})`, async () => {
			const c = consultation();
			const { context, page } = await openAs({ ...options, bypassCSP: true });
			try {
				await page.goto(c.path);
				const resp = await fillAndSend(page, { consent: false });
				assert.equal(resp.status(), 400, 'sent empty: 400');
				assert.equal(await page.locator('form.comment-form .form-errors').count(), 1, 'the list of errors');
				assert.ok(await page.locator('form.comment-form [aria-invalid="true"]').count() >= 4, 'fields marked invalid');
				assertNoViolations(await runAxe(page), `${width} 400 of ${c.path}/comments`);
			} finally {
				await context.close();
			}
		});

		test(`the receipt (${width})`, async () => {
			const c = consultation();
			const { context, page } = await openAs({ ...options, bypassCSP: true });
			try {
				await page.goto(c.path);
				const resp = await fillAndSend(page, {
					name: 'Петро Сидоренко', email: `petro.${width}.${RUN}@example.com`,
					text: `Коментар для перевірки квитанції (${width}) [b50-${RUN}]`,
				});
				assert.equal(resp.status(), 303, 'sent: 303');
				assert.match(new URL(page.url()).pathname, RECEIPT, 'on the receipt');
				assert.equal(await page.locator('article.receipt').count(), 1);
				assertNoViolations(await runAxe(page), `${width} ${new URL(page.url()).pathname}`);
			} finally {
				await context.close();
			}
		});
	});
}
