// Migration 6: a library value may carry an uncertainty range (schemas/library.ts, valueRangeSchema):
// `range: { low, high, distribution, sigma?, source }` in the value's unit, inside each version's
// values_json.
//
// No table changes: values_json is JSON checked by json_valid, and versions written before hold no
// ranges, which is still a valid shape, so nothing is rewritten (versions are immutable anyway).
// The number is bumped all the same because user_version is what a workbench checks before it
// opens a file (store/inspect.ts): one from before ranges would read these values, drop their
// ranges on its next saved version and export, and say nothing. At 6 it refuses the file and asks
// for an update instead, as library files of schemaVersion 2 are refused for the same reason.
export const sql = `
-- values_json may now hold "range" on numeric values; no table, index or trigger changes.
`;
