import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../api/api-client';
import type { PartnershipDetail } from '../api/api-types';
import { exampleAmount, parseAmount } from '../ui/amount-entry';
import { CurrencyInput, Field, FormFooter } from '../ui/form';
import { userLocale } from '../ui/locale';
import { useCommand } from '../ui/use-command';
import { commandTarget } from '../api/commands';

interface Props {
  readonly partnership: PartnershipDetail;
  /** The partnership's programme currency first, then the others its money moved in: what the currency field offers. */
  readonly currencies: readonly string[];
  readonly onRecorded: () => void;
  readonly onReload: () => void;
}

const FIELDS = ['amount', 'date', 'category', 'spentInCountry', 'supplier', 'overspendReason'];

/**
 * Money is typed in major units as the user's locale writes them (12.500,50 in Dutch) and sent as exact minor
 * units. The amount as understood is shown before sending; text that could mean two amounts is never sent.
 */
export function ExpenditureForm({ partnership, currencies, onRecorded, onReload }: Props) {
  const { t } = useTranslation();
  const locale = userLocale();
  // "Supplier is local" starts unticked: a default of yes would count every careless entry as local spending.
  const blank = {
    amount: '',
    currency: currencies[0] ?? 'EUR',
    date: '',
    category: '',
    spentInCountry: partnership.beneficiaryCountry,
    supplierName: '',
    supplierLocal: false,
    overspendReason: '',
  };
  const [form, setForm] = useState(blank);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => {
    setForm(blank);
    setTried(false);
    onRecorded();
  });
  const error = command.error;
  const currency = form.currency.trim().toUpperCase();
  const parsed = /^[A-Z]{3}$/.test(currency) ? parseAmount(form.amount, currency, locale) : null;
  const amountReason = tried && parsed && !parsed.ok ? parsed.reason : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    // Only the browser knows which locale the digits were typed in: an amount it cannot read is not sent.
    if (parsed && !parsed.ok) return;
    void command.send(
      commandTarget('/api/partnerships/{id}/expenditures', { id: partnership.partnershipId }),
      {
        flowId: newId('exp'),
        amount: { amountMinor: parsed?.ok ? parsed.amountMinor : form.amount, currency },
        date: form.date,
        category: form.category,
        spentInCountry: form.spentInCountry.trim().toUpperCase(),
        supplier: { name: form.supplierName, local: form.supplierLocal },
        ...(form.overspendReason.trim() ? { overspendReason: form.overspendReason } : {}),
      },
      partnership.revision,
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="record-expenditure" data-testid="expenditure-form">
      <h2 id="record-expenditure">{t('worklog.spend.title')}</h2>
      <div className="fields">
        <Field
          label={t('worklog.spend.amount')}
          name="amount.amountMinor"
          error={error}
          localReason={amountReason}
          hint={
            <>
              {t('worklog.spend.amountHint', { locale, example: exampleAmount(locale) })}{' '}
              <output data-testid="amount-understood" aria-live="polite">
                {parsed?.ok ? t('worklog.spend.understood', { amount: parsed.understood }) : ''}
              </output>
            </>
          }
        >
          {(p) => <input {...p} inputMode="decimal" value={form.amount} onChange={(e) => set('amount', e.target.value)} />}
        </Field>
        <Field
          label={t('worklog.spend.currency')}
          name="amount.currency"
          error={error}
          hint={t('worklog.spend.currencyHint', { currencies: currencies.join(', ') || t('worklog.spend.noCurrency') })}
        >
          {(p) => <CurrencyInput {...p} value={form.currency} currencies={currencies} onChange={(c) => set('currency', c)} />}
        </Field>
        <Field label={t('worklog.spend.date')} name="date" error={error}>
          {(p) => <input {...p} type="date" value={form.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
        <Field label={t('worklog.spend.category')} name="category" error={error} hint={t('worklog.spend.categoryHint')}>
          {(p) => <input {...p} value={form.category} onChange={(e) => set('category', e.target.value)} />}
        </Field>
        <Field label={t('worklog.spend.country')} name="spentInCountry" error={error} hint="ISO 3166-1 alpha-2">
          {(p) => <input {...p} value={form.spentInCountry} maxLength={2} onChange={(e) => set('spentInCountry', e.target.value)} />}
        </Field>
        <Field label={t('worklog.spend.supplier')} name="supplier.name" error={error}>
          {(p) => <input {...p} value={form.supplierName} onChange={(e) => set('supplierName', e.target.value)} />}
        </Field>
        <Field label={t('worklog.spend.overspend')} name="overspendReason" error={error} hint={t('worklog.spend.overspendHint')}>
          {(p) => <input {...p} value={form.overspendReason} onChange={(e) => set('overspendReason', e.target.value)} />}
        </Field>
      </div>
      <label className="checks">
        <input type="checkbox" checked={form.supplierLocal} onChange={(e) => set('supplierLocal', e.target.checked)} /> {t('worklog.spend.local')}
      </label>
      <FormFooter
        status={command.status}
        fields={FIELDS}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('worklog.spend.done')}
        submit={t('worklog.spend.submit')}
      />
    </form>
  );
}
