import { computed, ref } from 'vue';
import { ONNX_FILE_MAX_BYTES, type NetworkImportOutput } from '@shared/schemas/network-api.ts';
import { parseShapeText } from '@shared/shape-text.ts';
import { ApiError } from '@/api/index.ts';
import { useNetworksStore } from '@/stores/networks.ts';
import { fileToBase64, formatFileSize } from '@/base64-file.ts';

// Importing one ONNX model from the Workloads page. A model whose input the file leaves symbolic
// (a batch or image size named, not given) comes back with the importer's message at the
// input-shape field; the picked file is kept, so typing the shape and importing again is enough.

export const ONNX_LIMIT_TEXT = formatFileSize(ONNX_FILE_MAX_BYTES);

/** Issues about the input shape: the request's `input` (input[2]) or the model's data input (input "x"). */
const AT_INPUT = /^input(\[| "|$)/;

/** The importer's reason about the input shape (left symbolic, missing, or clashing with the one given), if that is what stopped it. */
export function inputShapeIssue(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return undefined;
  return error.issues.find((i) => AT_INPUT.test(i.path))?.message;
}

const bytes = (n: number): string => `${n.toLocaleString('en-US')} bytes`;

function tooLarge(file: File): string {
  return `${file.name} is ${formatFileSize(file.size)} (${bytes(file.size)}); ONNX models are imported up to ${ONNX_LIMIT_TEXT} (${bytes(ONNX_FILE_MAX_BYTES)}). Nothing was sent.`;
}

export interface OnnxImportHooks {
  imported(detail: NetworkImportOutput): void;
  /** Any other failure: shown like the other formats' (the form closes). */
  failed(fileName: string, error: unknown): void;
}

export function useOnnxImport(hooks: OnnxImportHooks) {
  const store = useNetworksStore();
  const file = ref<File | null>(null);
  const shapeText = ref('');
  const fileError = ref<string | null>(null);
  /** The importer's answer about the input (kept until the next attempt). */
  const importError = ref<string | null>(null);
  const busy = ref(false);

  const shape = computed(() => (shapeText.value.trim() === '' ? null : parseShapeText(shapeText.value)));
  /** Checked as the user types: a malformed shape never reaches the importer. */
  const shapeError = computed(() => (shape.value && !shape.value.ok ? `Input shape ${shape.value.message}` : importError.value));
  const ready = computed(() => file.value !== null && !busy.value && !fileError.value && !(shape.value && !shape.value.ok));

  function close(): void {
    file.value = null;
    fileError.value = null;
    importError.value = null;
  }

  async function submit(): Promise<void> {
    const picked = file.value;
    if (!picked || !ready.value) return;
    busy.value = true;
    importError.value = null;
    try {
      const base64 = await fileToBase64(picked);
      const input = shape.value?.ok ? shape.value.shape : undefined;
      const detail = await store.importFiles([{ fileName: picked.name, base64 }], picked.name.replace(/\.onnx$/i, '') || 'network', input);
      close();
      hooks.imported(detail);
    } catch (error) {
      const atInput = inputShapeIssue(error);
      if (atInput) importError.value = `${atInput.charAt(0).toUpperCase()}${atInput.slice(1)}`;
      else {
        close();
        hooks.failed(picked.name, error);
      }
    } finally {
      busy.value = false;
    }
  }

  /** Opens the form on a picked model; one within the size limit is imported at once. */
  async function pick(picked: File): Promise<void> {
    file.value = picked;
    importError.value = null;
    fileError.value = picked.size > ONNX_FILE_MAX_BYTES ? tooLarge(picked) : null;
    if (!fileError.value) await submit();
  }

  return { file, shapeText, fileError, shapeError, busy, ready, pick, submit, close };
}
