import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';

export type Load<T> = { readonly state: 'loading' } | { readonly state: 'failed'; readonly error: ApiError } | { readonly state: 'ready'; readonly data: T };

/**
 * Loads on mount and whenever `deps` change; `reload` fetches again (after a command or a 409) and keeps
 * showing what was there meanwhile, so a form being filled in is not unmounted. New deps show a spinner
 * unless `keepPrevious` (a slider, where the last picture is better than a flicker).
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[], options: { keepPrevious?: boolean } = {}): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const lastDeps = useRef<readonly unknown[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const sameDeps = lastDeps.current !== null && lastDeps.current.length === deps.length && lastDeps.current.every((d, i) => Object.is(d, deps[i]));
    lastDeps.current = deps;
    setResult((previous) => (previous.state === 'ready' && (sameDeps || options.keepPrevious) ? previous : { state: 'loading' }));
    load(controller.signal).then(
      // A transition: React renders a large answer (a portfolio of tables and charts) in slices, so the page keeps
      // answering taps and keys while it draws, instead of freezing for the whole render on a slow phone.
      (data) => controller.signal.aborted || startTransition(() => setResult({ state: 'ready', data })),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'client', error instanceof Error ? error.message : String(error)) });
      },
    );
    return () => controller.abort();
    // `load` is a new closure each render; `deps` say when it means something new.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result, reload];
}
