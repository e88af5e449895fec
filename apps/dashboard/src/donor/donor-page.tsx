import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { Dossier, FundingChain, PartnershipDetail } from '../api/api-types';
import { myRoles } from '../partnership/my-roles';
import { PartnershipLinks } from '../partnership/partnership-links';
import { PlanEndorsement } from '../partnership/plan-endorsement';
import { RisksCard } from '../partnership/risks-card';
import { MoneyRecordsCard } from '../partnership/money-records-card';
import { PartiesCard } from '../partnership/parties-card';
import { ClosureForm } from './closure-form';
import { useOrganisationNames, useOrganisations } from '../session/organisations';
import { useSession } from '../session/session';
import { humanise } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { FundingForm } from './funding-form';
import { PhaseForms } from './phase-forms';

const DONOR = 'donor';
const CO_DESIGN = 'co-design';
const EVALUATION = 'evaluation';
const ENDED: ReadonlySet<string> = new Set(['closed', 'cancelled']);

interface DonorDesk {
  readonly partnership: PartnershipDetail;
  readonly dossier: Dossier;
  readonly currencies: readonly string[];
  readonly basis: string | null;
}

/**
 * The donor's desk on one partnership: its money, the plan to endorse in co-design, the phase, suspension.
 * Only what can succeed is offered: nothing on a closed or cancelled partnership, only resumption while suspended.
 */
export function DonorPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const organisations = useOrganisations(session?.token ?? null);
  const [data, reload] = useLoad(
    async (signal): Promise<DonorDesk> => {
      const path = encodeURIComponent(id);
      const [partnership, dossier, chain] = await Promise.all([
        getJson<PartnershipDetail>(`/api/partnerships/${path}`, signal),
        getJson<Dossier>(`/api/partnerships/${path}/dossier`, signal),
        getJson<FundingChain>(`/api/funding/chains/${path}`, signal),
      ]);
      const currencies = [...new Set([...(chain.basis ? [chain.basis] : []), ...chain.edges.map((e) => e.currency)])];
      return { partnership, dossier, currencies, basis: chain.basis };
    },
    [id, session?.token],
  );
  const refresh = useCallback(() => reload(), [reload]);
  return (
    <Loaded load={data} what={t('donor.loading')} retry={reload}>
      {({ partnership, dossier, currencies, basis }) => {
        const ended = ENDED.has(partnership.phase);
        const isDonor = myRoles(partnership, session?.user).has(DONOR);
        return (
          <>
            <h1 tabIndex={-1}>{t('donor.title', { title: partnership.title })}</h1>
            <PartnershipLinks partnership={partnership} user={session?.user ?? null} current="donor" />
            {!isDonor && (
              <p className="banner-error" role="alert">
                {t('donor.notDonor')}
              </p>
            )}
            <p className="muted" data-testid="seen-revision">
              {t('donor.seen', { revision: partnership.revision, phase: humanise(partnership.phase) })}
            </p>
            {ended ? (
              <Empty>{t('donor.ended', { phase: humanise(partnership.phase) })}</Empty>
            ) : (
              <>
                {partnership.phase === CO_DESIGN && (
                  <PlanEndorsement partnership={partnership} dossier={dossier} nameOf={nameOf} role={DONOR} onRecorded={refresh} onReload={refresh} />
                )}
                {partnership.suspended ? (
                  <p className="banner-error" data-testid="suspended">
                    {t('donor.suspendedNote')}
                  </p>
                ) : (
                  <FundingForm partnership={partnership} currencies={currencies} basis={basis} nameOf={nameOf} onRecorded={refresh} onReload={refresh} />
                )}
                <PhaseForms partnership={partnership} onRecorded={refresh} onReload={refresh} />
                {isDonor && partnership.phase === EVALUATION && <ClosureForm partnership={partnership} onRecorded={refresh} onReload={refresh} />}
              </>
            )}
            <MoneyRecordsCard
              partnership={partnership}
              dossier={dossier}
              organisationId={session?.user?.organisationId ?? null}
              isDonor={isDonor}
              nameOf={nameOf}
              onRecorded={refresh}
              onReload={refresh}
            />
            <PartiesCard partnership={partnership} organisations={organisations} isDonor={isDonor} onRecorded={refresh} onReload={refresh} />
            <RisksCard partnership={partnership} dossier={dossier} nameOf={nameOf} onRecorded={refresh} onReload={refresh} />
          </>
        );
      }}
    </Loaded>
  );
}
