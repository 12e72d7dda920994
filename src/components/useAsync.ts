import { startTransition, useEffect, useState } from 'react';
import { useAppStore } from '../state/appStore';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; error: string };

/**
 * Runs `load` on mount and whenever `deps` or the stored data change; ignores stale results.
 * The result renders as a transition: React renders a large screen (statistics) in slices,
 * so input stays responsive and no main-thread task runs long.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const dataVersion = useAppStore((s) => s.dataVersion);
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && startTransition(() => setState({ status: 'done', value })),
      (error: unknown) => live && startTransition(() => setState({ status: 'error', error: String(error) })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, dataVersion]);
  return state;
}
