import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { formatDate, humanise } from '../ui/format';
import { userLocale } from '../ui/locale';
import { useCommand } from '../ui/use-command';
import { ActivityForm } from './activity-form';

/** What can be corrected, by what it is: a milestone not yet confirmed, an activity that stands, a measurement. */
const CORRECTIONS = {
  milestone: ['reschedule', 'cancel-milestone'],
  activity: ['correct-activity', 'void-activity'],
  measurement: ['void-measurement'],
} as const;
type Kind = keyof typeof CORRECTIONS;
interface Item {
  readonly kind: Kind;
  /** Unique among the items: a measurement has no id of its own, so it is named by its place in the dossier. */
  readonly key: string;
  readonly label: string;
}
type Correction = (typeof CORRECTIONS)[Kind][number];
const CORRECTABLE_MILESTONES: ReadonlySet<string> = new Set(['planned', 'achieved', 'disputed']);

/**
 * The implementer's own mistakes, corrected with a reason: a milestone rescheduled or cancelled, an activity
 * restated or voided, a measurement voided. The original stays in the history, and the figures follow the correction.
 */
export function CorrectWorkForm({
  partnership,
  dossier,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  dossier: Dossier;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const indicatorName = new Map(partnership.indicators.map((i) => [i.indicatorId, i]));
  const number = new Intl.NumberFormat(userLocale(), { maximumFractionDigits: 6 });
  const items: Item[] = [
    ...partnership.milestones
      .filter((m) => CORRECTABLE_MILESTONES.has(m.status))
      .map((m) => ({
        kind: 'milestone' as const,
        key: `milestone:${m.milestoneId}`,
        label: t('correctWork.milestoneOption', { title: m.title, date: formatDate(m.dueDate), status: humanise(m.status) }),
      })),
    ...dossier.activities.map((a) => ({
      kind: 'activity' as const,
      key: `activity:${a.activityId}`,
      label: t('correctWork.activityOption', { title: a.title, date: formatDate(a.startDate) }),
    })),
    ...dossier.measurements.map((m, at) => {
      const indicator = indicatorName.get(m.indicatorId);
      return {
        kind: 'measurement' as const,
        key: `measurement:${at}`,
        label: t('correctWork.measurementOption', {
          indicator: indicator?.name ?? m.indicatorId,
          value: number.format(m.value),
          unit: indicator?.unit ?? '',
          date: formatDate(m.measuredOn),
        }),
      };
    }),
  ];
  const [chosenKey, setChosenKey] = useState('');
  const item = items.find((i) => i.key === chosenKey) ?? items[0];
  const [chosen, setChosen] = useState<Correction>('reschedule');
  const [dueDate, setDueDate] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(() => (setReason(''), setDueDate(''), onRecorded()));
  // Said of the correction sent: once it is recorded, the list may no longer hold what it corrected.
  const [sent, setSent] = useState<Correction>('reschedule');
  if (!item) return null;
  const corrections: readonly Correction[] = CORRECTIONS[item.kind];
  const correction = corrections.includes(chosen) ? chosen : corrections[0];
  const id = partnership.partnershipId;
  const itemId = item.key.slice(item.kind.length + 1);
  const activity = item.kind === 'activity' ? dossier.activities.find((a) => a.activityId === itemId) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(correction);
    const revision = partnership.revision;
    switch (correction) {
      case 'reschedule':
        return void command.send(commandTarget('/api/partnerships/{id}/milestones/{milestoneId}/reschedule', { id, milestoneId: itemId }), { dueDate, reason }, revision);
      case 'cancel-milestone':
        return void command.send(commandTarget('/api/partnerships/{id}/milestones/{milestoneId}/cancellation', { id, milestoneId: itemId }), { reason }, revision);
      case 'void-activity':
        return void command.send(commandTarget('/api/partnerships/{id}/activities/{activityId}/void', { id, activityId: itemId }), { reason }, revision);
      case 'void-measurement': {
        const m = dossier.measurements[Number(itemId)];
        if (!m) return;
        return void command.send(
          commandTarget('/api/partnerships/{id}/indicators/{indicatorId}/measurements/void', { id, indicatorId: m.indicatorId }),
          { value: m.value, measuredOn: m.measuredOn, reason },
          revision,
        );
      }
      case 'correct-activity':
        return; // the activity's own form sends it
    }
  }

  return (
    <section className="card" aria-labelledby="correct-work" data-testid="correct-work-form">
      <h2 id="correct-work">{t('correctWork.title')}</h2>
      <p className="muted">{t('money.correctIntro')}</p>
      <div className="fields">
        <Field label={t('correctWork.item')} name="item" error={command.error}>
          {(p) => (
            <select {...p} value={item.key} onChange={(e) => setChosenKey(e.target.value)}>
              {items.map((i) => (
                <option key={i.key} value={i.key}>
                  {i.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('money.correction')} name="correction" error={command.error}>
          {(p) => <CodeSelect {...p} codes={corrections} value={correction} onChange={setChosen} />}
        </Field>
      </div>
      {correction === 'correct-activity' && activity ? (
        // Keyed by the activity: choosing another one starts again from what that one recorded.
        <ActivityForm key={activity.activityId} partnership={partnership} dossier={dossier} correcting={activity} onRecorded={onRecorded} onReload={onReload} />
      ) : (
        <form onSubmit={submit} noValidate aria-label={t(`correctWork.submit.${correction}`)}>
          <div className="fields">
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
            fields={['dueDate', 'reason', 'value', 'measuredOn']}
            onReload={onReload}
            seenRevision={partnership.revision}
            success={t(`correctWork.done.${sent}`)}
            submit={t(`correctWork.submit.${correction}`)}
          />
        </form>
      )}
    </section>
  );
}
