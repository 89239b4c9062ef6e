import { faceOfWeight, PDF_FONT_FAMILY, type PdfFace } from './pdf-fonts.ts';

// ECharts' SVG made ready for svg2pdf in the app's page. The page's CSP (style-src 'self') reaches
// documents the page parses, so svg2pdf would see neither the inline style attributes of ECharts'
// text (its font sizes and families) nor its <style> element, and each would be reported as a
// violation. The declarations become presentation attributes, which svg2pdf reads and the CSP
// allows, and the <style> element goes (ECharts puts only hover rules in it, nothing printed).

type Attribute = [name: string, value: string];

const START_TAG = /<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*"([^"]*)"/g;
// A declaration's value runs to the next ';', entities (&quot; around a family name) read whole.
const DECLARATION = /([\w-]+)\s*:\s*((?:&[#\w]+;|[^;&])*)/g;
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style>/g;

/** The tag's attributes with its style declarations as attributes (a declaration wins over an attribute, as in CSS). */
function withoutStyleAttribute(attributes: readonly Attribute[]): Attribute[] {
  const style = attributes.find(([name]) => name === 'style')?.[1] ?? '';
  const declared = [...style.matchAll(DECLARATION)].map(([, name, value]): Attribute => [name!.toLowerCase(), value!.trim()]);
  const names = new Set(declared.map(([name]) => name));
  return [...attributes.filter(([name]) => name !== 'style' && !names.has(name)), ...declared];
}

/**
 * The text of one element in the embedded faces: any family is Inter, a weight is regular or bold,
 * slanted text is upright (no italic face is embedded). ECharts places text by `dominant-baseline`,
 * which svg2pdf does not read; the same value is given as `alignment-baseline`, which it does.
 */
function inPdfFonts(attributes: readonly Attribute[], faces: Set<PdfFace>): Attribute[] {
  const out = attributes.map(([name, value]): Attribute => {
    if (name === 'font-family') return [name, PDF_FONT_FAMILY];
    if (name === 'font-style') return [name, 'normal'];
    if (name !== 'font-weight') return [name, value];
    const face = faceOfWeight(value);
    faces.add(face);
    return [name, face];
  });
  const baseline = out.find(([name]) => name === 'dominant-baseline');
  if (baseline && !out.some(([name]) => name === 'alignment-baseline')) out.push(['alignment-baseline', baseline[1]]);
  return out;
}

export interface PdfReadySvg {
  readonly svg: string;
  /** The faces its text uses, each once; 'normal' always (text that names no font gets it). */
  readonly faces: readonly PdfFace[];
}

/** The SVG as svg2pdf should draw it in the page: no style attributes or elements, text in the embedded faces. */
export function svgForPdf(svg: string): PdfReadySvg {
  const faces = new Set<PdfFace>(['normal']);
  let root = true;
  const out = svg.replace(STYLE_ELEMENT, '').replace(START_TAG, (_tag: string, name: string, attrText: string, selfClosing: string) => {
    let attributes = inPdfFonts(withoutStyleAttribute([...attrText.matchAll(ATTRIBUTE)].map(([, n, v]): Attribute => [n!, v!])), faces);
    if (root && name === 'svg' && !attributes.some(([n]) => n === 'font-family')) attributes = [['font-family', PDF_FONT_FAMILY], ...attributes];
    if (name === 'svg') root = false;
    return `<${name}${attributes.map(([n, v]) => ` ${n}="${v}"`).join('')}${selfClosing ? ' /' : ''}>`;
  });
  return { svg: out, faces: [...faces] };
}
