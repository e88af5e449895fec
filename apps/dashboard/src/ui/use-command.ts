import { useCallback, useRef, useState } from 'react';
import { newId, postCommand, type CommandAnswer } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { CommandBody, CommandRoute, CommandTarget } from '../api/commands';

export type CommandState =
  { readonly state: 'idle' } | { readonly state: 'sending' } | { readonly state: 'done'; readonly answer: CommandAnswer } | { readonly state: 'failed'; readonly error: ApiError };

/**
 * Sends one command with the revision the person saw. The idempotency key lives as long as the
 * attempt: a retry after a network error reuses it (applied once), a success starts a new one.
 */
export function useCommand(onDone: (answer: CommandAnswer) => void) {
  const [status, setStatus] = useState<CommandState>({ state: 'idle' });
  const key = useRef(newId('ui'));
  const send = useCallback(
    async <R extends CommandRoute>(target: CommandTarget<R>, body: CommandBody<R>, revision: number | undefined) => {
      setStatus({ state: 'sending' });
      try {
        const answer = await postCommand(target.path, body, { revision, idempotencyKey: key.current, method: target.method });
        key.current = newId('ui');
        setStatus({ state: 'done', answer });
        onDone(answer);
        return true;
      } catch (error) {
        setStatus({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'client', String(error)) });
        return false;
      }
    },
    [onDone],
  );
  const error = status.state === 'failed' ? status.error : null;
  return { status, send, error, reset: () => setStatus({ state: 'idle' }) };
}
