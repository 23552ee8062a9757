import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';

const WindowState = z.object({
  width: z.number().int().min(800).max(10000),
  height: z.number().int().min(600).max(10000),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

const DEFAULT: WindowState = { width: 1280, height: 820, maximized: false };

/** The size and place of the window last time; a missing or damaged file gives the default. */
export function loadWindowState(file: string): WindowState {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

/** Written to a temp file and renamed, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

/** A rectangle on screen (Electron's Rectangle). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The saved position only if enough of the window (100 × 50 px) would land on a display that
 * exists now: a monitor unplugged since, or a hand-edited file, must not put the window off-screen.
 */
export function onScreen(state: WindowState, displays: readonly Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some(
    (d) => x + 100 <= d.x + d.width && x + state.width - 100 >= d.x && y >= d.y && y + 50 <= d.y + d.height,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}
