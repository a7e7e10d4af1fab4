// Helpers for the API's HTTP tests: every answer of /api/v1 is checked
// against templates/openapi.json with ajv (JSON Schema 2020-12, formats):
// the status must be one the spec lists for that operation, and the body
// must match that response's schema.  The response schemas say
// additionalProperties: false and list their required members, so an
// undocumented member and a missing one both fail; a header the answer's
// description lists (ETag, Location, Retry-After, Allow, RateLimit-*) must
// be there.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT, http, freshAddr } from './lib.mjs';

export const SPEC_TEXT = readFileSync(path.join(ROOT, 'templates', 'openapi.json'), 'utf8');
export const SPEC = JSON.parse(SPEC_TEXT);
const PREFIX = SPEC.servers[0].url;		// "/api/v1"

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({
	$id: 'hromada',
	$defs: JSON.parse(JSON.stringify(SPEC.components.schemas)
		.replaceAll('"#/components/schemas/', '"hromada#/$defs/')),
});

export function schemaOf(name) {
	const v = ajv.getSchema(`hromada#/$defs/${name}`);
	assert.ok(v, `no schema ${name} in the spec`);
	return v;
}

// Throws unless value matches the named schema.
export function assertSchema(name, value, what = name) {
	const v = schemaOf(name);
	if (!v(value))
		assert.fail(`${what} does not match ${name}: ${ajv.errorsText(v.errors, { separator: '\n  ' })}\n` +
			JSON.stringify(value).slice(0, 600));
}

const deref = (o) => (o && o.$ref ? o.$ref.split('/').slice(1).reduce((x, k) => x[k], SPEC) : o);

// The operation of the spec for an API path and method, or null.
export function operationOf(p, method) {
	const rel = p.replace(/\?.*$/, '').slice(PREFIX.length);
	for (const [tpl, item] of Object.entries(SPEC.paths)) {
		const re = new RegExp('^' + tpl.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$');
		if (re.test(rel)) return item[method === 'HEAD' ? 'get' : method.toLowerCase()] || null;
	}
	return null;
}

// Checks one answer against the spec; returns its parsed JSON (or null).
export function checkAnswer(p, method, r) {
	const op = operationOf(p, method);
	let schema;
	if (op === null) {
		// Unknown routes and methods answer the error JSON.
		assert.ok([404, 405].includes(r.status), `${method} ${p}: not in the spec yet ${r.status}`);
		schema = 'Error';
	} else {
		const resp = deref(op.responses[String(r.status)]);
		assert.ok(resp, `${method} ${p}: status ${r.status} is not documented (${Object.keys(op.responses)})`);
		const c = resp.content && resp.content['application/json'];
		if (!c) {
			assert.equal(r.body, '', `${method} ${p}: ${r.status} has a body the spec does not describe`);
			return null;
		}
		const s = c.schema.$ref ? c.schema.$ref.split('/').pop() : null;
		schema = s;
		for (const h of Object.keys(resp.headers || {}))
			if (['ETag', 'Location', 'Retry-After', 'Allow', 'RateLimit-Limit', 'RateLimit-Remaining',
				'RateLimit-Reset', 'RateLimit-Policy'].includes(h))
				assert.ok(r.headers.get(h) !== null, `${method} ${p}: ${r.status} without ${h}`);
	}
	if (method === 'HEAD' || r.status === 304) return null;
	assert.match(r.headers.get('content-type') || '', /^application\/json/, `${method} ${p}: content type`);
	let json;
	try {
		json = JSON.parse(r.body);
	} catch (e) {
		assert.fail(`${method} ${p}: ${r.status} body is not JSON: ${r.body.slice(0, 200)}`);
	}
	if (schema !== null) assertSchema(schema, json, `${method} ${p} ${r.status}`);
	return json;
}

// A request to the API, its answer checked against the spec.  opts: method,
// headers, body (a string or Buffer, sent as is), json (serialised),
// addr (X-Forwarded-For; a fresh one for each POST unless given).
export async function api(p, { method = 'GET', headers = {}, body, json, addr } = {}) {
	const h = { ...headers };
	if (json !== undefined) body = JSON.stringify(json);
	if (body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type'))
		h['content-type'] = 'application/json';
	if (method === 'POST') h['x-forwarded-for'] ??= addr || freshAddr();
	const r = await http(p, { method, headers: h, body });
	assert.ok(r.status < 500 || r.status === 501 || r.status === 503, `${method} ${p}: ${r.status} ${r.body.slice(0, 200)}`);
	r.json = checkAnswer(p, method, r);
	return r;
}
