import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';

// Remembers where the window was. A saved position on a display that is gone is ignored, so the
// window never opens off-screen.

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  readonly bounds: Bounds;
  readonly maximized: boolean;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_STATE: WindowState = { bounds: { width: 1280, height: 800 }, maximized: false };

const stateSchema = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(400).max(20000), height: z.number().int().min(300).max(20000) }),
  maximized: z.boolean(),
});

/** At least this much of the title bar must be on a display for a saved position to be used. */
const VISIBLE_MARGIN = 64;

function overlaps(bounds: Rect, area: Rect): boolean {
  return (
    bounds.x + VISIBLE_MARGIN <= area.x + area.width &&
    bounds.x + bounds.width - VISIBLE_MARGIN >= area.x &&
    bounds.y >= area.y &&
    bounds.y + VISIBLE_MARGIN <= area.y + area.height
  );
}

/** Validates a saved state against the current displays' work areas. */
export function restoreState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = stateSchema.safeParse(saved);
  if (!parsed.success) return DEFAULT_STATE;
  const { bounds, maximized } = parsed.data;
  if (!workAreas.some((area) => overlaps(bounds, area))) return { bounds: { width: bounds.width, height: bounds.height }, maximized };
  return { bounds, maximized };
}

export function loadState(path: string, workAreas: readonly Rect[]): WindowState {
  try {
    return restoreState(JSON.parse(readFileSync(path, 'utf8')), workAreas);
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveState(path: string, state: WindowState): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, path);
}
