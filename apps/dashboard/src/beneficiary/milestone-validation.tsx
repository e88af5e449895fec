import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent, PartnershipDetail } from '../api/api-types';
import { MilestoneStatus } from '../partnership/partnership-page';
import { formatDate } from '../ui/format';
import { CommandOutcome, Field } from '../ui/form';
import { Empty } from '../ui/states';
import { useCommand } from '../ui/use-command';
import { commandTarget } from '../api/commands';

const ACHIEVED = 'achieved';

type Milestone = PartnershipDetail['milestones'][number];
type Evidence = readonly { description: string; uri: string | null }[];

/** The evidence of the latest report of a milestone achieved (a re-report after a dispute replaces it). */
function evidenceOf(reports: readonly HistoryEvent[], milestoneId: string): Evidence {
  const latest = reports
    .map((r) => r.data)
    .filter((d): d is MilestoneReport => isMilestoneReport(d) && d.milestoneId === milestoneId)
    .at(-1);
  return latest?.evidence ?? [];
}

/** A MilestoneAchieved event's data, as much of it as this screen reads. */
interface MilestoneReport {
  readonly milestoneId: string;
  readonly evidence?: Evidence;
}

const isMilestoneReport = (data: unknown): data is MilestoneReport =>
  typeof data === 'object' && data !== null && 'milestoneId' in data && typeof data.milestoneId === 'string' && (!('evidence' in data) || Array.isArray(data.evidence));

/** Milestones the implementer reports achieved wait here for the beneficiary's word. */
export function MilestoneValidation({
  partnership,
  reports,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  reports: readonly HistoryEvent[];
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const waiting = partnership.milestones.filter((m) => m.status === ACHIEVED);
  const settled = partnership.milestones.filter((m) => m.status !== ACHIEVED);
  return (
    <section className="card" aria-labelledby="validation-heading">
      <h2 id="validation-heading">{t('beneficiary.validation.title')}</h2>
      {waiting.length === 0 ? (
        <Empty>{t('beneficiary.validation.none')}</Empty>
      ) : (
        waiting.map((m) => (
          <Validate key={m.milestoneId} milestone={m} evidence={evidenceOf(reports, m.milestoneId)} partnership={partnership} onRecorded={onRecorded} onReload={onReload} />
        ))
      )}
      {settled.length > 0 && (
        <>
          <h3>{t('beneficiary.validation.others')}</h3>
          <ul>
            {settled.map((m) => (
              <li key={m.milestoneId}>
                {m.title} — <MilestoneStatus status={m.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Validate({
  milestone,
  evidence,
  partnership,
  onRecorded,
  onReload,
}: {
  milestone: Milestone;
  evidence: Evidence;
  partnership: PartnershipDetail;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const command = useCommand(onRecorded);
  const ids = { id: partnership.partnershipId, milestoneId: milestone.milestoneId };
  return (
    <div className="card" data-milestone={milestone.milestoneId}>
      <h3>{milestone.title}</h3>
      <p className="muted">{t('beneficiary.validation.dates', { due: formatDate(milestone.dueDate), achieved: formatDate(milestone.achievedOn) })}</p>
      {evidence.length > 0 && (
        <>
          <h4>{t('beneficiary.validation.evidence')}</h4>
          <ul data-testid="evidence">
            {evidence.map((e) => (
              <li key={`${e.description}${e.uri ?? ''}`}>
                {e.description}
                {e.uri && /^https?:\/\//i.test(e.uri) && (
                  <>
                    {' '}
                    —{' '}
                    <a href={e.uri} rel="noopener noreferrer" target="_blank">
                      {e.uri}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <Field label={t('beneficiary.validation.note')} name="reason" error={command.error}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <CommandOutcome status={command.status} fields={['reason', 'note']} onReload={onReload} seenRevision={partnership.revision} success={t('beneficiary.validation.done')} />
      <div className="actions">
        <button
          type="button"
          disabled={command.status.state === 'sending'}
          onClick={() => void command.send(commandTarget('/api/partnerships/{id}/milestones/{milestoneId}/confirmation', ids), note.trim() ? { note } : {}, partnership.revision)}
        >
          {t('beneficiary.validation.confirm')}
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={command.status.state === 'sending'}
          onClick={() => void command.send(commandTarget('/api/partnerships/{id}/milestones/{milestoneId}/dispute', ids), { reason: note }, partnership.revision)}
        >
          {t('beneficiary.validation.dispute')}
        </button>
      </div>
    </div>
  );
}
