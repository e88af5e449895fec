import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../api/api-client';
import type { PartnershipDetail } from '../api/api-types';
import type { ApiError } from '../api/api-error';
import { commandTarget } from '../api/commands';
import { parseDecimal } from '../ui/amount-entry';
import { DataTable } from '../ui/data-table';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { formatDate, formatShare } from '../ui/format';
import { userLocale } from '../ui/locale';
import { useCommand } from '../ui/use-command';

type Indicator = PartnershipDetail['indicators'][number];

interface Props {
  readonly partnership: PartnershipDetail;
  readonly onRecorded: () => void;
  readonly onReload: () => void;
}

interface CardProps extends Props {
  /** New indicators and measurements need a running partnership. */
  readonly active: boolean;
  /** A revision is a correction: also while suspended, never once ended. */
  readonly open: boolean;
}

const number = (value: number | null) => (value === null ? '' : new Intl.NumberFormat(userLocale()).format(value));

/**
 * The indicators the implementer measures progress by: each with its baseline, target, latest value and progress
 * from baseline to target; a form to define one, one to record a measured value, one to revise a baseline or
 * target with its reason. Values are typed as the reader's language writes decimals.
 */
export function IndicatorsCard({ active, open, ...props }: CardProps) {
  const { t } = useTranslation();
  const { partnership } = props;
  return (
    <section className="card" aria-labelledby="indicators-title" data-testid="indicators">
      <h2 id="indicators-title">{t('indicators.title')}</h2>
      <DataTable
        caption={t('indicators.caption')}
        testId="indicators-table"
        rows={partnership.indicators}
        rowKey={(i) => i.indicatorId}
        empty={t('indicators.none')}
        columns={[
          { header: t('indicators.name'), cell: (i) => i.name },
          { header: t('indicators.unit'), cell: (i) => i.unit },
          { header: t('indicators.baseline'), cell: (i) => number(i.baseline), numeric: true },
          { header: t('indicators.target'), cell: (i) => number(i.target), numeric: true },
          {
            header: t('indicators.latest'),
            cell: (i) => (i.latestValue === null ? t('indicators.notMeasured') : `${number(i.latestValue)} (${formatDate(i.latestOn)})`),
            numeric: true,
          },
          { header: t('indicators.progress'), cell: (i) => formatShare(i.progress), numeric: true },
        ]}
      />
      <div className="grid">
        {active && <DefineIndicatorForm {...props} />}
        {active && partnership.indicators.length > 0 && <MeasureForm {...props} indicators={partnership.indicators} />}
        {open && partnership.indicators.length > 0 && <ReviseForm {...props} indicators={partnership.indicators} />}
      </div>
    </section>
  );
}

function DefineIndicatorForm({ partnership, onRecorded, onReload }: Props) {
  const { t } = useTranslation();
  const blank = { name: '', unit: '', baseline: '', target: '', baselineDate: '' };
  const [form, setForm] = useState(blank);
  const set = <K extends keyof typeof form>(key: K, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => (setForm(blank), onRecorded()));
  function submit(event: FormEvent) {
    event.preventDefault();
    const locale = userLocale();
    void command.send(
      commandTarget('/api/partnerships/{id}/indicators', { id: partnership.partnershipId }),
      { indicatorId: newId('ind'), ...form, baseline: parseDecimal(form.baseline, locale), target: parseDecimal(form.target, locale) },
      partnership.revision,
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="define-indicator" data-testid="define-indicator-form">
      <h3 id="define-indicator">{t('indicators.defineTitle')}</h3>
      <Field label={t('indicators.name')} name="name" error={command.error}>
        {(p) => <input {...p} value={form.name} onChange={(e) => set('name', e.target.value)} />}
      </Field>
      <Field label={t('indicators.unit')} name="unit" error={command.error} hint={t('indicators.unitHint')}>
        {(p) => <input {...p} value={form.unit} onChange={(e) => set('unit', e.target.value)} />}
      </Field>
      <Field label={t('indicators.baseline')} name="baseline" error={command.error}>
        {(p) => <input {...p} inputMode="decimal" value={form.baseline} onChange={(e) => set('baseline', e.target.value)} />}
      </Field>
      <Field label={t('indicators.baselineDate')} name="baselineDate" error={command.error}>
        {(p) => <input {...p} type="date" value={form.baselineDate} onChange={(e) => set('baselineDate', e.target.value)} />}
      </Field>
      <Field label={t('indicators.target')} name="target" error={command.error}>
        {(p) => <input {...p} inputMode="decimal" value={form.target} onChange={(e) => set('target', e.target.value)} />}
      </Field>
      <FormFooter
        status={command.status}
        fields={['indicatorId', 'name', 'unit', 'baseline', 'target', 'baselineDate']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('indicators.defined')}
        submit={t('indicators.define')}
      />
    </form>
  );
}

function IndicatorSelect({ indicators, value, onChange, error }: { indicators: readonly Indicator[]; value: string; onChange: (id: string) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  return (
    <Field label={t('indicators.indicator')} name="indicatorId" error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {indicators.map((i) => (
            <option key={i.indicatorId} value={i.indicatorId}>
              {i.name} ({i.unit})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function MeasureForm({ partnership, indicators, onRecorded, onReload }: Props & { indicators: readonly Indicator[] }) {
  const { t } = useTranslation();
  const [indicatorId, setIndicatorId] = useState(indicators[0].indicatorId);
  const blank = { value: '', measuredOn: '', note: '' };
  const [form, setForm] = useState(blank);
  const set = <K extends keyof typeof form>(key: K, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => (setForm(blank), onRecorded()));
  function submit(event: FormEvent) {
    event.preventDefault();
    void command.send(
      commandTarget('/api/partnerships/{id}/indicators/{indicatorId}/measurements', { id: partnership.partnershipId, indicatorId }),
      { value: parseDecimal(form.value, userLocale()), measuredOn: form.measuredOn, ...(form.note.trim() ? { note: form.note } : {}) },
      partnership.revision,
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="measure-indicator" data-testid="measure-form">
      <h3 id="measure-indicator">{t('indicators.measureTitle')}</h3>
      <IndicatorSelect indicators={indicators} value={indicatorId} onChange={setIndicatorId} error={command.error} />
      <Field label={t('indicators.value')} name="value" error={command.error}>
        {(p) => <input {...p} inputMode="decimal" value={form.value} onChange={(e) => set('value', e.target.value)} />}
      </Field>
      <Field label={t('indicators.measuredOn')} name="measuredOn" error={command.error}>
        {(p) => <input {...p} type="date" value={form.measuredOn} onChange={(e) => set('measuredOn', e.target.value)} />}
      </Field>
      <Field label={t('indicators.note')} name="note" error={command.error}>
        {(p) => <input {...p} value={form.note} onChange={(e) => set('note', e.target.value)} />}
      </Field>
      <FormFooter
        status={command.status}
        fields={['value', 'measuredOn', 'note']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('indicators.measured')}
        submit={t('indicators.measure')}
      />
    </form>
  );
}

const REVISIONS = ['baseline', 'target'] as const;

function ReviseForm({ partnership, indicators, onRecorded, onReload }: Props & { indicators: readonly Indicator[] }) {
  const { t } = useTranslation();
  const [indicatorId, setIndicatorId] = useState(indicators[0].indicatorId);
  const [which, setWhich] = useState<(typeof REVISIONS)[number]>('target');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(() => (setValue(''), setReason(''), onRecorded()));
  function submit(event: FormEvent) {
    event.preventDefault();
    const revised = parseDecimal(value, userLocale());
    void command.send(
      commandTarget('/api/partnerships/{id}/indicators/{indicatorId}/revision', { id: partnership.partnershipId, indicatorId }),
      which === 'baseline' ? { baseline: revised, reason } : { target: revised, reason },
      partnership.revision,
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="revise-indicator" data-testid="revise-indicator-form">
      <h3 id="revise-indicator">{t('indicators.reviseTitle')}</h3>
      <IndicatorSelect indicators={indicators} value={indicatorId} onChange={setIndicatorId} error={command.error} />
      <Field label={t('indicators.revises')} name="revises" error={command.error}>
        {(p) => <CodeSelect {...p} codes={REVISIONS} value={which} onChange={setWhich} />}
      </Field>
      <Field label={t('indicators.newValue')} name={which} error={command.error}>
        {(p) => <input {...p} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <Field label={t('indicators.reason')} name="reason" error={command.error}>
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormFooter
        status={command.status}
        fields={['baseline', 'target', 'reason']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('indicators.revised')}
        submit={t('indicators.revise')}
      />
    </form>
  );
}
