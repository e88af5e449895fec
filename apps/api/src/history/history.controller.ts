import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { toCsv, toJsonLines, type ChainVerification, type RecordedEvent } from '@ccb/event-store';
import {
  currentEvaluations,
  describedRecorded,
  diffReplays,
  figuresOf,
  localOwnership,
  replayValidAt,
  type AsOfAnswer,
  type HistoryPage,
  type ReplayDiffAnswer,
  type EvaluationsAnswer,
  type ReplayPoint,
  type ReplayState,
} from '@ccb/read-models';
import { SignedIn } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { IdPipe } from '../common/id.pipe';
import { AsOfQuery, ChangesQuery, DIFF_EVENTS_DEFAULT, DiffQuery, ExportQuery, HistoryQuery } from './history.dto';
import { PartyRecords, type PartyStream } from './party-records';
import { pointOf } from './replay-points';

/**
 * The evaluator's replay: every answer is computed from the partnership's events by the same folds
 * the rules and the read models use. Parties and appointed evaluators only; anyone else gets 404.
 */
@ApiTags('parties only: history, replay, tamper evidence')
@ApiNotFoundResponse({ description: 'code partnership.not-found: no such partnership, or your organisation is not a party to it' })
@SignedIn()
@Controller('partnerships/:id')
export class HistoryController {
  constructor(private readonly records: PartyRecords) {}

  @Get('history')
  @ApiOperation({ summary: 'The events in order, with actor, organisation, time, reason and correlation; paged, by type or party' })
  async history(@Param('id', IdPipe) id: string, @Query() query: HistoryQuery, @CurrentPrincipal() principal: Principal): Promise<HistoryPage> {
    const stream = (await this.records.streamFor(id, principal)).events;
    const events = stream.filter((e) => (!query.type || e.type === query.type) && (!query.organisationId || e.metadata.organisation === query.organisationId));
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const names = await this.records.eventNames(stream, events.slice(offset, offset + limit));
    return {
      total: events.length,
      limit,
      offset,
      items: events.slice(offset, offset + limit).map((e) => ({
        revision: e.revision,
        eventId: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        recordedAt: e.metadata.recordedAt,
        actor: e.metadata.actor,
        organisation: e.metadata.organisation,
        reason: e.metadata.reason ?? null,
        correlationId: e.metadata.correlationId,
        causationId: e.metadata.causationId,
        ...describedRecorded(e, names),
        data: e.data,
        hash: e.metadata.hash ?? null,
      })),
    };
  }

  @Get('as-of')
  @ApiOperation({
    summary: 'The partnership as it stood at a revision or a date: its state, dossier, funding figures and local-ownership metrics',
    description:
      'Two time axes, combinable. `revision` or `at` is recording time: what the record said then. `validAt` is valid time: what was true on that day, by the dates of the facts (value dates, achievement dates, measurement dates), corrections applied to the facts they correct. Without any: now.',
  })
  async asOf(@Param('id', IdPipe) id: string, @Query() query: AsOfQuery, @CurrentPrincipal() principal: Principal): Promise<AsOfAnswer> {
    const stream = await this.records.streamFor(id, principal);
    const point = pointOf(query.revision, query.at, { revision: 'revision', at: 'at' });
    return this.present(id, stream.events, query.validAt ? replayValidAt(stream.events, point, query.validAt) : stream.replay(point), query.validAt ?? null);
  }

  @Get('diff')
  @ApiOperation({ summary: 'What changed between two points (revisions or dates), in sentences, with the events in between' })
  async diff(@Param('id', IdPipe) id: string, @Query() query: DiffQuery, @CurrentPrincipal() principal: Principal): Promise<ReplayDiffAnswer> {
    const stream = await this.records.streamFor(id, principal);
    const fromPoint = query.fromRevision === -1 ? { revision: -1 } : pointOf(query.fromRevision, query.fromAt, { revision: 'fromRevision', at: 'fromAt' });
    const toPoint = pointOf(query.toRevision, query.toAt, { revision: 'toRevision', at: 'toAt' });
    return this.diffBetween(stream, 'head' in fromPoint ? { revision: -1 } : fromPoint, toPoint, query.eventsLimit ?? DIFF_EVENTS_DEFAULT, query.fromValidAt, query.toValidAt);
  }

  @Get('changes')
  @ApiOperation({ summary: 'What changed since the revision you saw last: the diff from it to now' })
  async changes(@Param('id', IdPipe) id: string, @Query() query: ChangesQuery, @CurrentPrincipal() principal: Principal): Promise<ReplayDiffAnswer> {
    return this.diffBetween(await this.records.streamFor(id, principal), { revision: query.sinceRevision ?? -1 }, { head: true }, query.eventsLimit ?? DIFF_EVENTS_DEFAULT);
  }

  @Get('evaluations')
  @ApiOperation({ summary: "Evaluations in force, each score's evidence shown against the events it rests on" })
  async evaluations(@Param('id', IdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<EvaluationsAnswer> {
    const { events, replay: replayAt } = await this.records.streamFor(id, principal);
    const replay = replayAt({ head: true });
    const byId = new Map(events.map((e) => [e.id, e]));
    const evidence = replay.dossier.evaluations.flatMap((evaluation) => evaluation.scores.flatMap((s) => s.eventIds.flatMap((eventId) => byId.get(eventId) ?? [])));
    const names = await this.records.eventNames(events, evidence);
    const inForce = new Set(replay.view ? currentEvaluations(replay.view).map((e) => e.evaluationId) : []);
    return {
      items: replay.dossier.evaluations.map((evaluation) => ({
        ...evaluation,
        inForce: inForce.has(evaluation.evaluationId),
        scores: evaluation.scores.map((s) => ({
          ...s,
          evidenceEvents: s.eventIds.map((eventId) => {
            const e = byId.get(eventId);
            return e
              ? { eventId, found: true as const, revision: e.revision, type: e.type, recordedAt: e.metadata.recordedAt, ...describedRecorded(e, names) }
              : { eventId, found: false as const };
          }),
        })),
      })),
    };
  }

  @Get('export')
  @ApiOperation({ summary: 'The full history with its hash chain, as JSON Lines (default) or CSV, to keep and verify offline' })
  @ApiProduces('application/x-ndjson', 'text/csv')
  @Header('Cache-Control', 'no-store')
  async export(@Param('id', IdPipe) id: string, @Query() query: ExportQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const events = await this.records.eventsFor(id, principal);
    const csv = query.format === 'csv';
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="partnership-${id}.${csv ? 'csv' : 'jsonl'}"`);
    return csv ? toCsv(events) : toJsonLines(events);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recomputes the hash chain from the first event and names the first link that does not hold' })
  async verify(@Param('id', IdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ChainVerification> {
    return this.records.verify(id, principal);
  }

  private async present(id: string, events: readonly RecordedEvent[], replay: ReplayState, validAt: string | null = null): Promise<AsOfAnswer> {
    // At the head the other streams count as they stand now (a later reclassification or rate set), as the live read models have them.
    const until = replay.revision >= events.length - 1 ? null : replay.recordedAt;
    const [organisations, rates] = await Promise.all([
      this.records.organisationsAsOf(replay.view?.parties.map((p) => p.organisationId) ?? [], until),
      this.records.ratesAsOf(until),
    ]);
    const figures = figuresOf(replay, organisations, rates);
    return {
      partnershipId: id,
      // Which axes this is: recording time (revision, recordedAt) and, when asked, valid time.
      asOf: { revision: replay.revision, recordedAt: replay.recordedAt, headRevision: events.length - 1, validAt },
      partnership: replay.view,
      dossier: replay.dossier,
      funding: figures.funding,
      localOwnership: figures.localOwnership,
      // Events the folds could not read: the figures above leave them out, and say so.
      unreadableEvents: replay.unreadable,
    };
  }

  private async diffBetween(
    { events, replay }: PartyStream,
    from: ReplayPoint,
    to: ReplayPoint,
    eventsLimit: number,
    fromValidAt?: string,
    toValidAt?: string,
  ): Promise<ReplayDiffAnswer> {
    const a = fromValidAt ? replayValidAt(events, from, fromValidAt) : replay(from);
    const b = toValidAt ? replayValidAt(events, to, toValidAt) : replay(to);
    // Points given backwards still read as earlier -> later.
    const [low, high] = a.revision <= b.revision ? [a, b] : [b, a];
    // Revisions are positions in the stream: the events in between are a slice of it, the first few of them listed.
    const between = events.slice(low.revision + 1, high.revision + 1);
    const listed = between.slice(0, eventsLimit);
    const parties = [...(low.view?.parties ?? []), ...(high.view?.parties ?? [])].map((p) => p.organisationId);
    const untilOf = (r: ReplayState) => (r.revision >= events.length - 1 ? null : r.recordedAt);
    // Only the local-ownership index is compared: the funding rows a replay's figures also give are not computed.
    const ownership = async (r: ReplayState) => {
      if (!r.view) return null;
      const [organisations, rates] = await Promise.all([this.records.organisationsAsOf(parties, untilOf(r)), this.records.ratesAsOf(untilOf(r))]);
      return localOwnership(r.view, organisations, rates);
    };
    // The reads behind both points and the sentences' names are independent: asked together.
    const [before, after, names] = await Promise.all([ownership(low), ownership(high), this.records.eventNames(events, listed)]);
    return { ...diffReplays(low, high, listed, { from: before, to: after }, names), eventsTotal: between.length, reversed: a.revision > b.revision };
  }
}
