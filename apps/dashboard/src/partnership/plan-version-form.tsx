import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../api/api-client';
import type { Dossier, PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { CheckGroup, Field, FormFooter } from '../ui/form';
import { useCommand } from '../ui/use-command';

/** The phases a plan may be proposed in, as the rules allow: co-designed first, revised while it is delivered. */
export const PLANNING_PHASES: ReadonlySet<string> = new Set(['co-design', 'delivery', 'monitoring']);

interface Objective {
  readonly objectiveId: string;
  readonly description: string;
  readonly needIds: readonly string[];
}

function startingPoint(dossier: Dossier): Objective[] {
  const current = dossier.plan?.objectives ?? [];
  // A need withdrawn since the last version can no longer be linked: the new version starts without it.
  const stated = new Set(dossier.needs.map((n) => n.needId));
  return current.length > 0 ? current.map((o) => ({ ...o, needIds: o.needIds.filter((id) => stated.has(id)) })) : [{ objectiveId: newId('obj'), description: '', needIds: [] }];
}

/**
 * A new version of the co-designed plan: the current objectives to edit, drop or add to, each linked to the needs
 * it answers. Objectives keep their ids across versions so milestones and activities stay linked to them.
 */
export function PlanVersionForm({
  partnership,
  dossier,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  dossier: Dossier;
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [objectives, setObjectives] = useState<Objective[]>(() => startingPoint(dossier));
  const [confidential, setConfidential] = useState(dossier.plan?.confidential ?? false);
  const command = useCommand(onRecorded);
  const next = (dossier.plan?.version ?? 0) + 1;
  // The version last sent: once recorded, the reloaded dossier already offers the one after it.
  const [sent, setSent] = useState(next);
  const change = (at: number, patch: Partial<Objective>) => setObjectives((list) => list.map((o, i) => (i === at ? { ...o, ...patch } : o)));
  const needLabel = new Map(dossier.needs.map((n) => [n.needId, n.description]));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(next);
    void command.send(
      commandTarget('/api/partnerships/{id}/plan-versions', { id: partnership.partnershipId }),
      { objectives: objectives.map((o) => ({ objectiveId: o.objectiveId, description: o.description, needIds: [...o.needIds] })), confidential },
      partnership.revision,
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="plan-version" data-testid="plan-version-form">
      <h2 id="plan-version">{t('planVersion.title', { version: next })}</h2>
      <p className="muted">{next > 1 ? t('planVersion.introRevise') : t('planVersion.introFirst')}</p>
      <ol className="objectives">
        {objectives.map((o, at) => (
          <li key={o.objectiveId} data-testid="objective">
            <Field label={t('planVersion.objective', { number: at + 1 })} name={`objectives.${at}.description`} error={command.error}>
              {(p) => <textarea {...p} rows={2} value={o.description} onChange={(e) => change(at, { description: e.target.value })} />}
            </Field>
            {dossier.needs.length > 0 && (
              <CheckGroup
                legend={t('planVersion.answers')}
                name={`objectives.${at}.needIds`}
                options={dossier.needs.map((n) => n.needId)}
                selected={o.needIds}
                onChange={(needIds) => change(at, { needIds })}
                labelOf={(needId) => needLabel.get(needId) ?? needId}
                error={command.error}
              />
            )}
            {objectives.length > 1 && (
              <div className="actions">
                <button type="button" className="button-secondary" onClick={() => setObjectives((list) => list.filter((_, i) => i !== at))}>
                  {t('planVersion.remove', { number: at + 1 })}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => setObjectives((list) => [...list, { objectiveId: newId('obj'), description: '', needIds: [] }])}>
          {t('planVersion.add')}
        </button>
      </div>
      <label className="checks">
        <input type="checkbox" name="confidential" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> {t('planVersion.confidential')}
      </label>
      <FormFooter
        status={command.status}
        fields={['objectives', 'confidential']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('planVersion.done', { version: sent })}
        submit={t('planVersion.submit', { version: next })}
      />
    </form>
  );
}
