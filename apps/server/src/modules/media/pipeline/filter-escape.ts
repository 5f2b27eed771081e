/**
 * ffmpeg parses a filter graph in two passes, each with its own special characters (see
 * "Notes on filtergraph escaping" in the ffmpeg-filters manual): first the graph (`[ ] , ; '` and
 * `\`), then each filter's `key=value:key=value` list (`: '` and `\`). A value is escaped for the
 * inner pass first, then the result for the outer pass.
 */
export function escapeFilterValue(value: string): string {
  return escapeGraphLevel(escapeOptionLevel(value));
}

/** Option level: `\`, `'` and `:` lose their meaning; so does leading/trailing whitespace. */
export function escapeOptionLevel(value: string): string {
  return value.replace(/[\\':]/g, (c) => `\\${c}`).replace(/^\s|\s$/g, (c) => `\\${c}`);
}

/** Graph level: `\`, `'`, `[`, `]`, `,` and `;` lose their meaning. */
export function escapeGraphLevel(value: string): string {
  return value.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}
