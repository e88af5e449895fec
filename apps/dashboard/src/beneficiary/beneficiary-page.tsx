import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { Dossier, HistoryEvent, Page, PartnershipDetail } from '../api/api-types';
import { myRoles } from '../partnership/my-roles';
import { PartnershipLinks } from '../partnership/partnership-links';
import { useSession } from '../session/session';
import { useOrganisationNames } from '../session/organisations';
import { DataTable } from '../ui/data-table';
import { humanise } from '../ui/format';
import { Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { RisksCard } from '../partnership/risks-card';
import { MilestoneValidation } from './milestone-validation';
import { PlanEndorsement } from '../partnership/plan-endorsement';
import { BaselineCommitmentsCard } from '../partnership/baseline-commitments-card';
import { PLANNING_PHASES, PlanVersionForm } from '../partnership/plan-version-form';
import { StateNeedForm } from './state-need-form';
import { LanguagesForm } from './languages-form';

const BENEFICIARY = 'beneficiary';
const ENDED: ReadonlySet<string> = new Set(['closed', 'cancelled']);

/** The beneficiary's say: its needs and priorities, the plan it endorses, and what it confirms was delivered. */
export function BeneficiaryPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const [data, reload] = useLoad(
    async (signal) => {
      const path = encodeURIComponent(id);
      const [partnership, dossier, reports] = await Promise.all([
        getJson<PartnershipDetail>(`/api/partnerships/${path}`, signal),
        getJson<Dossier>(`/api/partnerships/${path}/dossier`, signal),
        // The evidence an implementer gave lives in its event; the beneficiary weighs it before confirming.
        getJson<Page<HistoryEvent>>(`/api/partnerships/${path}/history?type=MilestoneAchieved&limit=500`, signal),
      ]);
      return { partnership, dossier, reports: reports.items };
    },
    [id, session?.token],
  );
  const refresh = useCallback(() => reload(), [reload]);
  return (
    <Loaded load={data} what={t('beneficiary.loading')} retry={reload}>
      {({ partnership, dossier, reports }) => (
        <>
          <h1 tabIndex={-1}>{t('beneficiary.title', { title: partnership.title })}</h1>
          <PartnershipLinks partnership={partnership} user={session?.user ?? null} current="beneficiary" />
          {!myRoles(partnership, session?.user).has(BENEFICIARY) && (
            <p className="banner-error" role="alert">
              {t('beneficiary.notBeneficiary')}
            </p>
          )}
          <section className="card" aria-labelledby="needs-heading">
            <h2 id="needs-heading">{t('beneficiary.needs.title')}</h2>
            <DataTable
              empty={t('beneficiary.needs.empty')}
              caption={t('beneficiary.needs.caption')}
              testId="needs-table"
              rows={dossier.needs}
              rowKey={(n) => n.needId}
              columns={[
                { header: t('beneficiary.needs.kind'), cell: (n) => humanise(n.kind) },
                { header: t('beneficiary.needs.description'), cell: (n) => n.description },
                { header: t('beneficiary.needs.statedBy'), cell: (n) => nameOf(n.statedBy) },
                { header: t('beneficiary.needs.confidential'), cell: (n) => (n.confidential ? t('beneficiary.needs.yes') : t('beneficiary.needs.no')) },
              ]}
            />
            <StateNeedForm partnership={partnership} onRecorded={refresh} onReload={refresh} />
          </section>
          {!partnership.suspended && !ENDED.has(partnership.phase) && <LanguagesForm partnership={partnership} dossier={dossier} onRecorded={refresh} onReload={refresh} />}
          <PlanEndorsement partnership={partnership} dossier={dossier} nameOf={nameOf} role={BENEFICIARY} onRecorded={refresh} onReload={refresh} />
          {/* Demand-driven: the beneficiary may put the plan it wants on the table, as any party may. */}
          {!partnership.suspended && PLANNING_PHASES.has(partnership.phase) && (
            <PlanVersionForm partnership={partnership} dossier={dossier} onRecorded={refresh} onReload={refresh} />
          )}
          <MilestoneValidation partnership={partnership} reports={reports} onRecorded={refresh} onReload={refresh} />
          <RisksCard partnership={partnership} dossier={dossier} nameOf={nameOf} onRecorded={refresh} onReload={refresh} />
          <BaselineCommitmentsCard
            partnership={partnership}
            dossier={dossier}
            nameOf={nameOf}
            active={!partnership.suspended && !ENDED.has(partnership.phase)}
            open={!ENDED.has(partnership.phase)}
            onRecorded={refresh}
            onReload={refresh}
          />
        </>
      )}
    </Loaded>
  );
}
