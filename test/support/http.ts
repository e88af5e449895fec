import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { EventStore, RecordedEvent } from '@ccb/event-store';
import { StreamNotFoundError } from '@ccb/event-store';
import { EVENT_STORE } from '../../apps/api/src/event-store/event-store.module';

export const actor = (organisationId: string) => ({ 'X-Actor-Id': `user-of-${organisationId}`, 'X-Organisation-Id': organisationId });

export function post(app: INestApplication, path: string, organisationId: string, body: object, headers: Record<string, string> = {}) {
  return request(app.getHttpServer()).post(`/api${path}`).set({ ...actor(organisationId), ...headers }).send(body);
}

export function put(app: INestApplication, path: string, organisationId: string, body: object, headers: Record<string, string> = {}) {
  return request(app.getHttpServer()).put(`/api${path}`).set({ ...actor(organisationId), ...headers }).send(body);
}

export async function streamOf(app: INestApplication, streamId: string): Promise<RecordedEvent[]> {
  const store = app.get<EventStore>(EVENT_STORE);
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
