import { useCallback, useEffect, useRef, useState } from 'react';
import { useDb } from '../../components/DbContext';
import { runJob } from './worker/runJob';
import type { Job, JobResult } from './worker/protocol';

export interface JobState {
  running: boolean;
  done: number;
  total: number;
}

export interface JobHandle extends JobState {
  run: (job: Job) => Promise<JobResult>;
  cancel: () => void;
}

/** One background job at a time per section, with its progress and a way to cancel it. */
export function useJob(): JobHandle {
  const db = useDb();
  const [state, setState] = useState<JobState>({ running: false, done: 0, total: 0 });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const run = useCallback(
    async (job: Job) => {
      controller.current?.abort();
      const mine = new AbortController();
      controller.current = mine;
      setState({ running: true, done: 0, total: 0 });
      try {
        return await runJob(job, db, (done, total) => setState({ running: true, done, total }), mine.signal);
      } finally {
        if (controller.current === mine) setState({ running: false, done: 0, total: 0 });
      }
    },
    [db],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...state, run, cancel };
}
