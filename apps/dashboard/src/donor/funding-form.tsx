import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../api/api-client';
import type { PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { parseAmount } from '../ui/amount-entry';
import { AmountField, CurrencyInput, Field, FormFooter } from '../ui/form';
import { humanise } from '../ui/format';
import { userLocale } from '../ui/locale';
import { useCommand } from '../ui/use-command';

const KINDS = ['commitment', 'disbursement', 'refund', 'in-kind'] as const;
type FlowKind = (typeof KINDS)[number];
const FIELDS = ['receiverId', 'providerId', 'amount', 'date', 'exchangeRate', 'rateConfirmed', 'reason', 'description'];
const ID_PREFIX: Readonly<Record<FlowKind, string>> = { commitment: 'com', disbursement: 'dis', refund: 'ref', 'in-kind': 'ink' };

/**
 * A donor's money: a commitment, a disbursement or an in-kind contribution to a party, or a refund of money it
 * was given back to whoever gave it, in any currency. The amount is typed as the reader's
 * language writes it and shown as understood before sending. A rate to the programme currency may be given
 * (the one on the grant letter); without one, the rate table's for the date is used.
 */
export function FundingForm({
  partnership,
  currencies,
  basis,
  nameOf,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  currencies: readonly string[];
  /** The programme currency, which figures are converted to; null before any money. */
  basis: string | null;
  nameOf: (id: string) => string;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const locale = userLocale();
  const receivers = partnership.parties.filter((p) => p.role === 'implementer' || p.role === 'beneficiary');
  // A refund goes back to whoever gave the money: a donor, or an implementer passing funds on.
  const providers = partnership.parties.filter((p) => p.role === 'donor' || p.role === 'implementer');
  const blank = {
    kind: 'commitment' as FlowKind,
    receiverId: receivers[0]?.organisationId ?? '',
    providerId: providers[0]?.organisationId ?? '',
    amount: '',
    currency: currencies[0] ?? 'EUR',
    date: '',
    rate: '',
    reason: '',
    description: '',
  };
  const [form, setForm] = useState(blank);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => {
    setForm({ ...blank, kind: form.kind, receiverId: form.receiverId, providerId: form.providerId, currency: form.currency });
    setTried(false);
    onRecorded();
  });
  const currency = form.currency.trim().toUpperCase();
  const parsed = /^[A-Z]{3}$/.test(currency) ? parseAmount(form.amount, currency, locale) : null;
  const refund = form.kind === 'refund';
  // A refund names who the money goes back to; every other flow names who receives it.
  const counterpart = refund ? 'providerId' : 'receiverId';
  const needsRate = basis !== null && currency !== basis;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (parsed && !parsed.ok) return;
    const rate = needsRate && form.rate.trim() ? { exchangeRate: { toCurrency: basis, rate: form.rate.trim().replace(',', '.') }, rateConfirmed: true } : {};
    const id = { id: partnership.partnershipId };
    const flowId = newId(ID_PREFIX[form.kind]);
    const amount = { amountMinor: parsed?.ok ? parsed.amountMinor : form.amount, currency };
    const revision = partnership.revision;
    switch (form.kind) {
      case 'commitment':
        return void command.send(commandTarget('/api/partnerships/{id}/commitments', id), { flowId, receiverId: form.receiverId, amount, date: form.date, ...rate }, revision);
      case 'disbursement':
        return void command.send(commandTarget('/api/partnerships/{id}/disbursements', id), { flowId, receiverId: form.receiverId, amount, date: form.date, ...rate }, revision);
      case 'in-kind':
        return void command.send(
          commandTarget('/api/partnerships/{id}/in-kind-contributions', id),
          { flowId, receiverId: form.receiverId, amount, date: form.date, description: form.description, ...rate },
          revision,
        );
      case 'refund':
        return void command.send(
          commandTarget('/api/partnerships/{id}/refunds', id),
          { flowId, providerId: form.providerId, amount, date: form.date, reason: form.reason, ...rate },
          revision,
        );
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="record-funding" data-testid="funding-form">
      <h2 id="record-funding">{t('donor.funding.title')}</h2>
      <fieldset className="toggle">
        <legend className="visually-hidden">{t('donor.funding.kind')}</legend>
        {KINDS.map((kind) => (
          <label key={kind}>
            <input type="radio" name="flow-kind" value={kind} checked={form.kind === kind} onChange={() => set('kind', kind)} />
            <span>{t(`donor.funding.${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="fields">
        <Field label={refund ? t('donor.funding.refundTo') : t('donor.funding.receiver')} name={counterpart} error={command.error}>
          {(p) => (
            <select {...p} value={form[counterpart]} onChange={(e) => set(counterpart, e.target.value)}>
              {(refund ? providers : receivers).map((r) => (
                <option key={`${r.role}-${r.organisationId}`} value={r.organisationId}>
                  {nameOf(r.organisationId)} ({humanise(r.role)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <AmountField
          label={t('donor.funding.amount')}
          value={form.amount}
          onChange={(text) => set('amount', text)}
          parsed={parsed}
          tried={tried}
          error={command.error}
          understoodTestId="funding-understood"
        />
        <Field label={t('donor.funding.currency')} name="amount.currency" error={command.error}>
          {(p) => <CurrencyInput {...p} value={form.currency} currencies={currencies} onChange={(c) => set('currency', c)} />}
        </Field>
        <Field label={t('donor.funding.date')} name="date" error={command.error}>
          {(p) => <input {...p} type="date" value={form.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
        {form.kind === 'refund' && (
          <Field label={t('donor.funding.reason')} name="reason" error={command.error}>
            {(p) => <input {...p} value={form.reason} onChange={(e) => set('reason', e.target.value)} />}
          </Field>
        )}
        {form.kind === 'in-kind' && (
          <Field label={t('donor.funding.description')} name="description" error={command.error} hint={t('donor.funding.descriptionHint')}>
            {(p) => <input {...p} value={form.description} onChange={(e) => set('description', e.target.value)} />}
          </Field>
        )}
        {needsRate && (
          <Field label={t('donor.funding.rate', { from: currency, to: basis })} name="exchangeRate.rate" error={command.error} hint={t('donor.funding.rateHint', { to: basis })}>
            {(p) => <input {...p} inputMode="decimal" value={form.rate} onChange={(e) => set('rate', e.target.value)} />}
          </Field>
        )}
      </div>
      <FormFooter
        status={command.status}
        fields={FIELDS}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t(`donor.funding.recorded.${form.kind}`)}
        submit={t(`donor.funding.submit.${form.kind}`)}
      />
    </form>
  );
}
