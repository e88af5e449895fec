import {
  EXCHANGE_RATE_STREAM_PREFIX,
  isOrganisationEventType,
  isPartnershipEventType,
  upcastOrganisationEvent,
  upcastPartnershipEvent,
  type ExchangeRatesRecorded,
} from '@ccb/domain';
import { RateTable, type TableRate } from '../funding/rate-table';
import { tableRateOf } from '../queries/rate-queries';
import type { EventStore, RecordedEvent } from '@ccb/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { evolveOrganisationInfo, lookupIn, type OrganisationInfo } from '../organisations/organisation-directory';
import type { HandlerMode, PreparedBatch, Projection, ProjectionHandler } from '../projection/projection';
import type { ReadModelSchema } from '../storage/read-model-schemas';
import { upsertRows } from '../storage/row-writer';
import { EXTERNAL_ACTIVITY_COLUMNS, ORGANISATION_COLUMNS, readRow, type RowOf } from '../storage/columns';
import { fundingSummaryRows, type FundingSummaryRow } from '../funding/funding-summary';
import type { PartnershipView } from '../view/partnership-view';
import {
  activityRow,
  activityThemeRows,
  flowRow,
  indicatorRow,
  milestoneRow,
  organisationRow,
  partnershipRow,
  partyRows,
  rowsTouchedBy,
  scoreRows,
  type ActivityThemeRow,
  type PartnershipRow,
  type RowKey,
} from './portfolio-rows';
import { applyRecorded, loadPartnershipView, PARTNERSHIP_STREAM_PREFIX } from '../view/view-loader';

export { ORGANISATION_STREAM_PREFIX } from '@ccb/domain';
import { EXTERNAL_ACTIVITY_STREAM_PREFIX, externalActivityDecider, isExternalActivityEventType, ORGANISATION_STREAM_PREFIX, type ExternalActivity } from '@ccb/domain';

interface Cached {
  readonly view: PartnershipView;
  readonly row: PartnershipRow;
}

/** A small LRU: views of partnerships that stay busy are kept, the rest are re-read from their streams. */
class ViewCache {
  private readonly entries = new Map<string, Cached>();
  constructor(private readonly capacity: number) {}
  get(id: string): Cached | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }
  set(id: string, value: Cached): void {
    this.entries.delete(id);
    this.entries.set(id, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
  clear(): void {
    this.entries.clear();
  }
}

const overlapKey = (row: PartnershipRow | undefined) => (row ? JSON.stringify([row.beneficiary_country, row.themes, row.planned_start, row.planned_end, row.donor_ids]) : '');

interface Pending {
  view: PartnershipView | null;
  readonly before: PartnershipRow | undefined;
  readonly keys: RowKey[];
}

export class PortfolioProjectionHandler implements ProjectionHandler {
  private readonly cache: ViewCache;
  private organisations: Map<string, OrganisationInfo> | null = null;
  private rates: RateTable | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly schema: string,
    options: { cacheSize?: number } = {},
    private readonly mode: HandlerMode = 'live',
  ) {
    this.cache = new ViewCache(options.cacheSize ?? 20_000);
  }

  reset(): void {
    this.cache.clear();
    this.organisations = null;
    this.rates = null;
  }

  async prepare(batch: readonly RecordedEvent[], parked: ReadonlySet<string> = new Set()): Promise<PreparedBatch> {
    const events = batch.filter((e) => !parked.has(e.id));
    if (events.length === 0) return { write: async () => undefined, committed: () => undefined };
    const organisations = new Map(await this.directory());
    const changedOrganisations = new Set<string>();
    const newRates: TableRate[] = [];
    const pending = new Map<string, Pending>();
    const externals = new Map<string, ExternalActivityRow>();
    await this.loadMissing(events, pending, parked);

    for (const event of events) {
      if (event.streamId.startsWith(ORGANISATION_STREAM_PREFIX)) {
        if (!isOrganisationEventType(event.type)) continue;
        const organisationId = event.streamId.slice(ORGANISATION_STREAM_PREFIX.length);
        const next = evolveOrganisationInfo(organisations.get(organisationId), upcastOrganisationEvent(event), event.metadata.recordedAt);
        if (next) organisations.set(organisationId, next);
        changedOrganisations.add(organisationId);
        continue;
      }
      if (event.streamId.startsWith(EXCHANGE_RATE_STREAM_PREFIX)) {
        if (event.type !== 'ExchangeRatesRecorded') continue;
        const d = (event as unknown as ExchangeRatesRecorded).data;
        for (const r of d.rates)
          newRates.push({ setId: d.setId, base: r.base, quote: r.quote, valueDate: r.valueDate, rate: r.rate, source: d.source, recordedAt: event.metadata.recordedAt });
        continue;
      }
      if (event.streamId.startsWith(EXTERNAL_ACTIVITY_STREAM_PREFIX)) {
        if (!isExternalActivityEventType(event.type)) continue;
        const key = event.streamId.slice(EXTERNAL_ACTIVITY_STREAM_PREFIX.length);
        externals.set(key, externalActivityRow(key, externalActivityDecider.upcast(event).data.activity, event.metadata.recordedAt));
        continue;
      }
      if (!event.streamId.startsWith(PARTNERSHIP_STREAM_PREFIX) || !isPartnershipEventType(event.type)) continue;
      const entry = pending.get(event.streamId.slice(PARTNERSHIP_STREAM_PREFIX.length));
      if (!entry) continue;
      entry.view = applyRecorded(entry.view, event);
      entry.keys.push(...rowsTouchedBy(upcastPartnershipEvent(event)));
    }

    // An organisation's country, region or status feeds the rows of every partnership it is party to.
    if (changedOrganisations.size > 0) await this.loadAffected(this.partiesOf([...changedOrganisations]), events, pending, parked);
    // A rate converts the money of every partnership with flows in either currency: their shares are computed again.
    const rates = (await this.rateTable()).with(newRates);
    if (newRates.length > 0) await this.loadAffected(this.flowsIn([...new Set(newRates.flatMap((r) => [r.base, r.quote]))]), events, pending, parked);

    const lookup = lookupIn(organisations);
    const rows = {
      organisations: [...changedOrganisations]
        .map((id) => organisations.get(id))
        .filter((o) => o !== undefined)
        .map(organisationRow),
      partnerships: [] as PartnershipRow[],
      parties: [] as ReturnType<typeof partyRows>,
      flows: [] as NonNullable<ReturnType<typeof flowRow>>[],
      activities: [] as NonNullable<ReturnType<typeof activityRow>>[],
      milestones: [] as NonNullable<ReturnType<typeof milestoneRow>>[],
      indicators: [] as NonNullable<ReturnType<typeof indicatorRow>>[],
      scores: [] as ReturnType<typeof scoreRows>,
      funding: [] as FundingSummaryRow[],
      fundingReplaced: [] as string[],
      scoredEvaluations: [] as [string, string][],
      overlapsChanged: [] as string[],
      // Rows whose fact left the view (a void activity, a cancelled milestone): [partnership, id].
      partiesReplaced: [] as string[],
      goneActivities: [] as [string, string][],
      activityThemes: [] as ActivityThemeRow[],
      activityThemesReplaced: new Set<string>(),
      goneMilestones: [] as [string, string][],
    };
    const cacheUpdates: [string, Cached][] = [];
    for (const [id, entry] of pending) {
      const view = entry.view;
      if (view === null) continue;
      const row = partnershipRow(view, lookup, rates);
      rows.partnerships.push(row);
      if (overlapKey(row) !== overlapKey(entry.before)) rows.overlapsChanged.push(id);
      cacheUpdates.push([id, { view, row }]);
      const seen = new Set<string>();
      for (const key of entry.keys) {
        const tag = `${key.table}:${'id' in key ? key.id : ''}`;
        if (seen.has(tag)) continue;
        seen.add(tag);
        switch (key.table) {
          case 'parties':
            // Replaced whole: a party that left has no row any more.
            rows.partiesReplaced.push(id);
            rows.parties.push(...partyRows(view));
            break;
          case 'funding':
            rows.fundingReplaced.push(id);
            rows.funding.push(...fundingSummaryRows(view));
            break;
          case 'flows': {
            const r = flowRow(view, key.id);
            if (r) rows.flows.push(r);
            break;
          }
          case 'activities': {
            const r = activityRow(view, key.id);
            if (r) rows.activities.push(r);
            else rows.goneActivities.push([id, key.id]);
            // Its theme sums are replaced whole, once per partnership in the batch.
            if (!rows.activityThemesReplaced.has(id)) {
              rows.activityThemesReplaced.add(id);
              rows.activityThemes.push(...activityThemeRows(view));
            }
            break;
          }
          case 'milestones': {
            const r = milestoneRow(view, key.id);
            if (r) rows.milestones.push(r);
            else rows.goneMilestones.push([id, key.id]);
            break;
          }
          case 'indicators': {
            const r = indicatorRow(view, key.id);
            if (r) rows.indicators.push(r);
            break;
          }
          case 'scores':
            rows.scoredEvaluations.push([id, key.id]);
            rows.scores.push(...scoreRows(view, key.id));
            break;
        }
      }
    }

    const s = this.schema;
    return {
      write: async (tx: EntityManager) => {
        await upsertRows(tx, `${s}.organisations`, rows.organisations, ['organisation_id']);
        await upsertRows(
          tx,
          `${s}.exchange_rates`,
          newRates.map((r) => ({ set_id: r.setId, base: r.base, quote: r.quote, value_date: r.valueDate, rate: r.rate, source: r.source, recorded_at: r.recordedAt })),
          ['set_id', 'base', 'quote', 'value_date'],
        );
        await upsertRows(tx, `${s}.partnerships`, rows.partnerships, ['partnership_id']);
        if (rows.partiesReplaced.length > 0) await tx.query(`DELETE FROM ${s}.parties WHERE partnership_id = ANY($1::text[])`, [rows.partiesReplaced]);
        await upsertRows(
          tx,
          `${s}.parties`,
          dedupe(rows.parties, (r) => `${r.partnership_id}|${r.organisation_id}|${r.role}`),
          ['partnership_id', 'organisation_id', 'role'],
        );
        await upsertRows(tx, `${s}.flows`, rows.flows, ['partnership_id', 'flow_id']);
        if (rows.fundingReplaced.length > 0) {
          // A partnership's summary is replaced whole: a new flow can move others off the top of the chain.
          await tx.query(`DELETE FROM ${s}.funding_summary WHERE partnership_id = ANY($1::text[])`, [rows.fundingReplaced]);
          await upsertRows(tx, `${s}.funding_summary`, rows.funding, ['partnership_id', 'organisation_id', 'currency', 'year', 'rate_currency']);
        }
        await deletePairs(tx, `${s}.activities`, 'activity_id', rows.goneActivities);
        await deletePairs(tx, `${s}.milestones`, 'milestone_id', rows.goneMilestones);
        await upsertRows(tx, `${s}.activities`, rows.activities, ['partnership_id', 'activity_id']);
        if (rows.activityThemesReplaced.size > 0) {
          await tx.query(`DELETE FROM ${s}.activity_themes WHERE partnership_id = ANY($1::text[])`, [[...rows.activityThemesReplaced]]);
          await upsertRows(tx, `${s}.activity_themes`, rows.activityThemes, ['partnership_id', 'theme']);
        }
        await upsertRows(tx, `${s}.milestones`, rows.milestones, ['partnership_id', 'milestone_id']);
        await upsertRows(tx, `${s}.indicators`, rows.indicators, ['partnership_id', 'indicator_id']);
        if (rows.scoredEvaluations.length > 0) {
          // A correction replaces the scores of the evaluation it corrects: delete, then write what is current.
          await tx.query(`DELETE FROM ${s}.principle_scores WHERE (partnership_id, evaluation_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [
            rows.scoredEvaluations.map(([p]) => p),
            rows.scoredEvaluations.map(([, e]) => e),
          ]);
          await upsertRows(tx, `${s}.principle_scores`, rows.scores, ['partnership_id', 'evaluation_id', 'principle']);
        }
        if (rows.overlapsChanged.length > 0 && this.mode === 'live') await recomputeOverlaps(tx, s, rows.overlapsChanged);
        await upsertRows(tx, `${s}.external_activities`, [...externals.values()], ['activity_key']);
        // Against imported activities, every partnership rewritten here and every activity imported is compared again:
        // a party's IATI identity, its sectors, country or dates may have moved either side.
        if (this.mode === 'live' && (externals.size > 0 || rows.partnerships.length > 0)) {
          await recomputeExternalOverlaps(
            tx,
            s,
            rows.partnerships.map((r) => r.partnership_id),
            [...externals.keys()],
          );
        }
      },
      committed: () => {
        this.organisations = organisations;
        this.rates = rates;
        for (const [id, cached] of cacheUpdates) this.cache.set(id, cached);
      },
    };
  }

  /** A rebuild finds every overlapping pair once, from the finished rows: the same pairs, set-wide. */
  async finish(tx: EntityManager): Promise<void> {
    if (this.mode !== 'rebuild') return;
    await tx.query(`DELETE FROM ${this.schema}.overlaps`);
    await insertOverlaps(tx, this.schema, null);
    await tx.query(`DELETE FROM ${this.schema}.external_overlaps`);
    await insertExternalOverlaps(tx, this.schema, null);
  }

  private async directory(): Promise<Map<string, OrganisationInfo>> {
    if (this.organisations) return this.organisations;
    const rows = await this.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM ${this.schema}.organisations`);
    this.organisations = new Map(
      rows.map((raw) => {
        const r = readRow(ORGANISATION_COLUMNS, raw);
        const info: OrganisationInfo = {
          organisationId: r.organisation_id,
          name: r.name,
          kind: r.kind,
          country: r.country,
          region: r.region,
          developmentStatus: r.development_status,
          contacts: r.contacts,
          registeredAt: r.registered_at,
          periods: r.profile_periods,
          iati: r.iati_org_id !== null && r.iati_org_type !== null ? { orgId: r.iati_org_id, orgType: r.iati_org_type } : null,
        };
        return [r.organisation_id, info];
      }),
    );
    return this.organisations;
  }

  private async rateTable(): Promise<RateTable> {
    if (this.rates) return this.rates;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT set_id, base, quote, value_date, rate, source, recorded_at FROM ${this.schema}.exchange_rates ORDER BY recorded_at, set_id`,
    );
    this.rates = new RateTable(rows.map(tableRateOf));
    return this.rates;
  }

  private partiesOf(organisationIds: string[]): () => Promise<string[]> {
    return async () =>
      (
        await this.dataSource.query<{ partnership_id: string }[]>(`SELECT DISTINCT partnership_id FROM ${this.schema}.parties WHERE organisation_id = ANY($1::text[])`, [
          organisationIds,
        ])
      ).map((r) => r.partnership_id);
  }

  private flowsIn(currencies: string[]): () => Promise<string[]> {
    return async () =>
      (await this.dataSource.query<{ partnership_id: string }[]>(`SELECT DISTINCT partnership_id FROM ${this.schema}.flows WHERE currency = ANY($1::text[])`, [currencies])).map(
        (r) => r.partnership_id,
      );
  }

  /** Views of the batch's partnerships as the checkpoint left them: from the cache, else their streams. */
  private async loadMissing(events: readonly RecordedEvent[], pending: Map<string, Pending>, parked: ReadonlySet<string>): Promise<void> {
    const firstRevision = new Map<string, number>();
    for (const event of events) {
      if (!event.streamId.startsWith(PARTNERSHIP_STREAM_PREFIX)) continue;
      const id = event.streamId.slice(PARTNERSHIP_STREAM_PREFIX.length);
      if (!firstRevision.has(id)) firstRevision.set(id, event.revision);
    }
    const toLoad: [string, number][] = [];
    for (const [id, revision] of firstRevision) {
      const cached = this.cache.get(id);
      if (revision === 0) pending.set(id, { view: null, before: undefined, keys: [] });
      else if (cached && cached.view.revision === revision - 1) pending.set(id, { view: cached.view, before: cached.row, keys: [] });
      else toLoad.push([id, revision]);
    }
    await inParallel(toLoad, 8, async ([id, revision]) => {
      const view = await loadPartnershipView(this.store, id, { beforeRevision: revision }, parked);
      pending.set(id, { view, before: view ? partnershipRow(view, lookupIn(this.organisations ?? new Map()), this.rates ?? RateTable.EMPTY) : undefined, keys: [] });
    });
  }

  private async loadAffected(affected: () => Promise<string[]>, events: readonly RecordedEvent[], pending: Map<string, Pending>, parked: ReadonlySet<string>): Promise<void> {
    const last = events[events.length - 1].position;
    const missing = (await affected()).filter((id) => !pending.has(id));
    await inParallel(missing, 8, async (id) => {
      const cached = this.cache.get(id);
      const view = cached ? cached.view : await loadPartnershipView(this.store, id, { upToPosition: last }, parked);
      pending.set(id, { view, before: cached?.row, keys: [] });
    });
  }
}

function dedupe<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) seen.set(key(row), row);
  return [...seen.values()];
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Overlaps are pairs: when a partnership's country, themes, dates or donors change, its pairs are
 * dropped and found again against the current rows, so the table is a function of the rows alone.
 */
async function recomputeOverlaps(tx: EntityManager, s: string, partnershipIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM ${s}.overlaps WHERE partnership_a = ANY($1::text[]) OR partnership_b = ANY($1::text[])`, [partnershipIds]);
  await insertOverlaps(tx, s, partnershipIds);
}

/** Pairs involving the given partnerships, or (null) every pair. */
async function insertOverlaps(tx: EntityManager, s: string, partnershipIds: readonly string[] | null): Promise<void> {
  await tx.query(
    `INSERT INTO ${s}.overlaps (partnership_a, partnership_b, beneficiary_country, shared_themes, overlap_start, overlap_end)
     SELECT least(a.partnership_id, b.partnership_id), greatest(a.partnership_id, b.partnership_id), a.beneficiary_country,
            ARRAY(SELECT unnest(a.themes) INTERSECT SELECT unnest(b.themes) ORDER BY 1),
            greatest(a.planned_start, b.planned_start), least(a.planned_end, b.planned_end)
       FROM ${s}.partnerships a
       JOIN ${s}.partnerships b
         ON b.beneficiary_country = a.beneficiary_country
        AND ${partnershipIds === null ? 'b.partnership_id > a.partnership_id' : 'b.partnership_id <> a.partnership_id'}
        AND b.themes && a.themes
        AND cardinality(b.donor_ids) > 0
        AND NOT (b.donor_ids && a.donor_ids)
        AND a.planned_start <= coalesce(b.planned_end, '9999-12-31')
        AND b.planned_start <= coalesce(a.planned_end, '9999-12-31')
      WHERE ${partnershipIds === null ? 'TRUE' : 'a.partnership_id = ANY($1::text[])'} AND cardinality(a.donor_ids) > 0
     ON CONFLICT DO NOTHING`,
    partnershipIds === null ? [] : [partnershipIds],
  );
}

type ExternalActivityRow = RowOf<typeof EXTERNAL_ACTIVITY_COLUMNS>;

/** What coordination needs of an imported activity: where, on what, when, and who reported it. */
function externalActivityRow(key: string, a: ExternalActivity, recordedAt: string): ExternalActivityRow {
  return {
    activity_key: key,
    identifier: a.identifier,
    title: a.title,
    reporting_org_name: a.reportingOrg.name,
    reporting_org_ref: a.reportingOrg.ref,
    status: a.status,
    countries: a.recipientCountries.map((c) => c.code),
    sector_codes: a.sectors.map((x) => x.code),
    start_date: a.actualStart ?? a.plannedStart,
    end_date: a.actualEnd ?? a.plannedEnd,
    imported_at: recordedAt,
  };
}

async function recomputeExternalOverlaps(tx: EntityManager, s: string, partnershipIds: readonly string[], activityKeys: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM ${s}.external_overlaps WHERE partnership_id = ANY($1::text[]) OR activity_key = ANY($2::text[])`, [partnershipIds, activityKeys]);
  await insertExternalOverlaps(tx, s, { partnershipIds, activityKeys });
}

/**
 * A partnership and an imported activity overlap when the activity's recipient countries include the
 * partnership's beneficiary country, they share a DAC sector, their periods meet (an open end is open), and the
 * activity was not reported by one of the partnership's own parties (its own published file, imported back).
 */
async function insertExternalOverlaps(tx: EntityManager, s: string, only: { partnershipIds: readonly string[]; activityKeys: readonly string[] } | null): Promise<void> {
  await tx.query(
    `INSERT INTO ${s}.external_overlaps (partnership_id, activity_key, country, shared_sectors, overlap_start, overlap_end)
     SELECT p.partnership_id, x.activity_key, p.beneficiary_country,
            ARRAY(SELECT unnest(p.sector_codes) INTERSECT SELECT unnest(x.sector_codes) ORDER BY 1),
            greatest(p.planned_start, coalesce(x.start_date, p.planned_start)),
            CASE WHEN x.end_date IS NULL THEN p.planned_end WHEN p.planned_end IS NULL THEN x.end_date ELSE least(p.planned_end, x.end_date) END
       FROM ${s}.partnerships p
       JOIN ${s}.external_activities x
         ON p.beneficiary_country = ANY(x.countries)
        AND p.sector_codes && x.sector_codes
        AND coalesce(x.start_date, '0000-01-01') <= coalesce(p.planned_end, '9999-12-31')
        AND p.planned_start <= coalesce(x.end_date, '9999-12-31')
      WHERE ${only === null ? 'TRUE' : '(p.partnership_id = ANY($1::text[]) OR x.activity_key = ANY($2::text[]))'}
        AND NOT EXISTS (
          SELECT 1 FROM ${s}.parties pt JOIN ${s}.organisations o USING (organisation_id)
           WHERE pt.partnership_id = p.partnership_id AND o.iati_org_id = x.reporting_org_ref)
     ON CONFLICT DO NOTHING`,
    only === null ? [] : [only.partnershipIds, only.activityKeys],
  );
}

export function portfolioProjection(model: ReadModelSchema, store: EventStore, dataSource: DataSource, options: { cacheSize?: number } = {}): Projection {
  return {
    name: model.projection,
    model,
    handlerFor: (schema, mode) => new PortfolioProjectionHandler(store, dataSource, schema, options, mode),
  };
}

async function deletePairs(tx: EntityManager, table: string, idColumn: string, pairs: readonly [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.query(`DELETE FROM ${table} WHERE (partnership_id, ${idColumn}) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [pairs.map(([p]) => p), pairs.map(([, i]) => i)]);
}
