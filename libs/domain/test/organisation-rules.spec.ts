import { decideOrganisation, evolveOrganisation, initialOrganisationState, organisationDecider, type OrganisationEvent } from '../src';
import { DeciderSpecification } from '../src/testing/decider-specification';

/** The same given/when/then as the partnership specs, on the organisation decider. */
const given = DeciderSpecification.for(organisationDecider);

const context = { userId: 'admin', organisationId: 'org-admin', now: '2026-06-30T00:00:00Z', roles: ['admin'] as const };
const profile = {
  organisationId: 'org-cert-gh',
  name: 'CERT-GH',
  kind: 'state-body' as const,
  country: 'GH',
  region: 'africa' as const,
  developmentStatus: 'developing' as const,
  contacts: [{ name: 'Ama Mensah', function: 'Head of IR', email: 'ir@cert.example.gh' }],
};
const registered: OrganisationEvent = { type: 'OrganisationRegistered', schemaVersion: 1, data: profile };

describe('organisation rules', () => {
  it('registers once', () => {
    given().when({ type: 'RegisterOrganisation', data: profile, context }).then([registered]);
    given(registered).when({ type: 'RegisterOrganisation', data: profile, context }).thenThrows('organisation.exists');
  });

  it('updates only a registered organisation, with ISO country codes', () => {
    const state = evolveOrganisation(initialOrganisationState, registered);
    given(registered)
      .when({ type: 'UpdateOrganisation', data: { organisationId: 'org-cert-gh', name: 'CSA Ghana' }, context })
      .then([{ type: 'OrganisationUpdated', schemaVersion: 1, data: { organisationId: 'org-cert-gh', name: 'CSA Ghana' } }]);
    given()
      .when({ type: 'UpdateOrganisation', data: { organisationId: 'x', name: 'n' }, context })
      .thenThrows('organisation.exists');
    given(registered)
      .when({ type: 'UpdateOrganisation', data: { organisationId: 'org-cert-gh', country: 'ZZ' }, context })
      .thenThrows('country.iso-3166');
    // Country, kind, region and status are not edited in place: they change with an effective date.
    for (const changes of [{ country: 'CH' }, { kind: 'ngo' as const }, { region: 'europe' as const }, { developmentStatus: 'developed' as const }]) {
      given(registered)
        .when({ type: 'UpdateOrganisation', data: { organisationId: 'org-cert-gh', ...changes }, context })
        .thenThrows('organisation.profile-change');
    }
    const updated = evolveOrganisation(state, { type: 'OrganisationUpdated', schemaVersion: 1, data: { organisationId: 'org-cert-gh', name: 'CSA Ghana' } });
    expect(updated.profile?.name).toBe('CSA Ghana');
  });

  it('never returns a profile change the directory cannot fold: no field named and left empty', () => {
    const state = evolveOrganisation(initialOrganisationState, registered);
    for (const field of ['name', 'contacts']) {
      const data = { organisationId: 'org-cert-gh', [field]: null } as unknown as { organisationId: string };
      expect(() => decideOrganisation({ type: 'UpdateOrganisation', data, context }, state)).toThrow(expect.objectContaining({ rule: 'event.shape' }));
    }
  });

  it('lets only an administrator register, and an organisation or an administrator update its profile', () => {
    const donorUser = { userId: 'u', organisationId: 'org-nl-mfa', now: context.now, roles: ['donor'] as const };
    expect(() => decideOrganisation({ type: 'RegisterOrganisation', data: profile, context: donorUser }, initialOrganisationState)).toThrow(
      expect.objectContaining({ rule: 'access.admin' }),
    );
    const state = evolveOrganisation(initialOrganisationState, registered);
    expect(() => decideOrganisation({ type: 'UpdateOrganisation', data: { organisationId: 'org-cert-gh', name: 'n' }, context: donorUser }, state)).toThrow(
      expect.objectContaining({ rule: 'access.admin' }),
    );
    const ownUser = { ...donorUser, organisationId: 'org-cert-gh', roles: ['beneficiary'] as const };
    expect(decideOrganisation({ type: 'UpdateOrganisation', data: { organisationId: 'org-cert-gh', name: 'n' }, context: ownUser }, state)).toHaveLength(1);
  });

  it('reclassifies from an effective date, by an administrator, keeping what does not change', () => {
    const state = evolveOrganisation(initialOrganisationState, registered);
    const change = {
      organisationId: 'org-cert-gh',
      effectiveFrom: '2026-06-01',
      changes: { country: 'GH', developmentStatus: 'least-developed' as const },
      reason: 'UN reclassification',
    };
    expect(decideOrganisation({ type: 'ChangeOrganisationProfile', data: change, context }, state)).toEqual([
      {
        type: 'OrganisationProfileChanged',
        schemaVersion: 1,
        data: {
          organisationId: 'org-cert-gh',
          effectiveFrom: '2026-06-01',
          changes: { developmentStatus: 'least-developed' },
          reason: 'UN reclassification',
          changedBy: 'org-admin',
        },
      },
    ]);
    const own = { userId: 'u', organisationId: 'org-cert-gh', now: context.now, roles: ['beneficiary'] as const };
    expect(() => decideOrganisation({ type: 'ChangeOrganisationProfile', data: change, context: own }, state)).toThrow(expect.objectContaining({ rule: 'access.admin' }));
    expect(() => decideOrganisation({ type: 'ChangeOrganisationProfile', data: { ...change, effectiveFrom: '2026-07-02' }, context }, state)).toThrow(
      expect.objectContaining({ rule: 'dates.not-in-future' }),
    );
    expect(() => decideOrganisation({ type: 'ChangeOrganisationProfile', data: { ...change, changes: { country: 'GH' } }, context }, state)).toThrow(
      expect.objectContaining({ rule: 'organisation.changes' }),
    );
  });

  it("takes an IATI identity from an administrator, in the registration agency's form, and records a change only", () => {
    const identity = { organisationId: 'org-cert-gh', orgId: 'GH-RGD-CS123456789', orgType: '10' as const };
    const assigned: OrganisationEvent = { type: 'IatiIdentityAssigned', schemaVersion: 1, data: identity };
    given(registered).when({ type: 'AssignIatiIdentity', data: identity, context }).then([assigned]);
    given(registered, assigned).when({ type: 'AssignIatiIdentity', data: identity, context }).thenNothingHappened();
    given().when({ type: 'AssignIatiIdentity', data: identity, context }).thenThrows('organisation.exists');
    for (const orgId of ['GH RGD 1', 'gh-rgd-1', 'XM-DAC', 'NL-KVK-1/2', 'NL-KVK-1?x', '']) {
      given(registered)
        .when({ type: 'AssignIatiIdentity', data: { ...identity, orgId }, context })
        .thenThrows('iati.org-id');
    }
    const wrongType = { ...identity, orgType: '12' } as unknown as typeof identity;
    given(registered).when({ type: 'AssignIatiIdentity', data: wrongType, context }).thenThrows('iati.org-type');
    const member = { ...context, organisationId: 'org-cert-gh', roles: ['beneficiary'] as const };
    given(registered).when({ type: 'AssignIatiIdentity', data: identity, context: member }).thenThrows('access.admin');
    expect(evolveOrganisation(evolveOrganisation(initialOrganisationState, registered), assigned).iati).toEqual({ orgId: 'GH-RGD-CS123456789', orgType: '10' });
  });
});
