import { SENTENCE_TEMPLATES } from '../../../../libs/read-models/src/timeline/sentences';
import en from './locales/en.json';

/** English: the dashboard's own strings, and the history's sentences as the API declares them (one English, two readers). */
export const ENGLISH = { ...en, sentences: SENTENCE_TEMPLATES };
