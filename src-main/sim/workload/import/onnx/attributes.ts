import type { OnnxNode } from './model.ts';
import { int64, int64s, tensorFromProto } from './proto-values.ts';
import type { ConstTensor } from './tensor.ts';

// Typed reads of node attributes; an attribute that is absent gives the caller's default (ONNX's).

export function attrInt(node: OnnxNode, name: string, fallback: number): number {
  const a = node.attributes.get(name);
  return a?.i !== undefined && a.i !== null ? int64(a.i) : fallback;
}

export function attrInts(node: OnnxNode, name: string): number[] | undefined {
  const a = node.attributes.get(name);
  return a ? int64s(a.ints) : undefined;
}

export function attrFloat(node: OnnxNode, name: string): number | undefined {
  const a = node.attributes.get(name);
  return a?.f ?? undefined;
}

export function attrFloats(node: OnnxNode, name: string): number[] | undefined {
  const a = node.attributes.get(name);
  return a ? (a.floats ?? []) : undefined;
}

export function attrString(node: OnnxNode, name: string, fallback: string): string {
  const s = node.attributes.get(name)?.s;
  return s ? new TextDecoder().decode(s) : fallback;
}

export function attrTensor(node: OnnxNode, name: string): ConstTensor | undefined {
  const t = node.attributes.get(name)?.t;
  return t ? tensorFromProto(t) : undefined;
}

export function hasAttr(node: OnnxNode, name: string): boolean {
  return node.attributes.has(name);
}
