import { useMemo } from 'react';
import { workspaceFacts } from '../../../shared/domain/workspace-facts';
import { determine, type Determination } from '../../../shared/rules/engine';
import { usePack } from './pack';
import { useWorkspace } from './workspace';

/** The engine's live decision for the open project (the same pure function the dossier uses). */
export function useDetermination(): Determination {
  const { ws } = useWorkspace();
  const { pack } = usePack();
  return useMemo(() => determine(pack, workspaceFacts(pack, ws)), [pack, ws]);
}
