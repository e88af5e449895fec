import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_STATUSES, ORGANISATION_KINDS, REGIONS } from '../../../../libs/domain/src/organisations/organisation';
import { commandTarget } from '../api/commands';
import { CodeSelect, CountrySelect, Field, FormFooter } from '../ui/form';
import { useCommand } from '../ui/use-command';

const INPUT_TYPES = { name: 'text', function: 'text', email: 'email' } as const;

type Kind = (typeof ORGANISATION_KINDS)[number];
type Region = (typeof REGIONS)[number];
type Status = (typeof DEVELOPMENT_STATUSES)[number];

/**
 * The operator registers an organisation so its people can sign in and be invited: its name, kind, country,
 * region and development status (what the cooperation modality is read from), and a contact point others see.
 */
export function RegisterOrganisationForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('state-body');
  const [country, setCountry] = useState('');
  const [region, setRegion] = useState<Region>('africa');
  const [status, setStatus] = useState<Status>('developing');
  const [contact, setContact] = useState({ name: '', function: '', email: '' });
  const register = useCommand(() => {
    setOrganisationId('');
    setName('');
    setContact({ name: '', function: '', email: '' });
    onRecorded();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void register.send(
      commandTarget('/api/organisations', {}),
      { organisationId: organisationId.trim() || null, name, kind, country, region, developmentStatus: status, contacts: [contact] },
      undefined,
    );
  }
  const contactField = (key: keyof typeof contact, label: string) => (
    <Field label={label} name={`contacts.0.${key}`} error={register.error}>
      {(p) => <input {...p} type={INPUT_TYPES[key]} value={contact[key]} onChange={(e) => setContact((c) => ({ ...c, [key]: e.target.value }))} />}
    </Field>
  );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="register-organisation" data-testid="register-organisation">
      <h2 id="register-organisation">{t('operations.register.title')}</h2>
      <p className="muted">{t('operations.register.intro')}</p>
      <Field label={t('operations.register.name')} name="name" error={register.error}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('operations.register.id')} name="organisationId" error={register.error} hint={t('operations.register.idHint')}>
        {(p) => <input {...p} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} />}
      </Field>
      <Field label={t('operations.register.kind')} name="kind" error={register.error}>
        {(p) => <CodeSelect {...p} codes={ORGANISATION_KINDS} value={kind} onChange={setKind} />}
      </Field>
      <Field label={t('operations.register.country')} name="country" error={register.error}>
        {(p) => <CountrySelect {...p} value={country} onChange={setCountry} placeholder={t('operations.register.choose')} />}
      </Field>
      <Field label={t('operations.register.region')} name="region" error={register.error}>
        {(p) => <CodeSelect {...p} codes={REGIONS} value={region} onChange={setRegion} />}
      </Field>
      <Field label={t('operations.register.status')} name="developmentStatus" error={register.error}>
        {(p) => <CodeSelect {...p} codes={DEVELOPMENT_STATUSES} value={status} onChange={setStatus} />}
      </Field>
      <fieldset>
        <legend>{t('operations.register.contact')}</legend>
        {contactField('name', t('operations.register.contactName'))}
        {contactField('function', t('operations.register.contactFunction'))}
        {contactField('email', t('operations.register.contactEmail'))}
      </fieldset>
      <FormFooter
        status={register.status}
        fields={['organisationId', 'name', 'kind', 'country', 'region', 'developmentStatus', 'contacts']}
        onReload={onRecorded}
        seenRevision={0}
        success={t('operations.register.done')}
        submit={t('operations.register.submit')}
      />
    </form>
  );
}
