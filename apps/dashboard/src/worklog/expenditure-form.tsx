import { useState, type FormEvent } from 'react';
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
      <h2 id="record-expenditure">Record expenditure</h2>
      <div className="fields">
        <Field
          label="Amount"
          name="amount.amountMinor"
          error={error}
          localReason={amountReason}
          hint={
            <>
              In the currency's units, written as in {locale}: {exampleAmount(locale)}.{' '}
              <output data-testid="amount-understood" aria-live="polite">
                {parsed?.ok ? `Understood as ${parsed.understood}.` : ''}
              </output>
            </>
          }
        >
          {(p) => <input {...p} inputMode="decimal" value={form.amount} onChange={(e) => set('amount', e.target.value)} />}
        </Field>
        <Field label="Currency" name="amount.currency" error={error} hint={`ISO 4217; this partnership's money is in ${currencies.join(', ') || 'no currency yet'}`}>
          {(p) => <CurrencyInput {...p} value={form.currency} currencies={currencies} onChange={(c) => set('currency', c)} />}
        </Field>
        <Field label="Date" name="date" error={error}>
          {(p) => <input {...p} type="date" value={form.date} onChange={(e) => set('date', e.target.value)} />}
        </Field>
        <Field label="Category" name="category" error={error} hint="What it paid for: venue and catering, trainers' fees…">
          {(p) => <input {...p} value={form.category} onChange={(e) => set('category', e.target.value)} />}
        </Field>
        <Field label="Spent in country" name="spentInCountry" error={error} hint="ISO 3166-1 alpha-2">
          {(p) => <input {...p} value={form.spentInCountry} maxLength={2} onChange={(e) => set('spentInCountry', e.target.value)} />}
        </Field>
        <Field label="Supplier" name="supplier.name" error={error}>
          {(p) => <input {...p} value={form.supplierName} onChange={(e) => set('supplierName', e.target.value)} />}
        </Field>
        <Field
          label="Reason, if spending goes beyond what you received"
          name="overspendReason"
          error={error}
          hint="Needed above 150% of the funds received: co-financing, own funds"
        >
          {(p) => <input {...p} value={form.overspendReason} onChange={(e) => set('overspendReason', e.target.value)} />}
        </Field>
      </div>
      <label className="checks">
        <input type="checkbox" checked={form.supplierLocal} onChange={(e) => set('supplierLocal', e.target.checked)} /> The supplier is local to the beneficiary country
      </label>
      <FormFooter status={command.status} fields={FIELDS} onReload={onReload} seenRevision={partnership.revision} success="Expenditure recorded." submit="Record expenditure" />
    </form>
  );
}
