import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSentence } from '../i18n/sentences';
import { getJson } from '../api/api-client';
import type { Diff } from '../api/api-types';
import { formatDate } from '../ui/format';

/** Where this person last read this partnership, kept in the browser: per user and partnership, never sent anywhere. */
const keyOf = (userId: string, partnershipId: string) => `ccb.seen.${userId}.${partnershipId}`;

function lastSeen(userId: string, partnershipId: string): number | null {
  const stored = globalThis.localStorage?.getItem(keyOf(userId, partnershipId));
  const revision = stored === null || stored === undefined ? NaN : Number(stored);
  return Number.isInteger(revision) ? revision : null;
}

type Changes =
  { readonly state: 'first-visit' } | { readonly state: 'nothing-new'; readonly since: number } | { readonly state: 'changed'; readonly since: number; readonly diff: Diff };

/**
 * What happened since this person last opened the partnership: the net changes in sentences and every event in
 * between. Opening the page counts as having seen it, so the next visit starts from here.
 */
export function ChangesSinceCard({ partnershipId, userId, revision }: { partnershipId: string; userId: string; revision: number }) {
  const { t } = useTranslation();
  const said = useSentence();
  const [changes, setChanges] = useState<Changes | null>(null);
  // The revision the page opened at: what this person's own commands add during the visit is not news to them.
  const opened = useRef(revision);
  useEffect(() => {
    const revision = opened.current;
    const since = lastSeen(userId, partnershipId);
    const controller = new AbortController();
    globalThis.localStorage?.setItem(keyOf(userId, partnershipId), String(revision));
    if (since === null) setChanges({ state: 'first-visit' });
    else if (since >= revision) setChanges({ state: 'nothing-new', since });
    else
      void getJson<Diff>(`/api/partnerships/${encodeURIComponent(partnershipId)}/changes?sinceRevision=${since}`, controller.signal)
        .then((diff) => setChanges({ state: 'changed', since, diff }))
        .catch(() => setChanges(null));
    return () => controller.abort();
  }, [partnershipId, userId]);
  if (!changes) return null;
  return (
    <section className="card" aria-labelledby="changes-since" data-testid="changes-since">
      <h2 id="changes-since">{t('changesSince.title')}</h2>
      {changes.state === 'first-visit' && <p className="muted">{t('changesSince.firstVisit')}</p>}
      {changes.state === 'nothing-new' && <p className="muted">{t('changesSince.nothingNew', { revision: changes.since })}</p>}
      {changes.state === 'changed' && (
        <>
          <p>{t('changesSince.intro', { from: changes.since, to: changes.diff.to.revision, count: changes.diff.eventsTotal })}</p>
          <ul data-testid="changes-since-list">
            {changes.diff.changeSentences.map((sentence, i) => (
              <li key={i}>{said(sentence)}</li>
            ))}
          </ul>
          <details>
            <summary>{t('changesSince.events', { count: changes.diff.eventsTotal })}</summary>
            <ol className="plain">
              {changes.diff.events.map((e) => (
                <li key={e.eventId}>
                  {formatDate(e.recordedAt)} · {said(e.sentence)}
                </li>
              ))}
            </ol>
            {changes.diff.eventsTotal > changes.diff.events.length && (
              <p className="muted">{t('replay.diff.firstShown', { shown: changes.diff.events.length, count: changes.diff.eventsTotal })}</p>
            )}
          </details>
        </>
      )}
    </section>
  );
}
