//! The core's modules depend on each other without a cycle (issue 12): `finding` is a leaf, the catalogue does not
//! know drafts, the rules do not know the evaluation that runs them, a draft does not know bundles. Read from the
//! source: every `crate::<module>` outside comments and test modules is a dependency of the top-level module whose
//! file it is in.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
            if !relative.ends_with(".rs") || relative == "lib.rs" || relative.ends_with("tests.rs") {
                continue;
            }
            let module = relative.split('/').next().unwrap_or_default().trim_end_matches(".rs").to_owned();
            let text = std::fs::read_to_string(&path).expect("a source file");
            let text = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or_default();
            let deps = graph.entry(module.clone()).or_default();
            for line in text.lines().filter(|line| !line.trim_start().starts_with("//")) {
                for (at, _) in line.match_indices("crate::") {
                    let name: String =
                        line[at + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                    if !name.is_empty() && name != module {
                        deps.insert(name);
                    }
                }
            }
        }
    }
    graph
}

/// A cycle through `start`, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        let current = path.last().cloned().unwrap_or_default();
        for next in graph.get(&current).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_owned()];
    walk(graph, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn the_core_s_modules_have_no_cycle() {
    let graph = dependencies();
    assert!(graph.len() > 15, "{graph:?}");
    for module in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, module) {
            panic!("module cycle: {}", cycle.join(" → "));
        }
    }
    assert!(graph.get("finding").is_some_and(BTreeSet::is_empty), "finding is a leaf: {:?}", graph.get("finding"));
}
