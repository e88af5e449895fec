import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { Page, Score, ScorecardAnswer } from '../api/api-types';
import { href } from '../routes';
import { useOrganisationNames } from '../session/organisations';
import { useSession } from '../session/session';
import { DataTable } from '../ui/data-table';
import { formatDate, humanise } from '../ui/format';
import { Loaded } from '../ui/states';
import { userLocale } from '../ui/locale';
import { useLoad } from '../ui/use-load';

interface Scorecard {
  readonly summary: ScorecardAnswer['items'];
  /** Signed in: every score in force on the partnerships one may read. */
  readonly scores: readonly Score[] | null;
}

/**
 * How the OEWG principles fare across the evaluations recorded: per principle, how many evaluations scored it and
 * the average, lowest and highest score (0–4). A principle scored in fewer than three partnerships is withheld
 * from readers outside them. Signed in, every score in force on one's partnerships, with its evidence.
 */
export function ScorecardPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const nameOf = useOrganisationNames(session?.token ?? null);
  const [data, reload] = useLoad(
    async (signal): Promise<Scorecard> => {
      const [summary, scores] = await Promise.all([
        getJson<ScorecardAnswer>('/api/scorecard', signal),
        session ? getJson<Page<Score>>('/api/scorecard/scores?limit=500', signal) : Promise.resolve(null),
      ]);
      return { summary: summary.items, scores: scores?.items ?? null };
    },
    [session?.token],
  );
  const decimal = new Intl.NumberFormat(userLocale(), { maximumFractionDigits: 2 });
  const score = (value: number | null) => (value === null ? t('scorecard.withheld') : decimal.format(value));
  return (
    <>
      <h1 tabIndex={-1}>{t('scorecard.title')}</h1>
      <p className="muted">{t('scorecard.intro')}</p>
      <Loaded load={data} what={t('scorecard.loading')} retry={reload}>
        {({ summary, scores }) => (
          <>
            <section className="card" aria-labelledby="principles-heading">
              <h2 id="principles-heading">{t('scorecard.principles')}</h2>
              <DataTable
                caption={t('scorecard.caption')}
                testId="scorecard-table"
                rows={summary}
                rowKey={(s) => s.principle}
                columns={[
                  { header: t('evaluation.principle'), cell: (s) => humanise(s.principle) },
                  { header: t('scorecard.evaluations'), cell: (s) => (s.suppressed ? t('scorecard.withheld') : s.evaluations), numeric: true },
                  { header: t('scorecard.average'), cell: (s) => score(s.average), numeric: true },
                  { header: t('scorecard.lowest'), cell: (s) => score(s.min), numeric: true },
                  { header: t('scorecard.highest'), cell: (s) => score(s.max), numeric: true },
                ]}
              />
            </section>
            {scores && (
              <section className="card" aria-labelledby="scores-heading">
                <h2 id="scores-heading">{t('scorecard.scores')}</h2>
                <DataTable
                  caption={t('scorecard.scoresCaption')}
                  testId="scores-table"
                  rows={scores}
                  rowKey={(s) => `${s.evaluationId}:${s.principle}`}
                  empty={t('scorecard.noScores')}
                  columns={[
                    { header: t('scorecard.partnership'), cell: (s) => <a href={href({ page: 'evaluation', id: s.partnershipId })}>{s.partnershipId}</a> },
                    { header: t('evaluation.principle'), cell: (s) => humanise(s.principle) },
                    { header: t('evaluation.score'), cell: (s) => t(`evaluation.scale.${s.score}`, { defaultValue: String(s.score) }) },
                    { header: t('evaluation.evidence'), cell: (s) => s.evidence },
                    { header: t('scorecard.evaluator'), cell: (s) => nameOf(s.evaluatorId) },
                    { header: t('scorecard.recorded'), cell: (s) => formatDate(s.recordedAt) },
                  ]}
                />
              </section>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
