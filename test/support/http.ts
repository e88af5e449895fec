import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { EventStore, RecordedEvent } from '@ccb/event-store';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@ccb/domain';
import { EVENT_STORE } from '../../apps/api/src/event-store/event-store.module';
import { TEST_JWT_SECRET } from './test-app';

/** The operator's organisation in tests: its users are administrators (it need not be registered). */
export const ADMIN_ORG = 'org-admin';
const PARTY_ROLES: readonly UserRole[] = ['donor', 'implementer', 'beneficiary', 'evaluator'];
const signer = new JwtService({});

/** A token as the app's own sign-in would issue it; claims can be overridden to forge bad ones. */
export function tokenFor(organisationId: string, roles?: readonly UserRole[], options: { expiresIn?: number; secret?: string; userId?: string } = {}): string {
  return signer.sign(
    { org: organisationId, roles: roles ?? (organisationId === ADMIN_ORG ? ['admin'] : PARTY_ROLES) },
    { secret: options.secret ?? TEST_JWT_SECRET, algorithm: 'HS256', subject: options.userId ?? `user-of-${organisationId}`, expiresIn: options.expiresIn ?? 3600 },
  );
}

/** Headers of a user of the organisation: by default one trusted with every party role, so tests exercise the organisation's roles. */
export const actor = (organisationId: string, roles?: readonly UserRole[]) => ({ Authorization: `Bearer ${tokenFor(organisationId, roles)}` });

/** Registers organisations as the operator would, so their users' tokens are accepted. */
export async function registerOrganisations(app: INestApplication, organisationIds: readonly string[]): Promise<void> {
  for (const organisationId of organisationIds) {
    const res = await post(app, '/organisations', ADMIN_ORG, {
      organisationId,
      name: `Organisation ${organisationId}`,
      kind: 'ngo',
      country: 'GH',
      region: 'africa',
      developmentStatus: 'developing',
      contacts: [{ name: 'Contact', function: 'Focal point', email: 'focal@example.org' }],
    });
    if (res.status === 422 && res.body.code === 'rule.organisation.exists') continue;
    if (res.status !== 201) throw new Error(`registering ${organisationId}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export function get(app: INestApplication, path: string, organisationId: string = ADMIN_ORG) {
  return request(app.getHttpServer()).get(`/api${path}`).set(actor(organisationId));
}

export function post(app: INestApplication, path: string, organisationId: string, body: object, headers: Record<string, string> = {}) {
  return request(app.getHttpServer())
    .post(`/api${path}`)
    .set({ ...actor(organisationId), ...headers })
    .send(body);
}

export function put(app: INestApplication, path: string, organisationId: string, body: object, headers: Record<string, string> = {}) {
  return request(app.getHttpServer())
    .put(`/api${path}`)
    .set({ ...actor(organisationId), ...headers })
    .send(body);
}

export async function streamOf(app: INestApplication, streamId: string): Promise<RecordedEvent[]> {
  const store = app.get<EventStore>(EVENT_STORE);
  return (await store.readStream(streamId)).events;
}
