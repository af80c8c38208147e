// The pages tell inspectSignature which Meeting SDK they load (rules changed by version): that
// version must be the one package.json pins and /zoom/ serves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pinned = ((manifest) => ({ ...manifest.dependencies, ...manifest.devDependencies }))(JSON.parse(read('package.json')))['@zoom/meetingsdk'];

test('every page names the Meeting SDK version package.json pins', () => {
  assert.match(pinned, /^\d+\.\d+\.\d+$/);
  for (const page of ['www/zoom-sdk.js', 'www/cdn/js/index.js', 'www/cdn/js/meeting.js', 'www/angular/src/app/zoom-client.ts']) {
    assert.match(read(page), new RegExp(`SDK_VERSION = '${pinned.replaceAll('.', '\\.')}'`), page);
  }
  assert.match(read('www/cdn/meeting.html'), new RegExp(`/zoom/zoom-meeting-${pinned.replaceAll('.', '\\.')}\\.min\\.js`));
  assert.equal(JSON.parse(read('www/angular/package.json')).dependencies['@zoom/meetingsdk'], pinned);
  assert.equal(JSON.parse(read('node_modules/@zoom/meetingsdk/package.json')).version, pinned);
});
