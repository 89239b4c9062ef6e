// Line scanning for the YAML subset: comments stripped, blank lines dropped, indentation measured,
// a flow collection that spans lines joined into one logical line, and template lines (Jinja
// `{{ ... }}` / `{% ... %}`, as CiMLoop's workload files start with) set aside.

export interface YamlLine {
  /** Column of the first character (spaces only). */
  readonly indent: number;
  readonly text: string;
  /** 1-based line number in the file. */
  readonly line: number;
}

export interface TemplateLine {
  readonly line: number;
  readonly text: string;
}

/** Bad input at a line; parseYamlSubset turns it into an issue. */
export class YamlError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.name = 'YamlError';
    this.line = line;
  }
}

/** Walks a line outside quotes, calling `visit` with each character and its index. Stops when `visit` returns true. */
export function scanOutsideQuotes(text: string, visit: (ch: string, index: number) => boolean | void): void {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      // A quote opens a string only where a value or key can start.
      if (i === 0 || /[\s,[{:]/.test(text[i - 1]!)) quote = ch;
    } else if (visit(ch, i) === true) return;
  }
}

function stripComment(raw: string): string {
  let end = raw.length;
  scanOutsideQuotes(raw, (ch, i) => {
    if (ch === '#' && (i === 0 || /\s/.test(raw[i - 1]!))) {
      end = i;
      return true;
    }
  });
  return raw.slice(0, end).replace(/\s+$/, '');
}

function flowDepth(text: string): number {
  let depth = 0;
  scanOutsideQuotes(text, (ch) => {
    if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') depth -= 1;
  });
  return depth;
}

const isTemplate = (text: string): boolean => /^\{\{.*\}\}$/.test(text) || /^\{%.*%\}$/.test(text);

export function scanLines(source: string): { lines: YamlLine[]; templates: TemplateLine[] } {
  const raw = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: YamlLine[] = [];
  const templates: TemplateLine[] = [];
  let ended: number | undefined;
  for (let i = 0; i < raw.length; i += 1) {
    const no = i + 1;
    const leading = /^[ \t]*/.exec(raw[i]!)![0];
    let text = stripComment(raw[i]!);
    if (text.trim() === '') continue;
    if (leading.includes('\t')) throw new YamlError(no, 'a tab in the indentation: YAML indents with spaces only');
    text = text.slice(leading.length);
    if (ended !== undefined) throw new YamlError(no, `content after the end of the document (line ${ended}); problem files hold one document`);
    if (/^---(\s|$)/.test(text) && leading === '') {
      if (lines.length > 0 || text.length > 3) throw new YamlError(no, 'a second YAML document ("---") is not supported; problem files hold one document');
      continue;
    }
    if (text === '...' && leading === '') {
      ended = no;
      continue;
    }
    if (text.startsWith('%') && leading === '') throw new YamlError(no, `the YAML directive "${text}" is not supported`);
    if (isTemplate(text)) {
      templates.push({ line: no, text });
      continue;
    }
    while (flowDepth(text) > 0 && i + 1 < raw.length) {
      i += 1;
      text = `${text} ${stripComment(raw[i]!).trim()}`;
    }
    if (flowDepth(text) !== 0) throw new YamlError(no, 'a flow collection ({...} or [...]) that does not close');
    lines.push({ indent: leading.length, text, line: no });
  }
  return { lines, templates };
}
