import { useTranslation } from 'react-i18next';
import type { Dossier, PartnershipDetail } from '../api/api-types';
import { myRoles } from './my-roles';
import { useSession } from '../session/session';
import { humanise } from '../ui/format';
import { CommandOutcome } from '../ui/form';
import { userLocale } from '../ui/locale';
import { Empty } from '../ui/states';
import { useCommand } from '../ui/use-command';
import { commandTarget } from '../api/commands';

const NEEDED = ['beneficiary', 'donor', 'implementer'] as const;
const ENDORSED_MARK = '✔';
const WAITING_MARK = '○';

/** The co-designed plan and who has endorsed its current version; delivery waits for all three. */
export function PlanEndorsement({
  partnership,
  dossier,
  nameOf,
  role,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  /** The party role the signed-in person endorses in (a donor on the donor desk, a beneficiary on its page). */
  role: (typeof NEEDED)[number];
  dossier: Dossier;
  nameOf: (id: string) => string;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const command = useCommand(onRecorded);
  const plan = dossier.plan;
  const mine = session?.user.organisationId;
  const endorsedByMe = plan?.endorsements.some((e) => e.organisationId === mine && e.role === role) ?? false;
  const canEndorse = myRoles(partnership, session?.user).has(role) && !endorsedByMe;
  return (
    <section className="card" aria-labelledby="plan-heading" data-testid="plan">
      <h2 id="plan-heading">{plan ? t('plan.titleVersion', { version: plan.version }) : t('plan.title')}</h2>
      {!plan ? (
        <Empty>{t('plan.none')}</Empty>
      ) : (
        <>
          <p className="muted">{t('plan.proposedBy', { name: nameOf(plan.proposedBy) })}</p>
          <ol>
            {plan.objectives.map((o) => (
              <li key={o.objectiveId}>
                {o.description}
                {o.needIds.length > 0 && (
                  <span className="muted">{t('plan.answers', { needs: o.needIds.map((id) => dossier.needs.find((n) => n.needId === id)?.description ?? id).join('; ') })}</span>
                )}
              </li>
            ))}
          </ol>
          <ul className="tags" aria-label={t('plan.endorsements')} data-testid="endorsements">
            {NEEDED.map((needed) => {
              const by = plan.endorsements.filter((e) => e.role === needed);
              return (
                <li key={needed} className="tag">
                  {by.length > 0 ? ENDORSED_MARK : WAITING_MARK} {humanise(needed)}: {by.length > 0 ? by.map((e) => nameOf(e.organisationId)).join(', ') : t('plan.notYet')}
                </li>
              );
            })}
          </ul>
          <CommandOutcome
            status={command.status}
            fields={['role']}
            onReload={onReload}
            seenRevision={partnership.revision}
            success={t('plan.endorsed', { version: plan.version })}
          />
          {canEndorse && (
            <div className="actions">
              <button
                type="button"
                disabled={command.status.state === 'sending'}
                onClick={() =>
                  void command.send(
                    commandTarget('/api/partnerships/{id}/plan-versions/{version}/endorsements', { id: partnership.partnershipId, version: String(plan.version) }),
                    { role },
                    partnership.revision,
                  )
                }
              >
                {t('plan.endorse', { version: plan.version, role: humanise(role).toLocaleLowerCase(userLocale()) })}
              </button>
            </div>
          )}
          {endorsedByMe && <p>{t('plan.endorsedByMe')}</p>}
        </>
      )}
    </section>
  );
}
