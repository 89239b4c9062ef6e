import type { OnnxAttribute, OnnxFunction, OnnxNode } from './model.ts';

// Model-local functions (FunctionProto), which the torch.export-based exporter can emit for
// modules, are inlined: each call becomes the function's nodes, with the function's inner tensor
// names made unique under the call and attribute references (ref_attr_name) filled from the call.

/** Deeper nesting than this is taken for recursion. */
const MAX_DEPTH = 16;

export type InlineResult = { readonly nodes: OnnxNode[] } | { readonly issue: string };

const key = (domain: string, name: string) => `${domain}\u0000${name}`;

function boundAttributes(inner: OnnxNode, call: OnnxNode): Map<string, OnnxAttribute> {
  const attributes = new Map<string, OnnxAttribute>();
  for (const [name, attribute] of inner.attributes) {
    if (!attribute.refAttrName) attributes.set(name, attribute);
    else {
      const given = call.attributes.get(attribute.refAttrName);
      if (given) attributes.set(name, { ...given, name });
    }
  }
  return attributes;
}

function expandCall(call: OnnxNode, fn: OnnxFunction, prefix: string): OnnxNode[] {
  const rename = new Map<string, string>();
  fn.inputs.forEach((formal, i) => rename.set(formal, call.inputs[i] ?? ''));
  fn.outputs.forEach((formal, i) => rename.set(formal, call.outputs[i] ?? ''));
  const actual = (name: string) => (name === '' ? '' : (rename.get(name) ?? `${prefix}/${name}`));
  return fn.nodes.map((inner, i) => ({
    ...inner,
    name: `${prefix}/${inner.name || `${inner.opType}_${i}`}`,
    inputs: inner.inputs.map(actual),
    outputs: inner.outputs.map(actual),
    attributes: boundAttributes(inner, call),
  }));
}

/** The graph's nodes with every call of a local function replaced by its body; stops past `maxNodes`. */
export function inlineFunctions(nodes: readonly OnnxNode[], functions: readonly OnnxFunction[], maxNodes: number): InlineResult {
  if (functions.length === 0) return { nodes: [...nodes] };
  const byKey = new Map(functions.map((f) => [key(f.domain, f.name), f]));
  const out: OnnxNode[] = [];
  let calls = 0;
  const visit = (list: readonly OnnxNode[], depth: number): string | undefined => {
    for (const [i, n] of list.entries()) {
      const fn = byKey.get(key(n.domain, n.opType));
      if (!fn) {
        out.push(n);
        if (out.length > maxNodes) return 'too many';
        continue;
      }
      if (depth >= MAX_DEPTH) return `local function "${fn.name}" nests more than ${MAX_DEPTH} deep (recursive?)`;
      calls += 1;
      const prefix = `${n.name || `${n.opType}_${i}`}#${calls}`;
      const problem = visit(expandCall(n, fn, prefix), depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  const problem = visit(nodes, 0);
  if (problem === 'too many') return { nodes: out };
  return problem ? { issue: problem } : { nodes: out };
}
