// Sizes of what a first visit downloads: the files index.html references (wasm, JS glue, CSS) and index.html
// itself, raw, gzip -9 and brotli (quality 11). Run alone it prints them and ends with
// `first-load total gzip: N bytes`; scripts/bench.mjs imports `measureSizes` for its table.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const order = ["wasm", "js", "css", "html"];
const kind = (name) => (name.endsWith(".wasm") ? "wasm" : name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : "html");

/** One row per first-load file of `dist`, wasm first: {kind, name, raw, gzip, brotli} in bytes, and the totals. */
export function measureSizes(dist) {
  const files = readdirSync(dist).filter((name) => /\.(wasm|js|css|html)$/.test(name) && name !== "sw.js");
  const rows = files.map((name) => {
    const bytes = readFileSync(join(dist, name));
    return {
      kind: kind(name),
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  return { rows, total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") } };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, total } = measureSizes(process.argv[2] ?? "dist");
  const pad = (value, width) => String(value).padStart(width);
  console.log(`${"asset".padEnd(6)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli".padStart(10)}  file`);
  for (const row of rows) {
    console.log(`${row.kind.padEnd(6)} ${pad(row.raw, 10)} ${pad(row.gzip, 10)} ${pad(row.brotli, 10)}  ${row.name}`);
  }
  console.log(`${"total".padEnd(6)} ${pad(total.raw, 10)} ${pad(total.gzip, 10)} ${pad(total.brotli, 10)}`);
  console.log(`first-load total gzip: ${total.gzip} bytes`);
}
