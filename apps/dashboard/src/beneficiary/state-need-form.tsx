import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_KINDS } from '../../../../libs/domain/src/partnerships/vocabulary';
import { newId } from '../api/api-client';
import type { PartnershipDetail } from '../api/api-types';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { useCommand } from '../ui/use-command';
import { commandTarget } from '../api/commands';

export function StateNeedForm({ partnership, onRecorded, onReload }: { partnership: PartnershipDetail; onRecorded: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('need');
  const [description, setDescription] = useState('');
  const [confidential, setConfidential] = useState(true);
  const command = useCommand(() => {
    setDescription('');
    onRecorded();
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    void command.send(
      commandTarget('/api/partnerships/{id}/needs', { id: partnership.partnershipId }),
      { needId: newId('need'), kind, description, confidential },
      partnership.revision,
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="state-need" data-testid="need-form">
      <h3 id="state-need">{t('beneficiary.need.title')}</h3>
      <div className="fields">
        <Field label={t('beneficiary.need.kind')} name="kind" error={command.error}>
          {(p) => <CodeSelect {...p} codes={NEED_KINDS} value={kind} onChange={setKind} />}
        </Field>
        <Field label={t('beneficiary.need.description')} name="description" error={command.error}>
          {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      <label className="checks">
        <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> {t('beneficiary.need.confidential')}
      </label>
      <FormFooter
        status={command.status}
        fields={['kind', 'description', 'confidential']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('beneficiary.need.done')}
        submit={t('beneficiary.need.submit')}
      />
    </form>
  );
}
