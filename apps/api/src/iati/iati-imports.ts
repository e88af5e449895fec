import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { externalActivityDecider, type CommandContext, type ImportExternalActivity } from '@ccb/domain';
import type { EventStore } from '@ccb/event-store';
import { externalActivityStreamKey, ImportReportBuilder, mapActivity, readActivities, toExternalActivity, XmlSyntaxError, type ImportReport } from '@ccb/iati';
import { CommandExecutor } from '../event-sourcing/command-executor';
import { toEventMetadata } from '../event-sourcing/command-context';
import { EVENT_STORE } from '../event-store/event-store.module';

export interface ImportOptions {
  readonly dryRun: boolean;
  /** Called after each activity with how many were read so far. */
  readonly onProgress?: (activities: number) => void;
}

/**
 * Imports an IATI activity file: each activity through the command path (one append per activity, so an
 * activity is imported whole or not at all), actor the importing administrator, reason "IATI import of FILE,
 * activity ID". A dry run decides each one on the stored state and appends nothing.
 */
@Injectable()
export class IatiImports {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async importFile(input: Readable, file: string, actor: CommandContext, options: ImportOptions): Promise<ImportReport> {
    const report = new ImportReportBuilder(file);
    const seen = new Set<string>();
    const names = new Map<string, string>();
    const correlationId = randomUUID();
    try {
      for await (const read of readActivities(input)) {
        report.sawVersion(read.header.version);
        report.activity();
        const mapped = mapActivity(read, names);
        const identifier = mapped.ok ? mapped.activity.identifier : null;
        report.problem(identifier, mapped.problems);
        if (!mapped.ok) {
          report.skip(null, read.node.line, mapped.reason);
        } else if (seen.has(mapped.activity.identifier)) {
          report.skip(mapped.activity.identifier, read.node.line, 'the same iati-identifier appeared earlier in this file: the first one is imported');
        } else {
          seen.add(mapped.activity.identifier);
          report.outcome(await this.importOne(mapped.activity.identifier, toExternalActivity(mapped.activity), file, actor, correlationId, options.dryRun));
        }
        options.onProgress?.(report.build().activitiesRead);
      }
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      report.skip(null, 0, `the file stops being well-formed XML: ${error.message}; what came before is imported`);
    }
    return report.build();
  }

  private async importOne(identifier: string, activity: ReturnType<typeof toExternalActivity>, file: string, actor: CommandContext, correlationId: string, dryRun: boolean) {
    const command: ImportExternalActivity = { type: 'ImportExternalActivity', data: { activity, file }, context: actor };
    const streamId = externalActivityDecider.streamId(externalActivityStreamKey(identifier));
    if (dryRun) {
      const { events } = await this.store.readStream(streamId);
      const state = events.map((e) => externalActivityDecider.upcast(e)).reduce(externalActivityDecider.evolve, externalActivityDecider.initialState);
      return outcomeOf(externalActivityDecider.decide(command, state).map((e) => e.type));
    }
    const result = await this.executor.execute(externalActivityDecider, {
      streamId,
      command,
      mustExist: false,
      metadata: toEventMetadata({
        ...actor,
        correlationId,
        causationId: null,
        reason: `IATI import of ${file}, activity ${identifier}`,
        request: { method: 'IMPORT', path: file, bodyHash: '' },
      }),
    });
    return outcomeOf(result.events.map((e) => e.type));
  }
}

function outcomeOf(types: readonly string[]): 'created' | 'updated' | 'unchanged' {
  return types.includes('ExternalActivityImported') ? 'created' : types.includes('ExternalActivityRevised') ? 'updated' : 'unchanged';
}
