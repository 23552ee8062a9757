import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Workspace } from '../../../shared/ipc/channels/audit';
import { call } from './api';

interface WorkspaceValue {
  ws: Workspace;
  /** Re-reads the whole project (after bulk changes). */
  reload(): Promise<void>;
  /** Applies a saved change locally, so the screen follows every autosave without a re-read. */
  update(change: (ws: Workspace) => Workspace): void;
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null);

/** Loads an open project once and shares it with every tab of the project page. */
export function WorkspaceProvider({ projectId, fallback, children }: { projectId: string; fallback: (error?: Error) => ReactNode; children: ReactNode }) {
  const [ws, setWs] = useState<Workspace>();
  const [error, setError] = useState<Error>();
  const reload = useCallback(async () => {
    try {
      setWs(await call('workspace:get', { projectId: projectId as never }));
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    }
  }, [projectId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const update = useCallback((change: (w: Workspace) => Workspace) => setWs((w) => (w ? change(w) : w)), []);
  const value = useMemo(() => (ws ? { ws, reload, update } : null), [ws, reload, update]);
  if (!value) return <>{fallback(error)}</>;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

/** Replaces (or appends) an element with the same key in a list: the shape of most local updates. */
export function upsert<T>(list: readonly T[], item: T, key: (t: T) => string): T[] {
  const k = key(item);
  const i = list.findIndex((x) => key(x) === k);
  return i === -1 ? [...list, item] : list.map((x, j) => (j === i ? item : x));
}
