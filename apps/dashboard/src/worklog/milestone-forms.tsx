import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../api/api-client';
import type { PartnershipDetail } from '../api/api-types';
import { Field, FormFooter } from '../ui/form';
import { useCommand } from '../ui/use-command';
import { commandTarget } from '../api/commands';

interface Props {
  readonly partnership: PartnershipDetail;
  readonly onRecorded: () => void;
  readonly onReload: () => void;
}

export function MilestoneForms(props: Props) {
  return (
    <div className="grid">
      <PlanMilestoneForm {...props} />
      <ReportAchievementForm {...props} />
    </div>
  );
}

function PlanMilestoneForm({ partnership, onRecorded, onReload }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const command = useCommand(() => {
    setTitle('');
    setDueDate('');
    onRecorded();
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    void command.send(commandTarget('/api/partnerships/{id}/milestones', { id: partnership.partnershipId }), { milestoneId: newId('ms'), title, dueDate }, partnership.revision);
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="plan-milestone" data-testid="plan-milestone-form">
      <h2 id="plan-milestone">{t('worklog.plan.title')}</h2>
      <div className="fields">
        <Field label={t('worklog.plan.titleField')} name="title" error={command.error}>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('worklog.plan.dueDate')} name="dueDate" error={command.error}>
          {(p) => <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
        </Field>
      </div>
      <FormFooter
        status={command.status}
        fields={['title', 'dueDate']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('worklog.plan.done')}
        submit={t('worklog.plan.submit')}
      />
    </form>
  );
}

function ReportAchievementForm({ partnership, onRecorded, onReload }: Props) {
  const { t } = useTranslation();
  const open = partnership.milestones.filter((m) => m.status === 'planned' || m.status === 'disputed');
  const [milestoneId, setMilestoneId] = useState('');
  const [achievedOn, setAchievedOn] = useState('');
  const [evidence, setEvidence] = useState('');
  const [uri, setUri] = useState('');
  const command = useCommand(() => {
    setMilestoneId('');
    setEvidence('');
    setUri('');
    onRecorded();
  });
  const chosen = milestoneId || open[0]?.milestoneId || '';
  function submit(event: FormEvent) {
    event.preventDefault();
    const item = { description: evidence, ...(uri.trim() ? { uri: uri.trim() } : {}) };
    void command.send(
      commandTarget('/api/partnerships/{id}/milestones/{milestoneId}/achievement', { id: partnership.partnershipId, milestoneId: chosen }),
      { achievedOn, evidence: [item] },
      partnership.revision,
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="report-milestone" data-testid="report-milestone-form">
      <h2 id="report-milestone">{t('worklog.report.title')}</h2>
      {open.length === 0 ? (
        <p className="muted">{t('worklog.report.none')}</p>
      ) : (
        <>
          <div className="fields">
            <Field label={t('worklog.report.milestone')} name="milestoneId" error={command.error}>
              {(p) => (
                <select {...p} value={chosen} onChange={(e) => setMilestoneId(e.target.value)}>
                  {open.map((m) => (
                    <option key={m.milestoneId} value={m.milestoneId}>
                      {t('worklog.report.option', { title: m.title, date: m.dueDate })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('worklog.report.achievedOn')} name="achievedOn" error={command.error}>
              {(p) => <input {...p} type="date" value={achievedOn} onChange={(e) => setAchievedOn(e.target.value)} />}
            </Field>
            <Field label={t('worklog.report.evidence')} name="evidence" error={command.error} hint={t('worklog.report.evidenceHint')}>
              {(p) => <input {...p} value={evidence} onChange={(e) => setEvidence(e.target.value)} />}
            </Field>
            <Field label={t('worklog.report.uri')} name="evidence.0.uri" error={command.error}>
              {(p) => <input {...p} type="url" value={uri} onChange={(e) => setUri(e.target.value)} />}
            </Field>
          </div>
          <FormFooter
            status={command.status}
            fields={['milestoneId', 'achievedOn', 'evidence']}
            onReload={onReload}
            seenRevision={partnership.revision}
            success={t('worklog.report.done')}
            submit={t('worklog.report.submit')}
          />
        </>
      )}
    </form>
  );
}
