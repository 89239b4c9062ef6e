import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../src-main/shared/ipc/issues.ts';
import { base64Chars, base64DecodedBytes, base64Problem } from '../../src-main/shared/base64.ts';
import { NETWORK_BASE64_MAX_CHARS, NETWORK_FILE_MAX_BYTES, ONNX_FILE_MAX_BYTES, networkImportSchema } from '../../src-main/shared/schemas/network-api.ts';

// The networks.import contract: text files as before, ONNX models as strict base64, and the
// optional input shape.

function issues(payload: unknown): { path: string; message: string }[] {
  const parsed = networkImportSchema.safeParse(payload);
  return parsed.success ? [] : issuesFromZod(parsed.error);
}

const base64Of = (bytes: number[]): string => Buffer.from(bytes).toString('base64');

describe('base64 checks', () => {
  it('accepts what Node encodes, for every padding length', () => {
    for (const bytes of [[1], [1, 2], [1, 2, 3], [0xfb, 0xff, 0xbf, 0x00]]) {
      const text = base64Of(bytes);
      expect(base64Problem(text), text).toBeUndefined();
      expect(base64DecodedBytes(text)).toBe(bytes.length);
    }
  });

  it('names the position of a character outside the alphabet, including padding in the middle', () => {
    expect(base64Problem('AAAA!AAA')).toMatch(/character 5 is "!"/);
    expect(base64Problem('AA=AAAAA')).toMatch(/character 3 is "=" \(padding only ends the text\)/);
    expect(base64Problem('AAA===AA')).toMatch(/character 4 is "="/);
    expect(base64Problem('QUJD\nREVG')).toMatch(/groups of 4/);
    expect(base64Problem('QUJDREVG\n\n\n\n')).toMatch(/character 9 is "\\n"/);
    expect(base64Problem('QUJDRA-_')).toMatch(/character 7 is "-"/);
    expect(base64Problem('QUJDRA_-')).toMatch(/character 7 is "_"/);
    expect(base64Problem('QU_DRA+/')).toMatch(/character 3 is "_"/);
    expect(base64Problem('QUJDRAé/')).toMatch(/character 7 is "é"/);
  });

  it('refuses text that is not whole groups of four', () => {
    expect(base64Problem('QUJ')).toMatch(/has 3 characters; base64 comes in groups of 4/);
  });

  it('sizes the character limit at 4 characters per 3 bytes of the file limit', () => {
    expect(base64Chars(3)).toBe(4);
    expect(base64Chars(4)).toBe(8);
    expect(NETWORK_BASE64_MAX_CHARS).toBe(4 * Math.ceil(ONNX_FILE_MAX_BYTES / 3));
  });
});

describe('networks.import input', () => {
  it('keeps the text path as it was: one file, its text, the same message past the limit', () => {
    expect(issues({ files: [{ fileName: 'NetWork.csv', text: '1,2' }] })).toEqual([]);
    expect(issues({ files: [{ fileName: 'NetWork.csv', text: 'x'.repeat(NETWORK_FILE_MAX_BYTES + 1) }] })).toEqual([{ path: 'files[0].text', message: `must be at most ${NETWORK_FILE_MAX_BYTES} characters` }]);
    expect(issues({ files: [] })).toEqual([{ path: 'files', message: 'give at least one file' }]);
  });

  it('takes an ONNX model as base64 and refuses damaged base64 at its field', () => {
    expect(issues({ files: [{ fileName: 'm.onnx', base64: base64Of([8, 7, 18, 0]) }] })).toEqual([]);
    expect(issues({ files: [{ fileName: 'm.onnx', base64: 'CAcS AA=' }] })).toEqual([{ path: 'files[0].base64', message: expect.stringMatching(/character 5 is " "/) }]);
    expect(issues({ files: [{ fileName: 'm.onnx', base64: '' }] })).toEqual([{ path: 'files[0].base64', message: 'must not be empty (the file has no bytes)' }]);
  });

  it('refuses base64 past the limit by its length alone', () => {
    const found = issues({ files: [{ fileName: 'm.onnx', base64: 'A'.repeat(NETWORK_BASE64_MAX_CHARS + 4) }] });
    expect(found).toEqual([{ path: 'files[0].base64', message: expect.stringMatching(/^must be at most 357913944 characters \(a 256 MiB file\)$/) }]);
  });

  it('refuses a file with both text and base64, and one with neither', () => {
    expect(issues({ files: [{ fileName: 'm.onnx', text: 'a', base64: 'AAAA' }] })).toEqual([{ path: 'files[0]', message: expect.stringMatching(/Unrecognized key.*text/) }]);
    expect(issues({ files: [{ fileName: 'm.onnx' }] })).toEqual([{ path: 'files[0]', message: 'must be { fileName, text } (NetWork.csv, Timeloop .yaml) or { fileName, base64 } (.onnx)' }]);
  });

  it('imports exactly one ONNX model at a time', () => {
    const two = issues({ files: [{ fileName: 'a.onnx', base64: 'AAAA' }, { fileName: 'b.yaml', text: 'x' }] });
    expect(two).toEqual([{ path: 'files', message: 'give exactly one .onnx file (an ONNX model is one file; got 2 files)' }]);
  });

  it('takes an input shape of 2 to 6 positive whole numbers, for ONNX models only', () => {
    const onnx = { files: [{ fileName: 'm.onnx', base64: 'AAAA' }] };
    expect(issues({ ...onnx, input: [1, 3, 224, 224] })).toEqual([]);
    expect(issues({ ...onnx, input: [1] })).toEqual([{ path: 'input', message: 'must give 2 to 6 dimensions, batch first (e.g. 1, 3, 224, 224)' }]);
    expect(issues({ ...onnx, input: [1, 2, 3, 4, 5, 6, 7] })).toEqual([{ path: 'input', message: 'must give 2 to 6 dimensions, batch first (e.g. 1, 3, 224, 224)' }]);
    expect(issues({ ...onnx, input: [1, 0, 32, 32] })).toEqual([{ path: 'input[1]', message: 'must be at least 1' }]);
    expect(issues({ ...onnx, input: [1, 3, 31.5, 32] })).toEqual([{ path: 'input[2]', message: 'must be a whole number' }]);
    expect(issues({ ...onnx, input: [1, 3, 2 ** 21, 32] })).toEqual([{ path: 'input[2]', message: 'must be at most 1048576' }]);
    expect(issues({ files: [{ fileName: 'NetWork.csv', text: '1' }], input: [1, 3, 32, 32] })).toEqual([
      { path: 'input', message: 'applies to ONNX models only (NetWork.csv and Timeloop files give each layer its shape)' },
    ]);
  });
});
