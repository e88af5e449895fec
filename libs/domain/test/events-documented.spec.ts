import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTERNAL_ACTIVITY_EVENT_VERSIONS, ORGANISATION_EVENT_VERSIONS, PARTNERSHIP_EVENT_VERSIONS } from '../src';

/** docs/events.md has a row for every event type, at its current version: a new event is documented or this fails. */
describe('docs/events.md', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/events.md'), 'utf8');
  it.each([...Object.entries(PARTNERSHIP_EVENT_VERSIONS), ...Object.entries(ORGANISATION_EVENT_VERSIONS), ...Object.entries(EXTERNAL_ACTIVITY_EVENT_VERSIONS)])(
    'documents %s v%s',
    (type, version) => {
      expect(doc).toMatch(new RegExp(`^\\| \`${type}\` \\| ${version} \\|`, 'm'));
    },
  );
});
