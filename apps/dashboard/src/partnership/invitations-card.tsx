import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingInvitationItem } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { Field, FormFooter } from '../ui/form';
import { formatDate, humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

/**
 * The invitations waiting for one's organisation: joining is voluntary, so each is accepted, or declined with a
 * reason the inviting party reads.
 */
export function InvitationsCard({ invitations, nameOf, onAnswered }: { invitations: readonly PendingInvitationItem[]; nameOf: (id: string) => string; onAnswered: () => void }) {
  const { t } = useTranslation();
  if (invitations.length === 0) return null;
  return (
    <section className="card" aria-labelledby="invitations-title" data-testid="invitations">
      <h2 id="invitations-title">{t('invitations.title', { count: invitations.length })}</h2>
      {invitations.map((invitation) => (
        <Invitation key={`${invitation.partnershipId}:${invitation.role}`} invitation={invitation} nameOf={nameOf} onAnswered={onAnswered} />
      ))}
    </section>
  );
}

function Invitation({ invitation, nameOf, onAnswered }: { invitation: PendingInvitationItem; nameOf: (id: string) => string; onAnswered: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const answer = useCommand(onAnswered);
  const id = invitation.partnershipId;
  const role = invitation.role;
  function accept() {
    void answer.send(commandTarget('/api/partnerships/{id}/invitations/acceptance', { id }), { role }, undefined);
  }
  function decline(event: FormEvent) {
    event.preventDefault();
    void answer.send(commandTarget('/api/partnerships/{id}/invitations/declination', { id }), { role, reason }, undefined);
  }
  return (
    <article className="invitation" data-testid="invitation" data-partnership={id}>
      <h3>{invitation.title}</h3>
      <p>
        {t('invitations.asRole', {
          role: humanise(role),
          by: nameOf(invitation.invitedBy),
          date: formatDate(invitation.invitedAt),
          country: invitation.beneficiaryCountry,
          phase: humanise(invitation.phase),
        })}
      </p>
      <form onSubmit={decline} noValidate aria-label={t('invitations.answerLabel', { title: invitation.title })}>
        <Field label={t('invitations.reason')} name="reason" error={answer.error} hint={t('invitations.reasonHint')}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="button" onClick={accept} disabled={answer.status.state === 'sending'} data-testid="accept">
            {t('invitations.accept')}
          </button>
        </div>
        <FormFooter
          status={answer.status}
          fields={['role', 'reason']}
          onReload={onAnswered}
          seenRevision={0}
          success={t('invitations.answered')}
          submit={t('invitations.decline')}
        />
      </form>
    </article>
  );
}
