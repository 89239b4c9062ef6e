import type { EChartsCoreOption } from 'echarts/core';

// A PDF must carry its fonts to look the same everywhere, and the one font the workbench ships as
// TrueType is Inter (OFL). So a chart bound for PDF is laid out in Inter (ECharts measures its text
// in the face the PDF will draw it with) and its SVG names only the faces the PDF embeds.

/** The family the TrueType faces are registered under in the PDF. */
export const PDF_FONT_FAMILY = 'Inter';

/** Inter as the page has it loaded (fontsource's variable build), for ECharts to measure text in. */
export const PDF_LAYOUT_FONT = "'Inter Variable', Inter, sans-serif";

/** The faces embedded: upright regular and bold (no chart of ours sets italic text). */
export type PdfFace = 'normal' | 'bold';

type Obj = Record<string, unknown>;

function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `value` with every `fontFamily` in it set to `family`; parts without one are returned as they were. */
function replaceFontFamilies(value: unknown, family: string): unknown {
  if (Array.isArray(value)) {
    const mapped = value.map((item) => replaceFontFamilies(item, family));
    return mapped.some((item, i) => item !== value[i]) ? mapped : value;
  }
  if (!isPlainObject(value)) return value;
  let changed: Obj | null = null;
  for (const [key, item] of Object.entries(value)) {
    const next = key === 'fontFamily' && typeof item === 'string' ? family : replaceFontFamilies(item, family);
    if (next === item) continue;
    changed ??= { ...value };
    changed[key] = next;
  }
  return changed ?? value;
}

/** The option with all its text in `family`: the default text style and every component's own. */
export function withFontFamily(option: EChartsCoreOption, family: string): EChartsCoreOption {
  const replaced = replaceFontFamilies(option, family) as Obj;
  const textStyle = isPlainObject(replaced.textStyle) ? replaced.textStyle : {};
  return { ...replaced, textStyle: { ...textStyle, fontFamily: family } } as EChartsCoreOption;
}

/** CSS weights from 600 up, and the keywords for them, are drawn with the bold face. */
export function faceOfWeight(weight: string): PdfFace {
  const value = weight.trim().toLowerCase();
  const numeric = Number(value);
  if (value !== '' && Number.isFinite(numeric)) return numeric >= 600 ? 'bold' : 'normal';
  return value === 'bold' || value === 'bolder' ? 'bold' : 'normal';
}

/** CSS pixels (96 an inch) in PDF points (72 an inch): the page is the chart's size in print. */
export function cssPxToPt(px: number): number {
  return (px * 72) / 96;
}
