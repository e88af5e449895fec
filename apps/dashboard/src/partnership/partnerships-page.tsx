import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { Page, PartnershipRow, PendingInvitationItem } from '../api/api-types';
import { href } from '../routes';
import { useSession } from '../session/session';
import { DataTable } from '../ui/data-table';
import { formatDate, formatIndex, humanise } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { useOrganisationNames } from '../session/organisations';
import { InvitationsCard } from './invitations-card';
import { myRoles } from './my-roles';
import { PartnershipLinks } from './partnership-links';

/** The partnerships the signed-in person's organisation takes part in (or evaluates), with what they can do there. */
export function PartnershipsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const [list, reload] = useLoad((signal) => getJson<Page<PartnershipRow>>('/api/partnerships?limit=500&sort=title', signal), [session?.token]);
  const [invitations, reloadInvitations] = useLoad((signal) => getJson<{ items: PendingInvitationItem[] }>('/api/invitations', signal), [session?.token]);
  return (
    <>
      <h1 tabIndex={-1}>{t('mine.title')}</h1>
      {invitations.state === 'ready' && (
        <InvitationsCard
          invitations={invitations.data.items}
          nameOf={nameOf}
          onAnswered={() => {
            reloadInvitations();
            reload();
          }}
        />
      )}
      <Loaded load={list} what={t('mine.loading')} retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('mine.none')}</Empty>
          ) : (
            <DataTable
              caption={t('mine.caption', { total: page.total })}
              testId="partnerships-table"
              rows={page.items}
              rowKey={(p) => p.partnershipId}
              columns={[
                { header: t('mine.partnership'), cell: (p) => <a href={href({ page: 'partnership', id: p.partnershipId })}>{p.title}</a> },
                { header: t('mine.yourRole'), cell: (p) => [...myRoles(p, session?.user)].map(humanise).join(', ') || '—' },
                { header: t('mine.phase'), cell: (p) => (p.suspended ? t('mine.suspended', { phase: humanise(p.phase) }) : humanise(p.phase)) },
                { header: t('mine.country'), cell: (p) => p.beneficiaryCountry },
                { header: t('mine.plannedEnd'), cell: (p) => formatDate(p.plannedEnd) },
                { header: t('mine.localOwnership'), cell: (p) => formatIndex(p.localOwnershipIndex), numeric: true },
                { header: t('mine.goTo'), cell: (p) => <PartnershipLinks partnership={p} user={session?.user ?? null} /> },
              ]}
            />
          )
        }
      </Loaded>
    </>
  );
}
