/** Where a streamed export goes: text chunks, progress, and a way to stop early. */
export interface ExportOutput {
  write: (text: string) => void;
  progress: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
}

/** Reviews read per page: small enough to keep memory flat, large enough to be fast. */
export const PAGE = 5_000;
