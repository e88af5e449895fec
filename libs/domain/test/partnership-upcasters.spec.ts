import { foldPartnership, upcastPartnershipEvent, UnknownEventVersionError } from '../src';

describe('event schema versions', () => {
  it('upcasts PartnershipProposed v1 (a single theme) to v2 (themes, levels, SDGs, gender marker)', () => {
    const stored = {
      type: 'PartnershipProposed',
      schemaVersion: 1,
      data: {
        partnershipId: 'p-old',
        title: 'Cybercrime legislation support',
        summary: 'Recorded before v2',
        beneficiaryCountry: 'KE',
        initiatedBy: 'donor',
        proposerId: 'org-d',
        proposerRole: 'donor',
        theme: 'cybercrime-law-enforcement',
        plannedStart: '2024-01-01',
        plannedEnd: null,
      },
    };
    const event = upcastPartnershipEvent(stored);
    expect(event).toEqual({
      type: 'PartnershipProposed',
      schemaVersion: 2,
      data: {
        partnershipId: 'p-old',
        title: 'Cybercrime legislation support',
        summary: 'Recorded before v2',
        beneficiaryCountry: 'KE',
        initiatedBy: 'donor',
        proposerId: 'org-d',
        proposerRole: 'donor',
        themes: ['cybercrime-law-enforcement'],
        levels: [],
        sdgs: [],
        genderMarker: 0,
        plannedStart: '2024-01-01',
        plannedEnd: null,
      },
    });
    expect(foldPartnership([event]).parties).toEqual(new Map([['org-d', ['donor']]]));
  });

  it('refuses a version it does not know', () => {
    expect(() => upcastPartnershipEvent({ type: 'PartyJoined', schemaVersion: 7, data: {} })).toThrow(UnknownEventVersionError);
    expect(() => upcastPartnershipEvent({ type: 'Nonsense', schemaVersion: 1, data: {} })).toThrow(UnknownEventVersionError);
  });
});
