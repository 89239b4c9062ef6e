import { describe, expect, it } from 'vitest';
import { parseTimeloopLayers } from '../../../src-main/sim/workload/import/timeloop.ts';
import { MAX_YAML_CHARS } from '../../../src-main/sim/workload/import/yaml-document.ts';

// The YAML side of the Timeloop importer (the `yaml` library underneath): every problem is an issue
// naming the file and the line to fix, and YAML the files may use reads as YAML defines it.

const one = (text: string) => [{ fileName: 'l1.yaml', text }];

function issuesOf(text: string) {
  const result = parseTimeloopLayers(one(text), 'bad');
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

function firstLayer(text: string) {
  const result = parseTimeloopLayers(one(text), 'good');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.network.layers[0];
}

const REST = '    P: 1\n    Q: 1\n    R: 1\n    S: 1\n';

describe('Timeloop YAML: a syntax error names its line', () => {
  const cases: [string, string, RegExp][] = [
    ['problem:\n  instance:\n    C: 3\n    M: 4: 5\n', 'line 4', /nested mappings/i],
    ['problem:\n  instance:\n    C: 3\n    C: 4\n', 'line 4', /^the key "C" appears twice in this mapping$/],
    ['problem:\n  instance: {C: 3, M: "4\n', 'line 2', /closing "quote/i],
    ['problem:\n  instance: {C: "\\q"}\n', 'line 2', /escape/i],
    ['problem:\n  instance: {C: 3}\n---\nx: 1\n', 'line 3', /^a second YAML document/],
    // The text ends inside the collection: the line shown is the last one written, not the empty one after it.
    ['problem:\n  instance: [\n\n\n', 'line 2', /flow sequence/i],
    [`problem: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'line 1', /^values nested more than 64 levels deep$/],
  ];
  for (const [text, line, message] of cases) {
    it(`${JSON.stringify(text.slice(0, 60))} -> ${line}`, () => {
      expect(issuesOf(text)).toEqual([{ path: `l1.yaml, ${line}`, message: expect.stringMatching(message) }]);
    });
  }

  it('a file larger than a problem file can be is refused before parsing', () => {
    const text = `problem:\n  instance: {C: 1, M: 1, P: 1, Q: 1, R: 1, S: 1}\n#${' '.repeat(MAX_YAML_CHARS)}\n`;
    expect(issuesOf(text)).toEqual([{ path: 'l1.yaml, line 1', message: `the file has ${text.length} characters; a problem file is at most ${MAX_YAML_CHARS}` }]);
  });
});

describe('Timeloop YAML: a value of the wrong type names the line of its key', () => {
  it('in a block mapping', () => {
    expect(issuesOf(`problem:\n  instance:\n    C: 3\n    M: [4]\n${REST}`)).toEqual([{ path: 'l1.yaml, line 4 (problem.instance.M)', message: 'must be a positive whole number (got [4])' }]);
  });

  it('in a flow mapping written over several lines', () => {
    expect(issuesOf('problem:\n  instance: {C: 3,\n    M: 2.5, P: 1,\n    Q: 1, R: 1, S: 1}\n')).toEqual([{ path: 'l1.yaml, line 3 (problem.instance.M)', message: 'must be a positive whole number (got 2.5)' }]);
  });

  it('with a byte-order mark, CRLF line ends and a template line before it', () => {
    const text = "\uFEFF{{include_text('../problem_base.yaml')}}\r\n# a comment\r\nproblem:\r\n  instance:\r\n    C: x\r\n";
    expect(issuesOf(text)).toEqual([{ path: 'l1.yaml, line 5 (problem.instance.C)', message: 'must be a positive whole number (got "x")' }]);
  });

  it('a template expression or a local tag where a number is needed', () => {
    expect(issuesOf(`problem:\n  instance:\n    C: {{BATCH}}\n    M: !dim 4\n${REST}`)).toEqual([
      { path: 'l1.yaml, line 3 (problem.instance.C)', message: 'is a template expression ({{BATCH}}) (line 3), which cannot be read here; write the number' },
      { path: 'l1.yaml, line 4 (problem.instance.M)', message: 'is a tag (!dim) (line 4), which cannot be read here; write the number' },
    ]);
  });
});

describe('Timeloop YAML: read as YAML 1.2 defines it', () => {
  it('core-schema tags, hexadecimal and a plain scalar over several lines', () => {
    const layer = firstLayer(`problem:\n  name: a conv\n    over two lines\n  instance:\n    C: !!int 3\n    M: 0x10\n${REST}`);
    expect(layer).toMatchObject({ kind: 'fc', out: 16, inputShape: [3, 1, 1] });
  });

  it('an alias to an anchor in the same file is expanded; its values keep the lines they are written on', () => {
    expect(firstLayer('base: &dims {C: 3, M: 4, P: 1, Q: 1, R: 1, S: 1}\nproblem:\n  instance: *dims\n')).toMatchObject({ kind: 'fc', out: 4 });
    expect(issuesOf(`base: &dims\n  C: 0\n  M: 4\n  P: 1\n  Q: 1\n  R: 1\n  S: 1\nproblem:\n  instance: *dims\n`)).toEqual([{ path: 'l1.yaml, line 2 (problem.instance.C)', message: 'must be a positive whole number (got 0)' }]);
  });

  it('an alias inside its own anchored node does not loop: it names no anchor yet', () => {
    expect(issuesOf('a: &x [*x]\nproblem: *x\n')).toEqual([{ path: 'l1.yaml', message: 'has no problem.instance mapping of numbers (C, M, P, Q, R, S ...)' }]);
  });

  it('refuses an alias bomb at the line whose expansion runs over the budget', () => {
    const levels = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'];
    for (let i = 1; i < 8; i += 1) levels.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
    // Expanded in full, h would hold 10^8 values; the budget of 100,000 runs out in e (line 5).
    expect(issuesOf(`${levels.join('\n')}\nproblem: *h\n`)).toEqual([{ path: 'l1.yaml, line 5', message: 'the aliases expand to more than 100,000 values; a problem file holds a few hundred' }]);
  });
});

describe('Timeloop YAML: never throws', () => {
  it('on 3,000 seeded random texts; every issue names the file and, where the text is at fault, its line', () => {
    const tokens = ['problem', 'instance', ':', ': ', ' ', '  ', '\n', '- ', '{', '}', '[', ']', ',', '"', "'", '#', '&a ', '*a', '!t ', '|', '>', '{{x}}', '---', '...', 'C', 'M: 3', '1', '-1', '\t', '?', '%', '@', '\\', 'x: y: z', '<<<: *b', 'problem:\n  instance: {C: 1, M: 2, P: 1, Q: 1, R: 1, S: 1}\n'];
    let seed = 42;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let accepted = 0;
    let lined = 0;
    for (let k = 0; k < 3000; k += 1) {
      const text = Array.from({ length: 1 + next(30) }, () => tokens[next(tokens.length)]).join('');
      const result = parseTimeloopLayers(one(text), 'random');
      if (result.ok) accepted += 1;
      else for (const issue of result.issues) {
        expect(issue.path, text).toMatch(/^l1\.yaml(, line \d+)?( \(problem\.instance\.\w+\))?$/);
        if (/line \d+/.test(issue.path)) lined += 1;
      }
    }
    expect(accepted).toBeGreaterThan(0);
    expect(lined).toBeGreaterThan(1000);
  });
});
