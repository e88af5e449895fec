import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { formatDate, humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

const INVITED_ROLES = ['implementer', 'beneficiary', 'donor'] as const;
type InvitedRole = (typeof INVITED_ROLES)[number];
/** The phases the rules let a party be invited in. */
const INVITING: ReadonlySet<string> = new Set(['scoping', 'co-design', 'delivery', 'monitoring']);
const ENDED: ReadonlySet<string> = new Set(['closed', 'cancelled']);

/**
 * Who is in the partnership and since when; a party invites another organisation (which joins by accepting), and a
 * donor appoints the independent evaluator or replaces it, saying why.
 */
export function PartiesCard({
  partnership,
  organisations,
  isDonor,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  organisations: ReadonlyMap<string, Organisation>;
  isDonor: boolean;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const candidates = [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name));
  const evaluator = partnership.parties.find((p) => p.role === 'evaluator') ?? null;
  return (
    <section className="card" aria-labelledby="parties-title" data-testid="parties">
      <h2 id="parties-title">{t('parties.title')}</h2>
      <div className="table-scroll">
        <table data-testid="parties-table">
          <caption className="visually-hidden">{t('parties.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('parties.organisation')}</th>
              <th scope="col">{t('parties.role')}</th>
              <th scope="col">{t('parties.since')}</th>
            </tr>
          </thead>
          <tbody>
            {partnership.parties.map((p) => (
              <tr key={`${p.organisationId}:${p.role}`}>
                <td>{p.name ?? p.organisationId}</td>
                <td>{humanise(p.role)}</td>
                <td>{formatDate(p.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {INVITING.has(partnership.phase) && <InviteForm partnership={partnership} candidates={candidates} onRecorded={onRecorded} onReload={onReload} />}
      {isDonor && !ENDED.has(partnership.phase) && (
        <EvaluatorForm partnership={partnership} evaluatorId={evaluator?.organisationId ?? null} candidates={candidates} onRecorded={onRecorded} onReload={onReload} />
      )}
    </section>
  );
}

interface FormProps {
  partnership: PartnershipDetail;
  candidates: readonly Organisation[];
  onRecorded: () => void;
  onReload: () => void;
}

function OrganisationSelect({
  candidates,
  value,
  onChange,
  placeholder,
  ...field
}: {
  candidates: readonly Organisation[];
  value: string;
  onChange: (id: string) => void;
  placeholder: string;
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}) {
  return (
    <select {...field} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {candidates.map((o) => (
        <option key={o.organisationId} value={o.organisationId}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

function InviteForm({ partnership, candidates, onRecorded, onReload }: FormProps) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<InvitedRole>('implementer');
  const invite = useCommand(() => (setOrganisationId(''), onRecorded()));
  const already = new Set(partnership.parties.map((p) => p.organisationId));
  function submit(event: FormEvent) {
    event.preventDefault();
    void invite.send(commandTarget('/api/partnerships/{id}/parties', { id: partnership.partnershipId }), { organisationId, role }, partnership.revision);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="invite-title" data-testid="invite-form">
      <h3 id="invite-title">{t('parties.inviteTitle')}</h3>
      <p className="muted">{t('parties.inviteIntro')}</p>
      <Field label={t('parties.organisation')} name="organisationId" error={invite.error}>
        {(p) => (
          <OrganisationSelect
            {...p}
            candidates={candidates.filter((o) => !already.has(o.organisationId))}
            value={organisationId}
            onChange={setOrganisationId}
            placeholder={t('parties.choose')}
          />
        )}
      </Field>
      <Field label={t('parties.role')} name="role" error={invite.error}>
        {(p) => <CodeSelect {...p} codes={INVITED_ROLES} value={role} onChange={setRole} />}
      </Field>
      <FormFooter
        status={invite.status}
        fields={['organisationId', 'role']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('parties.invited')}
        submit={t('parties.invite')}
      />
    </form>
  );
}

function EvaluatorForm({ partnership, evaluatorId, candidates, onRecorded, onReload }: FormProps & { evaluatorId: string | null }) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState('');
  const [reason, setReason] = useState('');
  const command = useCommand(() => (setOrganisationId(''), setReason(''), onRecorded()));
  // Independent: never one of the partnership's parties.
  const independent = candidates.filter((o) => !partnership.parties.some((p) => p.organisationId === o.organisationId));
  const id = partnership.partnershipId;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (evaluatorId === null) void command.send(commandTarget('/api/partnerships/{id}/evaluators', { id }), { organisationId }, partnership.revision);
    else void command.send(commandTarget('/api/partnerships/{id}/evaluators/replacement', { id }), { previousId: evaluatorId, organisationId, reason }, partnership.revision);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="evaluator-title" data-testid="evaluator-form">
      <h3 id="evaluator-title">{evaluatorId === null ? t('parties.appointTitle') : t('parties.replaceTitle')}</h3>
      <Field label={t('parties.evaluator')} name="organisationId" error={command.error}>
        {(p) => <OrganisationSelect {...p} candidates={independent} value={organisationId} onChange={setOrganisationId} placeholder={t('parties.choose')} />}
      </Field>
      {evaluatorId !== null && (
        <Field label={t('parties.replaceReason')} name="reason" error={command.error}>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <FormFooter
        status={command.status}
        fields={['organisationId', 'previousId', 'reason']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={evaluatorId === null ? t('parties.appointed') : t('parties.replaced')}
        submit={evaluatorId === null ? t('parties.appoint') : t('parties.replace')}
      />
    </form>
  );
}
