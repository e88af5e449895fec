import { useId, useMemo, type ReactNode } from 'react';
import { COUNTRY_CODES } from '../../../../libs/domain/src/shared/codelists';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-error';
import { useExplain } from '../i18n/refusals';
import type { CommandState } from './use-command';
import { humanise } from './format';
import { userLocale } from './locale';
import { exampleAmount, type ParsedAmount } from './amount-entry';

/** A labelled input whose API error (by field name) shows under it and is announced with it. */
export function Field({
  label,
  name,
  error,
  hint,
  localReason,
  children,
}: {
  label: string;
  name: string;
  error: ApiError | null;
  hint?: ReactNode;
  /** A reason the browser found before sending (what only the user's locale can tell, such as an ambiguous amount). */
  localReason?: string | null;
  children: (props: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const explain = useExplain();
  const refused = error?.errorFor(name);
  const reason = localReason ?? (refused ? explain.reason(refused) : undefined);
  const describedBy = [hint ? `${id}-hint` : null, reason ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': !!reason, 'aria-describedby': describedBy })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {reason && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {reason}
        </span>
      )}
    </div>
  );
}

/**
 * What came back: success, the conflict explained with a reload offer, or a refusal. Field errors are
 * shown at their fields; this lists any the form has no field for.
 */
export function CommandOutcome({
  status,
  fields,
  onReload,
  seenRevision,
  success,
}: {
  status: CommandState;
  fields: readonly string[];
  onReload: () => void;
  seenRevision: number;
  success: string;
}) {
  const { t } = useTranslation();
  const explain = useExplain();
  if (status.state === 'done') {
    return (
      <div className="banner-ok" role="status">
        {status.answer.replayed ? t('form.replayed', { success }) : t('form.done', { success, revision: status.answer.revision })}
      </div>
    );
  }
  if (status.state !== 'failed') return null;
  const error = status.error;
  if (error.isConflict) {
    return (
      <div className="banner-conflict" role="alert" data-testid="conflict">
        <strong>{t('form.conflictTitle')}</strong> {t('form.conflictBody', { revision: seenRevision })}{' '}
        <button type="button" onClick={onReload}>
          {t('form.reload')}
        </button>
      </div>
    );
  }
  const elsewhere = error.fieldErrors.filter((e) => !fields.some((f) => e.field === f || e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`)));
  const refusal = explain.refusal(error);
  return (
    <div className="banner-error" role="alert" data-code={error.rule ?? error.code}>
      <strong>{error.fieldErrors.length > 0 ? t('form.fixFields') : t('form.notRecorded')}</strong> {error.fieldErrors.length === 0 && refusal.text}
      {error.fieldErrors.length === 0 && refusal.detail && (
        <span className="muted" lang="en">
          {' '}
          ({refusal.detail})
        </span>
      )}
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((e) => (
            <li key={e.field}>
              {e.field}: {explain.reason(e)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What every command form ends with: the outcome of the last attempt, then its submit button. */
export function FormFooter({
  status,
  fields,
  onReload,
  seenRevision,
  success,
  submit,
}: {
  status: CommandState;
  fields: readonly string[];
  onReload: () => void;
  seenRevision: number;
  success: string;
  submit: string;
}) {
  return (
    <>
      <CommandOutcome status={status} fields={fields} onReload={onReload} seenRevision={seenRevision} success={success} />
      <div className="actions">
        <button type="submit" disabled={status.state === 'sending'}>
          {submit}
        </button>
      </div>
    </>
  );
}

/** A select over a codelist, each code shown in words. */
/** A choice among a vocabulary's codes: what it hands back is one of them, typed as such. */
export function CodeSelect<T extends string>({
  codes,
  value,
  onChange,
  ...field
}: {
  codes: readonly T[];
  value: T;
  onChange: (code: T) => void;
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
}) {
  return (
    <select {...field} value={value} onChange={(e) => onChange(codes.find((code) => code === e.target.value) ?? value)}>
      {codes.map((code) => (
        <option key={code} value={code}>
          {humanise(code)}
        </option>
      ))}
    </select>
  );
}

/** A currency code typed freely (the API checks it against ISO 4217), offering the partnership's own currencies. */
export function CurrencyInput({
  value,
  currencies,
  onChange,
  ...field
}: {
  value: string;
  currencies: readonly string[];
  onChange: (currency: string) => void;
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}) {
  const listId = `${field.id}-currencies`;
  return (
    <>
      <input {...field} value={value} maxLength={3} list={listId} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {currencies.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </>
  );
}

/** A choice of several among options, as checkboxes under one legend; the API's reason for the list shows under it. */
export function CheckGroup<T extends string | number>({
  legend,
  name,
  options,
  selected,
  onChange,
  labelOf,
  error,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  labelOf: (option: T) => string;
  error: ApiError | null;
}) {
  const explain = useExplain();
  const refused = error?.errorFor(name);
  const reason = refused ? explain.reason(refused) : undefined;
  const toggle = (option: T) => onChange(selected.includes(option) ? selected.filter((o) => o !== option) : [...selected, option]);
  return (
    <fieldset className="field" data-field={name}>
      <legend>{legend}</legend>
      <div className="checks">
        {options.map((option) => (
          <label key={String(option)}>
            <input type="checkbox" name={name} value={String(option)} checked={selected.includes(option)} onChange={() => toggle(option)} /> {labelOf(option)}
          </label>
        ))}
      </div>
      {reason && (
        <span className="field-error" role="alert">
          {reason}
        </span>
      )}
    </fieldset>
  );
}

/** A country from ISO 3166-1, each named in the chosen language and sorted as that language sorts. */
export function CountrySelect({
  value,
  onChange,
  placeholder,
  ...field
}: {
  value: string;
  onChange: (code: string) => void;
  placeholder: string;
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}) {
  const { i18n } = useTranslation();
  const countries = useMemo(() => {
    const locale = userLocale();
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const collator = new Intl.Collator(locale);
    return [...COUNTRY_CODES].map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  }, [i18n.language]);
  return (
    <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/**
 * An amount typed as the reader's language writes it, with how to write it and the amount as understood shown
 * under it before sending; text the browser cannot read is refused at the field once the form was tried.
 */
export function AmountField({
  label,
  value,
  onChange,
  parsed,
  tried,
  error,
  understoodTestId,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  parsed: ParsedAmount | null;
  tried: boolean;
  error: ApiError | null;
  understoodTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={label}
      name="amount.amountMinor"
      error={error}
      localReason={tried && parsed && !parsed.ok ? parsed.reason : null}
      hint={
        <>
          {t('donor.funding.amountHint', { example: exampleAmount(userLocale()) })}{' '}
          <output data-testid={understoodTestId} aria-live="polite">
            {parsed?.ok ? t('donor.funding.understood', { amount: parsed.understood }) : ''}
          </output>
        </>
      }
    >
      {(p) => <input {...p} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
