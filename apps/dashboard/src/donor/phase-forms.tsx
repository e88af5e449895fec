import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { Field, FormFooter } from '../ui/form';
import { humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

/** The phase a partnership may move to next: the API's rules decide whether it may yet (all endorsements, etc.). */
const NEXT = { scoping: 'co-design', 'co-design': 'delivery', delivery: 'monitoring', monitoring: 'evaluation' } as const;
type MovablePhase = keyof typeof NEXT;
const movable = (phase: string): phase is MovablePhase => phase in NEXT;

/** Moving the phase on, or suspending and resuming: each with the reason kept in the record. */
export function PhaseForms({ partnership, onRecorded, onReload }: { partnership: PartnershipDetail; onRecorded: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [suspendReason, setSuspendReason] = useState('');
  const move = useCommand(() => (setReason(''), onRecorded()));
  const pause = useCommand(() => (setSuspendReason(''), onRecorded()));
  const id = partnership.partnershipId;
  const next = movable(partnership.phase) ? NEXT[partnership.phase] : null;

  function advance(event: FormEvent) {
    event.preventDefault();
    if (next) void move.send(commandTarget('/api/partnerships/{id}/phase-transitions', { id }), { to: next, reason }, partnership.revision);
  }
  function suspendOrResume(event: FormEvent) {
    event.preventDefault();
    const route = partnership.suspended ? '/api/partnerships/{id}/resumption' : '/api/partnerships/{id}/suspension';
    void pause.send(commandTarget(route, { id }), { reason: suspendReason }, partnership.revision);
  }

  return (
    <>
      {next && !partnership.suspended && (
        <form className="card" onSubmit={advance} noValidate aria-labelledby="move-phase" data-testid="phase-form">
          <h2 id="move-phase">{t('donor.phase.title', { from: humanise(partnership.phase), to: humanise(next) })}</h2>
          <Field label={t('donor.phase.reason')} name="reason" error={move.error}>
            {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <FormFooter
            status={move.status}
            fields={['to', 'reason']}
            onReload={onReload}
            seenRevision={partnership.revision}
            success={t('donor.phase.done')}
            submit={t('donor.phase.submit', { to: humanise(next) })}
          />
        </form>
      )}
      <form className="card" onSubmit={suspendOrResume} noValidate aria-labelledby="suspension" data-testid="suspension-form">
        <h2 id="suspension">{partnership.suspended ? t('donor.suspension.resumeTitle') : t('donor.suspension.suspendTitle')}</h2>
        <p className="muted">{partnership.suspended ? t('donor.suspension.resumeIntro') : t('donor.suspension.suspendIntro')}</p>
        <Field label={t('donor.suspension.reason')} name="reason" error={pause.error}>
          {(p) => <textarea {...p} rows={2} value={suspendReason} onChange={(e) => setSuspendReason(e.target.value)} />}
        </Field>
        <FormFooter
          status={pause.status}
          fields={['reason']}
          onReload={onReload}
          seenRevision={partnership.revision}
          success={partnership.suspended ? t('donor.suspension.suspended') : t('donor.suspension.resumed')}
          submit={partnership.suspended ? t('donor.suspension.resume') : t('donor.suspension.suspend')}
        />
      </form>
    </>
  );
}
