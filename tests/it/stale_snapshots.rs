//! No stale snapshots: every file in `tests/it/snapshots/` belongs to a snapshot assertion that
//! still exists (what `cargo insta test --unreferenced=reject` does, as a plain test, so that
//! `cargo test` fails on a snapshot left behind by a renamed test or a removed fixture).
//!
//! insta names a snapshot `it__<module>__<name>.snap`, and one made inside `insta::glob!`
//! `it__<module>__<test>@<input path, `/` written `__`>.snap`. A file is referenced when:
//!
//! - glob: the module has the test `fn <test>` holding an `insta::glob!(dir, …)`, and the input
//!   exists under that directory;
//! - named: the module has `fn <name>` (an unnamed assertion takes the test's name, with `-2`,
//!   `-3`, … for the second and later ones), or a snapshot assertion named by the literal
//!   `"<name>"`, or by `format!("<prefix>{…}<suffix>")` where the middle is a string literal of
//!   the module or the stem of a fixture under `tests/fixtures/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn it_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it")
}

/// The string literals of a Rust source (plain ones; enough for names and paths).
fn literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        out.push(after[..end].to_string());
        rest = &after[end + 1..];
    }
    out
}

/// The first arguments `format!("…")` of snapshot assertions, as (prefix, suffix) around one
/// `{…}` placeholder.
fn formatted_names(source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in source.match_indices("snapshot!(format!(\"") {
        let after = &source[at + "snapshot!(format!(\"".len()..];
        let Some(end) = after.find('"') else { continue };
        let pattern = &after[..end];
        if let (Some(open), Some(close)) = (pattern.find('{'), pattern.rfind('}')) {
            if open < close {
                out.push((
                    pattern[..open].to_string(),
                    pattern[close + 1..].to_string(),
                ));
            }
        }
    }
    out
}

/// The source of the test function `name` in a module, from its `fn` to the next `fn`.
fn function<'a>(source: &'a str, name: &str) -> Option<&'a str> {
    let at = source
        .find(&format!("fn {name}("))
        .or_else(|| source.find(&format!("fn {name}<")))?;
    let body = &source[at..];
    let end = body[3..].find("\nfn ").map_or(body.len(), |e| e + 3);
    Some(&body[..end])
}

/// The stems of every file under `tests/fixtures/`.
fn fixture_stems() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Some(stem) = p.file_stem() {
                out.insert(stem.to_string_lossy().into_owned());
            }
        }
    }
    out
}

/// Why a snapshot file is not referenced, or `None` when it is.
fn unreferenced(file: &str, stems: &BTreeSet<String>) -> Option<String> {
    let Some(stem) = file.strip_suffix(".snap") else {
        return Some("not a `.snap` file".into());
    };
    let Some(rest) = stem.strip_prefix("it__") else {
        return Some("not named `it__<module>__…`".into());
    };
    let Some((module, name)) = rest.split_once("__") else {
        return Some("not named `it__<module>__…`".into());
    };
    let Ok(source) = std::fs::read_to_string(it_dir().join(format!("{module}.rs"))) else {
        return Some(format!("no test module `tests/it/{module}.rs`"));
    };
    if let Some((test, input)) = name.split_once('@') {
        let Some(body) = function(&source, test) else {
            return Some(format!("no test `{test}` in `{module}.rs`"));
        };
        let Some(at) = body.find("insta::glob!(") else {
            return Some(format!("`{test}` has no `insta::glob!`"));
        };
        let Some(dir) = literals(&body[at..]).into_iter().next() else {
            return Some(format!("`{test}`: no directory in its `insta::glob!`"));
        };
        let input = it_dir().join(dir).join(input.replace("__", "/"));
        return (!input.is_file()).then(|| format!("its input {} does not exist", input.display()));
    }
    let base = match name.rsplit_once('-') {
        Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => name,
    };
    if function(&source, base).is_some() {
        return None;
    }
    let literals = literals(&source);
    if literals.iter().any(|l| l == name) {
        return None;
    }
    let formatted = formatted_names(&source)
        .into_iter()
        .any(|(prefix, suffix)| {
            name.strip_prefix(&prefix)
                .and_then(|n| n.strip_suffix(&suffix))
                .is_some_and(|mid| {
                    !mid.is_empty() && (literals.iter().any(|l| l == mid) || stems.contains(mid))
                })
        });
    (!formatted).then(|| format!("no test or snapshot assertion of `{module}.rs` makes `{name}`"))
}

#[test]
fn every_snapshot_file_is_referenced() {
    let stems = fixture_stems();
    let mut stale = Vec::new();
    let mut count = 0;
    for entry in std::fs::read_dir(it_dir().join("snapshots")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        count += 1;
        if let Some(why) = unreferenced(&name, &stems) {
            stale.push(format!("{name}: {why}"));
        }
    }
    assert!(count > 0, "no snapshots found");
    assert!(
        stale.is_empty(),
        "stale snapshot files (delete them, or rename them after the test):\n{}",
        stale.join("\n")
    );
}

/// The rules above catch what goes stale: a removed fixture, a renamed test, a removed module.
#[test]
fn stale_names_are_caught() {
    let stems = fixture_stems();
    for stale in [
        "it__checks__fixtures@P999_gone.pacta.snap",
        "it__checks__no_such_test@P101.pacta.snap",
        "it__no_such_module__x.snap",
        "it__syntax__ast_no_such_fixture.snap",
        "it__cli_check_formats__no_such_format.snap",
        "it__legislation__test_junit.txt",
    ] {
        assert!(unreferenced(stale, &stems).is_some(), "{stale} passed");
    }
    for live in [
        "it__checks__fixtures@P101.pacta.snap",
        "it__syntax__ast_header.snap",
        "it__cli_check_formats__sarif.snap",
        "it__diff__fixture-draft1-draft2.html.snap",
    ] {
        assert_eq!(unreferenced(live, &stems), None, "{live}");
    }
}
