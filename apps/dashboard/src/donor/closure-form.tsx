import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { useCommand } from '../ui/use-command';

const OUTCOMES = ['achieved', 'partially-achieved', 'not-achieved'] as const;
type Outcome = (typeof OUTCOMES)[number];

/**
 * Closing after the evaluation: the outcome, what it left behind, and whether the work was handed over to a
 * national institution (which one, and when): what sustainability is read from.
 */
export function ClosureForm({ partnership, onRecorded, onReload }: { partnership: PartnershipDetail; onRecorded: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('achieved');
  const [summary, setSummary] = useState('');
  const [handedOver, setHandedOver] = useState(false);
  const [institutionId, setInstitutionId] = useState('');
  const [date, setDate] = useState('');
  const close = useCommand(onRecorded);
  function submit(event: FormEvent) {
    event.preventDefault();
    void close.send(
      commandTarget('/api/partnerships/{id}/closure', { id: partnership.partnershipId }),
      { outcome, summary, handover: handedOver ? { done: true, institutionId: institutionId || null, date: date || null } : { done: false, institutionId: null, date: null } },
      partnership.revision,
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="close-title" data-testid="closure-form">
      <h2 id="close-title">{t('closure.title')}</h2>
      <p className="muted">{t('closure.intro')}</p>
      <Field label={t('closure.outcome')} name="outcome" error={close.error}>
        {(p) => <CodeSelect {...p} codes={OUTCOMES} value={outcome} onChange={setOutcome} />}
      </Field>
      <Field label={t('closure.summary')} name="summary" error={close.error}>
        {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <label className="checks">
        <input type="checkbox" name="handover.done" checked={handedOver} onChange={(e) => setHandedOver(e.target.checked)} /> {t('closure.handedOver')}
      </label>
      {handedOver && (
        <div className="fields">
          <Field label={t('closure.institution')} name="handover.institutionId" error={close.error}>
            {(p) => (
              <select {...p} value={institutionId} onChange={(e) => setInstitutionId(e.target.value)}>
                <option value="">{t('closure.choose')}</option>
                {partnership.parties
                  .filter((party) => party.role === 'beneficiary' || party.role === 'implementer')
                  .map((party) => (
                    <option key={`${party.organisationId}:${party.role}`} value={party.organisationId}>
                      {party.name ?? party.organisationId}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={t('closure.date')} name="handover.date" error={close.error}>
            {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
        </div>
      )}
      <FormFooter
        status={close.status}
        fields={['outcome', 'summary', 'handover']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('closure.done')}
        submit={t('closure.submit')}
      />
    </form>
  );
}
