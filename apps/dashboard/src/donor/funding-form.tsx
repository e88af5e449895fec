import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../api/api-client';
import type { PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { exampleAmount, parseAmount } from '../ui/amount-entry';
import { CurrencyInput, Field, FormFooter } from '../ui/form';
import { humanise } from '../ui/format';
import { userLocale } from '../ui/locale';
import { useCommand } from '../ui/use-command';

const KINDS = ['commitment', 'disbursement'] as const;
type FlowKind = (typeof KINDS)[number];
const ROUTES = { commitment: '/api/partnerships/{id}/commitments', disbursement: '/api/partnerships/{id}/disbursements' } as const;
const FIELDS = ['receiverId', 'amount', 'date', 'exchangeRate', 'rateConfirmed'];

/**
 * A donor's money: a commitment or a disbursement to a party, in any currency. The amount is typed as the reader's
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
  const blank = { kind: 'commitment' as FlowKind, receiverId: receivers[0]?.organisationId ?? '', amount: '', currency: currencies[0] ?? 'EUR', date: '', rate: '' };
  const [form, setForm] = useState(blank);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => {
    setForm({ ...blank, kind: form.kind, receiverId: form.receiverId, currency: form.currency });
    setTried(false);
    onRecorded();
  });
  const currency = form.currency.trim().toUpperCase();
  const parsed = /^[A-Z]{3}$/.test(currency) ? parseAmount(form.amount, currency, locale) : null;
  const amountReason = tried && parsed && !parsed.ok ? parsed.reason : null;
  const needsRate = basis !== null && currency !== basis;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (parsed && !parsed.ok) return;
    const rate = needsRate && form.rate.trim() ? { exchangeRate: { toCurrency: basis, rate: form.rate.trim().replace(',', '.') }, rateConfirmed: true } : {};
    void command.send(
      commandTarget(ROUTES[form.kind], { id: partnership.partnershipId }),
      {
        flowId: newId(form.kind === 'commitment' ? 'com' : 'dis'),
        receiverId: form.receiverId,
        amount: { amountMinor: parsed?.ok ? parsed.amountMinor : form.amount, currency },
        date: form.date,
        ...rate,
      },
      partnership.revision,
    );
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
        <Field label={t('donor.funding.receiver')} name="receiverId" error={command.error}>
          {(p) => (
            <select {...p} value={form.receiverId} onChange={(e) => set('receiverId', e.target.value)}>
              {receivers.map((r) => (
                <option key={`${r.role}-${r.organisationId}`} value={r.organisationId}>
                  {nameOf(r.organisationId)} ({humanise(r.role)})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('donor.funding.amount')}
          name="amount.amountMinor"
          error={command.error}
          localReason={amountReason}
          hint={
            <>
              {t('donor.funding.amountHint', { example: exampleAmount(locale) })}{' '}
              <output data-testid="funding-understood" aria-live="polite">
                {parsed?.ok ? t('donor.funding.understood', { amount: parsed.understood }) : ''}
              </output>
            </>
          }
        >
          {(p) => <input {...p} inputMode="decimal" value={form.amount} onChange={(e) => set('amount', e.target.value)} />}
        </Field>
        <Field label={t('donor.funding.currency')} name="amount.currency" error={command.error}>
          {(p) => <CurrencyInput {...p} value={form.currency} currencies={currencies} onChange={(c) => set('currency', c)} />}
        </Field>
        <Field label={t('donor.funding.date')} name="date" error={command.error}>
          {(p) => <input {...p} type="date" value={form.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
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
