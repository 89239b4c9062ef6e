import { describe, expect, it } from 'vitest';
import { lineOfKey, parseYamlSubset, YamlUnsupported, type YamlMap, type YamlValue } from '../../../src-main/sim/workload/import/yaml-subset.ts';

function value(text: string): YamlValue {
  const result = parseYamlSubset(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Plain JSON of a parsed value, markers shown as `<what @ line>`. */
function plain(text: string): unknown {
  return JSON.parse(JSON.stringify(value(text), (_k, v: unknown) => (v instanceof YamlUnsupported ? `<${v.what} @ ${v.line}>` : v)));
}

function issue(text: string): { path: string; message: string } {
  const result = parseYamlSubset(text);
  if (result.ok) throw new Error(`expected an issue, got ${JSON.stringify(result.value)}`);
  return result.issues[0]!;
}

describe('YAML subset: what problem files use', () => {
  it('block mappings, sequences at their key\'s indentation, items that are mappings', () => {
    const text = ['problem:', '  shape:', '    coefficients:', '    - default: 1', '      name: Wstride', '    - {name: Hstride, default: 1}', '    name: CNN_Layer', '  instance:', '    C: 3'].join('\n');
    expect(plain(text)).toEqual({
      problem: { shape: { coefficients: [{ default: 1, name: 'Wstride' }, { name: 'Hstride', default: 1 }], name: 'CNN_Layer' }, instance: { C: 3 } },
    });
  });

  it('compact nested sequences, as in Timeloop\'s data-space projections', () => {
    const text = ['projection:', '- - - N', '- - - R', '    - Wdilation', '  - - P', '    - Wstride', '- [ [S, Hdilation], [Q, Hstride] ]'].join('\n');
    expect(plain(text)).toEqual({ projection: [[['N']], [['R', 'Wdilation'], ['P', 'Wstride']], [['S', 'Hdilation'], ['Q', 'Hstride']]] });
  });

  it('flow collections, also over several lines; quotes and escapes; comments', () => {
    const text = [
      'instance: {C: 3, M: [1, 2, {x: y}], "q k": \'it\'\'s\'}  # a comment',
      'list: [1,',
      '  2, 3]   # closes here',
      'text: "a \\"b\\" # not a comment\\u0041"',
      'hash: a#b',
      'empty: {}',
    ].join('\n');
    expect(plain(text)).toEqual({ instance: { C: 3, M: [1, 2, { x: 'y' }], 'q k': "it's" }, list: [1, 2, 3], text: 'a "b" # not a commentA', hash: 'a#b', empty: {} });
  });

  it('scalars by the YAML 1.2 core schema', () => {
    const text = 'a: 12\nb: -3\nc: 0x1F\nd: 0o17\ne: 1.5e3\nf: .5\ng: true\nh: False\ni: ~\nj:\nk: null\nl: BATCH_SIZE\nm: "12"\nn: .inf\n';
    expect(plain(text)).toEqual({ a: 12, b: -3, c: 31, d: 15, e: 1500, f: 0.5, g: true, h: false, i: null, j: null, k: null, l: 'BATCH_SIZE', m: '12', n: null });
    expect((value(text) as YamlMap).n).toBe(Infinity);
  });

  it('remembers the line of each key', () => {
    const parsed = value('problem:\n  instance:\n    C: 3\n    M: 4\n') as YamlMap;
    const instance = (parsed.problem as YamlMap).instance as YamlMap;
    expect([lineOfKey(instance, 'C'), lineOfKey(instance, 'M')]).toEqual([3, 4]);
  });
});

describe('YAML subset: constructs it does not read are marked where they stand', () => {
  it('aliases, merge keys, tags, block scalars (body skipped), plain scalars over several lines; anchors are dropped', () => {
    const text = [
      'base: &problem_base',
      '  C: 1',
      'problem:',
      '  <<<: *problem_base',
      '  tagged: !!int 3',
      '  block: |',
      '    any: text',
      '    - here',
      '  long: first part',
      '    second part',
      '  instance: {C: 64}',
    ].join('\n');
    expect(plain(text)).toEqual({
      base: { C: 1 },
      problem: {
        '<<<': '<an alias (*problem_base) @ 4>',
        tagged: '<a tag (!!int) @ 5>',
        block: '<a block scalar (| or >) @ 6>',
        long: '<a plain scalar over several lines @ 9>',
        instance: { C: 64 },
      },
    });
  });

  it('returns template lines ({{ ... }}) apart, unexpanded', () => {
    const result = parseYamlSubset("{{include_text('../problem_base.yaml')}}\nproblem:\n  instance: {C: 2}\n");
    expect(result).toEqual({ ok: true, value: { problem: { instance: { C: 2 } } }, templates: [{ line: 1, text: "{{include_text('../problem_base.yaml')}}" }] });
  });
});

describe('YAML subset: malformed text is an issue with its line', () => {
  const cases: [string, string, RegExp][] = [
    ['a:\n\tb: 1\n', 'line 2', /tab in the indentation/],
    ['a: 1\nb: 2\na: 3\n', 'line 3', /the key "a" appears twice/],
    ['a:\n    b: 1\n  c: 2\n', 'line 3', /unexpected indentation/],
    ['a: {b: 1\nc: 2\n', 'line 1', /does not close/],
    ['a: "open\n', 'line 1', /does not close on its line/],
    ['a: 1\n---\nb: 2\n', 'line 2', /second YAML document/],
    ['a: b: c\n', 'line 1', /contains ": "/],
    ['? complex\n: key\n', 'line 1', /complex keys/],
    ['a: 1\n...\nb: 2\n', 'line 3', /after the end of the document/],
    ['a: "\\q"\n', 'line 1', /escape "\\q"/],
    ['a: @x\n', 'line 1', /reserved/],
    ['a: {b: 1 c: 2}\n', 'line 1', /expected "," or "}"/],
    ['a: 1\n? b\n', 'line 2', /complex keys/],
    ['a: [1, 2] x\n', 'line 1', /unexpected "x"/],
    ['%YAML 1.2\na: 1\n', 'line 1', /directive/],
  ];
  for (const [text, path, message] of cases) {
    it(`${JSON.stringify(text)} -> ${path}`, () => {
      expect(issue(text)).toEqual({ path, message: expect.stringMatching(message) });
    });
  }
});

describe('YAML subset: never throws', () => {
  it('on 5,000 seeded random texts built from YAML punctuation and problem-file words', () => {
    const tokens = ['problem', 'instance', ':', ': ', ' ', '  ', '\n', '- ', '-', '{', '}', '[', ']', ',', '"', "'", '#', '&a ', '*a', '!t ', '|', '>', '{{x}}', '---', '...', 'C', 'M: 3', '1', '-1', '\t', '?', '%', '@', '\\', 'x: y: z', '<<<: *b'];
    let seed = 42;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let parsed = 0;
    for (let k = 0; k < 5000; k += 1) {
      const text = Array.from({ length: 1 + next(30) }, () => tokens[next(tokens.length)]).join('');
      const result = parseYamlSubset(text);
      if (result.ok) parsed += 1;
      else expect(result.issues[0]!.path).toMatch(/^line \d+$/);
    }
    expect(parsed).toBeGreaterThan(100);
  });
});
