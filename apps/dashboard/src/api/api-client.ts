import { ApiError, toApiError } from './api-error';

export interface CommandAnswer {
  readonly id: string;
  readonly revision: number;
  readonly position: string;
  readonly events: readonly string[];
  readonly replayed: boolean;
}

/** Called when the API says the token is no longer good, so the shell can sign the person out. */
let onUnauthorized: () => void = () => {};
let currentToken: string | null = null;
/**
 * The global position of this tab's last command. Reads send it as X-Min-Position, so the page reloaded
 * after a command shows that command (and its new revision) even while the projections catch up.
 */
let lastPosition: string | null = null;

export function configureAuth(token: string | null, unauthorized: () => void): void {
  if (token !== currentToken) lastPosition = null;
  currentToken = token;
  onUnauthorized = unauthorized;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return {
    Accept: 'application/json',
    ...(currentToken ? { Authorization: `Bearer ${currentToken}` } : {}),
    ...extra,
  };
}

function readAfter(): Record<string, string> {
  return lastPosition ? { 'X-Min-Position': lastPosition } : {};
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'The tracker could not be reached. Check your connection and try again.');
  }
  if (response.status === 401 && currentToken) onUnauthorized();
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { headers: headers(readAfter()), signal });
  return (await response.json()) as T;
}

export async function getText(path: string): Promise<string> {
  const response = await send(path, { headers: headers({ Accept: '*/*', ...readAfter() }) });
  return response.text();
}

/**
 * A command: the revision the person saw goes as If-Match, so a concurrent change answers 409 rather
 * than being overwritten; the idempotency key makes a double click or a retry apply once.
 */
export async function postCommand(path: string, body: unknown, options: { revision?: number; idempotencyKey: string; method?: 'POST' | 'PUT' }): Promise<CommandAnswer> {
  const response = await send(path, {
    method: options.method ?? 'POST',
    headers: headers({
      'Content-Type': 'application/json',
      'Idempotency-Key': options.idempotencyKey,
      ...(options.revision === undefined ? {} : { 'If-Match': `"${options.revision}"` }),
    }),
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as CommandAnswer;
  lastPosition = answer.position;
  return answer;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await send(path, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
  return (await response.json()) as T;
}

/** A file sent as it is (an IATI activity file), answered with JSON. */
export async function postXml<T>(path: string, file: Blob): Promise<T> {
  const response = await send(path, { method: 'POST', headers: headers({ 'Content-Type': 'application/xml' }), body: file });
  return (await response.json()) as T;
}

/** Ids made in the browser: the API lets the client choose them so a retry can reuse them. */
export function newId(prefix: string): string {
  const random = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}
