// The HSDS 3.0 validator itself, checked without a server: a small hand-built service
// list passes, and deliberately broken copies fail with messages naming the bad field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schemas, schemaValidator, validateServiceList } from '../lib/hsds.mjs';

function validList() {
  const service = {
    id: 'svc-foodbank',
    name: 'Community food bank',
    description: 'Emergency food parcels, no referral needed.',
    url: 'https://example.org/food-bank',
    email: 'help@example.org',
    status: 'active',
    assured_date: '2024-05-01',
    assurer_email: 'data@example.org',
    organization: {
      id: 'org-example-trust',
      name: 'Example Trust',
      description: 'A local charity.',
      website: 'https://example.org/',
    },
    phones: [{ id: 'ph-1', number: '020 7946 0000', description: 'Weekday helpline' }],
    schedules: [{
      id: 'sch-1',
      freq: 'WEEKLY',
      byday: 'MO,WE,FR',
      opens_at: '09:00',
      closes_at: '17:00',
      description: 'Monday, Wednesday and Friday, 9am to 5pm',
    }],
    languages: [{ id: 'lang-en', name: 'English', code: 'en' }],
    service_at_locations: [{
      id: 'sal-1',
      location: {
        id: 'loc-hall',
        location_type: 'physical',
        name: 'Church hall',
        latitude: 51.5072,
        longitude: -0.1276,
        accessibilitys: [{ id: 'acc-1', description: 'Step-free entrance', url: 'https://example.org/access' }],
        addresss: [{
          id: 'addr-1',
          address_1: '1 High Street',
          city: 'London',
          state_province: 'Greater London',
          postal_code: 'SW1A 1AA',
          country: 'GB',
          address_type: 'physical',
        }],
      },
    }],
  };
  return {
    total_items: 1, total_pages: 1, page_number: 1, size: 1,
    first_page: true, last_page: true, empty: false,
    contents: [service],
  };
}

/** A fresh valid list, changed by `mutate` (which gets the list and its first service). */
function broken(mutate) {
  const list = validList();
  mutate(list, list.contents[0]);
  return list;
}

function assertRejected(list, pattern, options) {
  const errors = validateServiceList(list, options);
  assert.ok(errors.length > 0, 'expected the list to be rejected');
  assert.ok(errors.some((e) => pattern.test(e)), `no error matches ${pattern}:\n${errors.join('\n')}`);
  return errors;
}

test('every vendored HSDS schema loads and compiles', () => {
  assert.ok(Object.keys(schemas).length >= 20);
  for (const file of Object.keys(schemas)) assert.equal(typeof schemaValidator(file), 'function', file);
});

test('a small valid service list passes', () => {
  assert.deepEqual(validateServiceList(validList()), []);
  assert.deepEqual(validateServiceList(validList(), { checkDatapackageTypes: true, reportUnknownProperties: true }), []);
  const empty = { ...validList(), total_items: 0, size: 0, empty: true, contents: [] };
  assert.deepEqual(validateServiceList(empty), []);
});

test('a service without a name is rejected', () => {
  const errors = assertRejected(broken((_, s) => delete s.name), /service\[0\] id="svc-foodbank" at \/contents\/0: .*'name'/);
  assert.equal(errors.length, 1, errors.join('\n'));
});

test('a phone number given as a number is rejected', () => {
  assertRejected(broken((_, s) => { s.phones[0].number = 2079460000; }), /\/contents\/0\/phones\/0\/number: must be string/);
});

test('a schedule opens_at of the wrong type is rejected', () => {
  assertRejected(broken((_, s) => { s.schedules[0].opens_at = 900; }), /\/schedules\/0\/opens_at: must be string/);
});

test('formats are checked: uri and email', () => {
  assertRejected(broken((_, s) => { s.url = 'not a url'; }), /\/contents\/0\/url: must match format "uri"/);
  assertRejected(broken((_, s) => { s.email = 'nobody-at-example'; }), /\/contents\/0\/email: must match format "email"/);
  assertRejected(broken((_, s) => { s.organization.website = 'example.org'; }), /\/organization\/website: must match format "uri"/);
});

test('enums, nested required fields and number types are checked', () => {
  assertRejected(broken((_, s) => { s.status = 'open'; }), /\/status: must be equal to one of the allowed values/);
  assertRejected(broken((_, s) => { s.schedules[0].freq = 'DAILY'; }), /\/schedules\/0\/freq: must be equal to one of/);
  assertRejected(broken((_, s) => { delete s.organization.description; }), /\/organization: .*'description'/);
  assertRejected(broken((_, s) => { s.service_at_locations[0].location.latitude = '51.5'; }), /\/location\/latitude: must be number/);
  assertRejected(broken((_, s) => { delete s.service_at_locations[0].location.location_type; }), /\/location: .*'location_type'/);
});

test('pagination fields must be present with the right types', () => {
  assertRejected(broken((l) => delete l.contents), /'contents'/);
  assertRejected(broken((l) => { l.total_items = '1'; }), /\/total_items: 'total_items' must be integer/);
  assertRejected(broken((l) => { l.first_page = 'yes'; }), /\/first_page: 'first_page' must be boolean/);
  assertRejected(broken((l) => { l.empty = true; }), /'empty' is true but contents has 1 item/);
  assertRejected(broken((l) => { l.contents.push({ ...l.contents[0] }); l.total_items = 2; l.size = 2; }), /duplicate service id/);
  assert.ok(validateServiceList(null).length === 1);
});

test('opt-in checks: datapackage dates/times and unknown properties', () => {
  const badTime = broken((_, s) => { s.schedules[0].opens_at = '9am'; });
  assert.deepEqual(validateServiceList(badTime), [], 'the schema alone only asks for a string');
  assertRejected(badTime, /\/opens_at: must be a time/, { checkDatapackageTypes: true });
  assertRejected(broken((_, s) => { s.assured_date = '01/05/2024'; }), /\/assured_date: must be a date/, { checkDatapackageTypes: true });

  // HSDS 3.0 at this commit names the arrays `addresss` and `accessibilitys`; other
  // spellings are ignored by the schema, so they are only caught by this option.
  const misspelt = broken((_, s) => {
    const loc = s.service_at_locations[0].location;
    loc.addresses = loc.addresss; delete loc.addresss;
  });
  assert.deepEqual(validateServiceList(misspelt), []);
  assertRejected(misspelt, /\/location\/addresses: unknown property 'addresses'/, { reportUnknownProperties: true });
});
