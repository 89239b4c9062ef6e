// Files in and out of the page: in the browser a download; the window's preload has no file API,
// so it uses the same path (Electron saves downloads through its own dialog).

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Parses a picked JSON file; the error names the file and, when known, the line and column. */
export async function readJsonFile(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new Error(`${file.name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}
