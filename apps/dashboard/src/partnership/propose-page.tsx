import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVELS, THEMES, type Level, type Theme } from '../../../../libs/domain/src/partnerships/vocabulary';
import { newId } from '../api/api-client';
import { commandTarget } from '../api/commands';
import { navigate } from '../routes';
import { useSession } from '../session/session';
import { CheckGroup, CodeSelect, CountrySelect, Field, FormFooter } from '../ui/form';
import { humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

const PROPOSER_ROLES = ['beneficiary', 'implementer', 'donor'] as const;
type ProposerRole = (typeof PROPOSER_ROLES)[number];
/** The SDGs cyber capacity building reports against (quality education, gender, infrastructure, institutions, partnerships). */
const SDGS = [4, 5, 9, 16, 17] as const;
const GENDER_MARKERS = [0, 1, 2] as const;

/** An id a person can read in a link: the title's words, then a short random tail so two proposals never collide. */
function partnershipIdFrom(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return `p-${words || 'partnership'}-${newId('x').slice(-6)}`;
}

/**
 * Proposing a partnership: the demand-driven start when a beneficiary proposes it, or an implementer's or
 * donor's offer. The proposer becomes its first party in the role chosen; the others are invited from its page.
 */
export function ProposePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const roles = PROPOSER_ROLES.filter((r) => session?.user.roles.includes(r));
  const [role, setRole] = useState<ProposerRole>(roles[0] ?? 'beneficiary');
  const [initiatedBy, setInitiatedBy] = useState<ProposerRole>(roles[0] ?? 'beneficiary');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [country, setCountry] = useState('');
  const [themes, setThemes] = useState<Theme[]>([]);
  const [levels, setLevels] = useState<Level[]>([]);
  const [sdgs, setSdgs] = useState<(typeof SDGS)[number][]>([]);
  const [genderMarker, setGenderMarker] = useState('');
  const [plannedStart, setPlannedStart] = useState('');
  const [plannedEnd, setPlannedEnd] = useState('');
  const propose = useCommand(() => undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = partnershipIdFrom(title);
    void propose
      .send(
        commandTarget('/api/partnerships', {}),
        {
          partnershipId: id,
          title,
          summary,
          beneficiaryCountry: country,
          initiatedBy,
          proposerRole: role,
          themes,
          levels,
          sdgs,
          genderMarker: GENDER_MARKERS.find((m) => String(m) === genderMarker) ?? genderMarker,
          plannedStart,
          plannedEnd: plannedEnd || null,
        },
        undefined,
      )
      // Its page reads the read model after this command (the client sends the command's position).
      .then((recorded) => recorded && navigate({ page: 'partnership', id }));
  }

  if (roles.length === 0) {
    return (
      <>
        <h1 tabIndex={-1}>{t('propose.title')}</h1>
        <p className="banner-error">{t('propose.noRole')}</p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>{t('propose.title')}</h1>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="propose-form-title" data-testid="propose-form">
        <h2 id="propose-form-title">{t('propose.formTitle')}</h2>
        <p className="muted">{t('propose.intro')}</p>
        <Field label={t('propose.role')} name="proposerRole" error={propose.error}>
          {(p) => <CodeSelect {...p} codes={roles} value={role} onChange={setRole} />}
        </Field>
        <Field label={t('propose.initiatedBy')} name="initiatedBy" error={propose.error} hint={t('propose.initiatedByHint')}>
          {(p) => <CodeSelect {...p} codes={PROPOSER_ROLES} value={initiatedBy} onChange={setInitiatedBy} />}
        </Field>
        <Field label={t('propose.titleField')} name="title" error={propose.error}>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('propose.summary')} name="summary" error={propose.error}>
          {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </Field>
        <Field label={t('propose.country')} name="beneficiaryCountry" error={propose.error}>
          {(p) => <CountrySelect {...p} value={country} onChange={setCountry} placeholder={t('propose.choose')} />}
        </Field>
        <CheckGroup legend={t('propose.themes')} name="themes" options={THEMES} selected={themes} onChange={setThemes} labelOf={humanise} error={propose.error} />
        <CheckGroup legend={t('propose.levels')} name="levels" options={LEVELS} selected={levels} onChange={setLevels} labelOf={humanise} error={propose.error} />
        <CheckGroup legend={t('propose.sdgs')} name="sdgs" options={SDGS} selected={sdgs} onChange={setSdgs} labelOf={(goal) => t(`propose.sdg.${goal}`)} error={propose.error} />
        <Field label={t('propose.genderMarker')} name="genderMarker" error={propose.error}>
          {(p) => (
            <select {...p} value={genderMarker} onChange={(e) => setGenderMarker(e.target.value)}>
              <option value="">{t('propose.choose')}</option>
              {GENDER_MARKERS.map((m) => (
                <option key={m} value={String(m)}>
                  {t(`propose.gender.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="fields">
          <Field label={t('propose.plannedStart')} name="plannedStart" error={propose.error}>
            {(p) => <input {...p} type="date" value={plannedStart} onChange={(e) => setPlannedStart(e.target.value)} />}
          </Field>
          <Field label={t('propose.plannedEnd')} name="plannedEnd" error={propose.error}>
            {(p) => <input {...p} type="date" value={plannedEnd} onChange={(e) => setPlannedEnd(e.target.value)} />}
          </Field>
        </div>
        <FormFooter
          status={propose.status}
          fields={[
            'partnershipId',
            'proposerRole',
            'initiatedBy',
            'title',
            'summary',
            'beneficiaryCountry',
            'themes',
            'levels',
            'sdgs',
            'genderMarker',
            'plannedStart',
            'plannedEnd',
          ]}
          onReload={() => undefined}
          seenRevision={0}
          success={t('propose.done')}
          submit={t('propose.submit')}
        />
      </form>
    </>
  );
}
