import { externalActivityDecider, type ExternalActivity, type ExternalActivityEvent } from '../src';
import { DeciderSpecification } from '../src/testing/decider-specification';

const given = DeciderSpecification.for(externalActivityDecider);
const admin = { userId: 'importer', organisationId: 'org-admin', now: '2026-12-07T00:00:00Z', roles: ['admin'] as const };
const activity: ExternalActivity = {
  identifier: 'GB-GOV-1-300123',
  reportingOrg: { ref: 'GB-GOV-1', name: 'UK Foreign Office', type: '10' },
  title: 'Cyber resilience in West Africa',
  description: 'Regional CERT cooperation',
  status: '2',
  plannedStart: '2025-01-01',
  plannedEnd: '2027-12-31',
  actualStart: '2025-02-01',
  actualEnd: null,
  participatingOrgs: [{ ref: 'GB-GOV-1', name: 'UK Foreign Office', type: '10', role: '1' }],
  recipientCountries: [{ code: 'GH', percentage: 100 }],
  recipientRegions: [],
  sectors: [{ code: '22040', percentage: 100 }],
  transactions: [],
  budgets: [],
  documents: [],
};
const imported: ExternalActivityEvent = { type: 'ExternalActivityImported', schemaVersion: 1, data: { activity, source: { file: 'gb.xml', importedBy: 'importer' } } };

describe('an activity imported from another publisher', () => {
  it('is recorded once; the same again records nothing; a change records the activity and what changed', () => {
    given()
      .when({ type: 'ImportExternalActivity', data: { activity, file: 'gb.xml' }, context: admin })
      .then([imported]);
    given(imported)
      .when({ type: 'ImportExternalActivity', data: { activity, file: 'gb-again.xml' }, context: admin })
      .thenNothingHappened();
    // Key order inside the record does not make a change.
    const reordered = { ...activity, reportingOrg: { type: '10', name: 'UK Foreign Office', ref: 'GB-GOV-1' } };
    given(imported)
      .when({ type: 'ImportExternalActivity', data: { activity: reordered, file: 'gb-again.xml' }, context: admin })
      .thenNothingHappened();
    const revised = { ...activity, status: '3', plannedEnd: '2028-06-30' };
    given(imported)
      .when({ type: 'ImportExternalActivity', data: { activity: revised, file: 'gb-2026.xml' }, context: admin })
      .then([
        {
          type: 'ExternalActivityRevised',
          schemaVersion: 1,
          data: { activity: revised, changed: ['status', 'plannedEnd'], source: { file: 'gb-2026.xml', importedBy: 'importer' } },
        },
      ]);
  });

  it('only an administrator imports, and only an activity with an identifier', () => {
    given()
      .when({ type: 'ImportExternalActivity', data: { activity, file: 'gb.xml' }, context: { ...admin, roles: ['donor'] } })
      .thenThrows('access.admin');
    given()
      .when({ type: 'ImportExternalActivity', data: { activity: { ...activity, identifier: ' ' }, file: 'gb.xml' }, context: admin })
      .thenThrows('iati.identifier');
  });
});
