// Helpers for the browser tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser build), axe-core for accessibility, and SQL
// ground truth through the HTTP suite's helpers (tests/http/lib.mjs, which
// talks to `scripts/db.sh sql`).
//
// Environment:
//   HROMADA_URL       the stack's base URL        [http://127.0.0.1:8089]
//   HROMADA_ROOT      the repository              [two levels above this file]
//   HROMADA_VAR       the stack's var directory   [$HROMADA_ROOT/var/test]
//   HROMADA_CHROMIUM  the browser                 [/usr/bin/chromium]
//   HROMADA_ARTIFACTS screenshots go here         [$HROMADA_ROOT/var/test-artifacts]

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
	BASE, ROOT, PUBLIC, sql, sqlInt, sqlStr, countFor, whereFor, waitHealthy,
	COMMENTS_PER_PAGE, PER_PAGE,
} from '../http/lib.mjs';

export { BASE, ROOT, sql, sqlInt, countFor, PER_PAGE, COMMENTS_PER_PAGE };

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.HROMADA_CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS = process.env.HROMADA_ARTIFACTS ||
	path.join(ROOT, 'var', 'test-artifacts');

// Chromium with no network of its own (the machine's network is closed: its
// background connections would be refused) and, through playwright, a fresh
// temporary profile for every launch.
export const CHROMIUM_ARGS = [
	'--no-sandbox', '--disable-gpu', '--disable-background-networking',
	'--disable-quic', '--no-first-run', '--disable-component-update',
	'--disable-sync',
];

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = {
	viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
	deviceScaleFactor: 1,
};

// Playwright's own waits, short: the stack answers in milliseconds.
const ACTION_TIMEOUT_MS = 10000;

// One browser per test file: launched before its tests, closed after.
// Returns a getter (the browser exists only once `before` ran).
export function useBrowser() {
	let browser = null;
	before(async () => {
		await waitHealthy();
		browser = await chromium.launch({
			executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
			timeout: 30000,
		});
	});
	after(async () => {
		if (browser) await browser.close();
	});
	return () => {
		if (!browser) throw new Error('the browser did not start');
		return browser;
	};
}

// A new context (fresh cookies, storage, cache) and page on it.  Every
// response of the stack is recorded, and any script error on the page, so
// that a test can check that nothing it loaded failed.
export async function openPage(browser, options = {}) {
	const context = await browser.newContext({
		baseURL: BASE, locale: 'uk-UA', timezoneId: 'Europe/Kyiv', ...options,
	});
	context.setDefaultTimeout(ACTION_TIMEOUT_MS);
	context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS * 2);
	const page = await context.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
	page.on('response', (r) => {
		// The page's own document may be an intended 4xx (error pages).
		if (r.status() >= 400 && r.request().resourceType() !== 'document')
			problems.push(`${r.status()} for ${r.url()}`);
	});
	page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
	return { context, page, problems };
}

// Subresources (the stylesheet above all) loaded and no script error.
export function assertNoProblems(problems, where) {
	assert.deepEqual(problems, [], `${where}: failed subresources or script errors`);
}

export function artifact(name) {
	mkdirSync(ARTIFACTS, { recursive: true });
	return path.join(ARTIFACTS, name);
}

// ---- the scenario ------------------------------------------------------------

// Everything a flow needs, from SQL: a completed consultation with a published
// report whose proposals have official answers on the first comment page, and
// one of its themes and one of its districts such that it is on the first
// page of the listing filtered by both (sorted by the default, newest
// first), and such that each filter narrows the listing.
export function scenario() {
	const rows = sql(`SELECT c.id, c.slug, c.title, t.slug, d.slug, c.opens_at
		FROM consultations c
		JOIN reports r ON r.consultation_id = c.id AND r.published_at IS NOT NULL
		JOIN consultation_themes ct ON ct.consultation_id = c.id
		JOIN themes t ON t.id = ct.theme_id
		JOIN consultation_districts cd ON cd.consultation_id = c.id
		JOIN districts d ON d.id = cd.district_id
		WHERE c.status = 'completed' AND EXISTS (
			SELECT 1 FROM comments m JOIN responses rs ON rs.comment_id = m.id
			WHERE m.consultation_id = c.id AND m.status = 'published'
				AND m.kind = 'proposal' AND (SELECT COUNT(*) FROM comments e
					WHERE e.consultation_id = c.id AND e.status = 'published'
					AND e.id < m.id) < ${COMMENTS_PER_PAGE})
		ORDER BY c.opens_at DESC, c.id DESC, t.sort, t.id, d.sort, d.id
		LIMIT 200`);
	if (rows.length === 0)
		throw new Error('no completed consultation with a published report and answered proposals: demo data missing');
	const total = sqlInt(`SELECT COUNT(*) FROM consultations c WHERE ${PUBLIC}`);
	for (const [id, slug, title, theme, district, opensAt] of rows) {
		const byTheme = countFor({ theme: [theme] });
		const both = { theme: [theme], district: [district] };
		const byBoth = countFor(both);
		if (!(byTheme < total && byBoth < byTheme)) continue;
		// Its rank in the filtered listing, newest first.
		const before = sqlInt(`SELECT COUNT(*) FROM consultations c
			WHERE ${whereFor(both)} AND (c.opens_at > ${sqlStr(opensAt)}
				OR (c.opens_at = ${sqlStr(opensAt)} AND c.id > ${Number(id)}))`);
		if (before >= PER_PAGE) continue;
		const [answer] = sql(`SELECT m.id, rs.decision, rs.reason
			FROM comments m JOIN responses rs ON rs.comment_id = m.id
			WHERE m.consultation_id = ${Number(id)} AND m.status = 'published'
				AND m.kind = 'proposal'
			ORDER BY m.id LIMIT 1`);
		const [themeName] = sql(`SELECT name_uk FROM themes WHERE slug = ${sqlStr(theme)}`)[0];
		const [districtName] = sql(`SELECT name_uk FROM districts WHERE slug = ${sqlStr(district)}`)[0];
		return {
			id: Number(id), slug, title, theme, district, themeName, districtName,
			total, byTheme, byBoth,
			answer: { commentId: Number(answer[0]), decision: answer[1], reason: answer[2] },
		};
	}
	throw new Error('no completed consultation is on the first page of the listing filtered by one of its themes and districts');
}

// A consultation with more than one page of published comments.
export function paginatedConsultation() {
	const [row] = sql(`SELECT c.id FROM consultations c
		WHERE ${PUBLIC} AND (SELECT COUNT(*) FROM comments m
			WHERE m.consultation_id = c.id AND m.status = 'published') > ${COMMENTS_PER_PAGE}
		ORDER BY c.id LIMIT 1`);
	if (!row) throw new Error(`no consultation with more than ${COMMENTS_PER_PAGE} published comments: demo data missing`);
	return Number(row[0]);
}

// ---- checks on the page ---------------------------------------------------------

// data-total of the listing's results heading, as a number.
export async function dataTotal(page) {
	const t = await page.locator('#results-title').getAttribute('data-total');
	assert.match(String(t), /^[0-9]+$/, `data-total="${t}"`);
	return Number(t);
}

// The facet count a listing shows next to one option (its li's data-count).
export async function facetCount(page, facet, value) {
	const c = await page.locator(`.facet li:has(input[name="${facet}"][value="${value}"])`)
		.getAttribute('data-count');
	assert.match(String(c), /^[0-9]+$/, `data-count of ${facet}=${value}: "${c}"`);
	return Number(c);
}

// The query parameters of the page's URL, as { key: [values] }.
export function queryOf(page) {
	const out = {};
	for (const [k, v] of new URL(page.url()).searchParams) (out[k] ||= []).push(v);
	return out;
}

// Opens a facet's <details> (if closed) through its summary, then ticks one
// option through its label; with a mouse (click) or a finger (tap).
export async function tick(page, facet, value, how = 'click') {
	const details = page.locator(`details.facet:has(input[name="${facet}"])`);
	if (!(await details.evaluate((d) => d.open)))
		await details.locator('summary')[how]();
	assert.equal(await details.evaluate((d) => d.open), true, `facet ${facet} did not open`);
	const box = details.locator(`input[name="${facet}"][value="${value}"]`);
	await details.locator(`label:has(input[name="${facet}"][value="${value}"])`)[how]();
	assert.equal(await box.isChecked(), true, `${facet}=${value} not checked`);
}

// The page scrolls only vertically.
export async function assertNoHorizontalScroll(page, where) {
	const m = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth,
		wide: [...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
			.slice(0, 5).map((e) => e.outerHTML.slice(0, 160)),
	}));
	assert.ok(m.scrollWidth <= m.innerWidth,
		`${where}: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}; ` +
		`elements reaching beyond the right edge: ${m.wide.join(' | ')}`);
}

// ---- keyboard -----------------------------------------------------------------

// What has the focus, described for the assertions and their messages; also
// whether the focus is visibly drawn (an outline or a box-shadow ring).
export async function focused(page) {
	return page.evaluate(() => {
		const e = document.activeElement;
		if (!e || e === document.body) return { none: true, desc: '(body)' };
		const cs = getComputedStyle(e);
		const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
		const ring = cs.boxShadow && cs.boxShadow !== 'none';
		// The focus is on a part of a native control inside its closed
		// user-agent shadow tree (the calendar button of a date input): the
		// host does not match :focus, and the browser draws that part's own
		// focus ring, which no script can inspect.
		const uaPart = !e.matches(':focus') && e.matches(':focus-within') && !e.shadowRoot;
		const r = e.getBoundingClientRect();
		return {
			none: false,
			tag: e.tagName.toLowerCase(),
			text: (e.innerText || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 80),
			href: e.getAttribute('href'),
			name: e.getAttribute('name'),
			value: e.getAttribute('value'),
			type: e.getAttribute('type'),
			id: e.id,
			inMain: !!e.closest('main'),
			// For a facet's summary: the facet's parameter name.
			summaryOf: e.tagName === 'SUMMARY' ?
				e.closest('details')?.querySelector('input')?.name ?? null : null,
			checked: e.checked === true,
			matchesFocusVisible: e.matches(':focus-visible'),
			visibleFocus: outline || ring || uaPart,
			outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
			onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
				r.top < window.innerHeight && r.left < window.innerWidth,
			desc: `<${e.tagName.toLowerCase()}${e.id ? ' id=' + e.id : ''}` +
				`${e.getAttribute('href') ? ' href=' + e.getAttribute('href') : ''}` +
				`${e.getAttribute('name') ? ' name=' + e.getAttribute('name') : ''}` +
				`${e.getAttribute('value') ? ' value=' + e.getAttribute('value') : ''}> ` +
				(e.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 60),
		};
	});
}

// Every element the keyboard reaches shows where the focus is, on screen.
export function assertFocusVisible(f, where) {
	assert.ok(!f.none, `${where}: nothing has the focus`);
	assert.ok(f.visibleFocus, `${where}: focus not drawn on ${f.desc} (outline: ${f.outline})`);
	assert.ok(f.onScreen, `${where}: focused ${f.desc} is not on screen`);
}

// Presses Tab (or Shift+Tab with back) until the focused element satisfies
// want(f); checks on the way that every focused element is visibly focused.
// Fails after max presses.
export async function tabTo(page, want, { back = false, max = 400, what = 'target' } = {}) {
	const seen = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		const f = await focused(page);
		seen.push(f.desc);
		assertFocusVisible(f, `${back ? 'Shift+Tab' : 'Tab'} #${i + 1} on ${page.url()}`);
		if (want(f)) return f;
	}
	assert.fail(`${what} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'} on ${page.url()}; ` +
		`last focused: ${seen.slice(-5).join(' | ')}`);
}

// Whether an element is within the viewport (at least partly).
export async function inViewport(page, selector) {
	return page.locator(selector).first().evaluate((e) => {
		const r = e.getBoundingClientRect();
		return r.bottom > 0 && r.top < window.innerHeight;
	});
}

// ---- axe-core -------------------------------------------------------------------

const AXE_SOURCE = readFileSync(
	path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core on the page with the WCAG 2.0/2.1 A and AA rule sets.  The
// page's CSP (script-src 'self') forbids injected scripts, so the context
// these pages are opened in must have bypassCSP: true.
export async function runAxe(page) {
	await page.addScriptTag({ content: AXE_SOURCE });
	const loaded = await page.evaluate(() => typeof window.axe?.run === 'function');
	assert.ok(loaded, 'axe-core did not load into the page (blocked by CSP?)');
	return page.evaluate((tags) => window.axe.run(document, {
		runOnly: { type: 'tag', values: tags },
		resultTypes: ['violations'],
	}), WCAG21_AA);
}

// Fails naming every violated rule, its elements (targets) and their HTML.
export function assertNoViolations(results, where) {
	assert.ok(Array.isArray(results?.passes) && results.passes.length > 0,
		`${where}: axe-core did not run (no passes in its results)`);
	const lines = [];
	for (const v of results.violations) {
		lines.push(`${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`);
		for (const n of v.nodes.slice(0, 10)) {
			lines.push(`    at ${n.target.join(' ')}: ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`);
			if (n.failureSummary)
				lines.push(`       ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`);
		}
		if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more elements`);
	}
	assert.ok(results.violations.length === 0,
		`${where}: ${results.violations.length} WCAG 2.1 A/AA violation(s)\n` + lines.join('\n'));
}
