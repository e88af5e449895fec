import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { postXml } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { ImportReport } from '../api/api-types';
import { DataTable } from '../ui/data-table';
import { humanise } from '../ui/format';

/** What the page shows of a report: the problems a person can act on, the rest counted. */
const PROBLEMS_SHOWN = 200;

type Outcome =
  | { readonly state: 'idle' }
  | { readonly state: 'sending' }
  | { readonly state: 'done'; readonly report: ImportReport; readonly dryRun: boolean }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Another publisher's IATI activity file (1.0x to 2.03), checked first without recording anything, then imported:
 * each activity whole or not at all, through the same rules as the API's commands. The report says what became
 * of each activity and where in the file each problem is.
 */
export function IatiImportCard({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  async function send(dryRun: boolean) {
    if (!file) return;
    setOutcome({ state: 'sending' });
    try {
      const query = new URLSearchParams({ file: file.name, ...(dryRun ? { dryRun: 'true' } : {}) });
      const report = await postXml<ImportReport>(`/api/iati/imports?${query.toString()}`, file);
      setOutcome({ state: 'done', report, dryRun });
      if (!dryRun) onImported();
    } catch (error) {
      setOutcome({ state: 'failed', message: error instanceof ApiError ? error.message : String(error) });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }

  const sending = outcome.state === 'sending';
  return (
    <section className="card" aria-labelledby="iati-import" data-testid="iati-import">
      <h2 id="iati-import">{t('iatiImport.title')}</h2>
      <p className="muted">{t('iatiImport.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="iati-file">{t('iatiImport.file')}</label>
          <input
            id="iati-file"
            name="file"
            type="file"
            accept=".xml,application/xml,text/xml"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setOutcome({ state: 'idle' }))}
          />
        </div>
        <div className="actions">
          <button type="button" className="button-secondary" disabled={!file || sending} onClick={() => void send(true)}>
            {t('iatiImport.check')}
          </button>
          <button type="submit" disabled={!file || sending}>
            {t('iatiImport.import')}
          </button>
        </div>
      </form>
      {sending && (
        <p role="status" className="muted">
          {t('iatiImport.sending')}
        </p>
      )}
      {outcome.state === 'failed' && (
        <div className="banner-error" role="alert">
          <strong>{t('iatiImport.failed')}</strong> {outcome.message}
        </div>
      )}
      {outcome.state === 'done' && <Report report={outcome.report} dryRun={outcome.dryRun} />}
    </section>
  );
}

function Report({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const { t } = useTranslation();
  const counts = { read: report.activitiesRead, created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped.length };
  return (
    <div data-testid="iati-report">
      <div className={dryRun ? 'banner-conflict' : 'banner-ok'} role="status">
        {t(dryRun ? 'iatiImport.checked' : 'iatiImport.imported', { file: report.file, version: report.version ?? '?', ...counts })}
      </div>
      {report.skipped.length > 0 && (
        <DataTable
          caption={t('iatiImport.skippedCaption')}
          testId="iati-skipped"
          rows={report.skipped.map((s, at) => ({ ...s, at }))}
          rowKey={(s) => String(s.at)}
          columns={[
            { header: t('iatiImport.identifier'), cell: (s) => s.identifier ?? '—' },
            { header: t('iatiImport.line'), cell: (s) => s.line, numeric: true },
            { header: t('iatiImport.reason'), cell: (s) => s.reason },
          ]}
        />
      )}
      {report.problemCounts.length > 0 && (
        <DataTable
          caption={t('iatiImport.countsCaption')}
          testId="iati-problem-counts"
          rows={report.problemCounts}
          rowKey={(c) => `${c.severity}:${c.code}`}
          columns={[
            { header: t('iatiImport.severity'), cell: (c) => humanise(c.severity) },
            { header: t('iatiImport.code'), cell: (c) => c.code },
            { header: t('iatiImport.count'), cell: (c) => c.count, numeric: true },
          ]}
        />
      )}
      {report.problems.length > 0 && (
        <DataTable
          caption={t('iatiImport.problemsCaption', { shown: Math.min(report.problems.length, PROBLEMS_SHOWN) })}
          testId="iati-problems"
          rows={report.problems.slice(0, PROBLEMS_SHOWN).map((p, at) => ({ ...p, at }))}
          rowKey={(p) => String(p.at)}
          columns={[
            { header: t('iatiImport.severity'), cell: (p) => humanise(p.severity) },
            { header: t('iatiImport.identifier'), cell: (p) => p.identifier ?? '—' },
            { header: t('iatiImport.line'), cell: (p) => p.line, numeric: true },
            { header: t('iatiImport.where'), cell: (p) => <code>{p.xpath}</code> },
            { header: t('iatiImport.problem'), cell: (p) => p.message },
          ]}
        />
      )}
    </div>
  );
}
