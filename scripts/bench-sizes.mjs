// Sizes of what a first visit downloads before the start page works: the files index.html references (the first
// page's wasm module, the JS glue, the loader of the other modules, the CSS) and index.html itself, raw, gzip -9 and
// brotli (quality 11); and, apart, the modules fetched on demand (src/split.rs). Run alone it prints them and ends
// with `first-load total gzip: N bytes`; scripts/bench.mjs imports `measureSizes` for its table.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const order = ["wasm", "js", "css", "html"];
const kind = (name) => (name.endsWith(".wasm") ? "wasm" : name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : "html");

/** One row per first-load file of `dist`, wasm first: {kind, name, raw, gzip, brotli} in bytes, and the totals. */
export function measureSizes(dist) {
  const page = readFileSync(join(dist, "index.html"), "utf8");
  const referenced = new Set([...page.matchAll(/["']\.\/([^"']+\.(?:wasm|js|css))["']/g)].map((match) => match[1]));
  const files = ["index.html", ...[...referenced].sort()];
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
  const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
  // The modules fetched on demand: every other wasm of the first page's folder.
  const folder = [...referenced].find((name) => name.endsWith(".wasm"))?.split("/").slice(0, -1).join("/") ?? "";
  const onDemand = readdirSync(join(dist, folder))
    .filter((name) => name.endsWith(".wasm") && !referenced.has(folder ? `${folder}/${name}` : name))
    .map((name) => {
      const bytes = readFileSync(join(dist, folder, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
  return {
    rows,
    total: { raw: sum(rows, "raw"), gzip: sum(rows, "gzip"), brotli: sum(rows, "brotli") },
    onDemand: { modules: onDemand.length, raw: sum(onDemand, "raw"), gzip: sum(onDemand, "gzip") },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, total, onDemand } = measureSizes(process.argv[2] ?? "dist");
  const pad = (value, width) => String(value).padStart(width);
  console.log(`${"asset".padEnd(6)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli".padStart(10)}  file`);
  for (const row of rows) {
    console.log(`${row.kind.padEnd(6)} ${pad(row.raw, 10)} ${pad(row.gzip, 10)} ${pad(row.brotli, 10)}  ${row.name}`);
  }
  console.log(`${"total".padEnd(6)} ${pad(total.raw, 10)} ${pad(total.gzip, 10)} ${pad(total.brotli, 10)}`);
  console.log(`on demand: ${onDemand.modules} wasm modules, ${onDemand.raw} B raw, ${onDemand.gzip} B gzip -9 (not in the first load)`);
  console.log(`first-load total gzip: ${total.gzip} bytes`);
}
