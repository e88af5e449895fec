import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeRateSets } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { DataTable } from '../ui/data-table';
import { Field, FormFooter } from '../ui/form';
import { formatDate, listOf } from '../ui/format';
import { useCommand } from '../ui/use-command';

/**
 * The rate table every figure in another currency is converted by: the sets recorded, each from one source, and
 * an import of a published series (the ECB's, the IMF's, or base,quote,date,rate). A bad row is refused with its
 * line, and nothing is half-imported.
 */
export function ExchangeRatesCard({ rates, onRecorded }: { rates: ExchangeRateSets; onRecorded: () => void }) {
  const { t } = useTranslation();
  const blank = { source: '', base: '', csv: '', fileName: '' };
  const [form, setForm] = useState(blank);
  const set = <K extends keyof typeof form>(key: K, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => (setForm(blank), onRecorded()));

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const csv = await file.text();
    setForm((f) => ({ ...f, csv, fileName: file.name }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const base = form.base.trim().toUpperCase();
    void command.send(commandTarget('/api/exchange-rates/csv', {}), { source: form.source, csv: form.csv, ...(base ? { base } : {}) }, undefined);
  }

  return (
    <section className="card" aria-labelledby="rates-heading" data-testid="exchange-rates">
      <h2 id="rates-heading">{t('rates.title')}</h2>
      <p className="muted">{t('rates.intro', { rates: rates.rates, currencies: listOf(rates.currencies) })}</p>
      <DataTable
        caption={t('rates.caption')}
        testId="rate-sets-table"
        rows={rates.sets}
        rowKey={(s) => s.setId}
        empty={t('rates.none')}
        columns={[
          { header: t('rates.source'), cell: (s) => s.source },
          { header: t('rates.recorded'), cell: (s) => formatDate(s.recordedAt) },
          { header: t('rates.count'), cell: (s) => s.rates, numeric: true },
          { header: t('rates.pairs'), cell: (s) => s.pairs.join(', ') },
          { header: t('rates.period'), cell: (s) => `${formatDate(s.from)} – ${formatDate(s.to)}` },
        ]}
      />
      <form onSubmit={submit} noValidate aria-labelledby="import-rates" data-testid="import-rates-form">
        <h3 id="import-rates">{t('rates.importTitle')}</h3>
        <div className="fields">
          <Field label={t('rates.source')} name="source" error={command.error} hint={t('rates.sourceHint')}>
            {(p) => <input {...p} value={form.source} onChange={(e) => set('source', e.target.value)} />}
          </Field>
          <Field label={t('rates.base')} name="base" error={command.error} hint={t('rates.baseHint')}>
            {(p) => <input {...p} value={form.base} maxLength={3} onChange={(e) => set('base', e.target.value)} />}
          </Field>
          <Field label={t('rates.file')} name="file" error={command.error} hint={form.fileName ? t('rates.fileChosen', { name: form.fileName }) : t('rates.fileHint')}>
            {(p) => <input {...p} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />}
          </Field>
        </div>
        <Field label={t('rates.csv')} name="csv" error={command.error}>
          {(p) => <textarea {...p} rows={5} value={form.csv} onChange={(e) => set('csv', e.target.value)} />}
        </Field>
        <FormFooter status={command.status} fields={['source', 'base', 'csv']} onReload={onRecorded} seenRevision={0} success={t('rates.imported')} submit={t('rates.import')} />
      </form>
    </section>
  );
}
