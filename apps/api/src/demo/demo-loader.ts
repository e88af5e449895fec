import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { canonicalJson, type EventStore } from '@ccb/event-store';
import type { PartnershipCommandRequest } from '@ccb/domain';
import type { RequestCommandContext } from '../event-sourcing/command-context';
import type { Environment } from '../config/environment';
import { DATABASE } from '../database/database.module';
import type { Database } from '@ccb/runtime';
import { EVENT_STORE } from '../event-store/event-store.module';
import { ExecuteOrganisationCommand } from '../organisations/execute-organisation-command';
import { ExecutePartnershipCommand } from '../partnerships/execute-partnership-command';
import { DEMO_IATI_IDENTITIES, DEMO_ORGANISATIONS } from './demo-organisations';
import { DEMO_ADMIN_ORGANISATION, DEMO_USERS } from '../auth/demo-users';
import { DEMO_PARTNERSHIP_STEPS } from './demo-partnerships';
import { demoTimes } from './demo-clock';
import { DEMO_RATE_SOURCE, demoRateSets } from './demo-rates';
import { ExecuteExchangeRateCommand } from '../exchange-rates/exchange-rates.controller';

/**
 * Loads the demo data set through the same command path users take (validation of the rules,
 * events, metadata), never by writing tables. Idempotency keys make a re-run append nothing.
 */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly commands: CommandBus,
    private readonly config: ConfigService<Environment, true>,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('DEMO_DATA', { infer: true }) !== 'true' || this.database.kind !== 'embedded') return;
    if ((await this.store.headPosition()) !== null) return;
    const { organisations, commands } = await this.load();
    this.logger.log(`demo data loaded: ${organisations} organisations, ${commands} partnership commands`);
  }

  async load(): Promise<{ organisations: number; commands: number }> {
    const times = demoTimes(DEMO_PARTNERSHIP_STEPS, new Date());
    const earliest = times.reduce((a, b) => (a < b ? a : b), new Date().toISOString());
    // Each step is issued as a demo user of the acting organisation, in the roles that organisation's users hold.
    const meta = (org: string, key: string, data: unknown, now = earliest): RequestCommandContext => ({
      userId: DEMO_USERS.find((u) => u.organisationId === org)?.name ?? `demo-user-${org.replace(/^org-/, '')}`,
      organisationId: org,
      roles: [...new Set(DEMO_USERS.filter((u) => u.organisationId === org).flatMap((u) => u.roles))],
      now,
      correlationId: 'demo-data-load',
      causationId: null,
      reason: 'demo data set',
      idempotencyKey: key,
      request: { method: 'DEMO', path: key, bodyHash: createHash('sha256').update(canonicalJson(data)).digest('hex') },
    });
    for (const set of demoRateSets(new Date())) {
      const data = { setId: set.setId, source: DEMO_RATE_SOURCE, rates: set.rates };
      const context = meta(DEMO_ADMIN_ORGANISATION, `demo-${set.setId}`, data, set.recordedAt);
      await this.commands.execute(new ExecuteExchangeRateCommand({ type: 'RecordExchangeRates', data, context }, context));
    }
    for (const org of DEMO_ORGANISATIONS) {
      const context = meta(DEMO_ADMIN_ORGANISATION, `demo-org-${org.organisationId}`, org);
      await this.commands.execute(new ExecuteOrganisationCommand({ type: 'RegisterOrganisation', data: org, context }, context));
      const identity = DEMO_IATI_IDENTITIES.get(org.organisationId);
      if (identity) {
        const data = { organisationId: org.organisationId, ...identity };
        const iatiContext = meta(DEMO_ADMIN_ORGANISATION, `demo-iati-${org.organisationId}`, data);
        await this.commands.execute(new ExecuteOrganisationCommand({ type: 'AssignIatiIdentity', data, context: iatiContext }, iatiContext));
      }
    }
    let index = 0;
    for (const step of DEMO_PARTNERSHIP_STEPS) {
      index += 1;
      const context = meta(step.org, `demo-step-${index}`, step.data, times[index - 1]);
      const command = { type: step.type, data: step.data, context } as PartnershipCommandRequest;
      await this.commands.execute(new ExecutePartnershipCommand(step.partnershipId, command, context));
    }
    return { organisations: DEMO_ORGANISATIONS.length, commands: DEMO_PARTNERSHIP_STEPS.length };
  }
}
