//! Finding and reading agreement files, finding `pacta.toml`, and writing outputs atomically.

use super::Failure;
use pacta::config::Config;
use std::path::{Path, PathBuf};

/// Every `.pacta` file under the given paths: directories are walked recursively, respecting
/// `.gitignore` and the configuration's include/exclude globs; the result is sorted.
pub fn collect(paths: &[PathBuf], config: &Config, root: &Path) -> Result<Vec<PathBuf>, Failure> {
    let mut overrides = ignore::overrides::OverrideBuilder::new(root);
    for glob in &config.include {
        overrides
            .add(glob)
            .map_err(|e| Failure(format!("invalid include glob `{glob}` in pacta.toml: {e}")))?;
    }
    for glob in &config.exclude {
        overrides
            .add(&format!("!{glob}"))
            .map_err(|e| Failure(format!("invalid exclude glob `{glob}` in pacta.toml: {e}")))?;
    }
    let overrides = overrides
        .build()
        .map_err(|e| Failure(format!("invalid glob in pacta.toml: {e}")))?;
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure(format!("cannot read {}: {}", path.display(), e)))?;
        if meta.is_file() {
            out.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(path)
            .require_git(false)
            .hidden(true)
            .overrides(overrides.clone())
            .sort_by_file_path(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            let entry =
                entry.map_err(|e| Failure(format!("cannot walk {}: {}", path.display(), e)))?;
            let p = entry.path();
            if entry.file_type().is_some_and(|t| t.is_file())
                && p.extension().is_some_and(|e| e == "pacta")
            {
                found.push(p.to_path_buf());
            }
        }
        if found.is_empty() {
            return Err(Failure(format!("no .pacta files in {}", path.display())));
        }
        out.extend(found);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Read an agreement's bytes (UTF-8 is checked by the library, which reports P001).
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {}", path.display(), e)))
}

/// Read a file that must be UTF-8 text.
#[allow(dead_code)] // used by commands that take one file
pub fn read_text(path: &Path) -> Result<String, Failure> {
    String::from_utf8(read(path)?).map_err(|e| {
        Failure(format!(
            "{} is not valid UTF-8 (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The nearest `pacta.toml`, walking up from `start`, and the directory it stands in.
pub fn find_config(start: &Path) -> Result<(Config, Option<PathBuf>), Failure> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir = if start.is_file() {
        start.parent().map(Path::to_path_buf)
    } else {
        Some(start)
    };
    while let Some(d) = dir {
        let candidate = d.join("pacta.toml");
        if candidate.is_file() {
            return Ok((load_config(&candidate)?, Some(d)));
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    Ok((Config::default(), None))
}

pub fn load_config(path: &Path) -> Result<Config, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure(format!("cannot read {}: {}", path.display(), e)))?;
    Config::parse(&text).map_err(|e| Failure(format!("{}: {}", path.display(), e)))
}

/// Write a file atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, contents)
        .map_err(|e| Failure(format!("cannot write {}: {}", path.display(), e)))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Failure(format!("cannot write {}: {}", path.display(), e))
    })
}

/// A path as shown in findings: relative to the current directory when it lies below it.
pub fn display_name(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let shown = cwd
        .as_deref()
        .and_then(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    shown.to_string_lossy().replace('\\', "/")
}
