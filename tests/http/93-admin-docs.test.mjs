// Documents of a consultation (issue 5): uploads (PDF, DOCX, ODT, PNG)
// stored once by content hash under the upload directory, listed on the
// admin page and the public page, downloaded through nginx with the right
// headers and the same bytes; refusals (wrong type, a text file named .pdf,
// double extensions, paths in the name, 21 MB, javascript:/http: links);
// roles and units (403 with an audit row); CSRF on every POST; delete.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { BASE, ROOT, VAR, http, sql, sqlInt, freshAddr, dbEnv, REQUEST_TIMEOUT_MS } from './lib.mjs';
import {
	createUser, twoUnits, signIn, get, post, auditRows, lastAuditId,
	makeConsultation, uniq,
} from './admin-lib.mjs';

const [UNIT_A, UNIT_B] = twoUnits();
const UPLOADS = process.env.HROMADA_UPLOAD_DIR || path.join(VAR, 'uploads');
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const stored = (hash) => path.join(UPLOADS, hash.slice(0, 2), hash);
const docsOf = (cid) => sql(`SELECT id, title, COALESCE(url, ''), COALESCE(file_hash, ''),
	COALESCE(file_name, ''), mime_type, size_bytes FROM documents WHERE consultation_id = ${cid} ORDER BY id`);

// ---- files made here ---------------------------------------------------------

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
	'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// A ZIP of stored (uncompressed) entries, in order.
function zip(entries) {
	const locals = [], centrals = [];
	let off = 0;
	for (const [name, text] of entries) {
		const n = Buffer.from(name), d = Buffer.from(text), crc = crc32(d);
		const lh = Buffer.alloc(30);
		lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4);
		lh.writeUInt32LE(crc, 14); lh.writeUInt32LE(d.length, 18); lh.writeUInt32LE(d.length, 22);
		lh.writeUInt16LE(n.length, 26);
		const ch = Buffer.alloc(46);
		ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6);
		ch.writeUInt32LE(crc, 16); ch.writeUInt32LE(d.length, 20); ch.writeUInt32LE(d.length, 24);
		ch.writeUInt16LE(n.length, 28); ch.writeUInt32LE(off, 42);
		locals.push(lh, n, d);
		centrals.push(ch, n);
		off += 30 + n.length + d.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(off, 16);
	return Buffer.concat([...locals, cd, end]);
}

const docx = (text = 'Проєкт рішення') => zip([
	['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
	['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
		'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
	['word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`],
]);
const odt = () => zip([
	['mimetype', 'application/vnd.oasis.opendocument.text'],
	['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:body><office:text/></office:body></office:document-content>'],
	['META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>'],
]);
// Unique content, so each test knows its file was not stored before.
const uniquePdf = () => Buffer.concat([PDF, Buffer.from(`% ${uniq('pdf')}\n`)]);

// ---- requests ----------------------------------------------------------------

function multipart(fields, file) {
	const boundary = `----hromada${uniq('b').replace(/[^A-Za-z0-9]/g, '')}`;
	const parts = [];
	for (const [k, v] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
	}
	if (file) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
			`Content-Type: ${file.type || 'application/octet-stream'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// An upload with the session's CSRF token unless csrf says otherwise.
async function upload(cid, s, { title = uniq('Документ'), file, csrf = s?.csrf } = {}) {
	const fields = { title };
	if (csrf !== null) fields.csrf = csrf;
	const m = multipart(fields, file);
	const headers = { 'X-Forwarded-For': s?.addr || freshAddr(), 'Content-Type': m.type };
	if (s?.sid) headers.Cookie = `hromada_session=${s.sid}`;
	const res = await fetch(`${BASE}/admin/consultations/${cid}/documents`, {
		method: 'POST', headers, body: m.body, redirect: 'manual',
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS * 3),
	});
	return { status: res.status, headers: res.headers, body: await res.text(), title };
}

async function download(href) {
	const res = await fetch(BASE + href, { redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
	return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const fresh = (p) => `${p}?_=${uniq('t93')}`;
const editorA = () => signIn(createUser('editor', UNIT_A));

function assertStored(data) {
	const f = stored(sha256(data));
	assert.ok(existsSync(f), `${f} stored`);
	assert.equal(statSync(f).mode & 0o777, 0o644);
	assert.ok(readdirSync(path.dirname(f)).every((n) => !n.startsWith('.tmp-')), 'no temporary file left');
}

// ---- uploads -----------------------------------------------------------------

describe('uploads', () => {
	const KINDS = [
		{ kind: 'PDF', name: 'Проєкт рішення №5.pdf', storedName: 'Проєкт_рішення_№5.pdf', data: uniquePdf, mime: 'application/pdf' },
		{ kind: 'DOCX', name: 'poyasnyuvalna.docx', storedName: 'poyasnyuvalna.docx', data: () => docx(uniq('текст')),
			mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
		{ kind: 'ODT', name: 'Analiz (draft).ODT', storedName: 'Analiz__draft_.odt', data: odt, mime: 'application/vnd.oasis.opendocument.text' },
		{ kind: 'PNG', name: 'skhema.png', storedName: 'skhema.png', data: () => PNG, mime: 'image/png' },
	];
	for (const k of KINDS) {
		test(`${k.kind}: stored by hash, listed on both pages, downloaded with its headers and bytes`, async () => {
			const s = await editorA();
			const cid = makeConsultation(UNIT_A);
			const data = k.data();
			const from = lastAuditId();
			const r = await upload(cid, s, { file: { name: k.name, data, type: 'application/x-whatever' } });
			assert.equal(r.status, 303, r.body.slice(0, 400));
			assert.equal(r.headers.get('location'), `/admin/consultations/${cid}/documents`);
			const hash = sha256(data);
			assertStored(data);
			const rows = docsOf(cid);
			assert.equal(rows.length, 1);
			assert.deepEqual(rows[0].slice(1), [r.title, '', hash, k.storedName, k.mime, String(data.length)]);
			const a = auditRows(`id > ${from} AND action = 'document-add' AND object_id = ${rows[0][0]}`);
			assert.equal(a.length, 1);
			assert.equal(a[0].user, s.user.id);

			const href = `/uploads/${hash}/${encodeURIComponent(k.storedName)}`;
			const page = await get(`/admin/consultations/${cid}/documents`, s);
			assert.equal(page.status, 200);
			assert.ok(page.body.includes(r.title));
			assert.ok(page.body.includes(`href="${href}"`), 'the admin list links the download');
			const pub = await get(fresh(`/consultations/${cid}`), null);
			assert.equal(pub.status, 200);
			assert.ok(pub.body.includes(r.title));
			assert.ok(pub.body.includes(`href="/uploads/${hash}/${k.storedName}"`), 'the public page links it');

			const d = await download(href);
			assert.equal(d.status, 200);
			assert.equal(d.headers.get('content-type'), k.mime);
			const ascii = /^[A-Za-z0-9._-]+$/.test(k.storedName) ? k.storedName : `document.${k.storedName.split('.').pop()}`;
			assert.equal(d.headers.get('content-disposition'),
				`attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(k.storedName)}`);
			assert.equal(d.headers.get('x-content-type-options'), 'nosniff');
			assert.equal(d.headers.get('content-security-policy'), "sandbox; default-src 'none'");
			assert.match(d.headers.get('cache-control'), /max-age=31536000/);
			assert.ok(d.bytes.equals(data), 'the same bytes');
		});
	}

	test('the same file twice is stored once (two documents, one file)', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const data = uniquePdf();
		assert.equal((await upload(cid, s, { file: { name: 'a.pdf', data } })).status, 303);
		const f = stored(sha256(data));
		const mtime = statSync(f).mtimeMs;
		assert.equal((await upload(cid, s, { file: { name: 'b.pdf', data } })).status, 303);
		const rows = docsOf(cid);
		assert.equal(rows.length, 2);
		assert.equal(rows[0][3], rows[1][3]);
		assert.equal(statSync(f).mtimeMs, mtime, 'not written again');
		assert.deepEqual(readdirSync(path.dirname(f)).filter((n) => n.startsWith(sha256(data))), [sha256(data)]);
	});

	const REFUSED = [
		['an .exe', () => ({ name: 'setup.exe', data: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]) }), /тип файлу не приймається/],
		['a text file named .pdf', () => ({ name: 'rishennia.pdf', data: Buffer.from(`just text ${uniq('t')}\n`) }), /не відповідає його розширенню/],
		['a ZIP named .pdf', () => ({ name: 'x.pdf', data: docx(uniq('z')) }), /не відповідає його розширенню/],
		['a DOCX named .odt', () => ({ name: 'x.odt', data: docx(uniq('z')) }), /не відповідає його розширенню/],
		['rishennia.pdf.exe', () => ({ name: 'rishennia.pdf.exe', data: uniquePdf() }), /тип файлу не приймається/],
		['x.php.pdf (a real PDF)', () => ({ name: 'x.php.pdf', data: uniquePdf() }), /подвійне розширення/],
		['a name with a control character', () => ({ name: 'a\tb.pdf', data: uniquePdf() }), /недопустимі символи/],
		['a right-to-left override', () => ({ name: 'rishennia\u202Efdp.exe.pdf', data: uniquePdf() }), /недопустимі символи|подвійне/],
		['no file chosen', () => ({ name: '', data: Buffer.alloc(0) }), /Оберіть файл/],
	];
	for (const [what, make, message] of REFUSED) {
		test(`refused: ${what} (400 on the same page, nothing stored)`, async () => {
			const s = await editorA();
			const cid = makeConsultation(UNIT_A);
			const file = make();
			const title = uniq('Назва, що лишається');
			const r = await upload(cid, s, { title, file });
			assert.equal(r.status, 400);
			assert.match(r.body, message);
			assert.ok(r.body.includes(`value="${title}"`), 'the title comes back');
			assert.equal(docsOf(cid).length, 0);
			if (file.data.length > 0) assert.ok(!existsSync(stored(sha256(file.data))), 'no file');
		});
	}

	test('a path in the file name: only the last component is kept, nothing outside the upload directory', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const names = [['../../etc/passwd.pdf', 'passwd.pdf'], ['C:\\x\\y.pdf', 'y.pdf'], ['/tmp/../z.pdf', 'z.pdf']];
		for (const [name] of names) {
			const r = await upload(cid, s, { file: { name, data: uniquePdf() } });
			assert.equal(r.status, 303, `${name}: ${r.status}`);
		}
		assert.deepEqual(docsOf(cid).map((row) => row[4]), names.map((n) => n[1]));
		for (const row of docsOf(cid)) assert.ok(existsSync(stored(row[3])));
		assert.ok(!existsSync(path.join(UPLOADS, '..', '..', 'etc', 'passwd.pdf')));
		assert.ok(!existsSync(path.join(VAR, 'etc')));
	});

	test('21 MB: 413, nothing stored', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const data = Buffer.concat([uniquePdf(), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
		const r = await upload(cid, s, { file: { name: 'big.pdf', data } });
		assert.equal(r.status, 413);
		assert.match(r.body, /Файл завеликий|більший за 20 МБ/);
		assert.equal(docsOf(cid).length, 0);
		assert.ok(!existsSync(stored(sha256(data))));
	});

	// The admin's workers: pid -> resident KiB.
	function workersRss() {
		const master = readFileSync(path.join(VAR, 'run', 'admin.pid'), 'utf8').trim();
		const out = execFileSync('ps', ['--ppid', master, '-o', 'pid=,rss='], { encoding: 'utf8' });
		return new Map(out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number)));
	}

	test('a large upload leaves no large buffer in the worker', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const before = workersRss();
		for (let i = 0; i < 3; i++) {
			const data = Buffer.concat([uniquePdf(), Buffer.alloc(15 * 1024 * 1024, 0x20)]);
			assert.equal((await upload(cid, s, { file: { name: `big${i}.pdf`, data } })).status, 303);
			assertStored(data);
		}
		const after = workersRss();
		for (const [pid, rss] of after) {
			if (!before.has(pid)) continue;
			assert.ok(rss - before.get(pid) < 10 * 1024, `worker ${pid}: ${before.get(pid)} -> ${rss} KiB`);
		}
		for (const [id] of docsOf(cid)) assert.equal((await post(`/admin/documents/${id}/delete`, s)).status, 303);
	});

	test('hostile titles and names are shown as text', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const title = `<script>alert(1)</script>" onmouseover="x ${uniq('t')}`;
		assert.equal((await upload(cid, s, { title, file: { name: '<img src=x onerror=alert(1)>.pdf', data: uniquePdf() } })).status, 303);
		assert.deepEqual(docsOf(cid).map((r) => [r[1], r[4]]), [[title, '_img_src_x_onerror_alert_1__.pdf']]);
		for (const page of [await get(`/admin/consultations/${cid}/documents`, s), await get(fresh(`/consultations/${cid}`), null)]) {
			assert.equal(page.status, 200);
			assert.doesNotMatch(page.body, /<script>alert|onmouseover="x|<img src=x/);
			assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
		}
	});

	test('other admin POSTs keep the small body limit', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const r = await post(`/admin/consultations/${cid}/documents/link`, s,
			{ title: 'x', url: `https://example.com/${'a'.repeat(200 * 1024)}` });
		assert.equal(r.status, 413);
	});
});

// ---- the runner's multipart reading ----------------------------------------------

describe('multipart bodies', () => {
	async function raw(cid, s, body, type) {
		const headers = { 'X-Forwarded-For': s.addr, Cookie: `hromada_session=${s.sid}`, 'Content-Type': type };
		const res = await fetch(`${BASE}/admin/consultations/${cid}/documents`, { method: 'POST', headers, body, redirect: 'manual' });
		return { status: res.status, body: await res.text() };
	}
	const part = (b, name, value, extra = '') =>
		`--${b}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;

	test('malformed: no close delimiter, a folded header, a part without a name: 400, nothing stored', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const b = 'QQQ';
		const bodies = [
			part(b, 'csrf', s.csrf) + part(b, 'title', 'x') + `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n${PDF}`,
			part(b, 'csrf', s.csrf) + `--${b}\r\nContent-Disposition: form-data;\r\n name="title"\r\n\r\nx\r\n--${b}--\r\n`,
			part(b, 'csrf', s.csrf) + `--${b}\r\nContent-Disposition: form-data; filename="a.pdf"\r\n\r\n${PDF}\r\n--${b}--\r\n`,
		];
		for (const body of bodies) assert.equal((await raw(cid, s, body, `multipart/form-data; boundary=${b}`)).status, 400);
		assert.equal(docsOf(cid).length, 0);
	});

	test('more than 4 files: 400; a text field over 64 KiB: 413', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const b = 'QQQ';
		let body = part(b, 'csrf', s.csrf) + part(b, 'title', 'x');
		for (let i = 0; i < 5; i++) body += part(b, 'file', PDF.toString('latin1'), `; filename="a${i}.pdf"`);
		assert.equal((await raw(cid, s, body + `--${b}--\r\n`, `multipart/form-data; boundary=${b}`)).status, 400);
		body = part(b, 'csrf', s.csrf) + part(b, 'title', 'x'.repeat(65 * 1024)) + `--${b}--\r\n`;
		assert.equal((await raw(cid, s, body, `multipart/form-data; boundary=${b}`)).status, 413);
		assert.equal(docsOf(cid).length, 0);
	});

	test('a title that is not UTF-8 comes back as a form error', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const b = 'QQQ';
		const body = Buffer.concat([Buffer.from(part(b, 'csrf', s.csrf)), Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\n`),
			Buffer.from([0x41, 0xff, 0x42]), Buffer.from(`\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`),
			uniquePdf(), Buffer.from(`\r\n--${b}--\r\n`)]);
		const r = await raw(cid, s, body, `multipart/form-data; boundary=${b}`);
		assert.equal(r.status, 400);
		assert.match(r.body, /Вкажіть назву документа/);
		assert.equal(docsOf(cid).length, 0);
	});

	test('multipart where it is not taken: 415', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const b = 'QQQ';
		const headers = { 'X-Forwarded-For': s.addr, Cookie: `hromada_session=${s.sid}`, 'Content-Type': `multipart/form-data; boundary=${b}` };
		const res = await fetch(`${BASE}/admin/consultations/${cid}/documents/link`, { method: 'POST', headers,
			body: part(b, 'csrf', s.csrf) + part(b, 'title', 'x') + part(b, 'url', 'https://example.com/') + `--${b}--\r\n`, redirect: 'manual' });
		assert.equal(res.status, 415);
		assert.equal(docsOf(cid).length, 0);
	});
});

// ---- links -------------------------------------------------------------------

describe('links', () => {
	test('an https link is added, listed on both pages and audited', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const url = `https://kyivcity.gov.ua/docs/${uniq('d')}.pdf`;
		const from = lastAuditId();
		const r = await post(`/admin/consultations/${cid}/documents/link`, s, { title: 'Рішення КМДА', url });
		assert.equal(r.status, 303);
		const rows = docsOf(cid);
		assert.deepEqual(rows.map((x) => [x[1], x[2], x[3]]), [['Рішення КМДА', url, '']]);
		assert.equal(auditRows(`id > ${from} AND action = 'document-add'`).length, 1);
		assert.ok((await get(`/admin/consultations/${cid}/documents`, s)).body.includes(`href="${url}"`));
		assert.ok((await get(fresh(`/consultations/${cid}`), null)).body.includes(`href="${url}"`));
	});

	for (const url of ['javascript:alert(1)', 'http://example.com/x.pdf', 'https://user@evil.example/x', 'https://', 'ftp://example.com/x', 'https://a b/x']) {
		test(`refused: ${url} (400, the values come back)`, async () => {
			const s = await editorA();
			const cid = makeConsultation(UNIT_A);
			const r = await post(`/admin/consultations/${cid}/documents/link`, s, { title: 'Назва', url });
			assert.equal(r.status, 400);
			assert.match(r.body, /починається з https:\/\//);
			assert.equal(docsOf(cid).length, 0);
		});
	}
});

// ---- who may ------------------------------------------------------------------

describe('roles, units and CSRF', () => {
	test('an editor of another unit: 403 and an audit row on every route, nothing changes', async () => {
		const s = await signIn(createUser('editor', UNIT_B));
		const cid = makeConsultation(UNIT_A);
		sql(`INSERT INTO documents (consultation_id, title, url) VALUES (${cid}, 'Чужий', 'https://example.com/a')`);
		const did = sqlInt(`SELECT MAX(id) FROM documents WHERE consultation_id = ${cid}`);
		const data = uniquePdf();
		const tries = [
			() => get(`/admin/consultations/${cid}/documents`, s),
			() => upload(cid, s, { file: { name: 'a.pdf', data } }),
			() => post(`/admin/consultations/${cid}/documents/link`, s, { title: 'x', url: 'https://example.com/b' }),
			() => post(`/admin/documents/${did}/delete`, s),
		];
		for (const t of tries) {
			const from = lastAuditId();
			const r = await t();
			assert.equal(r.status, 403);
			const a = auditRows(`id > ${from} AND action = 'forbidden'`);
			assert.equal(a.length, 1);
			assert.equal(a[0].user, s.user.id);
			assert.equal(a[0].object, cid);
		}
		assert.equal(docsOf(cid).length, 1);
		assert.ok(!existsSync(stored(sha256(data))));
	});

	test('a moderator: 403 (and an audit row)', async () => {
		const s = await signIn(createUser('moderator'));
		const cid = makeConsultation(UNIT_A);
		const from = lastAuditId();
		assert.equal((await get(`/admin/consultations/${cid}/documents`, s)).status, 403);
		assert.equal((await upload(cid, s, { file: { name: 'a.pdf', data: uniquePdf() } })).status, 403);
		assert.equal(auditRows(`id > ${from} AND action = 'forbidden' AND user_id = ${s.user.id}`).length, 2);
		assert.equal(docsOf(cid).length, 0);
	});

	test('an admin may work on any unit', async () => {
		const s = await signIn(createUser('admin'));
		const cid = makeConsultation(UNIT_B);
		assert.equal((await upload(cid, s, { file: { name: 'a.pdf', data: uniquePdf() } })).status, 303);
		assert.equal(docsOf(cid).length, 1);
	});

	test('CSRF missing or forged on each POST: 403, nothing stored or removed', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		sql(`INSERT INTO documents (consultation_id, title, url) VALUES (${cid}, 'Лишається', 'https://example.com/a')`);
		const did = sqlInt(`SELECT MAX(id) FROM documents WHERE consultation_id = ${cid}`);
		const forged = s.csrf.slice(0, -2) + (s.csrf.endsWith('AA') ? 'BB' : 'AA');
		for (const csrf of [null, forged]) {
			const data = uniquePdf();
			assert.equal((await upload(cid, s, { file: { name: 'a.pdf', data }, csrf })).status, 403);
			assert.ok(!existsSync(stored(sha256(data))));
			assert.equal((await post(`/admin/consultations/${cid}/documents/link`, s,
				{ title: 'x', url: 'https://example.com/b', csrf })).status, 403);
			assert.equal((await post(`/admin/documents/${did}/delete`, s, { csrf })).status, 403);
		}
		assert.deepEqual(docsOf(cid).map((r) => r[1]), ['Лишається']);
	});

	// 90-admin-auth walks the routes of admin.c; these live in the part's
	// header, read here so that a new one cannot be missed.
	test('every documents route without a session: to the login page', async () => {
		const src = readFileSync(path.join(ROOT, 'cgi-bin', 'admin_docs.h'), 'utf8');
		const routes = [...src.matchAll(/\{\s*(GET|POST),\s*"(\/admin[^"]*)"/g)].map((m) => [m[1], m[2].replace(/\{[a-z]+\}/g, '1')]);
		assert.equal(routes.length, 4);
		for (const [method, p] of routes) {
			for (const cookie of [null, 'hromada_session=' + 'B'.repeat(43)]) {
				const headers = { 'X-Forwarded-For': freshAddr() };
				if (cookie) headers.Cookie = cookie;
				if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
				const r = await http(p, { method, headers, body: method === 'POST' ? 'csrf=x&title=x' : undefined });
				assert.equal(r.status, 303, `${method} ${p}`);
				assert.match(r.headers.get('location'), /^\/admin\/login/);
			}
		}
	});

	test('without a session: to the login page, nothing stored', async () => {
		const cid = makeConsultation(UNIT_A);
		const data = uniquePdf();
		const r = await upload(cid, null, { file: { name: 'a.pdf', data }, csrf: 'x' });
		assert.equal(r.status, 303);
		assert.match(r.headers.get('location'), /^\/admin\/login/);
		assert.ok(!existsSync(stored(sha256(data))));
	});
});

// ---- delete and what nginx refuses ------------------------------------------------------

describe('delete and serving', () => {
	test('delete: the row goes, audited; the file goes when no document uses it', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const data = uniquePdf();
		await upload(cid, s, { file: { name: 'a.pdf', data } });
		await upload(cid, s, { file: { name: 'b.pdf', data } });
		const [first, second] = docsOf(cid).map((r) => Number(r[0]));
		const from = lastAuditId();
		let r = await post(`/admin/documents/${first}/delete`, s);
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), `/admin/consultations/${cid}/documents`);
		assert.deepEqual(docsOf(cid).map((x) => Number(x[0])), [second]);
		assert.ok(existsSync(stored(sha256(data))), 'still used by the other');
		r = await post(`/admin/documents/${second}/delete`, s);
		assert.equal(r.status, 303);
		assert.equal(docsOf(cid).length, 0);
		assert.ok(!existsSync(stored(sha256(data))), 'removed with its last document');
		const a = auditRows(`id > ${from} AND action = 'document-delete'`);
		assert.deepEqual(a.map((x) => x.object), [first, second]);
		const before = sql(`SELECT before_json FROM audit_log WHERE id = ${a[0].id}`)[0][0];
		assert.equal(JSON.parse(before).sha256, sha256(data));
		assert.equal((await post(`/admin/documents/${first}/delete`, s)).status, 404);
	});

	// The race of an upload of the same bytes with the delete of their
	// last document, made to happen every time: a transaction of the test
	// holds the rows the upload's INSERT reads (the other consultation's
	// documents, FOR UPDATE), so the upload stops after finding the file
	// stored and before writing its document; the delete is sent then.
	// Without the file's lock (lib/upload.h) the delete counts no use and
	// removes the file, and the new document links to nothing; with it,
	// the delete waits for the upload and finds its document.
	test('an upload of the same bytes racing the delete of their last document keeps the file', async () => {
		const s = await editorA();
		const s2 = await editorA();
		const c1 = makeConsultation(UNIT_A);
		const c2 = makeConsultation(UNIT_A);
		const data = uniquePdf();
		const f = stored(sha256(data));
		assert.equal((await upload(c1, s, { file: { name: 'a.pdf', data } })).status, 303);
		assert.equal((await upload(c2, s, { file: { name: 'other.pdf', data: uniquePdf() } })).status, 303);
		const [[last]] = docsOf(c1);
		// The upload's INSERT in the process list while the test holds its
		// lock: it cannot end before the lock goes.  Not INNODB_TRX's
		// LOCK WAIT: on a small table MAX(sort) is read while the statement
		// is optimised, and that wait (state "Optimizing") has no row there,
		// so a fresh database never showed one.
		const waiting = () => sqlInt(`SELECT COUNT(*) FROM information_schema.PROCESSLIST
			WHERE INFO LIKE 'INSERT INTO documents%'`);
		const until = async (what, cond) => {
			for (const end = Date.now() + 10000; !cond();) {
				if (Date.now() > end) throw new Error(`waited 10 s for ${what}`);
				await new Promise((res) => setTimeout(res, 20));
			}
		};
		// Long enough for a slow (sanitized, loaded) upload to reach its
		// INSERT while the lock is still held; the test waits that long only then.
		const HOLD = 8;
		const holder = new Promise((res, rej) => execFile(path.join(ROOT, 'scripts', 'db.sh'), ['sql', '-N', '-B', '-e',
			`START TRANSACTION; SELECT COUNT(*) FROM documents WHERE consultation_id = ${c2} FOR UPDATE;
			SELECT 'held'; DO SLEEP(${HOLD}); COMMIT;`], { env: dbEnv(), timeout: 60000 },
		(e, out) => (e ? rej(e) : res(out))));
		await until('the test\'s lock', () => sqlInt(`SELECT COUNT(*) FROM information_schema.PROCESSLIST
			WHERE INFO LIKE 'DO SLEEP(${HOLD})%'`) === 1);
		const up = upload(c2, s, { file: { name: 'a.pdf', data } });
		await until('the upload to wait for the row lock', () => waiting() === 1);
		await new Promise((res) => setTimeout(res, 200));
		assert.equal(waiting(), 1, 'the upload still held by the lock');
		assert.ok(existsSync(f), 'the file, found stored by the upload');
		const del = post(`/admin/documents/${last}/delete`, s2);
		const [u, d] = await Promise.all([up, del]);
		await holder;
		assert.equal(u.status, 303, 'upload');
		assert.equal(d.status, 303, 'delete');
		assert.equal(docsOf(c1).length, 0, 'the old document deleted');
		const rows = docsOf(c2).filter((r) => r[3] === sha256(data));
		assert.equal(rows.length, 1, 'the new document written');
		assert.ok(existsSync(f), 'the file of the new document is still there');
		assert.equal((await download(`/uploads/${sha256(data)}/a.pdf`)).status, 200);
	});

	test('nginx serves only the canonical shape, read-only', async () => {
		const s = await editorA();
		const cid = makeConsultation(UNIT_A);
		const data = uniquePdf();
		await upload(cid, s, { file: { name: 'a.pdf', data } });
		const hash = sha256(data);
		assert.equal((await download(`/uploads/${hash}/a.pdf`)).status, 200);
		for (const p of ['/uploads/', `/uploads/${hash.slice(0, 2)}/`, `/uploads/${hash.slice(0, 2)}/${hash}`,
			`/uploads/${hash}`, `/uploads/${hash}/a.php`, `/uploads/${hash}/a.html`, `/uploads/${'0'.repeat(64)}/a.pdf`]) {
			const d = await download(p);
			assert.equal(d.status, 404, p);
		}
		const res = await fetch(`${BASE}/uploads/${hash}/a.pdf`, { method: 'POST', body: 'x', redirect: 'manual' });
		assert.equal(res.status, 403);
		// A hand-made name cannot inject into Content-Disposition.
		const d = await download(`/uploads/${hash}/a%22%3B%20x%3Dy.pdf`);
		assert.equal(d.status, 200);
		assert.equal(d.headers.get('content-disposition'),
			`attachment; filename="document.pdf"; filename*=UTF-8''a%22%3B%20x%3Dy.pdf`);
	});
});
