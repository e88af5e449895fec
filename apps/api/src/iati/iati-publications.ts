import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { partnershipDecider } from '@ccb/domain';
import type { EventStore, RecordedEvent } from '@ccb/event-store';
import { organisationsAsOf, ReplaySnapshots, type OrganisationInfo, type OrganisationLookup, type PartnershipView, type ReadModelContext } from '@ccb/read-models';
import { iatiActivitiesCsv, iatiActivitiesXml, iatiActivityOf, iatiTransactionsCsv, type ExportedActivity } from '@ccb/iati';
import { EVENT_STORE } from '../event-store/event-store.module';
import { READ_MODELS } from '../read-models/read-models.tokens';
import type { Principal } from '../auth/principal';

const notFound = () => new NotFoundException({ code: 'partnership.not-found', message: 'No such partnership' });

type Publisher = ExportedActivity['reportingOrg'];

/**
 * IATI files of partnerships, folded from their own events (not from a read model, so a file is as current as the
 * record). Nothing confidential is written (the export names what it leaves out), so an administrator may
 * produce any organisation's file; other users, their own organisation's and their partnerships'.
 */
@Injectable()
export class IatiPublications {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelContext,
  ) {}

  /**
   * Every partnership the organisation takes part in (as donor, implementer or beneficiary: partner countries
   * publish too), with it as the reporting organisation; an evaluator's appointments are not its activities.
   */
  async portfolioXml(organisationId: string, principal: Principal, now: Date): Promise<string> {
    const { activities, organisations } = await this.portfolio(organisationId, principal);
    return iatiActivitiesXml(activities, organisations, now.toISOString());
  }

  /** The same portfolio in d-portal's CSV layout: one file of activities, one of transactions. */
  async portfolioCsv(organisationId: string, principal: Principal, table: 'activities' | 'transactions'): Promise<string> {
    const { activities, organisations } = await this.portfolio(organisationId, principal);
    const records = activities.map((a) => iatiActivityOf(a, organisations));
    return table === 'activities' ? iatiActivitiesCsv(records) : iatiTransactionsCsv(records);
  }

  private async portfolio(organisationId: string, principal: Principal): Promise<{ activities: ExportedActivity[]; organisations: OrganisationLookup }> {
    if (organisationId !== principal.organisationId && !principal.roles.includes('admin')) {
      throw new ForbiddenException({ code: 'access.organisation', message: "an organisation's IATI file is for its own members and administrators" });
    }
    const rows = await this.readModels.db.query<{ partnership_id: string }[]>(
      `SELECT DISTINCT partnership_id FROM ${this.readModels.models.portfolio.schema}.parties WHERE organisation_id = $1 AND role <> 'evaluator' ORDER BY partnership_id`,
      [organisationId],
    );
    const views = (await Promise.all(rows.map((r) => this.viewOf(r.partnership_id)))).filter((v): v is PartnershipView => v !== null);
    const organisations = await this.organisationsOf([organisationId, ...views.flatMap((v) => v.parties.map((p) => p.organisationId))]);
    const publisher = this.publisher(organisations(organisationId), organisationId);
    // The schema wants at least one activity: an empty file would not validate, so say there is nothing.
    if (views.length === 0) throw new NotFoundException({ code: 'iati.nothing-to-publish', message: `${publisher.name} takes part in no partnership yet` });
    return { activities: views.map((view) => ({ view, reportingOrg: publisher })), organisations };
  }

  /**
   * One partnership. It is reported by the caller's organisation when that funds or implements it and has an
   * IATI identifier, else by its first donor that has one.
   */
  async partnershipXml(partnershipId: string, principal: Principal, now: Date): Promise<string> {
    const view = await this.viewOf(partnershipId);
    if (!view) throw notFound();
    const isParty = view.parties.some((p) => p.organisationId === principal.organisationId);
    if (!isParty && !principal.roles.includes('admin')) throw notFound();
    const organisations = await this.organisationsOf(view.parties.map((p) => p.organisationId));
    const candidates = [
      ...view.parties.filter((p) => p.organisationId === principal.organisationId && (p.role === 'donor' || p.role === 'implementer')),
      ...view.parties.filter((p) => p.role === 'donor'),
    ];
    const reporting = candidates.map((p) => organisations(p.organisationId)).find((o) => o?.iati);
    const publisher = this.publisher(reporting, candidates[0]?.organisationId ?? principal.organisationId);
    return iatiActivitiesXml([{ view, reportingOrg: publisher }], organisations, now.toISOString());
  }

  private publisher(info: OrganisationInfo | undefined, organisationId: string): Publisher {
    if (!info?.iati) {
      throw new ConflictException({
        code: 'iati.no-identifier',
        message: `${info?.name ?? organisationId} has no IATI organisation identifier: an administrator sets it (PUT /api/organisations/${organisationId}/iati-identity) before it can publish`,
      });
    }
    return { ...info, iati: info.iati };
  }

  private async viewOf(partnershipId: string): Promise<PartnershipView | null> {
    const events = await this.read(partnershipDecider.streamId(partnershipId));
    return events.length === 0 ? null : new ReplaySnapshots().replay(events, { head: true }).view;
  }

  private organisationsOf(ids: Iterable<string>): Promise<OrganisationLookup> {
    return organisationsAsOf((streamId) => this.read(streamId), ids, null);
  }

  private async read(streamId: string): Promise<readonly RecordedEvent[]> {
    return (await this.store.readStream(streamId)).events;
  }
}
