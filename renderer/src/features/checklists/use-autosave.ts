import { useCallback, useEffect, useRef, useState } from 'react';
import { NEEDS_JUSTIFICATION, type Answer, type ChecklistResult } from '../../../../shared/domain/answer';
import { call } from '../../lib/api';

export interface Draft {
  result: ChecklistResult | null;
  notes: string;
  justification: string;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'needs-justification' }
  | { kind: 'failed'; error: string };

/**
 * Autosave of one checklist item: a result saves at once, typing saves after a short pause and
 * on leaving the field; `flush` saves whatever is pending (called before moving to another item).
 * "Saved" shows only after the main side confirmed the commit.
 */
export function useAutosave(projectId: string, itemId: string, initial: Draft, onSaved: (a: Answer) => void) {
  const [draft, setDraft] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(draft);
  latest.current = draft;

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const d = latest.current;
    // Notes typed before a result is chosen are kept, as "not assessed" for now.
    const result = d.result ?? (d.notes.trim() || d.justification.trim() ? 'not-assessed' : null);
    if (!result) return;
    if (NEEDS_JUSTIFICATION.includes(result) && !d.justification.trim()) {
      setState({ kind: 'needs-justification' });
      return;
    }
    setState({ kind: 'saving' });
    try {
      const saved = await call('answers:save', {
        projectId,
        itemId,
        result,
        notes: d.notes,
        justification: d.justification,
      });
      onSaved(saved);
      setState({ kind: 'saved', at: saved.updatedAt });
    } catch (e) {
      setState({ kind: 'failed', error: (e as Error).message });
    }
  }, [projectId, itemId, onSaved]);

  const change = useCallback(
    (patch: Partial<Draft>, immediate: boolean) => {
      latest.current = { ...latest.current, ...patch };
      setDraft(latest.current);
      setState({ kind: 'pending' });
      clearTimeout(timer.current);
      if (immediate) void save();
      else timer.current = setTimeout(() => void save(), 600);
    },
    [save],
  );

  const flush = useCallback(async () => {
    if (timer.current !== undefined) await save();
  }, [save]);

  // Leaving the item (or the page) never drops a pending edit.
  useEffect(() => () => void flush(), [flush]);
  return { draft, state, change, flush, save };
}
