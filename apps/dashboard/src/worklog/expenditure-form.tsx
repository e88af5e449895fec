import { useState, type FormEvent } from 'react';
import { newId } from '../api/api-client';
import type { PartnershipDetail } from '../api/api-types';
import { toMinor } from '../ui/format';
import { Field, FormFooter } from '../ui/form';
import { useCommand } from '../ui/use-command';

interface Props {
  readonly partnership: PartnershipDetail;
  readonly onRecorded: () => void;
  readonly onReload: () => void;
}

const FIELDS = ['amount', 'date', 'category', 'spentInCountry', 'supplier'];

/** Money is typed in major units (1,250.50) and sent as exact minor units; a malformed amount is sent as typed so the API names it. */
function minorUnits(text: string, currency: string): number | string {
  const cleaned = text.replace(/[\s,]/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? toMinor(Number(cleaned), currency) : text;
}

export function ExpenditureForm({ partnership, onRecorded, onReload }: Props) {
  // "Supplier is local" starts unticked: a default of yes would count every careless entry as local spending.
  const blank = { amount: '', currency: 'EUR', date: '', category: '', spentInCountry: partnership.beneficiaryCountry, supplierName: '', supplierLocal: false };
  const [form, setForm] = useState(blank);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => {
    setForm(blank);
    onRecorded();
  });
  const error = command.error;
  function submit(event: FormEvent) {
    event.preventDefault();
    void command.send(
      `/api/partnerships/${encodeURIComponent(partnership.partnershipId)}/expenditures`,
      {
        flowId: newId('exp'),
        amount: { amountMinor: minorUnits(form.amount, form.currency), currency: form.currency.trim().toUpperCase() },
        date: form.date,
        category: form.category,
        spentInCountry: form.spentInCountry.trim().toUpperCase(),
        supplier: { name: form.supplierName, local: form.supplierLocal },
      },
      partnership.revision,
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="record-expenditure" data-testid="expenditure-form">
      <h2 id="record-expenditure">Record expenditure</h2>
      <div className="fields">
        <Field label="Amount" name="amount.amountMinor" error={error} hint="In the currency's units, e.g. 1250.50">
          {(p) => <input {...p} inputMode="decimal" value={form.amount} onChange={(e) => set('amount', e.target.value)} />}
        </Field>
        <Field label="Currency" name="amount.currency" error={error} hint="ISO 4217: EUR, USD, KES">
          {(p) => <input {...p} value={form.currency} maxLength={3} onChange={(e) => set('currency', e.target.value)} />}
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
      </div>
      <label className="checks">
        <input type="checkbox" checked={form.supplierLocal} onChange={(e) => set('supplierLocal', e.target.checked)} /> The supplier is local to the beneficiary country
      </label>
      <FormFooter status={command.status} fields={FIELDS} onReload={onReload} seenRevision={partnership.revision} success="Expenditure recorded." submit="Record expenditure" />
    </form>
  );
}
