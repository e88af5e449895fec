import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSentence } from '../i18n/sentences';
import { PRINCIPLES, type Principle } from '../../../../libs/domain/src/partnerships/vocabulary';
import type { EvaluationsAnswer, HistoryEvent, PartnershipDetail } from '../api/api-types';
import { commandTarget } from '../api/commands';
import { newId } from '../api/api-client';
import { CodeSelect, Field, FormFooter } from '../ui/form';
import { formatDate, humanise } from '../ui/format';
import { useCommand } from '../ui/use-command';

const SCORES = [0, 1, 2, 3, 4] as const;

interface ScoreRow {
  readonly key: string;
  readonly principle: Principle;
  readonly score: string;
  readonly evidence: string;
  readonly eventIds: readonly string[];
}

const emptyRow = (principle: Principle): ScoreRow => ({ key: newId('row'), principle, score: '', evidence: '', eventIds: [] });

/**
 * The evaluator's findings: a score from 0 to 4 and the evidence for each OEWG principle scored, the evidence
 * tied to events picked from the partnership's history. After closure only a correction of an earlier
 * evaluation can be recorded, so the form then asks which one it corrects.
 */
export function EvaluationForm({
  partnership,
  history,
  evaluations,
  onRecorded,
  onReload,
}: {
  partnership: PartnershipDetail;
  history: readonly HistoryEvent[];
  evaluations: EvaluationsAnswer['items'];
  onRecorded: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const said = useSentence();
  const closed = partnership.phase === 'closed';
  const correctable = evaluations.filter((e) => e.inForce);
  const [corrects, setCorrects] = useState(closed ? (correctable[0]?.evaluationId ?? '') : '');
  const [findings, setFindings] = useState('');
  const [lessons, setLessons] = useState('');
  const [rows, setRows] = useState<readonly ScoreRow[]>([emptyRow('national-ownership')]);
  const record = useCommand(() => {
    setFindings('');
    setLessons('');
    setRows([emptyRow('national-ownership')]);
    onRecorded();
  });
  const events = [...history].reverse();
  const update = (key: string, change: Partial<ScoreRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const unused = PRINCIPLES.filter((p) => !rows.some((r) => r.principle === p));
  // Listed newest first to pick from, kept in the order they happened.
  const revisionOf = new Map(history.map((e) => [e.eventId, e.revision]));
  const inHistoryOrder = (ids: string[]) => ids.sort((x, y) => (revisionOf.get(x) ?? 0) - (revisionOf.get(y) ?? 0));

  function submit(event: FormEvent) {
    event.preventDefault();
    void record.send(
      commandTarget('/api/partnerships/{id}/evaluations', { id: partnership.partnershipId }),
      {
        evaluationId: `eval-${new Date().toISOString().slice(0, 10)}-${newId('e').slice(-6)}`,
        corrects: corrects || null,
        findings,
        lessons,
        scores: rows.map((r) => ({ principle: r.principle, score: r.score === '' ? '' : Number(r.score), evidence: r.evidence, eventIds: r.eventIds })),
      },
      partnership.revision,
    );
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="record-evaluation" data-testid="evaluation-form">
      <h2 id="record-evaluation">{closed ? t('evaluation.form.correctTitle') : t('evaluation.form.title')}</h2>
      <p className="muted">{t('evaluation.form.intro')}</p>
      {(closed || correctable.length > 0) && (
        <Field label={t('evaluation.form.corrects')} name="corrects" error={record.error}>
          {(p) => (
            <select {...p} value={corrects} onChange={(e) => setCorrects(e.target.value)}>
              {!closed && <option value="">{t('evaluation.form.correctsNone')}</option>}
              {correctable.map((e) => (
                <option key={e.evaluationId} value={e.evaluationId}>
                  {e.evaluationId}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('evaluation.form.findings')} name="findings" error={record.error}>
        {(p) => <textarea {...p} rows={3} value={findings} onChange={(e) => setFindings(e.target.value)} />}
      </Field>
      <Field label={t('evaluation.form.lessons')} name="lessons" error={record.error}>
        {(p) => <textarea {...p} rows={2} value={lessons} onChange={(e) => setLessons(e.target.value)} />}
      </Field>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="score-row" data-testid="score-row">
          <legend>{t('evaluation.form.scoreLegend', { n: index + 1 })}</legend>
          <Field label={t('evaluation.form.principle')} name={`scores.${index}.principle`} error={record.error}>
            {(p) => (
              <CodeSelect
                {...p}
                codes={PRINCIPLES.filter((c) => c === row.principle || unused.includes(c))}
                value={row.principle}
                onChange={(principle) => update(row.key, { principle })}
              />
            )}
          </Field>
          <Field label={t('evaluation.form.score')} name={`scores.${index}.score`} error={record.error}>
            {(p) => (
              <select {...p} value={row.score} onChange={(e) => update(row.key, { score: e.target.value })}>
                <option value="">{t('evaluation.form.choose')}</option>
                {SCORES.map((s) => (
                  <option key={s} value={String(s)}>
                    {t(`evaluation.scale.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('evaluation.form.evidence')} name={`scores.${index}.evidence`} error={record.error}>
            {(p) => <textarea {...p} rows={2} value={row.evidence} onChange={(e) => update(row.key, { evidence: e.target.value })} />}
          </Field>
          <Field label={t('evaluation.form.events')} name={`scores.${index}.eventIds`} error={record.error} hint={t('evaluation.form.eventsHint')}>
            {(p) => (
              <select
                {...p}
                multiple
                size={6}
                value={[...row.eventIds]}
                onChange={(e) => update(row.key, { eventIds: inHistoryOrder([...e.target.selectedOptions].map((o) => o.value)) })}
              >
                {events.map((e) => (
                  <option key={e.eventId} value={e.eventId}>
                    {t('evaluation.form.eventOption', { revision: e.revision, date: formatDate(e.recordedAt), summary: said(e.sentence) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {rows.length > 1 && (
            <button type="button" className="button-secondary" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
              {t('evaluation.form.remove', { principle: humanise(row.principle) })}
            </button>
          )}
        </fieldset>
      ))}
      {unused.length > 0 && (
        <p>
          <button type="button" className="button-secondary" onClick={() => setRows((all) => [...all, emptyRow(unused[0])])}>
            {t('evaluation.form.add')}
          </button>
        </p>
      )}
      <FormFooter
        status={record.status}
        fields={['corrects', 'findings', 'lessons', 'scores']}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={t('evaluation.form.done')}
        submit={closed ? t('evaluation.form.submitCorrection') : t('evaluation.form.submit')}
      />
    </form>
  );
}
