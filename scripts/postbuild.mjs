// After `trunk build --release`: gives the build an id and stamps it, with the list of the files to precache,
// into dist/index.html and dist/sw.js. Run by scripts/build.sh; see docs/offline.md.
//
// The build id is the first 12 hex digits of a SHA-256 over every file the app is made of (names and contents,
// index.html without its stamp, sw.js without the stamped lines): the same sources give the same id, any change
// to the wasm, the JS, the CSS, the page, the manifest, the icons or the worker's logic gives a new one, and with
// it a byte-different sw.js, which is what makes browsers install the new version.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { finishPage } from "./page-policy.mjs";

const dist = process.argv[2] ?? "dist";
const BUILD_META = /\s*<meta name="shenbao-build" content="[^"]*" \/>/g;
const BUILD_LINE = /^const BUILD_ID = .*;$/m;
const PRECACHE_LINE = /^const PRECACHE = .*;$/m;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.name.startsWith(".")) return []; // trunk's staging folder
    if (entry.isDirectory()) return entry.name === "single" && dir === dist ? [] : filesUnder(path);
    return [relative(dist, path).split(sep).join("/")];
  });
}

const indexPath = join(dist, "index.html");
const swPath = join(dist, "sw.js");

// The wasm modules and their JS (scripts/wasm.sh, copied by trunk to dist/pkg/) refer to each other by name, so
// they move together into a folder named after a hash of them all: pkg-<16 hex digits>/. A host may then cache them
// for good (the bench server does), and a new build is never mixed with an old one.
const SPLIT_PKG = "pkg";

// The loader of the split modules compiles them with `WebAssembly.instantiateStreaming`, which refuses a module
// served without `Content-Type: application/wasm` (an old or misconfigured web server). wasm-bindgen's loader of
// the first module then falls back to compiling the bytes; do the same for the others, or every page but the start
// page would say it cannot be loaded.
const loaderPath = join(dist, SPLIT_PKG, "__wasm_split.js");
const STREAMING = "(WebAssembly.instantiateStreaming(src, imports))";
let loader = readFileSync(loaderPath, "utf8");
if (!loader.includes(STREAMING)) throw new Error(`${loaderPath} does not call ${STREAMING}: has wasm-split-cli changed?`);
loader =
  loader.replaceAll(STREAMING, "(instantiateStreamingOrBytes(src, imports))") +
  `
// Added by scripts/postbuild.mjs: as wasm-bindgen's loader, compile the bytes when the server's Content-Type is wrong.
async function instantiateStreamingOrBytes(source, imports) {
    const response = await source;
    try {
        return await WebAssembly.instantiateStreaming(response.clone(), imports);
    } catch (error) {
        if (!response.ok || response.headers.get("Content-Type") === "application/wasm") throw error;
        return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
}
`;
writeFileSync(loaderPath, loader);

const pkgFiles = readdirSync(join(dist, SPLIT_PKG)).sort();
if (!pkgFiles.includes("shenbao.js") || !pkgFiles.includes("shenbao_bg.wasm")) {
  throw new Error(`${dist}/${SPLIT_PKG} lacks shenbao.js or shenbao_bg.wasm: did scripts/wasm.sh run?`);
}
const pkgHash = createHash("sha256");
for (const file of pkgFiles) pkgHash.update(`${file}\0`).update(readFileSync(join(dist, SPLIT_PKG, file))).update("\0");
const pkg = `${SPLIT_PKG}-${pkgHash.digest("hex").slice(0, 16)}`;
renameSync(join(dist, SPLIT_PKG), join(dist, pkg));
const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(join(dist, pkg, file))).digest("base64")}`;
let page = readFileSync(indexPath, "utf8");
if (!page.includes(`"./${SPLIT_PKG}/shenbao.js"`)) throw new Error(`${indexPath} does not load ./${SPLIT_PKG}/shenbao.js`);
page = page.replaceAll(`"./${SPLIT_PKG}/`, `"./${pkg}/`);
// Fetch the first page's module, its glue and the loader of the others in parallel with the page.
const preload =
  `    <link rel="modulepreload" href="./${pkg}/shenbao.js" crossorigin="anonymous" integrity="${sri("shenbao.js")}" />\n` +
  `    <link rel="modulepreload" href="./${pkg}/__wasm_split.js" crossorigin="anonymous" integrity="${sri("__wasm_split.js")}" />\n` +
  // No integrity on the wasm preload: browsers ignore it for fetch preloads and warn on every load.
  `    <link rel="preload" href="./${pkg}/shenbao_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm" />\n`;
page = page.replace("</head>", `${preload}  </head>`);
// The page's final text: comments out, the floor script checked, the Content-Security-Policy with the hashes of its
// inline scripts (scripts/page-policy.mjs, docs/browsers.md).
page = await finishPage(page, join(dist, pkg));
writeFileSync(indexPath, page);

const index = readFileSync(indexPath, "utf8").replace(BUILD_META, "");
const sw = readFileSync(swPath, "utf8");
if (!BUILD_LINE.test(sw) || !PRECACHE_LINE.test(sw)) throw new Error(`${swPath} lacks the BUILD_ID or PRECACHE line`);
if (!index.includes('<meta charset="utf-8" />')) throw new Error(`${indexPath} lacks <meta charset="utf-8" />`);

// index.html first (the worker checks it belongs to this build), then the rest in a stable order.
const precache = ["index.html", ...filesUnder(dist).filter((f) => f !== "index.html" && f !== "sw.js").sort()];
const hash = createHash("sha256");
for (const file of precache) {
  hash.update(`${file}\0`);
  hash.update(file === "index.html" ? index : readFileSync(join(dist, file)));
  hash.update("\0");
}
hash.update(sw.replace(BUILD_LINE, "").replace(PRECACHE_LINE, ""));
const buildId = hash.digest("hex").slice(0, 12);

writeFileSync(
  indexPath,
  index.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta name="shenbao-build" content="${buildId}" />`),
);
writeFileSync(
  swPath,
  sw
    .replace(BUILD_LINE, `const BUILD_ID = ${JSON.stringify(buildId)};`)
    .replace(PRECACHE_LINE, `const PRECACHE = ${JSON.stringify(precache)};`),
);
console.log(`postbuild: build ${buildId}, ${precache.length} files precached by sw.js`);
