// The page's final text and its defences (docs/browsers.md), for scripts/postbuild.mjs and scripts/single.mjs:
//
// - HTML comments and trunk's leftover `<link data-trunk …>` go (they are for readers of index.html, not for users);
// - the floor script (the page's one classic inline script, index.html) is parsed with acorn as ECMAScript 5 (IE 11
//   must be able to run it: no arrow functions, no let/const, no template strings), must test every WebAssembly
//   feature that a built module enables (its FEATURES table against the modules' target_features sections,
//   scripts/wasm-features.mjs), and is minified with terser (ES5 out; every byte of it is in the first load);
// - a Content-Security-Policy meta element allows the app's own files ('self'), the inline scripts by their SHA-256
//   (computed here, on their final text), WebAssembly compilation ('wasm-unsafe-eval'), and nothing else.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { minify } from "terser";
import { enabledFeatures } from "./wasm-features.mjs";

const FLOOR = /<script>([\s\S]*?)<\/script>/;
const INLINE_SCRIPT = /<script(?: type="module")?>([\s\S]*?)<\/script>/g;
// What the floor's tests stand for besides their own names: LLVM calls memory.copy and memory.fill alone
// "bulk-memory-opt", and any browser with bulk memory has them.
const COVERED_BY = { "bulk-memory-opt": "bulk-memory" };

/** The floor script's text in `page`. */
export function floorScript(page) {
  const match = page.match(FLOOR);
  if (!match) throw new Error("page-policy: the page has no floor script (a plain <script> in index.html)");
  return match[1];
}

/** `'sha256-…'` of a script's text, as CSP wants it. */
export function scriptSource(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The CSP sources of every inline script of `page`, in page order. */
export function inlineScriptSources(page) {
  return [...page.matchAll(INLINE_SCRIPT)].map((match) => scriptSource(match[1]));
}

function checkEs5(floor, what) {
  try {
    parse(floor, { ecmaVersion: 5 });
  } catch (error) {
    throw new Error(`page-policy: the ${what} floor script is not ECMAScript 5 (IE 11 could not run it): ${error.message}`);
  }
}

/** Checks that the floor script is ES5 and names every WebAssembly feature the modules of `pkgDir` enable. */
export function checkFloor(floor, pkgDir) {
  checkEs5(floor, "written");
  const tested = new Set([...floor.matchAll(/"([a-z-]+)": "[0-9a-f]+"/g)].map((match) => match[1]));
  if (tested.size === 0) throw new Error("page-policy: the floor script tests no WebAssembly feature (FEATURES)");
  for (const file of readdirSync(pkgDir).filter((name) => name.endsWith(".wasm"))) {
    for (const feature of enabledFeatures(readFileSync(join(pkgDir, file)))) {
      if (!tested.has(COVERED_BY[feature] ?? feature)) {
        throw new Error(
          `page-policy: ${file} enables the WebAssembly feature ${feature}, which the floor script in index.html does ` +
            "not test: add a module for it to FEATURES and its browser versions to docs/browsers.md, or build without it",
        );
      }
    }
  }
}

/** The page's policy: its files, its inline scripts by hash, WebAssembly, nothing else (docs/browsers.md). */
export function pagePolicy(page) {
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineScriptSources(page).join(" ")} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The served page's final text: comments out, the floor checked and minified, the policy in. */
export async function finishPage(page, pkgDir) {
  let html = page
    .replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\n?/g, "")
    .replace(/^[ \t]*<link data-trunk [^>]*>[ \t]*\n/gm, "")
    .replace(/\n(?:[ \t]*\n)+/g, "\n");
  const floor = floorScript(html);
  checkFloor(floor, pkgDir);
  const { code } = await minify(floor, { ecma: 5, compress: { passes: 2 }, mangle: true });
  checkEs5(code, "minified");
  if (/<\/script|<!--/i.test(code)) throw new Error("page-policy: the minified floor script would end the element");
  html = html.replace(`<script>${floor}</script>`, () => `<script>${code}</script>`);
  const charset = '<meta charset="utf-8" />';
  if (!html.includes(charset)) throw new Error(`page-policy: the page lacks ${charset}`);
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error("page-policy: the page already has a policy");
  return html.replace(
    charset,
    () => `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${pagePolicy(html)}" />`,
  );
}
