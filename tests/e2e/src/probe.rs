//! A probe that runs before any script of the page: a copy of the built app (or of the single file) whose page runs a
//! test's script first, right after its Content-Security-Policy, to change the browser (remove `WebAssembly`, hide
//! module scripts) and to record what the page's own scripts cannot hide: uncaught errors, unhandled rejections,
//! `console.error`, policy violations, and every message the floor script shows (`#app-floor`).
//!
//! Read the record with [`PROBE_RECORD`]: `{errors: [...], violations: [...], floor: [...]}`.

use std::path::Path;

use sha2::{Digest, Sha256};

/// What the probe records, from the first script on (a classic ES5 script; `change` runs first).
const RECORDER: &str = r"
var probe = (window.__probe = { errors: [], violations: [], floor: [] });
addEventListener('error', function (event) {
  // Uncaught exceptions only: a file the server refuses is the browser's own network message.
  if (event instanceof ErrorEvent) probe.errors.push('uncaught: ' + event.message);
}, true);
addEventListener('unhandledrejection', function (event) {
  probe.errors.push('unhandled rejection: ' + (event.reason && event.reason.message || event.reason));
});
var consoleError = console.error;
console.error = function () {
  probe.errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
  return consoleError.apply(console, arguments);
};
document.addEventListener('securitypolicyviolation', function (event) {
  probe.violations.push(event.effectiveDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber);
});
new MutationObserver(function () {
  var floor = document.getElementById('app-floor');
  var kind = floor && floor.getAttribute('data-floor');
  if (kind && probe.floor[probe.floor.length - 1] !== kind) probe.floor.push(kind);
}).observe(document, { childList: true, subtree: true, attributes: true });
";

/// A script for `Session::eval` that returns the probe's record.
pub const PROBE_RECORD: &str = "return window.__probe";

/// The probe's whole script: `change` (which may alter the browser), then the recorder.
fn probe_script(change: &str) -> String {
    format!("{change}\n{RECORDER}")
}

const POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

/// Copies the built app (`dist`) into `to`, its page running `change` and the recorder from `probe.js` before any of
/// its own scripts. The page's policy is unchanged: it admits `probe.js` as one of the app's own files.
///
/// # Errors
/// When the copy fails or the page has no policy to put the probe after.
pub fn probed_app(dist: &Path, to: &Path, change: &str) -> std::io::Result<()> {
    crate::copy_dir(dist, to)?;
    std::fs::write(to.join("probe.js"), probe_script(change))?;
    let page = std::fs::read_to_string(to.join("index.html"))?;
    let page = after_policy(&page, "<script src=\"./probe.js\"></script>")?;
    std::fs::write(to.join("index.html"), page)
}

/// The single file's text with `change` and the recorder as its first script, inline, admitted by the file's policy
/// through its hash (the file may fetch nothing, not even a probe beside it).
///
/// # Errors
/// When the file has no policy.
pub fn probed_single_file(html: &str, change: &str) -> std::io::Result<String> {
    let script = probe_script(change);
    let hash = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, Sha256::digest(script.as_bytes()));
    let html = html.replacen("script-src ", &format!("script-src 'sha256-{hash}' "), 1);
    after_policy(&html, &format!("<script>{script}</script>"))
}

/// `page` with `element` right after its Content-Security-Policy meta element.
fn after_policy(page: &str, element: &str) -> std::io::Result<String> {
    let start = page.find(POLICY).ok_or_else(|| std::io::Error::other("the page has no Content-Security-Policy"))?;
    let end =
        page[start..].find("/>").map(|at| start + at + 2).ok_or_else(|| std::io::Error::other("unclosed meta"))?;
    Ok(format!("{}\n{element}{}", &page[..end], &page[end..]))
}
