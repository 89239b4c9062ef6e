// The module path of each graph node, as the torch.export-based exporter records it. Its node
// names say little ("node_Conv_6", "n0_3"); each node's metadata_props carry
// "pkg.torch.onnx.name_scopes", the PyTorch modules it came from (['', 'features', 'features.0',
// 'features.0.0', 'conv2d']). metadata_props is NodeProto field 9 since ONNX 1.16, newer than the
// schema onnx-proto compiles (which skips it), so this walks the protobuf wire format for it alone:
// ModelProto.graph (7) -> GraphProto.node (1) -> NodeProto.metadata_props (9) -> key (1), value (2).

const SCOPES_KEY = 'pkg.torch.onnx.name_scopes';
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const NODE_METADATA = 9;

interface Field {
  readonly number: number;
  /** Length-delimited fields only; undefined for the others, which are skipped. */
  readonly bytes: Uint8Array | undefined;
}

/** The fields of one message, in order; undefined when the bytes are not well formed. */
function fields(buf: Uint8Array): Field[] | undefined {
  const out: Field[] = [];
  let at = 0;
  const varint = (): number | undefined => {
    let value = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (at >= buf.length) return undefined;
      const byte = buf[at++]!;
      if (shift < 49) value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    return undefined;
  };
  while (at < buf.length) {
    const tag = varint();
    if (tag === undefined) return undefined;
    const wire = tag % 8;
    const number = Math.floor(tag / 8);
    if (wire === 0 && varint() === undefined) return undefined;
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const length = varint();
      if (length === undefined || at + length > buf.length) return undefined;
      out.push({ number, bytes: buf.subarray(at, at + length) });
      at += length;
      continue;
    } else if (wire !== 0) return undefined;
    if (at > buf.length) return undefined;
    out.push({ number, bytes: undefined });
  }
  return out;
}

const text = new TextDecoder('utf-8', { fatal: false });

function scopesOf(node: Uint8Array): string[] | undefined {
  for (const entry of fields(node) ?? []) {
    if (entry.number !== NODE_METADATA || !entry.bytes) continue;
    const parts = fields(entry.bytes) ?? [];
    const key = parts.find((p) => p.number === 1)?.bytes;
    const value = parts.find((p) => p.number === 2)?.bytes;
    if (!key || !value || text.decode(key) !== SCOPES_KEY) continue;
    return parseScopes(text.decode(value));
  }
  return undefined;
}

/** The exporter writes a Python list literal of strings: "['', 'features', 'features.0']". */
function parseScopes(literal: string): string[] | undefined {
  const items = [...literal.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? '');
  return items.length > 0 ? items : undefined;
}

/**
 * The exporter records each module by its qualified name ("layer2.0.downsample.0"). The
 * TorchScript exporter's node names write an attribute by its own name ("downsample") and a
 * container's numbered child after its parent's name ("downsample.0"), so the same network reads
 * alike from both exporters.
 */
function asTorchScriptNames(qualified: readonly string[]): string[] {
  const shown: string[] = [];
  qualified.forEach((name, i) => {
    const parent = qualified[i - 1];
    const own = parent !== undefined && name.startsWith(`${parent}.`) ? name.slice(parent.length + 1) : name;
    shown.push(parent !== undefined && /^\d+$/.test(own) ? `${shown[i - 1]!}.${own}` : own);
  });
  return shown;
}

/**
 * For each node of the main graph, in file order, the PyTorch module path it came from
 * ("/features/features.0/features.0.0"), or undefined where the file records none.
 */
export function nodeModulePaths(model: Uint8Array): (string | undefined)[] {
  const graph = fields(model)?.find((f) => f.number === MODEL_GRAPH)?.bytes;
  if (!graph) return [];
  return (fields(graph) ?? [])
    .filter((f) => f.number === GRAPH_NODE && f.bytes)
    .map((f) => {
      // The first scope is the root module (''), the last the traced operation's own name.
      const modules = scopesOf(f.bytes!)?.slice(1, -1).filter((s) => s !== '');
      return modules && modules.length > 0 ? `/${asTorchScriptNames(modules).join('/')}` : undefined;
    });
}
