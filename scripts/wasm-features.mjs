// The WebAssembly features of the build (docs/browsers.md): what each module's `target_features` custom section says,
// and a way to take a feature out of it.
//
//   node scripts/wasm-features.mjs disallow reference-types,multivalue FILE.wasm...
//       marks those features as disallowed ('-') in each file's target_features section, in place. Run by
//       scripts/wasm.sh on the split modules before wasm-bindgen: rustc (1.82 and later) enables reference-types
//       and multivalue for wasm32-unknown-unknown, its precompiled std says so in the section, and wasm-bindgen then
//       passes JS values as externref and returns several values at once, which browsers before Chromium 96 (and 86)
//       cannot compile. Nothing else in the code uses them, so marking them disallowed is enough: wasm-bindgen keeps
//       JS values in its own table instead, and wasm-opt (which reads the section) validates that no module uses
//       them and writes the MVP encoding of `call_indirect`.
//   node scripts/wasm-features.mjs list FILE.wasm...
//       prints the features each file's section enables.
//
// The section (tool-conventions, Linking.md): a LEB128 count, then per feature a prefix byte ('+' used, '-'
// disallowed, '=' required) and a LEB128-length name. Only prefix bytes are changed, so nothing moves.
import { readFileSync, writeFileSync } from "node:fs";

const SECTION = "target_features";

/** The features of one module as [{prefix, name, at}] (`at`: the prefix byte's offset), or null without a section. */
export function targetFeatures(bytes) {
  let pos = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  if (bytes.readUInt32BE(0) !== 0x0061736d) throw new Error("not a WebAssembly module");
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 0) {
      const length = leb();
      const name = bytes.toString("utf8", pos, pos + length);
      pos += length;
      if (name === SECTION) {
        const features = [];
        for (let count = leb(); count > 0; count--) {
          const at = pos++;
          const length = leb();
          features.push({ prefix: String.fromCharCode(bytes[at]), name: bytes.toString("utf8", pos, pos + length), at });
          pos += length;
        }
        return features;
      }
    }
    pos = end;
  }
  return null;
}

/** The names of the features a module's section enables ('+' or '='). */
export function enabledFeatures(bytes) {
  return (targetFeatures(bytes) ?? []).filter((f) => f.prefix !== "-").map((f) => f.name);
}

if (process.argv[1]?.endsWith("wasm-features.mjs")) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "disallow") {
    const [names, ...files] = rest;
    const drop = new Set(names.split(","));
    for (const file of files) {
      const bytes = readFileSync(file);
      const features = targetFeatures(bytes);
      if (!features) throw new Error(`${file}: no ${SECTION} section (was it stripped?)`);
      for (const feature of features) if (drop.has(feature.name)) bytes[feature.at] = "-".charCodeAt(0);
      writeFileSync(file, bytes);
    }
  } else if (command === "list") {
    for (const file of rest) console.log(`${file}: ${enabledFeatures(readFileSync(file)).join(" ")}`);
  } else {
    console.error("usage: wasm-features.mjs disallow NAME,NAME FILE... | list FILE...");
    process.exit(2);
  }
}
