//! Finding and reading agreement files, finding `pacta.toml`, and writing outputs atomically.

use super::Failure;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use pacta::config::Config;
use std::path::{Path, PathBuf};

/// Gitignore-style globs relative to `root`, as one matcher.
fn globs(root: &Path, globs: &[String], what: &str) -> Result<Gitignore, Failure> {
    let mut b = GitignoreBuilder::new(root);
    for glob in globs {
        b.add_line(None, glob)
            .map_err(|e| Failure(format!("invalid {what} glob `{glob}` in pacta.toml: {e}")))?;
    }
    b.build()
        .map_err(|e| Failure(format!("invalid {what} glob in pacta.toml: {e}")))
}

/// Every `.pacta` file under the given paths, as absolute paths, sorted. Directories are walked
/// recursively, skipping hidden entries and what `.gitignore` files (in the directory, below it
/// and above it) ignore; the configuration's `include` and `exclude` globs, written like
/// `.gitignore` lines relative to `root` (the directory of `pacta.toml`), then filter the files
/// found. A file named on the command line is always checked.
pub fn collect(paths: &[PathBuf], config: &Config, root: &Path) -> Result<Vec<PathBuf>, Failure> {
    let include = globs(root, &config.include, "include")?;
    let exclude = globs(root, &config.exclude, "exclude")?;
    let mut out = Vec::new();
    for path in paths {
        if is_stdio(path) {
            out.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure(format!("cannot read {}: {}", path.display(), e)))?;
        let absolute = std::fs::canonicalize(path)
            .map_err(|e| Failure(format!("cannot read {}: {}", path.display(), e)))?;
        if meta.is_file() {
            out.push(absolute);
            continue;
        }
        let mut found = Vec::new();
        let excluded = exclude.clone();
        let walker = ignore::WalkBuilder::new(&absolute)
            .require_git(false)
            .hidden(true)
            .filter_entry(move |e| {
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                !excluded
                    .matched_path_or_any_parents(e.path(), is_dir)
                    .is_ignore()
            })
            .build();
        for entry in walker {
            let entry =
                entry.map_err(|e| Failure(format!("cannot walk {}: {}", path.display(), e)))?;
            let p = entry.path();
            if entry.file_type().is_some_and(|t| t.is_file())
                && p.extension().is_some_and(|e| e == "pacta")
                && (config.include.is_empty()
                    || include.matched_path_or_any_parents(p, false).is_ignore())
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

/// The repository root of a checked path: the directory of `pacta.toml` when there is one,
/// else the nearest enclosing git work tree, else the current directory. Absolute.
pub fn repository_root(config_dir: Option<PathBuf>, start: &Path) -> PathBuf {
    if let Some(d) = config_dir {
        return std::fs::canonicalize(&d).unwrap_or(d);
    }
    let start = if is_stdio(start) {
        Path::new(".")
    } else {
        start
    };
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let git = start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf);
    git.unwrap_or_else(|| {
        let cwd = std::env::current_dir().unwrap_or_default();
        std::fs::canonicalize(&cwd).unwrap_or(cwd)
    })
}

/// A path relative to the repository root, with forward slashes (the name used in SARIF,
/// GitHub annotations, JUnit and baselines); the display name when it lies outside the root.
pub fn repository_name(path: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => display_name(path),
    }
}

/// Read an agreement's bytes (UTF-8 is checked by the library, which reports P001); `-` reads
/// standard input.
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    if is_stdio(path) {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {}", path.display(), e)))
}

/// Read a file that must be UTF-8 text.
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
    let start = if is_stdio(start) {
        Path::new(".")
    } else {
        start
    };
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

/// The name standard input goes by in findings.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether a path given on the command line means standard input or output.
pub fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Write an output the user named with `-o`.
///
/// - `-` is standard output.
/// - A regular file (or a path that does not exist yet) is replaced atomically: a temporary file
///   beside it, created exclusively, then a rename. A symbolic link to a regular file keeps the
///   link and replaces its target, with the target's permissions.
/// - Anything else that can be opened for writing — `/dev/null`, a pipe, a terminal, the
///   `/dev/stdout` of a redirected run — is written through, never replaced: a device file must
///   stay a device file.
/// - A directory, or what cannot be opened, is an error (exit 2).
pub fn write_output(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    if is_stdio(path) {
        return super::print_bytes(contents);
    }
    let fail = |e: std::io::Error| Failure(format!("cannot write {}: {}", path.display(), e));
    // Through `/dev/fd/N`, `/dev/stdout` or `/proc/self/fd/N` the path names an open
    // descriptor: write through it, whatever it leads to.
    let through_descriptor = path.starts_with("/dev/fd")
        || path.starts_with("/dev/stdout")
        || path.starts_with("/dev/stderr")
        || path.starts_with("/proc");
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Failure(format!(
            "cannot write {}: it is a directory",
            path.display()
        ))),
        Ok(meta) if meta.is_file() && !through_descriptor => {
            // Replace the target of a link, not the link.
            let target = std::fs::canonicalize(path).map_err(fail)?;
            if target.starts_with("/proc") || target.starts_with("/dev") {
                return write_through(path, contents);
            }
            write_atomic_with(&target, contents, Some(meta.permissions()))
                .map_err(|e| Failure(format!("cannot write {}: {}", path.display(), e.0)))
        }
        Ok(_) => write_through(path, contents),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                // A dangling link: create what it points to, through it.
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(path)
                    .map_err(fail)?;
                return f.write_all(contents).and_then(|_| f.flush()).map_err(fail);
            }
            write_atomic(path, contents)
        }
        Err(e) => Err(fail(e)),
    }
}

/// Write into an existing non-regular file (a device, a pipe, a terminal), without replacing it.
fn write_through(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let fail = |e: std::io::Error| Failure(format!("cannot write {}: {}", path.display(), e));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(fail)?;
    match f.write_all(contents).and_then(|_| f.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(fail),
    }
}

/// Write a regular file atomically: a temporary file beside it, then a rename. Use
/// [`write_output`] for a path the user named, which may not be a regular file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    write_atomic_with(path, contents, None)
}

fn write_atomic_with(
    path: &Path,
    contents: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> Result<(), Failure> {
    use std::io::Write;
    let fail = |e: std::io::Error| Failure(format!("cannot write {}: {}", path.display(), e));
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    // Created exclusively: a file or link planted at the temporary name is never followed.
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1
            }
            Err(e) => return Err(fail(e)),
        }
    };
    let written = file
        .write_all(contents)
        .and_then(|_| file.flush())
        .and_then(|_| match permissions {
            Some(p) => file.set_permissions(p),
            None => Ok(()),
        });
    drop(file);
    written
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(e)
        })
}

/// A path as shown in findings: relative to the current directory when it lies below it.
pub fn display_name(path: &Path) -> String {
    if is_stdio(path) {
        return STDIN_NAME.into();
    }
    let cwd = std::env::current_dir().ok();
    let canonical = cwd.as_deref().and_then(|c| std::fs::canonicalize(c).ok());
    let shown = [cwd.as_deref(), canonical.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|c| path.strip_prefix(c).ok())
        .unwrap_or(path);
    let shown = shown.strip_prefix(".").unwrap_or(shown);
    shown.to_string_lossy().replace('\\', "/")
}

/// The errors of a file itself (syntax and structure, codes `P0…`), which stop `pacta resolve` and
/// `pacta test` before they run anything; a failing scenario (P015) is what `test` reports, not
/// an error of the file.
pub fn file_errors(checked: &pacta::Checked) -> Vec<pacta::diag::Diagnostic> {
    checked
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == pacta::diag::Severity::Error
                && d.code.starts_with("P0")
                && d.code != "P015"
        })
        .cloned()
        .collect()
}
