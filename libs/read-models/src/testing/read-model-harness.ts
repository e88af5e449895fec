import { randomBytes, randomUUID } from 'node:crypto';
import type { OrganisationEvent, PartnershipEvent } from '@ccb/domain';
import { migrateEventStore, PostgresEventStore, type EventMetadata, type EventStore } from '@ccb/event-store';
import { asPoolLike, openEmbeddedTestDatabase, openPostgresTestDatabase, type TestDatabase } from '@ccb/event-store/testing/test-databases';
import type { DataSource } from 'typeorm';
export { dumpReadModel } from '../storage/canonical-dump';
import { openProjections, projectionList } from '../projection/projection-registry';
import { PARTNERSHIP_STREAM_PREFIX } from '../view/view-loader';
import type { Projection } from '../projection/projection';
import { InProcessLease } from '../projection/projector-lease';
import { ProjectionRunner } from '../projection/projection-runner';
import { openReadModelDataSource } from '../storage/read-model-data-source';
import { readModelSet, type ReadModelSet } from '../storage/read-model-schemas';
import { sharedPoolDriver } from '../storage/shared-pool-driver';
import { ORGANISATION_STREAM_PREFIX } from '../partnerships/portfolio-projection';

export type Backend = 'embedded' | 'postgresql';

/** A store, the read models under a prefix of their own, and runners to drive them step by step. */
export interface ReadModelHarness {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly models: ReadModelSet;
  readonly projections: readonly Projection[];
  readonly runners: readonly ProjectionRunner[];
  readonly database: TestDatabase;
  /** Appends as one command would, at the stream's current end. */
  appendPartnership(partnershipId: string, events: readonly PartnershipEvent[], meta?: Partial<EventMetadata>): Promise<void>;
  appendOrganisation(organisationId: string, events: readonly OrganisationEvent[]): Promise<void>;
  /** Runs every projection until it has nothing left to do. */
  catchUp(): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

let clock = Date.parse('2026-01-05T09:00:00Z');
/** Recorded times advance a minute per event: deterministic, and far enough apart to order. */
export function nextRecordedAt(): string {
  clock += 60_000;
  return new Date(clock).toISOString();
}

export async function openReadModelHarness(backend: Backend, options: { batchSize?: number } = {}): Promise<ReadModelHarness> {
  const database = backend === 'embedded' ? await openEmbeddedTestDatabase() : await openPostgresTestDatabase();
  await migrateEventStore(asPoolLike(database.pool));
  const store = new PostgresEventStore(asPoolLike(database.pool), { name: backend });
  const models = readModelSet(`t${randomBytes(4).toString('hex')}_`);
  const dataSource = await openReadModelDataSource(sharedPoolDriver(database.pool), models, { shared: backend === 'postgresql' });
  const projections = projectionList(openProjections(models, store, dataSource));
  const runners = projections.map((p) => new ProjectionRunner(dataSource, store, p, { lease: new InProcessLease(), batchSize: options.batchSize ?? 50 }));
  const revisions = new Map<string, number>();

  const append = async (streamId: string, events: readonly { type: string; schemaVersion: number; data: object }[], meta: Partial<EventMetadata> = {}) => {
    const expected = revisions.get(streamId) ?? -1;
    await store.appendToStream(
      streamId,
      events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data as Record<string, unknown>,
        metadata: { actor: 'user-test', organisation: null, correlationId: randomUUID(), causationId: null, recordedAt: nextRecordedAt(), ...meta },
      })),
      { expectedRevision: expected === -1 ? 'no_stream' : expected },
    );
    revisions.set(streamId, expected + events.length);
  };

  return {
    store,
    dataSource,
    models,
    projections,
    runners,
    database,
    appendPartnership: (id, events, meta) => append(`${PARTNERSHIP_STREAM_PREFIX}${id}`, events, meta),
    appendOrganisation: (id, events) => append(`${ORGANISATION_STREAM_PREFIX}${id}`, events),
    async catchUp() {
      for (const runner of runners) while (await runner.step());
    },
    rows: (sql, params) => dataSource.query(sql, params),
    async close() {
      for (const runner of runners) await runner.stop();
      for (const model of [models.portfolio, models.timeline]) await dataSource.query(`DROP SCHEMA IF EXISTS ${model.schema} CASCADE`);
      await dataSource.destroy();
      await database.close();
    },
  };
}
