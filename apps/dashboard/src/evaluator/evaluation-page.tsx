import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSentence } from '../i18n/sentences';
import { getJson } from '../api/api-client';
import type { EvaluationsAnswer, HistoryEvent, PartnershipDetail } from '../api/api-types';
import { myRoles } from '../partnership/my-roles';
import { PartnershipLinks } from '../partnership/partnership-links';
import { useOrganisationNames } from '../session/organisations';
import { useSession } from '../session/session';
import { formatDate, humanise } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { EvaluationForm } from './evaluation-form';
import { ChangesSinceCard } from './changes-since-card';
import { wholeHistory } from './replay-page';

const EVALUATOR = 'evaluator';
const OPEN_TO_EVALUATION: ReadonlySet<string> = new Set(['evaluation', 'closed']);

interface EvaluationDesk {
  readonly partnership: PartnershipDetail;
  readonly evaluations: EvaluationsAnswer['items'];
  readonly history: readonly HistoryEvent[];
}

/**
 * The evaluator's findings on one partnership: every evaluation recorded, each score with its evidence and the
 * events it rests on, and the form to record one (in the evaluation phase) or correct one (after closure).
 */
export function EvaluationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const said = useSentence();
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const [data, reload] = useLoad(
    async (signal): Promise<EvaluationDesk> => {
      const path = encodeURIComponent(id);
      const [partnership, answer, history] = await Promise.all([
        getJson<PartnershipDetail>(`/api/partnerships/${path}`, signal),
        getJson<EvaluationsAnswer>(`/api/partnerships/${path}/evaluations`, signal),
        wholeHistory(id, signal),
      ]);
      return { partnership, evaluations: answer.items, history };
    },
    [id, session?.token],
  );
  const refresh = useCallback(() => reload(), [reload]);
  return (
    <Loaded load={data} what={t('evaluation.loading')} retry={reload}>
      {({ partnership, evaluations, history }) => {
        const isEvaluator = myRoles(partnership, session?.user).has(EVALUATOR);
        const open = OPEN_TO_EVALUATION.has(partnership.phase);
        return (
          <>
            <h1 tabIndex={-1}>{t('evaluation.title', { title: partnership.title })}</h1>
            <PartnershipLinks partnership={partnership} user={session?.user ?? null} current="evaluation" />
            {session?.user && <ChangesSinceCard partnershipId={partnership.partnershipId} userId={session.user.name} revision={partnership.revision} />}
            <section className="card" aria-labelledby="recorded-evaluations">
              <h2 id="recorded-evaluations">{t('evaluation.recorded')}</h2>
              {evaluations.length === 0 ? (
                <Empty>{t('evaluation.none')}</Empty>
              ) : (
                evaluations.map((e) => (
                  <article key={e.evaluationId} className="evaluation" data-testid="evaluation">
                    <h3>
                      {e.evaluationId} · {nameOf(e.evaluatorId)} · {e.inForce ? t('evaluation.inForce') : t('evaluation.corrected')}
                    </h3>
                    {e.corrects && <p className="muted">{t('evaluation.corrects', { id: e.corrects })}</p>}
                    <p>
                      <strong>{t('evaluation.findings')}</strong> {e.findings}
                    </p>
                    <p>
                      <strong>{t('evaluation.lessons')}</strong> {e.lessons}
                    </p>
                    <div className="table-scroll">
                      <table>
                        <caption className="visually-hidden">{t('evaluation.scoresCaption', { id: e.evaluationId })}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('evaluation.principle')}</th>
                            <th scope="col">{t('evaluation.score')}</th>
                            <th scope="col">{t('evaluation.evidence')}</th>
                            <th scope="col">{t('evaluation.events')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {e.scores.map((s) => (
                            <tr key={s.principle}>
                              <th scope="row">{humanise(s.principle)}</th>
                              <td data-testid="score">{t(`evaluation.scale.${s.score}`, { defaultValue: String(s.score) })}</td>
                              <td>{s.evidence}</td>
                              <td>
                                <ul className="plain">
                                  {s.evidenceEvents.map((ev) => (
                                    <li key={ev.eventId}>
                                      {ev.found
                                        ? t('evaluation.form.eventOption', { revision: ev.revision, date: formatDate(ev.recordedAt), summary: said(ev.sentence) })
                                        : t('evaluation.eventMissing', { id: ev.eventId })}
                                    </li>
                                  ))}
                                </ul>
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </article>
                ))
              )}
            </section>
            {isEvaluator && open ? (
              <EvaluationForm partnership={partnership} history={history} evaluations={evaluations} onRecorded={refresh} onReload={refresh} />
            ) : (
              isEvaluator && <Empty>{t('evaluation.notYet', { phase: humanise(partnership.phase) })}</Empty>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
