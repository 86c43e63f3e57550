// Sizes of what a first visit downloads: the files index.html references (wasm, JS glue, CSS) and index.html
// itself, raw, gzip -9 and brotli (quality 11). Ends with `first-load total gzip: N bytes`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const files = readdirSync(dist).filter((name) => /\.(wasm|js|css|html)$/.test(name) && name !== "sw.js");
const kind = (name) => (name.endsWith(".wasm") ? "wasm" : name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : "html");
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
rows.sort((a, b) => ["wasm", "js", "css", "html"].indexOf(a.kind) - ["wasm", "js", "css", "html"].indexOf(b.kind));
const pad = (value, width) => String(value).padStart(width);
console.log(`${"asset".padEnd(6)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli".padStart(10)}  file`);
for (const row of rows) {
  console.log(`${row.kind.padEnd(6)} ${pad(row.raw, 10)} ${pad(row.gzip, 10)} ${pad(row.brotli, 10)}  ${row.name}`);
}
const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
console.log(`${"total".padEnd(6)} ${pad(sum("raw"), 10)} ${pad(sum("gzip"), 10)} ${pad(sum("brotli"), 10)}`);
console.log(`first-load total gzip: ${sum("gzip")} bytes`);
