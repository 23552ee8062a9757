import { expect, test } from 'vitest';
import { OPEN_CHANNELS, acceptsFileName, type OpenChannel } from '../../shared/ipc/file-channels';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Ports } from '../../electron/core/ports';
import { tempCore } from '../helpers/temp';

/** A valid input for each channel that reads the user's files. */
const INPUTS: Record<OpenChannel, unknown> = {
  'evidence:pick': { projectId: '00000000-0000-4000-8000-000000000000', jobId: 'j' },
  'bundle:import': { jobId: 'j' },
  'dossier:verify': {},
  'dossier:countersignPreview': {},
  'identities:import': { passphrase: 'p' },
  'trust:import': {},
};

test.each(Object.keys(OPEN_CHANNELS) as OpenChannel[])('the browser offers %s exactly the files its handler asks the host for', async (channel) => {
  const core = tempCore();
  const asked: unknown[] = [];
  const ports: Ports = {
    emit: () => undefined,
    pickFiles: async (options) => {
      asked.push({ extensions: options?.extensions ?? null, multiple: options?.multiple !== false });
      return [];
    },
    saveFile: async () => null,
  };
  try {
    await dispatch(core, channel, INPUTS[channel], ports);
    const { extensions, multiple } = OPEN_CHANNELS[channel];
    expect(asked).toEqual([{ extensions, multiple }]);
  } finally {
    core.close();
  }
});

test('file names are matched by extension, case-insensitively, and a channel without extensions takes any file', () => {
  expect(acceptsFileName(OPEN_CHANNELS['dossier:verify'].extensions, 'Dossier.PDF')).toBe(true);
  expect(acceptsFileName(OPEN_CHANNELS['dossier:verify'].extensions, 'dossier.pdf.exe')).toBe(false);
  expect(acceptsFileName(OPEN_CHANNELS['dossier:verify'].extensions, 'pdf')).toBe(false);
  expect(acceptsFileName(OPEN_CHANNELS['trust:import'].extensions, 'ca.crt')).toBe(true);
  expect(acceptsFileName(OPEN_CHANNELS['evidence:pick'].extensions, 'anything')).toBe(true);
});
