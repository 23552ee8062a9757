import type { auditChannels } from '../../../../shared/ipc/channels/audit';

export type AuditChannel = keyof typeof auditChannels;
