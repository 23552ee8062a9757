import type { Channel } from './contract';
import type { JobProgress } from './events';

/** What a channel that reads the user's files accepts. */
export interface OpenSpec {
  /** File name extensions accepted (lower case, no dot); null accepts any file. */
  extensions: readonly string[] | null;
  multiple: boolean;
  /** The progress kind of the channel's job, when its input carries a `jobId`. */
  progress: JobProgress['kind'] | null;
}

/**
 * Every channel whose handler asks the host for files (`Ports.pickFiles`), with what it asks for.
 * The desktop host shows its dialog inside the call; the browser host needs to know beforehand, to
 * offer a file chooser with the same filter and to check what was uploaded. A test runs each
 * handler with recording ports, so this table cannot drift from what the handlers ask.
 */
export const OPEN_CHANNELS = {
  'evidence:pick': { extensions: null, multiple: true, progress: 'evidence' },
  'bundle:import': { extensions: ['adsg'], multiple: false, progress: 'bundle' },
  'dossier:verify': { extensions: ['pdf'], multiple: false, progress: null },
  'dossier:countersignPreview': { extensions: ['pdf'], multiple: false, progress: null },
  'identities:import': { extensions: ['p12', 'pfx'], multiple: false, progress: null },
  'trust:import': { extensions: ['pem', 'cer', 'crt', 'der'], multiple: false, progress: null },
} as const satisfies Partial<Record<Channel, OpenSpec>>;

export type OpenChannel = keyof typeof OPEN_CHANNELS;

/** True when `channel` reads files the user gives. */
export const isOpenChannel = (channel: string): channel is OpenChannel => Object.hasOwn(OPEN_CHANNELS, channel);

/** True when `name` ends with one of `extensions` (lower case, no dot), case-insensitively; null accepts any name. */
export function acceptsFileName(extensions: readonly string[] | null, name: string): boolean {
  const lower = name.toLowerCase();
  return extensions === null || extensions.some((ext) => lower.endsWith(`.${ext}`));
}
