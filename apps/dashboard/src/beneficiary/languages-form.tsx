import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, PartnershipDetail } from '../api/api-types';
import { statementTarget } from '../api/commands';
import { CheckGroup, Field, FormFooter } from '../ui/form';
import { listOf } from '../ui/format';
import { userLocale } from '../ui/locale';
import { useCommand } from '../ui/use-command';

/** The languages training is most often given in across the programmes; any other is typed as its ISO 639 code. */
const COMMON = ['pt', 'fr', 'en', 'es', 'ar', 'sw', 'tet', 'wo', 'am', 'id'] as const;

/**
 * The languages of instruction the beneficiary asks for: part of local ownership (training in the learners' own
 * language). Stated whole each time: what is sent replaces what was stated before.
 */
export function LanguagesForm({ partnership, dossier, onRecorded, onReload }: { partnership: PartnershipDetail; dossier: Dossier; onRecorded: () => void; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState<string[]>([...dossier.languages]);
  const [other, setOther] = useState('');
  const command = useCommand(() => (setOther(''), onRecorded()));
  const nameOf = useMemo(() => {
    const names = new Intl.DisplayNames([userLocale()], { type: 'language' });
    return (code: string) => {
      const name = names.of(code);
      return name && name !== code ? `${name} (${code})` : code;
    };
  }, [i18n.language]);
  const options = [...new Set([...COMMON, ...dossier.languages])];
  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = other
      .split(/[\s,;]+/)
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean);
    void command.send(
      statementTarget('/api/partnerships/{id}/languages', { id: partnership.partnershipId }),
      { languages: [...new Set([...selected, ...typed])] },
      partnership.revision,
    );
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="languages-title" data-testid="languages-form">
      <h2 id="languages-title">{t('languages.title')}</h2>
      <p className="muted" data-testid="languages-stated">
        {dossier.languages.length > 0 ? t('languages.stated', { languages: listOf(dossier.languages.map(nameOf)) }) : t('languages.none')}
      </p>
      <CheckGroup legend={t('languages.legend')} name="languages" options={options} selected={selected} onChange={setSelected} labelOf={nameOf} error={command.error} />
      <Field label={t('languages.other')} name="other" error={command.error} hint={t('languages.otherHint')}>
        {(p) => <input {...p} value={other} onChange={(e) => setOther(e.target.value)} />}
      </Field>
      <FormFooter
        status={command.status}
        fields={['languages']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('languages.done')}
        submit={t('languages.submit')}
      />
    </form>
  );
}
