import type { EventName, EventPayload } from '../../shared/ipc/events';

/**
 * What a handler may ask of the host it runs in: push an event to the renderer, or ask the user
 * to choose files. Electron's main implements these with IPC and native dialogs; the CLI and the
 * web host implement them their own way. Core never imports Electron.
 */
export interface Ports {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Files the user chose to open (only `extensions` when given); empty when they cancelled. */
  pickFiles(options?: { extensions?: string[]; multiple?: boolean }): Promise<string[]>;
  /** Where the user chose to save; null when they cancelled. */
  saveFile(defaultName: string, extensions: string[]): Promise<string | null>;
  /**
   * Whether a path the renderer sends really came from the user (a file dialog or a real drop).
   * Hosts whose caller is the user themself (CLI, tests) leave it out; the app must not let a
   * compromised page read arbitrary files by naming them.
   */
  isUserChosenPath?(path: string): boolean;
  /**
   * A folder inside the data folder where this host keeps the files the user sent it (the web
   * host's uploads, in its own work folder). Evidence is never taken from the data folder, except
   * from here: these files are the user's, not the workbench's.
   */
  uploadsFolder?: string;
}

/** Ports for hosts with no user to ask (CLI, tests): events are dropped, dialogs cancel. */
export const headlessPorts: Ports = {
  emit: () => undefined,
  pickFiles: async () => [],
  saveFile: async () => null,
};
