import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BASELINE_COMMITMENTS } from '../../../../libs/domain/src/partnerships/vocabulary';
import type { Dossier, PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { DataTable } from '../ui/data-table';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

type Commitment = (typeof BASELINE_COMMITMENTS)[number];

/**
 * The baseline commitments the parties hold themselves to (human rights, civil-society participation, gender
 * equality, do no harm): each with how it is kept and who recorded it, a form to add one while the partnership
 * runs, and a withdrawal with a reason while it has not ended.
 */
export function BaselineCommitmentsCard({
  partnership,
  dossier,
  nameOf,
  active,
  open,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  dossier: Dossier;
  nameOf: (organisationId: string) => string;
  /** Running: neither suspended nor ended. New commitments need it; a withdrawal only needs it not ended. */
  active: boolean;
  open: boolean;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const held = dossier.baselineCommitments.map((c) => c.commitment);
  const free = BASELINE_COMMITMENTS.filter((c) => !held.includes(c));
  const [commitment, setCommitment] = useState<Commitment>(free[0] ?? 'other');
  const [description, setDescription] = useState('');
  const chosen = free.includes(commitment) ? commitment : (free[0] ?? 'other');
  const record = useCommand(() => (setDescription(''), onRecorded()));
  const id = partnership.partnershipId;

  function submit(event: FormEvent) {
    event.preventDefault();
    void record.send(commandTarget('/api/partnerships/{id}/baseline-commitments', { id }), { commitment: chosen, description }, partnership.revision);
  }

  return (
    <section className="card" aria-labelledby="baseline-title" data-testid="baseline-commitments">
      <h2 id="baseline-title">{t('baseline.title')}</h2>
      <p className="muted">{t('baseline.intro')}</p>
      <DataTable
        caption={t('baseline.caption')}
        testId="baseline-table"
        empty={t('baseline.none')}
        rows={dossier.baselineCommitments}
        rowKey={(c) => c.commitment}
        columns={[
          { header: t('baseline.commitment'), cell: (c) => humanise(c.commitment) },
          { header: t('baseline.description'), cell: (c) => c.description },
          { header: t('baseline.recordedBy'), cell: (c) => nameOf(c.recordedBy) },
        ]}
      />
      {open && held.length > 0 && <Withdraw partnership={partnership} held={held} onRecorded={onRecorded} onReload={onReload} />}
      {active && free.length > 0 && (
        <form onSubmit={submit} noValidate aria-labelledby="baseline-record" data-testid="baseline-form">
          <h3 id="baseline-record">{t('baseline.recordTitle')}</h3>
          <div className="fields">
            <Field label={t('baseline.commitment')} name="commitment" error={record.error}>
              {(p) => <CodeSelect {...p} codes={free} value={chosen} onChange={setCommitment} />}
            </Field>
            <Field label={t('baseline.description')} name="description" error={record.error} hint={t('baseline.descriptionHint')}>
              {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
            </Field>
          </div>
          <FormFooter
            status={record.status}
            fields={['commitment', 'description']}
            onReload={onReload}
            seenRevision={partnership.revision}
            success={t('baseline.recorded')}
            submit={t('baseline.record')}
          />
        </form>
      )}
    </section>
  );
}

function Withdraw({ partnership, held, onRecorded, onReload }: { partnership: PartnershipDetail; held: readonly Commitment[]; onRecorded: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [commitment, setCommitment] = useState<Commitment>(held[0] ?? 'other');
  const [reason, setReason] = useState('');
  const chosen = held.includes(commitment) ? commitment : (held[0] ?? 'other');
  const withdraw = useCommand(() => (setReason(''), onRecorded()));
  function submit(event: FormEvent) {
    event.preventDefault();
    void withdraw.send(
      commandTarget('/api/partnerships/{id}/baseline-commitments/withdrawal', { id: partnership.partnershipId }),
      { commitment: chosen, reason },
      partnership.revision,
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="baseline-withdraw" data-testid="baseline-withdraw-form">
      <h3 id="baseline-withdraw">{t('baseline.withdrawTitle')}</h3>
      <div className="fields">
        <Field label={t('baseline.commitment')} name="commitment" error={withdraw.error}>
          {(p) => <CodeSelect {...p} codes={held} value={chosen} onChange={setCommitment} />}
        </Field>
        <Field label={t('money.reason')} name="reason" error={withdraw.error}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
      <FormFooter
        status={withdraw.status}
        fields={['commitment', 'reason']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('baseline.withdrawn')}
        submit={t('baseline.withdraw')}
      />
    </form>
  );
}
