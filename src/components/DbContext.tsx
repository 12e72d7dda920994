import { createContext, useContext, type ReactNode } from 'react';
import type { AppDb } from '../storage/db';

const DbContext = createContext<AppDb | null>(null);

export function DbProvider({ db, children }: { db: AppDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): AppDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb needs a <DbProvider>');
  return db;
}
