// Validates the site's open-data export against the vendored Open Referral HSDS 3.0
// JSON schemas in ../hsds-3.0/ (see the README there for source and licence).
//
// The export is an HSDS API-style paginated list:
//   { total_items, total_pages, page_number, size, first_page, last_page, empty, contents: [service…] }
// Each item of `contents` is checked against service.json, which $refs the other
// schemas by bare file name ("phone.json"), so every vendored file is registered under
// one base URI and the relative $refs resolve inside Ajv, offline.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export const HSDS_BASE_URI = 'https://hsds.openreferral.org/3.0/';
export const SCHEMA_DIR = fileURLToPath(new URL('../hsds-3.0/', import.meta.url));

// Format names used in the HSDS files that are not JSON Schema formats: "csv" is the
// Frictionless data-package file format on each table's root object, and "%Y" is a
// strftime pattern on organization.year_incorporated (a number). They carry no
// constraint for JSON, so they are accepted as-is. Any other unknown format found when
// the schemas are loaded is accepted the same way (listed in `acceptedUnknownFormats`).
const NON_STANDARD_FORMATS = ['csv', '%Y'];

const PAGE_FIELDS = {
  total_items: 'integer',
  total_pages: 'integer',
  page_number: 'integer',
  size: 'integer',
  first_page: 'boolean',
  last_page: 'boolean',
  empty: 'boolean',
  contents: 'array',
};

/** file name → parsed schema, for every *.json in SCHEMA_DIR. */
export const schemas = Object.fromEntries(
  readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8'))]),
);

function collectFormats(node, out = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => collectFormats(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.format === 'string') out.add(node.format);
    Object.values(node).forEach((n) => collectFormats(n, out));
  }
  return out;
}

export const acceptedUnknownFormats = [];

// Opt-in check of the `datapackage_type` hints (the schemas give dates and times as plain
// strings; the type is only in this non-JSON-Schema keyword).
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;

function makeAjv({ checkDatapackageTypes }) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv); // uri, email, date, date-time, uuid, … are checked
  const used = new Set();
  Object.values(schemas).forEach((s) => collectFormats(s, used));
  for (const name of used) {
    if (!(name in ajv.formats)) {
      ajv.addFormat(name, true);
      if (!NON_STANDARD_FORMATS.includes(name) && !acceptedUnknownFormats.includes(name)) {
        acceptedUnknownFormats.push(name);
      }
    }
  }
  for (const name of NON_STANDARD_FORMATS) if (!(name in ajv.formats)) ajv.addFormat(name, true);

  if (checkDatapackageTypes) {
    const date = ajv.formats.date;
    const dateTime = ajv.formats['date-time'];
    const run = (f, v) => (typeof f === 'function' ? f(v) : f.validate(v));
    const check = {
      date: (v) => run(date, v),
      time: (v) => TIME.test(v),
      // metadata.last_action_date is "datetime" but its own example is a plain date.
      datetime: (v) => run(dateTime, v) || run(date, v),
    };
    const validate = function datapackageType(kind, data) {
      const ok = check[kind] ? check[kind](data) : true;
      if (!ok) {
        validate.errors = [{ keyword: 'datapackage_type', params: { kind },
          message: `must be a ${kind} (datapackage_type "${kind}")` }];
      }
      return ok;
    };
    ajv.addKeyword({ keyword: 'datapackage_type', type: 'string', schemaType: 'string',
      errors: true, validate });
  }

  for (const [file, schema] of Object.entries(schemas)) ajv.addSchema(schema, HSDS_BASE_URI + file);
  return ajv;
}

const ajvs = new Map();
/** The compiled Ajv validator for one vendored schema file, e.g. schemaValidator('phone.json'). */
export function schemaValidator(file, { checkDatapackageTypes = false } = {}) {
  const key = String(Boolean(checkDatapackageTypes));
  if (!ajvs.has(key)) ajvs.set(key, makeAjv({ checkDatapackageTypes }));
  const validate = ajvs.get(key).getSchema(HSDS_BASE_URI + file);
  if (!validate) throw new Error(`no vendored HSDS schema named ${file}`);
  return validate;
}

function show(value) {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}

function describe(err, data) {
  let msg = err.message ?? `failed ${err.keyword}`;
  if (err.keyword === 'enum') msg += `: ${err.params.allowedValues.map(show).join(', ')}`;
  if (['type', 'format', 'enum', 'datapackage_type'].includes(err.keyword)) msg += ` (got ${show(data)})`;
  return msg;
}

function pointerGet(root, pointer) {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    if (node == null) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

// Properties present in the data but not defined by the HSDS schema. The schemas do not
// set additionalProperties: false, so a misspelt key is otherwise silently ignored (note
// that HSDS 3.0 at this commit spells the location arrays `accessibilitys` and `addresss`).
function unknownProperties(data, schema, path, out) {
  if (schema?.$ref) schema = schemas[schema.$ref];
  if (!schema || data == null || typeof data !== 'object') return out;
  if (Array.isArray(data)) {
    if (schema.items) data.forEach((d, i) => unknownProperties(d, schema.items, `${path}/${i}`, out));
    return out;
  }
  const props = schema.properties ?? {};
  for (const [k, v] of Object.entries(data)) {
    const here = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!(k in props)) out.push({ path: here, message: `unknown property '${k}' (not in HSDS ${schema.name ?? 'schema'})` });
    else unknownProperties(v, props[k], here, out);
  }
  return out;
}

/**
 * Validates an HSDS 3.0 paginated service list. Returns human-readable error strings;
 * an empty array means the list is valid.
 *
 * Options (both off by default, i.e. plain schema validation):
 *  - checkDatapackageTypes: also check strings whose schema has datapackage_type
 *    date (YYYY-MM-DD), time (HH:MM[:SS][Z|±HH:MM]) or datetime.
 *  - reportUnknownProperties: report keys that the HSDS schemas do not define.
 */
export function validateServiceList(json, { checkDatapackageTypes = false, reportUnknownProperties = false } = {}) {
  const errors = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return [`list: must be a JSON object with pagination fields and "contents" (got ${typeOf(json)})`];
  }

  for (const [field, type] of Object.entries(PAGE_FIELDS)) {
    if (!(field in json)) {
      errors.push(`list at /${field}: missing required pagination field '${field}' (${type})`);
      continue;
    }
    const actual = typeOf(json[field]);
    const ok = type === 'integer' ? actual === 'integer' : actual === type;
    if (!ok) errors.push(`list at /${field}: '${field}' must be ${type} (got ${show(json[field])})`);
    else if (type === 'integer' && json[field] < 0) errors.push(`list at /${field}: '${field}' must not be negative (got ${json[field]})`);
  }

  const contents = Array.isArray(json.contents) ? json.contents : null;
  if (contents) {
    const n = contents.length;
    if (typeof json.empty === 'boolean' && json.empty !== (n === 0)) {
      errors.push(`list at /empty: 'empty' is ${json.empty} but contents has ${n} item(s)`);
    }
    if (Number.isInteger(json.size) && json.size !== n) {
      errors.push(`list at /size: 'size' is ${json.size} but contents has ${n} item(s)`);
    }
    if (Number.isInteger(json.total_items)) {
      if (json.total_items < n) errors.push(`list at /total_items: 'total_items' is ${json.total_items}, fewer than the ${n} item(s) in contents`);
      else if (json.first_page === true && json.last_page === true && json.total_items !== n) {
        errors.push(`list at /total_items: single page but 'total_items' is ${json.total_items} and contents has ${n} item(s)`);
      }
    }
    if (Number.isInteger(json.page_number) && Number.isInteger(json.total_pages) && n > 0
        && (json.page_number < 1 || json.page_number > json.total_pages)) {
      errors.push(`list at /page_number: 'page_number' ${json.page_number} is outside 1..${json.total_pages}`);
    }

    const validate = schemaValidator('service.json', { checkDatapackageTypes });
    const seen = new Map();
    contents.forEach((service, i) => {
      const id = service && typeof service === 'object' ? service.id : undefined;
      const who = `service[${i}] id=${id === undefined ? '(none)' : show(id)}`;
      const base = `/contents/${i}`;
      if (id !== undefined) {
        const key = show(id);
        if (seen.has(key)) errors.push(`${who} at ${base}/id: duplicate service id (also service[${seen.get(key)}])`);
        else seen.set(key, i);
      }
      if (!validate(service)) {
        for (const err of validate.errors) {
          errors.push(`${who} at ${base}${err.instancePath}: ${describe(err, pointerGet(service, err.instancePath))}`);
        }
      }
      if (reportUnknownProperties) {
        for (const u of unknownProperties(service, schemas['service.json'], '', [])) {
          errors.push(`${who} at ${base}${u.path}: ${u.message}`);
        }
      }
    });
  }
  return errors;
}
