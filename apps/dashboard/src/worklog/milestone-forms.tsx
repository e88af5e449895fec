import { useState, type FormEvent } from 'react';
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
      <h2 id="plan-milestone">Plan a milestone</h2>
      <div className="fields">
        <Field label="Title" name="title" error={command.error}>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Due date" name="dueDate" error={command.error}>
          {(p) => <input {...p} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
        </Field>
      </div>
      <FormFooter
        status={command.status}
        fields={['title', 'dueDate']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success="Milestone planned."
        submit="Plan milestone"
      />
    </form>
  );
}

function ReportAchievementForm({ partnership, onRecorded, onReload }: Props) {
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
      <h2 id="report-milestone">Report a milestone achieved</h2>
      {open.length === 0 ? (
        <p className="muted">No planned milestone is waiting to be reported.</p>
      ) : (
        <>
          <div className="fields">
            <Field label="Milestone" name="milestoneId" error={command.error}>
              {(p) => (
                <select {...p} value={chosen} onChange={(e) => setMilestoneId(e.target.value)}>
                  {open.map((m) => (
                    <option key={m.milestoneId} value={m.milestoneId}>
                      {m.title} (due {m.dueDate})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Achieved on" name="achievedOn" error={command.error}>
              {(p) => <input {...p} type="date" value={achievedOn} onChange={(e) => setAchievedOn(e.target.value)} />}
            </Field>
            <Field label="Evidence" name="evidence" error={command.error} hint="What shows it was delivered: minutes, a report, a sign-off">
              {(p) => <input {...p} value={evidence} onChange={(e) => setEvidence(e.target.value)} />}
            </Field>
            <Field label="Link to the evidence (optional)" name="evidence.0.uri" error={command.error}>
              {(p) => <input {...p} type="url" value={uri} onChange={(e) => setUri(e.target.value)} />}
            </Field>
          </div>
          <FormFooter
            status={command.status}
            fields={['milestoneId', 'achievedOn', 'evidence']}
            onReload={onReload}
            seenRevision={partnership.revision}
            success="Reported; the beneficiary is asked to confirm."
            submit="Report achieved"
          />
        </>
      )}
    </form>
  );
}
