// Writes dist/single/衔接推进区申报助手.html: the whole app in one HTML file that opens from file:// (an e-mail
// attachment, a USB stick) in Chromium and Firefox with nothing beside it. Run by scripts/build.sh after
// scripts/postbuild.mjs, from the stamped dist/index.html; see docs/offline.md.
//
// - the CSS goes into a <style>;
// - wasm-bindgen's JS glue (an ES module) goes into one inline module script with its `export`s removed, and the
//   wasm goes into the same script as base64, handed to the glue's init as bytes: no fetch, no import;
// - no manifest and no service worker (browsers refuse both from file://);
// - a Content-Security-Policy that allows that one script (by its SHA-256), inline styles, data: images and
//   WebAssembly compilation, and nothing else: no request can leave the page.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
const [, jsFile, wasmFile] = take(
  /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);[\s\S]*?<\/script>/,
  "trunk loader script",
);
take(/<link rel="modulepreload"[^>]*>/, "modulepreload link");
take(/<link rel="preload"[^>]*as="fetch"[^>]*>/, "wasm preload link");
take(/\s*<link rel="manifest"[^>]*>/, "manifest link");

// The glue without its exports; the exported names are gathered to rebuild `window.wasmBindings` as trunk does.
let glue = readFileSync(join(dist, jsFile), "utf8");
const exported = [];
glue = glue.replace(/^export ((?:async )?function\*? |class |const |let |var )(\w+)/gm, (_, kind, name) => {
  exported.push(name);
  return kind + name;
});
const exportList = glue.match(/^export \{([^}]*)\};?[ \t]*$/m);
if (!exportList) throw new Error(`single: ${jsFile} has no export list; has wasm-bindgen's output changed?`);
glue = glue.replace(exportList[0], "");
const names = exportList[1].split(",").map((part) => part.trim().split(/\s+as\s+/));
const initName = names.find(([, alias]) => alias === "default")?.[0];
if (!initName) throw new Error(`single: ${jsFile} exports no default init function`);
for (const [name, alias] of names) if (!alias) exported.push(name);
if (/^\s*(export|import)\b/m.test(glue)) throw new Error(`single: ${jsFile} still has an import or export`);
if (/<\/script/i.test(glue)) throw new Error(`single: ${jsFile} contains "</script"`);

const wasmBase64 = readFileSync(join(dist, wasmFile)).toString("base64");
const script = `
${glue}
{
  const text = atob(${JSON.stringify(wasmBase64)});
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const wasm = await ${initName}({ module_or_path: bytes });
  window.wasmBindings = { ${exported.join(", ")} };
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
`;
const scriptHash = createHash("sha256").update(script).digest("base64");
const csp = [
  "default-src 'none'",
  // 'wasm-unsafe-eval' lets current browsers compile the wasm; browsers older than it (Chromium before 97, the cores
  // of some 360 and QQ browsers) only know 'unsafe-eval'. Either way no other script can run: script-src admits only
  // this one by its hash, and it never evaluates strings.
  `script-src 'sha256-${scriptHash}' 'wasm-unsafe-eval' 'unsafe-eval'`,
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
html = html.replace("</head>", `<style>\n${css}\n</style>\n<script type="module">${script}</script>\n</head>`);
if (/\b(?:src|href)="(?!data:|#)/.test(html)) throw new Error("single: the page still refers to another file");

mkdirSync(join(dist, "single"), { recursive: true });
writeFileSync(join(dist, "single", NAME), html);
console.log(`single: ${join(dist, "single", NAME)} (${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB)`);
