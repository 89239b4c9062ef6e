import type { OnnxNode } from './model.ts';

// Layer names come from node names (PyTorch's are module paths such as "/layer1/layer1.0/conv1/Conv"),
// made to fit the schema (200 characters, no control characters) and unique; a node without a name,
// or sharing it with another node, is named by its op type and index.

const MAX_NAME = 200;

/** Where a node is, for issues and notes: its name when it has one, else its index. */
export function nodeLabel(node: OnnxNode, index: number): string {
  return node.name ? `node "${node.name}" (${node.opType})` : `node #${index} (${node.opType})`;
}

function fit(name: string): string {
  return name.replace(/\p{Cc}/gu, ' ').trim().slice(0, MAX_NAME);
}

/**
 * The TorchScript exporter names nodes by module path and op ("/layer1/layer1.0/conv1/Conv"); the
 * torch.export one names them "node_Conv_6" or "n0_3" and keeps the module path in metadata, from
 * which the same kind of name is made. Nodes of one module sharing an op type tell apart by index.
 */
function preferredName(node: OnnxNode): string {
  if (node.name.startsWith('/') || node.modulePath === undefined) return node.name;
  return `${node.modulePath}/${node.opType}`;
}

export class LayerNames {
  private readonly used = new Set<string>();
  private readonly byNode: string[];

  constructor(nodes: readonly OnnxNode[]) {
    const preferred = nodes.map(preferredName);
    const counts = new Map<string, number>();
    for (const name of preferred) counts.set(name, (counts.get(name) ?? 0) + 1);
    const wanted = nodes.map((n, i) => {
      const own = fit(preferred[i]!);
      return own !== '' && counts.get(preferred[i]!) === 1 ? own : fit(`${n.opType || 'node'}_${i}`);
    });
    wanted.forEach((name) => this.used.add(name));
    // A generated name can meet another node's own name: the later node takes a suffix.
    const taken = new Set<string>();
    this.byNode = wanted.map((name) => {
      const unique = taken.has(name) ? this.derived(name) : name;
      taken.add(unique);
      return unique;
    });
  }

  forNode(index: number): string {
    return this.byNode[index]!;
  }

  /** A new name from `base` that no node and no earlier derived name uses (split outputs, the appended softmax). */
  derived(base: string): string {
    const stem = fit(base) || 'layer';
    let name = stem;
    for (let n = 2; this.used.has(name); n += 1) name = `${stem.slice(0, MAX_NAME - `_${n}`.length)}_${n}`;
    this.used.add(name);
    return name;
  }
}
