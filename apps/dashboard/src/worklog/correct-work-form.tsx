import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { formatDate, humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

/** What can be corrected, by what it is: a milestone not yet confirmed, an activity that stands. */
const CORRECTIONS = { milestone: ['reschedule', 'cancel-milestone'], activity: ['void-activity'] } as const;
type Item = { readonly kind: 'milestone'; readonly id: string; readonly label: string } | { readonly kind: 'activity'; readonly id: string; readonly label: string };
type Correction = (typeof CORRECTIONS)[Item['kind']][number];
const CORRECTABLE_MILESTONES: ReadonlySet<string> = new Set(['planned', 'achieved', 'disputed']);

/**
 * The implementer's own mistakes, corrected with a reason: a milestone rescheduled or cancelled, an activity that
 * never took place voided. The original stays in the history, and the partnership's figures follow the correction.
 */
export function CorrectWorkForm({ partnership, onRecorded, onReload }: { partnership: PartnershipDetail; onRecorded: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const items: Item[] = [
    ...partnership.milestones
      .filter((m) => CORRECTABLE_MILESTONES.has(m.status))
      .map((m) => ({
        kind: 'milestone' as const,
        id: m.milestoneId,
        label: t('correctWork.milestoneOption', { title: m.title, date: formatDate(m.dueDate), status: humanise(m.status) }),
      })),
    ...partnership.activities.map((a) => ({
      kind: 'activity' as const,
      id: a.activityId,
      label: t('correctWork.activityOption', { title: a.title, date: formatDate(a.startDate) }),
    })),
  ];
  const [chosenId, setChosenId] = useState('');
  const item = items.find((i) => `${i.kind}:${i.id}` === chosenId) ?? items[0];
  const [chosen, setChosen] = useState<Correction>('reschedule');
  const [dueDate, setDueDate] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(() => (setReason(''), setDueDate(''), onRecorded()));
  if (!item) return null;
  const corrections: readonly Correction[] = CORRECTIONS[item.kind];
  const correction = corrections.includes(chosen) ? chosen : corrections[0];

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = partnership.partnershipId;
    const revision = partnership.revision;
    switch (correction) {
      case 'reschedule':
        return void command.send(commandTarget('/api/partnerships/{id}/milestones/{milestoneId}/reschedule', { id, milestoneId: item.id }), { dueDate, reason }, revision);
      case 'cancel-milestone':
        return void command.send(commandTarget('/api/partnerships/{id}/milestones/{milestoneId}/cancellation', { id, milestoneId: item.id }), { reason }, revision);
      case 'void-activity':
        return void command.send(commandTarget('/api/partnerships/{id}/activities/{activityId}/void', { id, activityId: item.id }), { reason }, revision);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="correct-work" data-testid="correct-work-form">
      <h2 id="correct-work">{t('correctWork.title')}</h2>
      <p className="muted">{t('money.correctIntro')}</p>
      <div className="fields">
        <Field label={t('correctWork.item')} name="item" error={command.error}>
          {(p) => (
            <select {...p} value={`${item.kind}:${item.id}`} onChange={(e) => setChosenId(e.target.value)}>
              {items.map((i) => (
                <option key={`${i.kind}:${i.id}`} value={`${i.kind}:${i.id}`}>
                  {i.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('money.correction')} name="correction" error={command.error}>
          {(p) => <CodeSelect {...p} codes={corrections} value={correction} onChange={setChosen} />}
        </Field>
        {correction === 'reschedule' && (
          <Field label={t('correctWork.dueDate')} name="dueDate" error={command.error}>
            {(p) => <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
          </Field>
        )}
        <Field label={t('money.reason')} name="reason" error={command.error}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
      <FormFooter
        status={command.status}
        fields={['dueDate', 'reason']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t(`correctWork.done.${correction}`)}
        submit={t(`correctWork.submit.${correction}`)}
      />
    </form>
  );
}
