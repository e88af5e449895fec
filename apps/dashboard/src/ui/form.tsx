import { useId, type ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import type { CommandState } from './use-command';
import { humanise } from './format';

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
  const reason = localReason ?? error?.reasonFor(name);
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
  if (status.state === 'done') {
    return (
      <div className="banner-ok" role="status">
        {success} {status.answer.replayed ? '(already recorded: this retry changed nothing)' : `Now at revision ${status.answer.revision}.`}
      </div>
    );
  }
  if (status.state !== 'failed') return null;
  const error = status.error;
  if (error.isConflict) {
    return (
      <div className="banner-conflict" role="alert" data-testid="conflict">
        <strong>Someone else changed this partnership while you were typing.</strong> You saw revision {seenRevision}; another change was recorded since, so yours was not applied,
        to avoid overwriting theirs. Reload to see the latest: what you typed stays in the form, and you can send it again.{' '}
        <button type="button" onClick={onReload}>
          Reload the latest
        </button>
      </div>
    );
  }
  const elsewhere = error.fieldErrors.filter((e) => !fields.some((f) => e.field === f || e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`)));
  return (
    <div className="banner-error" role="alert">
      <strong>{error.fieldErrors.length > 0 ? 'Please correct the fields marked below.' : 'Not recorded.'}</strong> {error.fieldErrors.length === 0 && error.message}
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((e) => (
            <li key={e.field}>
              {e.field}: {e.reason}
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
