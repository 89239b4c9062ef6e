import { describe, expect, it } from 'vitest';
import { LEGEND_LINE_HEIGHT, estimateTextWidth, legendLayout, wrappedLines, type LegendStyle } from '@/export/legend-layout.ts';
import { withLegendRoom } from '@/export/legend-room.ts';

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

describe('room for a legend of several rows on the page', () => {
  const long = 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) / ResNet-18';
  const option = (names: string[], extra: Record<string, unknown> = {}) => ({
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 }, ...extra },
    grid: { top: 30, left: 8 },
    series: names.map((name) => ({ name, type: 'bar', data: [1] })),
  });
  const top = (o: unknown): unknown => (o as { grid: { top: unknown } }).grid.top;

  it('moves the plot down by the rows a narrow chart adds, and leaves a wide one as it is', () => {
    const names = [`FloatPIM (ReRAM, MAGIC NOR) / ResNet-18 (baseline)`, long];
    const wide = withLegendRoom(option(names), 1200);
    expect(top(wide)).toBe(30);
    const narrow = withLegendRoom(option(names), 600);
    const rowHeight = 11 * LEGEND_LINE_HEIGHT;
    expect(top(narrow)).toBeGreaterThanOrEqual(30 + rowHeight);
    expect(top(narrow)).toBeLessThan(30 + 2 * rowHeight + 10);
  });

  it('leaves scrolling, vertical and single-name legends alone', () => {
    const names = [long, `${long} again`, `${long} once more`];
    expect(top(withLegendRoom(option(names, { type: 'scroll' }), 300))).toBe(30);
    expect(top(withLegendRoom(option(names, { orient: 'vertical' }), 300))).toBe(30);
    expect(top(withLegendRoom(option([long]), 100))).toBe(30);
  });
});
