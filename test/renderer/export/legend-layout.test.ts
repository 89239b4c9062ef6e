import { describe, expect, it } from 'vitest';
import { estimateTextWidth, legendLayout, wrappedLines, type LegendStyle } from '@/export/legend-layout.ts';

// Widths from a fixed 6 px a character, so every row break is known by hand.
const sixPx = (text: string): number => text.length * 6;
const style: LegendStyle = { fontSize: 10, fontFamily: 'serif', itemWidth: 12, itemHeight: 8, itemGap: 8 };

describe('legend layout', () => {
  it('starts a new row when the next item passes the width less the padding, as ECharts does', () => {
    // Items are 12 + 5 + 6n px; rows hold 200 - 10 = 190 px.
    const oneRow = legendLayout(['aaaa', 'bbbb', 'cccc'], 200, style, sixPx);
    expect(oneRow.rows).toBe(1);
    expect(oneRow.bottom).toBe(5 + 12.5);
    const twoRows = legendLayout(['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'], 200, style, sixPx);
    expect(twoRows.rows).toBe(2);
    expect(twoRows.bottom).toBe(5 + 12.5 + 8 + 12.5);
    expect(legendLayout([], 200, style, sixPx)).toMatchObject({ rows: 0, bottom: 5 });
  });

  it('wraps a name wider than a row at spaces, counting its lines in the row height', () => {
    const name = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    const layout = legendLayout([name, 'x'], 200, style, sixPx);
    expect(layout.maxTextWidth).toBe(200 - 10 - 12 - 5);
    const lines = wrappedLines(name, layout.maxTextWidth, style, sixPx);
    expect(lines).toBe(3);
    expect(layout.wrapped.get(name)).toBe(3);
    expect(layout.rows).toBe(2);
    // Three lines of 12.5 px centred on an 8 px icon reach 14.75 px above it. ECharts moves the next
    // row down by the first row's height (37.5) and the gap from the icons' top; its one line ends
    // 10.25 px below its icon's top. The legend starts 5 px down, at the first row's highest point.
    expect(layout.bottom).toBe(5 + 14.75 + (37.5 + 8) + 10.25);
  });

  it('breaks a word longer than a line inside it', () => {
    expect(wrappedLines('x'.repeat(70), 173, style, sixPx)).toBe(3);
    expect(wrappedLines('short', 173, style, sixPx)).toBe(1);
  });

  it('estimates 0.55 em a character where nothing measures', () => {
    expect(estimateTextWidth('abcd', 10, 'serif')).toBeCloseTo(22, 6);
  });
});
