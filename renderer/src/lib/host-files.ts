import type { Evidence } from '../../../shared/domain/evidence';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { OpenChannel } from '../../../shared/ipc/file-channels';
import { call } from './api';
import { browserFiles } from './web/files';
import { isBrowserHost } from './web/client';

/**
 * Where the two hosts genuinely differ: how files come in. Everything else (saving included:
 * the desktop app writes where its save dialog said, the browser downloads the file under its
 * name, both before the call resolves) is the same `window.api` call on both.
 */
export interface FileHost {
  /**
   * Runs a call that reads files the user chooses. Desktop: main shows its dialog inside the call.
   * Browser: a file chooser with the channel's filter, then each file is uploaded (progress under
   * the input's `jobId`; `jobs:cancel` aborts) and the call runs over the uploads. Cancelling
   * the choice resolves with the channel's own "nothing chosen" value.
   */
  open<C extends OpenChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /**
   * Adds files dropped on the page as evidence. Desktop: by the paths the preload knows for real
   * dropped files (DropUnavailable when it knows none of them). Browser: uploaded like chosen files.
   */
  addDropped(input: ChannelInput<'evidence:pick'>, files: File[]): Promise<Evidence[]>;
}

/** A drop whose files have no path the desktop host can read (not files from the file system). */
export class DropUnavailable extends Error {}

const desktopFiles: FileHost = {
  open: (channel, input) => call(channel, input),
  addDropped: (input, files) => {
    const paths = files.map((file) => window.host.pathForFile(file));
    if (!paths.length || paths.some((path) => !path)) return Promise.reject(new DropUnavailable());
    return call('evidence:addPaths', { ...input, paths: paths as string[] });
  },
};

/** The file host of the host this page runs in. */
export const fileHost = (): FileHost => (isBrowserHost() ? browserFiles : desktopFiles);
