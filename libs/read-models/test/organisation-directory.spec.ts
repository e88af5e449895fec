import type { OrganisationEvent } from '@ccb/domain';
import { evolveOrganisationInfo, lookupIn, type OrganisationInfo } from '../src/organisations/organisation-directory';

const registered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  schemaVersion: 1,
  data: { organisationId: 'org-bridge', name: 'CyberBridge', kind: 'ngo', country: 'CH', region: 'europe', developmentStatus: 'developed', contacts: [] },
};
const moved = (effectiveFrom: string, country: string): OrganisationEvent => ({
  type: 'OrganisationProfileChanged',
  schemaVersion: 1,
  data: { organisationId: 'org-bridge', effectiveFrom, changes: { country, region: country === 'GH' ? 'africa' : 'europe' }, reason: 'seat', changedBy: 'org-admin' },
});

function directory(...events: OrganisationEvent[]): Map<string, OrganisationInfo> {
  let info: OrganisationInfo | undefined;
  for (const e of events) info = evolveOrganisationInfo(info, e, '2026-12-06T10:00:00.000Z');
  return new Map([['org-bridge', info!]]);
}

describe('organisation profiles over time', () => {
  it('answers with the classification in force on the date asked, and the latest without one', () => {
    const lookup = lookupIn(directory(registered, moved('2026-12-06', 'GH')));
    expect(lookup('org-bridge', '2026-03-01')?.country).toBe('CH');
    expect(lookup('org-bridge', '2026-12-06')?.country).toBe('GH');
    expect(lookup('org-bridge')?.country).toBe('GH');
  });

  it('takes a back-dated change for the days from its effect, leaving later periods as recorded', () => {
    const lookup = lookupIn(directory(registered, moved('2026-12-06', 'GH'), moved('2026-02-20', 'GH')));
    expect(lookup('org-bridge', '2026-02-19')?.country).toBe('CH');
    expect(lookup('org-bridge', '2026-03-01')?.country).toBe('GH');
    expect(lookup('org-bridge', '2026-03-01')?.region).toBe('africa');
  });
});
