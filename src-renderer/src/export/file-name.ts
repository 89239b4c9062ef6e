// Names of exported files: the chart's or table's title as a slug, then what kind of export it is,
// so a folder of figures sorts by subject and the 2x and 4x images sit side by side.

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'export';
}

export interface ChartFileOptions {
  readonly format: 'png' | 'svg' | 'pdf';
  readonly pixelRatio?: number;
  /** Columns of the paper figure, or null for the chart as shown on screen. */
  readonly paperColumns?: 1 | 2 | null;
}

/** "Normalised energy" + PNG 2x in a 1-column paper style -> "normalised-energy-paper-1col@2x.png". */
export function chartFileName(title: string, options: ChartFileOptions): string {
  const paper = options.paperColumns ? `-paper-${options.paperColumns}col` : '';
  const ratio = options.format === 'png' ? `@${options.pixelRatio ?? 1}x` : '';
  return `${slugify(title)}${paper}${ratio}.${options.format}`;
}

export function tableFileName(title: string, format: 'csv' | 'latex'): string {
  return `${slugify(title)}.${format === 'latex' ? 'tex' : 'csv'}`;
}
