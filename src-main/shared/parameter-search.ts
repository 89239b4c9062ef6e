import { PARAMETERS, type ParameterInfo } from './parameters.ts';
import { PUBLICATIONS, type Publication } from './publications.ts';

// Finding parameters by what a user typed: close matches for a mistyped key (`pimwb explain`, an
// unknown Reference link) and a filter over keys, labels and descriptions (the Reference page).

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether the letters of `typed` appear in `key` in order ("powr" in "powerbudget"). */
function isSubsequence(typed: string, key: string): boolean {
  let at = 0;
  for (const ch of key) if (ch === typed[at]) at += 1;
  return at === typed.length;
}

/** 0 for the key itself; up to 1 for a fragment, a key with letters left out, or a small typo. */
function closeness(typed: string, info: ParameterInfo): number {
  const key = info.key.toLowerCase();
  if (key === typed) return 0;
  const fragment = key.includes(typed) || info.label.toLowerCase().includes(typed) ? 0.5 : Infinity;
  const abbreviated = typed.length >= 3 && isSubsequence(typed, key) ? 0.9 : Infinity;
  const typo = editDistance(typed, key) / Math.max(2, Math.min(typed.length, key.length) / 3);
  return Math.min(fragment, abbreviated, typo);
}

/** Up to `limit` keys that look like what was typed, closest first; none when nothing is near. */
export function closeParameters(typed: string, limit = 5): string[] {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) return [];
  return PARAMETERS.map((info) => ({ key: info.key, score: closeness(wanted, info) }))
    .filter((m) => m.score <= 1)
    .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((m) => m.key);
}

/** Whether a parameter's key, label, description or unit mentions every word of the query. */
export function matchesQuery(info: ParameterInfo, query: string): boolean {
  const text = `${info.key} ${info.label} ${info.description} ${info.unit}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

const PUBLICATION_BY_ID = new Map(PUBLICATIONS.map((p) => [p.id, p]));

/** The full references a parameter cites, in its order; ids without a publication are left out. */
export function referencesOf(info: ParameterInfo): Publication[] {
  return info.sources.flatMap((id) => {
    const found = PUBLICATION_BY_ID.get(id);
    return found ? [found] : [];
  });
}

/** The parameters citing a publication, in reference order. */
export function citedBy(publicationId: string): ParameterInfo[] {
  return PARAMETERS.filter((p) => p.sources.includes(publicationId));
}
