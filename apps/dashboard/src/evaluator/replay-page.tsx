import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { HistoryEvent, Page, PartnershipDetail } from '../api/api-types';
import { PartnershipLinks } from '../partnership/partnership-links';
import { useSession } from '../session/session';
import { formatDate } from '../ui/format';
import { Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';
import { DiffPanel } from './diff-panel';
import { IntegrityPanel } from './integrity-panel';
import { TimeTravel } from './time-travel';

export interface ReplayData {
  readonly partnership: PartnershipDetail;
  readonly history: readonly HistoryEvent[];
}

/** Everything a partnership's events say, page by page (the API caps a page at 500 events). */
export async function wholeHistory(id: string, signal: AbortSignal): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await getJson<Page<HistoryEvent>>(`/api/partnerships/${encodeURIComponent(id)}/history?limit=500&offset=${offset}`, signal);
    events.push(...page.items);
    if (page.items.length === 0 || events.length >= page.total) return events;
  }
}

/** The evaluator's desk: travel through a partnership's history, compare two points, export and verify. */
export function ReplayPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [data, reload] = useLoad(
    async (signal): Promise<ReplayData> => {
      const [partnership, history] = await Promise.all([getJson<PartnershipDetail>(`/api/partnerships/${encodeURIComponent(id)}`, signal), wholeHistory(id, signal)]);
      return { partnership, history };
    },
    [id, session?.token],
  );
  return (
    <Loaded load={data} what={t('replay.loading')} retry={reload}>
      {(replay) => (
        <>
          <h1 tabIndex={-1}>{t('replay.title', { title: replay.partnership.title })}</h1>
          <PartnershipLinks partnership={replay.partnership} user={session?.user ?? null} current="replay" />
          <p className="muted">
            {t('replay.intro', {
              count: replay.history.length,
              from: formatDate(replay.history[0]?.recordedAt),
              to: formatDate(replay.history[replay.history.length - 1]?.recordedAt),
            })}
          </p>
          <TimeTravel id={id} history={replay.history} />
          <DiffPanel id={id} history={replay.history} />
          <IntegrityPanel id={id} />
        </>
      )}
    </Loaded>
  );
}
