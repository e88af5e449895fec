import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, FlowRecord, PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { parseAmount } from '../ui/amount-entry';
import { DataTable } from '../ui/data-table';
import { AmountField, CodeSelect, Field, FormFooter } from '../ui/form';
import { formatDate, formatMoney, humanise } from '../ui/format';
import { userLocale } from '../ui/locale';
import { useCommand } from '../ui/use-command';

const ENDED: ReadonlySet<string> = new Set(['closed', 'cancelled']);
const FIELDS = ['reason', 'amount', 'date', 'exchangeRate'];

/** What may be done to a recorded flow, by its kind: the corrections the API offers for it. */
const CORRECTIONS = {
  commitment: ['amend', 'deobligate', 'cancel'],
  disbursement: ['void', 'correct'],
  refund: ['void', 'correct'],
  'in-kind': ['void', 'correct'],
  expenditure: ['void'],
} as const satisfies Readonly<Record<FlowRecord['kind'], readonly string[]>>;
type Correction = (typeof CORRECTIONS)[FlowRecord['kind']][number];

/**
 * Every flow of money as it now stands (corrections applied), and a form to correct one: amend, de-obligate or
 * cancel a commitment, void or re-date a disbursement, refund or in-kind contribution, void an expenditure. Each
 * correction is a new event with its reason; the original stays in the history. Offered to the flow's author
 * and to the partnership's donors, as the API allows, and never once the partnership has ended.
 */
export function MoneyRecordsCard({
  partnership,
  dossier,
  organisationId,
  isDonor,
  nameOf,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  dossier: Dossier;
  organisationId: string | null;
  isDonor: boolean;
  nameOf: (organisationId: string) => string;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const correctable = ENDED.has(partnership.phase) ? [] : dossier.flows.filter((f) => !f.voided && (f.authorId === organisationId || isDonor));
  const flowLabel = (f: FlowRecord) =>
    `${humanise(f.kind)} · ${formatDate(f.date)} · ${formatMoney(f.amount.amountMinor, f.amount.currency)}${f.receiverId ? ` → ${nameOf(f.receiverId)}` : ''}`;
  return (
    <section className="card" aria-labelledby="money-records-title" data-testid="money-records">
      <h2 id="money-records-title">{t('money.title')}</h2>
      <DataTable
        caption={t('money.caption')}
        testId="money-records-table"
        rows={dossier.flows}
        rowKey={(f) => f.flowId}
        empty={t('money.none')}
        columns={[
          { header: t('money.kind'), cell: (f) => humanise(f.kind) },
          { header: t('money.date'), cell: (f) => formatDate(f.date) },
          { header: t('money.from'), cell: (f) => nameOf(f.providerId) },
          { header: t('money.to'), cell: (f) => (f.receiverId ? nameOf(f.receiverId) : t('money.spent')) },
          { header: t('money.amount'), cell: (f) => formatMoney(f.amount.amountMinor, f.amount.currency), numeric: true },
          { header: t('money.rate'), cell: (f) => (f.exchangeRate ? `1 ${f.amount.currency} = ${f.exchangeRate.rate} ${f.exchangeRate.toCurrency}` : t('money.tableRate')) },
          { header: t('money.status'), cell: (f) => (f.voided ? t('money.voided') : t('money.standing')) },
        ]}
      />
      {correctable.length > 0 && <CorrectFlowForm partnership={partnership} flows={correctable} flowLabel={flowLabel} onRecorded={onRecorded} onReload={onReload} />}
    </section>
  );
}

function CorrectFlowForm({
  partnership,
  flows,
  flowLabel,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  flows: readonly FlowRecord[];
  flowLabel: (flow: FlowRecord) => string;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [flowId, setFlowId] = useState(flows[0].flowId);
  const flow = flows.find((f) => f.flowId === flowId) ?? flows[0];
  const corrections: readonly Correction[] = CORRECTIONS[flow.kind];
  const [chosen, setChosen] = useState<Correction>(corrections[0]);
  const correction = corrections.includes(chosen) ? chosen : corrections[0];
  const [form, setForm] = useState({ reason: '', amount: '', date: '', rate: '' });
  const [tried, setTried] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => {
    setForm({ reason: '', amount: '', date: '', rate: '' });
    setTried(false);
    onRecorded();
  });
  const currency = flow.amount.currency;
  const parsed = correction === 'amend' && form.amount.trim() ? parseAmount(form.amount, currency, userLocale()) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (parsed && !parsed.ok) return;
    const path = { id: partnership.partnershipId, flowId: flow.flowId };
    const reason = form.reason;
    const revision = partnership.revision;
    const date = form.date ? { date: form.date } : {};
    switch (correction) {
      case 'amend':
        return void command.send(
          commandTarget('/api/partnerships/{id}/commitments/{flowId}/amendment', path),
          { reason, ...date, ...(parsed?.ok ? { amount: { amountMinor: parsed.amountMinor, currency } } : {}) },
          revision,
        );
      case 'deobligate':
        return void command.send(commandTarget('/api/partnerships/{id}/commitments/{flowId}/deobligation', path), { reason }, revision);
      case 'cancel':
        return void command.send(commandTarget('/api/partnerships/{id}/commitments/{flowId}/cancellation', path), { reason }, revision);
      case 'void':
        return flow.kind === 'expenditure'
          ? void command.send(commandTarget('/api/partnerships/{id}/expenditures/{flowId}/void', path), { reason }, revision)
          : void command.send(commandTarget('/api/partnerships/{id}/flows/{flowId}/void', path), { reason }, revision);
      case 'correct': {
        const rate = flow.exchangeRate && form.rate.trim() ? { exchangeRate: { toCurrency: flow.exchangeRate.toCurrency, rate: form.rate.trim().replace(',', '.') } } : {};
        return void command.send(commandTarget('/api/partnerships/{id}/flows/{flowId}/correction', path), { reason, ...date, ...rate }, revision);
      }
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="correct-flow" data-testid="correct-flow-form">
      <h3 id="correct-flow">{t('money.correctTitle')}</h3>
      <p className="muted">{t('money.correctIntro')}</p>
      <div className="fields">
        <Field label={t('money.flow')} name="flowId" error={command.error}>
          {(p) => (
            <select {...p} value={flow.flowId} onChange={(e) => setFlowId(e.target.value)}>
              {flows.map((f) => (
                <option key={f.flowId} value={f.flowId}>
                  {flowLabel(f)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('money.correction')} name="correction" error={command.error} hint={t(`money.explain.${correction}`)}>
          {(p) => <CodeSelect {...p} codes={corrections} value={correction} onChange={setChosen} />}
        </Field>
        {correction === 'amend' && (
          <AmountField
            label={t('money.newAmount', { currency })}
            value={form.amount}
            onChange={(text) => set('amount', text)}
            parsed={parsed}
            tried={tried}
            error={command.error}
            understoodTestId="amend-understood"
          />
        )}
        {(correction === 'amend' || correction === 'correct') && (
          <Field label={t('money.newDate')} name="date" error={command.error} hint={t('money.keepHint')}>
            {(p) => <input {...p} type="date" value={form.date} onChange={(e) => set('date', e.target.value)} />}
          </Field>
        )}
        {correction === 'correct' && flow.exchangeRate && (
          <Field label={t('donor.funding.rate', { from: currency, to: flow.exchangeRate.toCurrency })} name="exchangeRate.rate" error={command.error} hint={t('money.keepHint')}>
            {(p) => <input {...p} inputMode="decimal" value={form.rate} onChange={(e) => set('rate', e.target.value)} />}
          </Field>
        )}
        <Field label={t('money.reason')} name="reason" error={command.error}>
          {(p) => <input {...p} value={form.reason} onChange={(e) => set('reason', e.target.value)} />}
        </Field>
      </div>
      <FormFooter
        status={command.status}
        fields={FIELDS}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t(`money.done.${correction}`)}
        submit={t(`money.submit.${correction}`)}
      />
    </form>
  );
}
