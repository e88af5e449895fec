import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../api/api-client';
import type { Page, RegistryEntry } from '../api/api-types';
import { formatDate, humanise } from '../ui/format';
import { Empty, Loaded } from '../ui/states';
import { useLoad } from '../ui/use-load';

/** What anyone may know: summaries and whom to contact. Needs, plans and money stay with the parties. */
export function RegistryPage() {
  const [query, setQuery] = useState('');
  const { t } = useTranslation();
  const [registry, reload] = useLoad((signal) => getJson<Page<RegistryEntry>>('/api/registry?limit=500', signal), []);
  const needle = query.trim().toLowerCase();
  return (
    <>
      <h1 tabIndex={-1}>{t('registry.title')}</h1>
      <p className="muted">{t('registry.intro')}</p>
      <div className="form-row">
        <label htmlFor="registry-search">{t('registry.search')}</label>
        <input id="registry-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('registry.searchPlaceholder')} />
      </div>
      <Loaded load={registry} what={t('registry.loading')} retry={reload}>
        {(page) => {
          const entries = page.items.filter(
            (e) =>
              needle === '' ||
              [e.title, e.summary, e.beneficiaryCountry, ...e.themes, ...e.themes.map(humanise), ...e.parties.map((p) => p.name)].some(
                (text) => text !== null && text.toLowerCase().includes(needle),
              ),
          );
          if (entries.length === 0) return <Empty>{t('registry.noMatch', { query })}</Empty>;
          return (
            <>
              <p role="status" data-testid="registry-count">
                {t('registry.count', { shown: entries.length, count: page.total })}
              </p>
              <ul className="registry">
                {entries.map((entry) => (
                  <li key={entry.partnershipId} className="card" data-partnership={entry.partnershipId}>
                    <h2>{entry.title}</h2>
                    <p>{entry.summary}</p>
                    <p className="tags">
                      <span className="tag">{entry.beneficiaryCountry}</span>
                      <span className="tag">{humanise(entry.phase)}</span>
                      <span className="tag">{humanise(entry.modality)}</span>
                      {entry.themes.map((t) => (
                        <span key={t} className="tag">
                          {humanise(t)}
                        </span>
                      ))}
                    </p>
                    <p className="muted">{t('registry.planned', { start: formatDate(entry.plannedStart), end: formatDate(entry.plannedEnd) })}</p>
                    <dl className="contacts">
                      {entry.parties.map((party) => (
                        <div key={`${party.role}-${party.organisationId}`}>
                          <dt>
                            {humanise(party.role)}: {party.name ?? party.organisationId}
                            {party.country ? ` (${party.country})` : ''}
                          </dt>
                          {party.contacts.map((c) => (
                            <dd key={c.email}>
                              {c.name}, {c.function} — <a href={`mailto:${c.email}`}>{c.email}</a>
                            </dd>
                          ))}
                        </div>
                      ))}
                    </dl>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
