import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sentence, SentenceValue } from '../../../../libs/read-models/src/timeline/sentences';
import { displayName, eventTypeLabel, formatDate, formatMoney, formatNumber, humanise, listOf } from '../ui/format';

export type { Sentence };

/** Each value as the reader's language writes it: codelist words, its own number, date and money formats. */
export function writeValue(value: SentenceValue): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'code':
      return humanise(value.code);
    case 'codes':
      return listOf(value.codes.map(humanise));
    case 'money':
      return formatMoney(value.amountMinor, value.currency);
    case 'date':
      return formatDate(value.date);
    case 'number':
      return formatNumber(value.value);
    case 'country':
      return displayName('region', value.code);
    case 'languages':
      return listOf(value.codes.map((c) => displayName('language', c)));
    case 'eventType':
      return eventTypeLabel(value.type);
  }
}

/** The API's sentences (history, diff, evidence) in the reader's language: `sentences.<key>` with each value written. */
export function useSentence(): (sentence: Sentence) => string {
  const { t } = useTranslation();
  return useCallback(
    (sentence: Sentence) => {
      const values = new Map(Object.entries(sentence.values).map(([name, value]) => [name, writeValue(value)]));
      return t(`sentences.${sentence.key}`, { replace: Object.fromEntries(values) });
    },
    [t],
  );
}
