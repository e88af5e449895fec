import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldError } from '../api/api-error';

/** A refusal as the reader reads it: the rule in their language, and the API's own words (English) with the specifics. */
export interface Explained {
  readonly text: string;
  /** The API's message when `text` is a translation of it: it names the amounts, ids and dates of this case. */
  readonly detail: string | null;
}

/**
 * The API words its refusals in English, with the case's specifics. Each has a stable code: the rule a command broke
 * (`flow.voided-once`), the API's own code (`idempotency.key-reused`), or for a field the check that refused it
 * (`isInt`). In another language the reader gets the rule in their words, and the API's sentence as the detail.
 */
export function useExplain(): { refusal(error: ApiError): Explained; reason(error: FieldError): string } {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const refusal = useCallback(
    (error: ApiError): Explained => {
      const key = `refusals.${error.rule ?? error.code}`;
      return english || !i18n.exists(key) ? { text: error.message, detail: null } : { text: t(key), detail: error.message };
    },
    [english, i18n, t],
  );
  const reason = useCallback(
    (error: FieldError): string => {
      const key = `fieldReasons.${error.constraint ?? ''}`;
      return english || error.constraint === undefined || !i18n.exists(key) ? error.reason : t(key);
    },
    [english, i18n, t],
  );
  return { refusal, reason };
}
