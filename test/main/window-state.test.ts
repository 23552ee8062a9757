import { expect, test } from 'vitest';
import { onScreen } from '../../electron/main/app/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const state = { width: 1280, height: 820, maximized: false };

test('a saved position is kept only while it is on a display that exists now', () => {
  expect(onScreen({ ...state, x: 100, y: 50 }, [laptop])).toEqual({ ...state, x: 100, y: 50 });
  // The external monitor it was on is gone, or the file was edited by hand.
  expect(onScreen({ ...state, x: 2500, y: 100 }, [laptop])).toEqual(state);
  expect(onScreen({ ...state, x: -5000, y: -5000 }, [laptop])).toEqual(state);
  expect(onScreen({ ...state, x: 100, y: 1030 }, [laptop])).toEqual(state);
  expect(onScreen({ ...state, x: 2500, y: 100 }, [laptop, { x: 1920, y: 0, width: 2560, height: 1400 }])).toEqual({ ...state, x: 2500, y: 100 });
  expect(onScreen(state, [laptop])).toEqual(state);
});
