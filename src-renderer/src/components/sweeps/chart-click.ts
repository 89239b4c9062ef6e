import { shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import type { ECharts } from 'echarts/core';
import type { RingTarget } from '@/charts/sweep-common.ts';

// Clicks on a sweep chart (every sweep series puts the point's index last in each data item), the
// pointer over a chart without items (the heat map's image: the point is found from the pointer's
// data coordinates), and the ring drawn over the chart around the selected point: a positioned
// element, so that choosing another point never makes ECharts redraw thousands of markers.

/** The host EChart component as its template ref sees it. */
export interface ChartHost {
  readonly chart: Pick<ECharts, 'on' | 'off' | 'isDisposed' | 'convertToPixel' | 'convertFromPixel' | 'containPixel' | 'getZr'> | null;
}

export function indexOfClick(value: unknown): number | null {
  if (!Array.isArray(value)) return null;
  const last: unknown = value[value.length - 1];
  return typeof last === 'number' && Number.isInteger(last) ? last : null;
}

export function useChartClick(host: Ref<ChartHost | null>, pick: (index: number) => void): void {
  watch(
    () => host.value?.chart ?? null,
    (chart, _old, onCleanup) => {
      if (!chart) return;
      const handler = (params: { value?: unknown }): void => {
        const index = indexOfClick(params.value);
        if (index !== null) pick(index);
      };
      chart.on('click', handler);
      onCleanup(() => {
        if (!chart.isDisposed()) chart.off('click', handler);
      });
    },
    { immediate: true },
  );
}

export type RingStyle = Readonly<Record<'left' | 'top' | 'width' | 'height', string>>;

/** Where the ring goes, in pixels of the chart's box; null when nothing is selected or it is off the plot. */
export function useSelectionRing(host: Ref<ChartHost | null>, target: () => RingTarget | null): ShallowRef<RingStyle | null> {
  const style = shallowRef<RingStyle | null>(null);
  let current: RingTarget | null = null;
  const place = (): void => {
    const chart = host.value?.chart;
    const at = current && chart && !chart.isDisposed() ? (chart.convertToPixel({ gridIndex: 0 }, [...current.value]) as number[] | undefined) : undefined;
    if (!current || !at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) {
      style.value = null;
      return;
    }
    const { width, height } = current;
    const next = { left: `${at[0]! - width / 2}px`, top: `${at[1]! - height / 2}px`, width: `${width}px`, height: `${height}px` };
    const old = style.value;
    if (!old || old.left !== next.left || old.top !== next.top || old.width !== next.width || old.height !== next.height) style.value = next;
  };
  watch(
    target,
    (t) => {
      current = t;
      place();
    },
    { immediate: true },
  );
  // Resizes and new options move the plot: place the ring again once ECharts has drawn.
  watch(
    () => host.value?.chart ?? null,
    (chart, _old, onCleanup) => {
      if (!chart) return;
      chart.on('finished', place);
      place();
      onCleanup(() => {
        if (!chart.isDisposed()) chart.off('finished', place);
      });
    },
    { immediate: true },
  );
  return style;
}

/** The point under the pointer and where the pointer is, in pixels of the chart's box. */
export interface Hover {
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Hover and click on a chart's grid by position: `locate` turns data coordinates into a point's
 * index (or null off the points). Returns the hovered point, for a tooltip the page draws.
 */
export function useGridPointer(host: Ref<ChartHost | null>, locate: (x: number, y: number) => number | null, pick: (index: number) => void): ShallowRef<Hover | null> {
  const hover = shallowRef<Hover | null>(null);
  const at = (chart: NonNullable<ChartHost['chart']>, x: number, y: number): number | null => {
    if (!chart.containPixel({ gridIndex: 0 }, [x, y])) return null;
    const value = chart.convertFromPixel({ gridIndex: 0 }, [x, y]) as number[] | undefined;
    return value && Number.isFinite(value[0]) && Number.isFinite(value[1]) ? locate(value[0]!, value[1]!) : null;
  };
  watch(
    () => host.value?.chart ?? null,
    (chart, _old, onCleanup) => {
      if (!chart) return;
      const zr = chart.getZr();
      const move = (e: { offsetX: number; offsetY: number }): void => {
        const index = at(chart, e.offsetX, e.offsetY);
        hover.value = index === null ? null : { index, x: e.offsetX, y: e.offsetY };
      };
      const click = (e: { offsetX: number; offsetY: number }): void => {
        const index = at(chart, e.offsetX, e.offsetY);
        if (index !== null) pick(index);
      };
      const out = (): void => void (hover.value = null);
      zr.on('mousemove', move);
      zr.on('click', click);
      zr.on('globalout', out);
      onCleanup(() => {
        hover.value = null;
        if (chart.isDisposed()) return;
        zr.off('mousemove', move);
        zr.off('click', click);
        zr.off('globalout', out);
      });
    },
    { immediate: true },
  );
  return hover;
}

/**
 * A handler for the chart host's `finished` event that calls `drawn` once the chart has drawn an
 * option given after `option` last changed: how the page (and its tests and benchmark) knows a
 * chart shows the current result. ECharts draws within setOption, so the host reports it.
 */
export function useDrawn(option: () => unknown, drawn: () => void): () => void {
  let pending = false;
  watch(option, (o) => void (pending = o !== null), { immediate: true });
  return () => {
    if (!pending) return;
    pending = false;
    drawn();
  };
}
