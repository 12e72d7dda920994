import { useAsync } from '../../components/useAsync';

/**
 * Whether reloading should make the page cross-origin isolated: the app's service worker adds the
 * headers to what it serves, so once it is active the next load is isolated even on a host that
 * does not send them. Until it is (or where none registers) this stays false.
 */
export function useReloadIsolates(): boolean {
  const worker = useAsync(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await navigator.serviceWorker.ready;
    return true;
  }, []);
  return worker.status === 'done' && worker.value;
}
