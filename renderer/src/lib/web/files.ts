import type { ChannelInput } from '../../../../shared/ipc/contract';
import { OPEN_CHANNELS, type OpenChannel, type OpenSpec } from '../../../../shared/ipc/file-channels';
import { unwrap } from '../api';
import type { FileHost } from '../host-files';
import { callOverHttp, jobUploadControl, uploadFile } from './client';

/** Shows the browser's file chooser with the channel's filter; resolves with nothing when cancelled. */
function chooseFiles(spec: OpenSpec): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = spec.multiple;
    if (spec.extensions) input.accept = spec.extensions.map((ext) => `.${ext}`).join(',');
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Uploads `files` one after the other (one progress bar for the job), then runs the call over them. */
async function uploadAndCall<C extends OpenChannel>(channel: C, input: ChannelInput<C>, files: File[]) {
  const spec: OpenSpec = OPEN_CHANNELS[channel];
  const jobId = (input as { jobId?: string }).jobId;
  const control = jobUploadControl(jobId);
  try {
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const uploads: string[] = [];
    let offset = 0;
    for (const file of files) {
      const progress = jobId && spec.progress ? { job: jobId, kind: spec.progress, offset, total } : undefined;
      uploads.push(await uploadFile(file, progress, control.signal));
      offset += file.size;
    }
    return unwrap(await callOverHttp(channel, input, uploads)) as never;
  } finally {
    control.release();
  }
}

/** Files in the browser: a file chooser or a drop, then uploads; saves arrive as downloads. */
export const browserFiles: FileHost = {
  open: async (channel, input) => uploadAndCall(channel, input, await chooseFiles(OPEN_CHANNELS[channel])),
  addDropped: (input, files) => uploadAndCall('evidence:pick', input, files),
};
