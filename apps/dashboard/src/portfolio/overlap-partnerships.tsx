import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { Overlap, Page, RegistryEntry } from '../api/api-types';
import { href } from '../routes';
import { humanise } from '../ui/format';
import { useLoad } from '../ui/use-load';

type Contact = RegistryEntry['parties'][number]['contacts'][number] & { readonly organisation: string };

/** Whom to write to about a partnership: a donor's point of contact first (donors coordinate), else any party's. */
function contactOf(entry: RegistryEntry): Contact | null {
  const parties = [...entry.parties].sort((a, b) => Number(b.role === 'donor') - Number(a.role === 'donor'));
  for (const party of parties) {
    const contact = party.contacts[0];
    if (contact) return { ...contact, organisation: party.name ?? party.organisationId };
  }
  return null;
}

/**
 * The partnerships of the overlaps: one's own lead to their page; another's (which one may not open) to the
 * public registry, with its point of contact from there, so the overlap can be talked about. The registry is
 * read only when an overlap names a partnership one is not party to, and only for those countries.
 */
export function useOverlapContacts(overlaps: readonly Overlap[], mine: ReadonlySet<string>): ReadonlyMap<string, Contact | null> {
  const countries = useMemo(
    () => [...new Set(overlaps.filter((o) => o.partnerships.some((p) => !mine.has(p.partnershipId))).map((o) => o.beneficiaryCountry))].sort(),
    [overlaps, mine],
  );
  const [registry] = useLoad(
    async (signal) => {
      const pages = await Promise.all(countries.map((country) => getJson<Page<RegistryEntry>>(`/api/registry?country=${country}&limit=500`, signal)));
      return new Map(pages.flatMap((page) => page.items.map((entry) => [entry.partnershipId, contactOf(entry)] as const)));
    },
    [countries.join(',')],
  );
  return registry.state === 'ready' ? registry.data : new Map();
}

export function OverlapPartnerships({
  overlap,
  mine,
  contacts,
  nameOf,
}: {
  overlap: Overlap;
  mine: ReadonlySet<string>;
  contacts: ReadonlyMap<string, Contact | null>;
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <ul>
      {overlap.partnerships.map((p) => {
        const contact = contacts.get(p.partnershipId);
        return (
          <li key={p.partnershipId} data-overlap-partnership={p.partnershipId}>
            {mine.has(p.partnershipId) ? (
              <a href={href({ page: 'partnership', id: p.partnershipId })}>{p.title}</a>
            ) : (
              <>
                {p.title} (<a href={href({ page: 'registry' })}>{t('portfolio.overlaps.inRegistry')}</a>)
              </>
            )}{' '}
            ({humanise(p.phase)}) — {p.donorIds.map(nameOf).join(', ')}
            {!mine.has(p.partnershipId) && contact && (
              <span className="muted" data-testid="overlap-contact">
                {' '}
                · {t('portfolio.overlaps.contact', { name: contact.name, function: contact.function, organisation: contact.organisation })}{' '}
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
