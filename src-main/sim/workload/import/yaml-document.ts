import { LineCounter, parseDocument, type ErrorCode, type YAMLError } from 'yaml';
import type { Issue } from '../../../shared/result.ts';
import { YamlError, type YamlValue } from './yaml-values.ts';
import { newWalk, plainValue } from './yaml-walk.ts';

// One Timeloop or CiMLoop problem file through the `yaml` library (YAML 1.2, core schema) into plain
// data whose mappings remember the line of each key. Template lines (Jinja `{{ ... }}` / `{% ... %}`,
// as CiMLoop's files start with) are set aside unexpanded; any other problem is an issue with its line.

export { lineOfKey, YamlUnsupported, type YamlMap, type YamlValue } from './yaml-values.ts';

/**
 * Published problem files are 0.2 to 3 kB; 256 kB leaves a wide margin and keeps the worst case
 * parse near a second (measured: about 0.7 us per character for the library's parse).
 */
export const MAX_YAML_CHARS = 256_000;

export interface TemplateLine {
  readonly line: number;
  readonly text: string;
}

export type YamlResult =
  | { readonly ok: true; readonly value: YamlValue; readonly templates: readonly TemplateLine[] }
  | { readonly ok: false; readonly issues: Issue[] };

const TEMPLATE_LINE = /^\s*(\{\{.*\}\}|\{%.*%\})\s*(#.*)?$/;

/** Blanks template lines (same length, so offsets and line numbers stay) and lists them. */
function setTemplatesAside(text: string): { yaml: string; templates: TemplateLine[] } {
  const parts = text.split(/(\r\n|\r|\n)/);
  const templates: TemplateLine[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const match = TEMPLATE_LINE.exec(parts[i]!);
    if (!match) continue;
    templates.push({ line: i / 2 + 1, text: match[1]! });
    parts[i] = ' '.repeat(parts[i]!.length);
  }
  return { yaml: parts.join(''), templates };
}

// The library's words where they would puzzle a user (its API names, its jargon).
const PLAINER: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'a tab in the indentation: YAML indents with spaces only',
  MULTIPLE_DOCS: 'a second YAML document ("---"); a problem file holds one document',
  RESOURCE_EXHAUSTION: 'collections nested too deep to read',
};

/** The line of a syntax error; one found at the end of the text is shown on the last written line. */
function errorLine(error: YAMLError, yaml: string, lines: LineCounter): number {
  const lastWritten = lines.linePos(Math.max(0, yaml.search(/\S\s*$/))).line;
  return Math.min(lines.linePos(error.pos[0]).line, lastWritten);
}

const issueAt = (line: number, message: string): YamlResult => ({ ok: false, issues: [{ path: `line ${line}`, message }] });

export function parseYamlDocument(text: string): YamlResult {
  if (text.length > MAX_YAML_CHARS) return issueAt(1, `the file has ${text.length} characters; a problem file is at most ${MAX_YAML_CHARS}`);
  const { yaml, templates } = setTemplatesAside(text);
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, version: '1.2' });
  const error = doc.errors[0];
  if (error) return issueAt(errorLine(error, yaml, lines), PLAINER[error.code] ?? error.message);
  try {
    return { ok: true, value: plainValue(newWalk(yaml, lines), doc.contents, 0, false), templates };
  } catch (thrown) {
    if (thrown instanceof YamlError) return issueAt(thrown.line, thrown.message);
    throw thrown;
  }
}
