// Where a plain horizontal ECharts legend ends, computed the way ECharts lays it out (an icon, 5 px,
// the name centred on the icon; items `gap` apart, a new row when the next item passes the width
// less the 5 px padding on each side; rows stacked by their height, the first one's top at the
// padding), so a paper figure can start its plot below it instead of drawing over it. Names wider
// than a row are wrapped at spaces (ECharts' "break" overflow) rather than cut off.

/** Width in px of `text` in this font; the export passes ECharts' own measure, tests an estimate. */
export type MeasureText = (text: string, fontSize: number, fontFamily: string) => number;

/** About 0.55 em a character: enough where no canvas measures (unit tests). */
export const estimateTextWidth: MeasureText = (text, fontSize) => text.length * fontSize * 0.55;

export interface LegendStyle {
  readonly fontSize: number;
  readonly fontFamily: string;
  readonly itemWidth: number;
  readonly itemHeight: number;
  readonly itemGap: number;
}

/** ECharts' legend padding on every side, and the space between an icon and its name. */
export const LEGEND_PADDING = 5;
const ICON_TEXT_GAP = 5;
/** A line of text a little taller than its font size, as browsers lay it out (in em). */
export const LEGEND_LINE_HEIGHT = 1.25;

export interface LegendLayout {
  /** The widest a name may be before it wraps. */
  readonly maxTextWidth: number;
  /** Names that wrap, with the lines they take. */
  readonly wrapped: ReadonlyMap<string, number>;
  readonly rows: number;
  /** From the top of the figure to the bottom of the legend's last row, padding included. */
  readonly bottom: number;
}

/** Lines a name takes at `max` px when broken at spaces (a word wider than `max` breaks inside). */
export function wrappedLines(text: string, max: number, style: LegendStyle, measure: MeasureText): number {
  const width = (t: string): number => measure(t, style.fontSize, style.fontFamily);
  let lines = 1;
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || width(candidate) <= max) {
      line = candidate;
      continue;
    }
    lines += 1;
    line = word;
  }
  return lines + Math.max(0, Math.ceil(width(line) / max) - 1);
}

export function legendLayout(names: readonly string[], figureWidth: number, style: LegendStyle, measure: MeasureText = estimateTextWidth): LegendLayout {
  const maxWidth = figureWidth - 2 * LEGEND_PADDING;
  const maxTextWidth = maxWidth - style.itemWidth - ICON_TEXT_GAP;
  const lineHeight = style.fontSize * LEGEND_LINE_HEIGHT;
  const wrapped = new Map<string, number>();
  const rows: Row[] = [];
  let x = 0;
  names.forEach((name, i) => {
    const textWidth = measure(name, style.fontSize, style.fontFamily);
    const lines = textWidth > maxTextWidth ? wrappedLines(name, maxTextWidth, style, measure) : 1;
    if (lines > 1) wrapped.set(name, lines);
    const width = style.itemWidth + ICON_TEXT_GAP + Math.min(textWidth, maxTextWidth);
    // The name is centred on the icon, so a tall one reaches above the item's origin.
    const top = Math.min(0, (style.itemHeight - lines * lineHeight) / 2);
    const bottom = Math.max(style.itemHeight, (style.itemHeight + lines * lineHeight) / 2);
    if (i === 0 || x + width > maxWidth) {
      rows.push({ top, bottom });
      x = 0;
    } else {
      const row = rows[rows.length - 1]!;
      rows[rows.length - 1] = { top: Math.min(row.top, top), bottom: Math.max(row.bottom, bottom) };
    }
    x += width + style.itemGap;
  });
  // ECharts advances each row by its height and the gap, ignoring where within it the items start.
  const lastRowAt = rows.slice(0, -1).reduce((y, r) => y + r.bottom - r.top + style.itemGap, 0);
  const content = rows.length ? lastRowAt + rows[rows.length - 1]!.bottom - rows[0]!.top : 0;
  return { maxTextWidth, wrapped, rows: rows.length, bottom: LEGEND_PADDING + content };
}

interface Row {
  /** Highest and lowest point of the row's items, from the row's origin (the icons' top). */
  readonly top: number;
  readonly bottom: number;
}
