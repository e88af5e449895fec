import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, PartnershipDetail } from '../api/api-types';
import { newId } from '../api/api-client';
import { commandTarget } from '../api/commands';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

const KINDS = ['risk', 'issue'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;
const ENDED: ReadonlySet<string> = new Set(['closed', 'cancelled']);

type Risk = Dossier['risks'][number];

/**
 * Risks (what may go wrong) and issues (what has), as every party raises them: the list with who raised each and
 * how it was resolved, a form to raise one, and a resolution for each still open. Nothing is offered once the
 * partnership has ended.
 */
export function RisksCard({
  partnership,
  dossier,
  nameOf,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  dossier: Dossier;
  nameOf: (organisationId: string) => string;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('risk');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('medium');
  const [description, setDescription] = useState('');
  const raise = useCommand(() => (setDescription(''), onRecorded()));
  const open = !ENDED.has(partnership.phase);
  const id = partnership.partnershipId;

  function submit(event: FormEvent) {
    event.preventDefault();
    void raise.send(commandTarget('/api/partnerships/{id}/risks', { id }), { riskId: newId(kind), kind, severity, description }, partnership.revision);
  }

  return (
    <section className="card" aria-labelledby="risks-title" data-testid="risks">
      <h2 id="risks-title">{t('risks.title')}</h2>
      {dossier.risks.length === 0 ? (
        <p className="muted">{t('risks.none')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="risks-table">
            <caption className="visually-hidden">{t('risks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risks.kind')}</th>
                <th scope="col">{t('risks.severity')}</th>
                <th scope="col">{t('risks.description')}</th>
                <th scope="col">{t('risks.raisedBy')}</th>
                <th scope="col">{t('risks.status')}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.risks.map((r) => (
                <tr key={r.riskId} data-risk={r.riskId}>
                  <td>{humanise(r.kind)}</td>
                  <td>{humanise(r.severity)}</td>
                  <td>{r.description}</td>
                  <td>{nameOf(r.raisedBy)}</td>
                  <td>
                    {r.resolution !== null ? (
                      t('risks.resolved', { resolution: r.resolution })
                    ) : open ? (
                      <Resolve risk={r} partnership={partnership} onRecorded={onRecorded} onReload={onReload} />
                    ) : (
                      t('risks.open')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <form onSubmit={submit} noValidate aria-labelledby="raise-risk" data-testid="risk-form">
          <h3 id="raise-risk">{t('risks.raiseTitle')}</h3>
          <Field label={t('risks.kind')} name="kind" error={raise.error}>
            {(p) => <CodeSelect {...p} codes={KINDS} value={kind} onChange={setKind} />}
          </Field>
          <Field label={t('risks.severity')} name="severity" error={raise.error}>
            {(p) => <CodeSelect {...p} codes={SEVERITIES} value={severity} onChange={setSeverity} />}
          </Field>
          <Field label={t('risks.description')} name="description" error={raise.error}>
            {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <FormFooter
            status={raise.status}
            fields={['riskId', 'kind', 'severity', 'description']}
            onReload={onReload}
            seenRevision={partnership.revision}
            success={t('risks.raised')}
            submit={t('risks.raise')}
          />
        </form>
      )}
    </section>
  );
}

function Resolve({ risk, partnership, onRecorded, onReload }: { risk: Risk; partnership: PartnershipDetail; onRecorded: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState('');
  const resolve = useCommand(() => (setResolution(''), onRecorded()));
  function submit(event: FormEvent) {
    event.preventDefault();
    void resolve.send(
      commandTarget('/api/partnerships/{id}/risks/{riskId}/resolution', { id: partnership.partnershipId, riskId: risk.riskId }),
      { resolution },
      partnership.revision,
    );
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form" aria-label={t('risks.resolveLabel', { description: risk.description })}>
      <Field label={t('risks.resolution')} name="resolution" error={resolve.error}>
        {(p) => <input {...p} value={resolution} onChange={(e) => setResolution(e.target.value)} />}
      </Field>
      <FormFooter
        status={resolve.status}
        fields={['resolution']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('risks.resolvedNow')}
        submit={t('risks.resolve')}
      />
    </form>
  );
}
