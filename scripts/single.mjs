// Writes dist/single/衔接推进区申报助手.html: the whole app in one HTML file that opens from file:// (an e-mail
// attachment, a USB stick) in Chromium and Firefox with nothing beside it. Run by scripts/build.sh after
// scripts/postbuild.mjs, from the stamped dist/index.html; see docs/offline.md.
//
// - the CSS goes into a <style>;
// - wasm-bindgen's JS glue and the loader of the split modules (ES modules that import each other, see
//   scripts/wasm.sh) go into one inline module script with their `import`s and `export`s removed; every wasm module
//   goes into the same script as base64: the main one is handed to the glue's init as bytes, the others are read
//   from there when the loader asks for them. No fetch, no import;
// - no manifest and no service worker (browsers refuse both from file://);
// - the page's floor script (index.html, docs/browsers.md) stays;
// - a Content-Security-Policy, instead of the served page's, that allows those two scripts (by their SHA-256),
//   inline styles, data: images and WebAssembly compilation, and nothing else: no request can leave the page.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { floorScript, scriptSource } from "./page-policy.mjs";

const dist = process.argv[2] ?? "dist";
const NAME = "衔接推进区申报助手.html";
let html = readFileSync(join(dist, "index.html"), "utf8");

function take(pattern, what) {
  const match = html.match(pattern);
  if (!match) throw new Error(`single: no ${what} in ${dist}/index.html`);
  html = html.replace(match[0], "");
  return match;
}

const [, cssFile] = take(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>/, "stylesheet link");
const [, pkg] = take(
  /<script type="module">\s*import init, \* as bindings from "\.\/(pkg-[0-9a-f]+)\/shenbao\.js";[\s\S]*?<\/script>/,
  "loader script",
);
for (const [what, pattern] of [
  ["modulepreload link", /\s*<link rel="modulepreload"[^>]*>/g],
  ["wasm preload link", /\s*<link rel="preload"[^>]*as="fetch"[^>]*>/g],
  ["manifest link", /\s*<link rel="manifest"[^>]*>/g],
  ["served page's policy", /\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g],
]) {
  if (!pattern.test(html)) throw new Error(`single: no ${what} in ${dist}/index.html`);
  html = html.replace(pattern, "");
}
const pkgDir = join(dist, pkg);

// The loader of the split modules (scripts/wasm.sh): its exports become plain constants, its fetches read the
// modules from this script.
let split = readFileSync(join(pkgDir, "__wasm_split.js"), "utf8");
const mainImport = /^import \{ initSync \} from "\.\/shenbao\.js";\s*$/m;
if (!mainImport.test(split)) throw new Error("single: __wasm_split.js does not import initSync from ./shenbao.js");
split = split.replace(mainImport, "");
const splitExports = [];
split = split.replace(/^export const (\w+) =/gm, (_, name) => {
  splitExports.push(name);
  return `const ${name} =`;
});
const modules = [];
split = split.replace(/fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
  modules.push(file);
  return `singleFetch(${JSON.stringify(file)})`;
});
if (splitExports.length === 0 || modules.length === 0) throw new Error("single: __wasm_split.js has no loaders");
if (/^\s*(export|import)\b|import\.meta/m.test(split)) throw new Error("single: __wasm_split.js still has an import or export");

// The glue without its exports; the exported names are gathered to rebuild `window.wasmBindings` as the page does.
let glue = readFileSync(join(pkgDir, "shenbao.js"), "utf8");
glue = glue.replace(/^import \* as (\w+) from "\.\/__wasm_split\.js";?[ \t]*$/gm, (_, name) => `const ${name} = splitLoaders;`);
const exported = [];
glue = glue.replace(/^export ((?:async )?function\*? |class |const |let |var )(\w+)/gm, (_, kind, name) => {
  exported.push(name);
  return kind + name;
});
const exportList = glue.match(/^export \{([^}]*)\};?[ \t]*$/m);
if (!exportList) throw new Error("single: shenbao.js has no export list; has wasm-bindgen's output changed?");
glue = glue.replace(exportList[0], "");
const names = exportList[1].split(",").map((part) => part.trim().split(/\s+as\s+/));
const initName = names.find(([, alias]) => alias === "default")?.[0];
if (!initName) throw new Error("single: shenbao.js exports no default init function");
for (const [name, alias] of names) if (!alias) exported.push(name);
if (/^\s*(export|import)\b/m.test(glue)) throw new Error("single: shenbao.js still has an import or export");
for (const [file, text] of [["shenbao.js", glue], ["__wasm_split.js", split]]) {
  if (/<\/script/i.test(text)) throw new Error(`single: ${file} contains "</script"`);
}

// Every wasm module as base64, decoded when first needed.
const wasmBase64 = Object.fromEntries(
  ["shenbao_bg.wasm", ...modules].map((file) => [file, readFileSync(join(pkgDir, file)).toString("base64")]),
);
const script = `
const WASM_BASE64 = ${JSON.stringify(wasmBase64)};
function wasmBytes(file) {
  const text = atob(WASM_BASE64[file]);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
function singleFetch(file) {
  return Promise.resolve(new Response(wasmBytes(file), { headers: { "Content-Type": "application/wasm" } }));
}
${split}
const splitLoaders = { ${splitExports.join(", ")} };
${glue}
const shenbaoFloor = window.shenbaoFloor;
if (shenbaoFloor.ok)
  ${initName}({ module_or_path: wasmBytes("shenbao_bg.wasm") }).then((wasm) => {
    window.wasmBindings = { ${exported.join(", ")} };
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
  }, shenbaoFloor.fail);
`;

// The floor script stays as it is; it states the single file's oldest Chrome/Edge (80, not 97) when it finds the
// shenbao-variant meta element below, since this policy keeps 'unsafe-eval' (docs/browsers.md).
const floor = floorScript(html);
const csp = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets current browsers compile the wasm; browsers older than it (Chromium before 97, the cores
  // of some 360 and QQ browsers) only know 'unsafe-eval'. Either way no other script can run: script-src admits only
  // the floor and this one by their hashes, and neither evaluates strings.
  `script-src ${scriptSource(floor)} ${scriptSource(script)} 'wasm-unsafe-eval' 'unsafe-eval'`,
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const css = readFileSync(join(dist, cssFile), "utf8");
if (/<\/style/i.test(css)) throw new Error(`single: ${cssFile} contains "</style"`);

html = html.replace(
  '<meta charset="utf-8" />',
  `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <meta name="shenbao-variant" content="single-file" />`,
);
html = html.replace("</head>", () => `<style>\n${css}\n</style>\n<script type="module">${script}</script>\n</head>`);
if (/\b(?:src|href)="(?!data:|#)/.test(html)) throw new Error("single: the page still refers to another file");

mkdirSync(join(dist, "single"), { recursive: true });
writeFileSync(join(dist, "single", NAME), html);
console.log(`single: ${join(dist, "single", NAME)} (${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB)`);
