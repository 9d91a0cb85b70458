// The open data the running site serves validates against the vendored HSDS 3.0
// schema, carries its licence, and holds only what the site itself shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL } from '../lib/browser.mjs';
import { validateServiceList } from '../lib/hsds.mjs';

async function getJson(path) {
  const response = await fetch(BASE_URL + path);
  assert.equal(response.status, 200, path);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  assert.equal(response.headers.get('set-cookie'), null);
  return response.json();
}

test('the services validate against the HSDS 3.0 schema', async () => {
  const list = await getJson('/open-data/hsds/services.json');
  assert.deepEqual(validateServiceList(list, { checkDatapackageTypes: true, reportUnknownProperties: true }), []);
  assert.ok(list.contents.length >= 10, 'services and Safezones are there');
  assert.equal(list.total_items, list.contents.length);
  const ids = list.contents.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
});

test('the data carries its licence and attribution', async () => {
  const about = await getJson('/open-data/hsds/index.json');
  assert.equal(about.version, '3.0');
  assert.match(about.licence, /Open Government Licence/);
  assert.match(about.licence_url, /^https:\/\//);
  assert.ok(about.attribution.length > 0);
  assert.equal(about.services, '/open-data/hsds/services.json');
});

test('places known only by area have no coordinates or address', async () => {
  const list = await getJson('/open-data/hsds/services.json');
  const locations = list.contents.flatMap((s) => s.service_at_locations.map((sal) => sal.location));
  const areaOnly = locations.filter((l) => /exact address is not published/.test(l.description ?? ''));
  assert.ok(areaOnly.length > 0, 'the Safezones known by area are listed');
  for (const location of areaOnly) {
    assert.equal(location.latitude, undefined, location.name);
    assert.equal(location.addresss, undefined, location.name);
  }
  // Opening hours become weekly schedules in HH:MM.
  const schedules = list.contents.flatMap((s) => s.schedules);
  assert.ok(schedules.length > 0);
  for (const schedule of schedules) {
    assert.match(schedule.opens_at, /^\d\d:\d\d$/);
    assert.match(schedule.byday, /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/);
  }
});
