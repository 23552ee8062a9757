import { useWorkspace } from '../../lib/workspace';
import { ReconfirmEntry } from './ReconfirmEntry';
import { useCarried } from './use-carried';

/** Beside a checklist item: its answer was carried from another pack version and waits to be re-confirmed. */
export function CarriedNotice({ itemId }: { itemId: string }) {
  const { ws } = useWorkspace();
  const version = ws.answers.find((a) => a.itemId === itemId)?.updatedAt ?? '';
  const carried = useCarried(ws.project.id, `${ws.project.rulesPack.contentHash}/${version}`);
  const entry = carried.data?.reconfirm.find((r) => r.entity === 'answer' && r.itemId === itemId);
  return entry ? <ReconfirmEntry entry={entry} onConfirm={(e) => void carried.confirm(e)} /> : null;
}
