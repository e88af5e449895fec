import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { Dossier, FundingChain, PartnershipDetail } from '../api/api-types';
import { PartnershipLinks } from '../partnership/partnership-links';
import { myRoles } from '../partnership/my-roles';
import { RisksCard } from '../partnership/risks-card';
import { MoneyRecordsCard } from '../partnership/money-records-card';
import { useOrganisationNames } from '../session/organisations';
import { useSession } from '../session/session';
import { Loaded } from '../ui/states';
import { humanise } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { ActivityForm } from './activity-form';
import { ExpenditureForm } from './expenditure-form';
import { MilestoneForms } from './milestone-forms';
import { IndicatorsCard } from './indicators-card';
import { CorrectWorkForm } from './correct-work-form';
import { PlanEndorsement } from '../partnership/plan-endorsement';
import { BaselineCommitmentsCard } from '../partnership/baseline-commitments-card';
import { PLANNING_PHASES, PlanVersionForm } from '../partnership/plan-version-form';

const IMPLEMENTER = 'implementer';
const ENDED: ReadonlySet<string> = new Set(['closed', 'cancelled']);

export interface WorkLogData {
  readonly partnership: PartnershipDetail;
  readonly dossier: Dossier;
  /** The programme currency first, then the other currencies money moved in. */
  readonly currencies: readonly string[];
}

/** The implementer's desk: milestones, activities with participants, and expenditure, each sent with the revision seen. */
export function WorkLogPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const [data, reload] = useLoad(
    async (signal): Promise<WorkLogData> => {
      const path = encodeURIComponent(id);
      const [partnership, dossier, chain] = await Promise.all([
        getJson<PartnershipDetail>(`/api/partnerships/${path}`, signal),
        getJson<Dossier>(`/api/partnerships/${path}/dossier`, signal),
        getJson<FundingChain>(`/api/funding/chains/${path}`, signal),
      ]);
      return { partnership, dossier, currencies: [...new Set([...(chain.basis ? [chain.basis] : []), ...chain.edges.map((e) => e.currency)])] };
    },
    [id, session?.token],
  );
  const refresh = useCallback(() => reload(), [reload]);
  return (
    <Loaded load={data} what={t('worklog.loading')} retry={reload}>
      {({ partnership, dossier, currencies }) => {
        // Recording new work needs a running partnership; corrections and risks go on while it is suspended.
        const ended = ENDED.has(partnership.phase);
        const active = !ended && !partnership.suspended;
        return (
          <>
            <h1 tabIndex={-1}>{t('worklog.title', { title: partnership.title })}</h1>
            <PartnershipLinks partnership={partnership} user={session?.user ?? null} current="work-log" />
            {!myRoles(partnership, session?.user).has(IMPLEMENTER) && (
              <p className="banner-error" role="alert">
                {t('worklog.notImplementer')}
              </p>
            )}
            <p className="muted" data-testid="seen-revision">
              {t('worklog.seen', { revision: partnership.revision })}
            </p>
            {ended ? (
              <p className="banner-error" data-testid="work-closed">
                {t('worklog.ended', { phase: humanise(partnership.phase) })}
              </p>
            ) : (
              partnership.suspended && (
                <p className="banner-error" data-testid="suspended">
                  {t('worklog.suspended')}
                </p>
              )
            )}
            {active && PLANNING_PHASES.has(partnership.phase) && (
              <>
                <PlanEndorsement partnership={partnership} dossier={dossier} nameOf={nameOf} role={IMPLEMENTER} onRecorded={refresh} onReload={refresh} />
                <PlanVersionForm partnership={partnership} dossier={dossier} onRecorded={refresh} onReload={refresh} />
              </>
            )}
            {active && (
              <>
                <MilestoneForms partnership={partnership} onRecorded={refresh} onReload={refresh} />
                <ActivityForm partnership={partnership} dossier={dossier} onRecorded={refresh} onReload={refresh} />
                <ExpenditureForm partnership={partnership} currencies={currencies} onRecorded={refresh} onReload={refresh} />
              </>
            )}
            <IndicatorsCard partnership={partnership} active={active} open={!ended} onRecorded={refresh} onReload={refresh} />
            {!ended && <CorrectWorkForm partnership={partnership} dossier={dossier} onRecorded={refresh} onReload={refresh} />}
            <MoneyRecordsCard
              partnership={partnership}
              dossier={dossier}
              organisationId={session?.user?.organisationId ?? null}
              isDonor={myRoles(partnership, session?.user).has('donor')}
              nameOf={nameOf}
              onRecorded={refresh}
              onReload={refresh}
            />
            <RisksCard partnership={partnership} dossier={dossier} nameOf={nameOf} onRecorded={refresh} onReload={refresh} />
            <BaselineCommitmentsCard partnership={partnership} dossier={dossier} nameOf={nameOf} active={active} open={!ended} onRecorded={refresh} onReload={refresh} />
          </>
        );
      }}
    </Loaded>
  );
}
