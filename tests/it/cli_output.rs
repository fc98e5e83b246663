//! Output paths (`-o`): a regular file is replaced atomically, anything else is written through
//! and never replaced; `-` is standard output and `pacta check -` reads standard input.

use crate::common::root;
use assert_cmd::Command;
use std::os::unix::fs::FileTypeExt;
use std::path::PathBuf;

fn pacta() -> Command {
    let mut c = Command::cargo_bin("pacta").unwrap();
    c.current_dir(root());
    c
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pacta-out-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const AGREEMENT: &str = "agreements/r167-model.pacta";

fn build_to(path: &std::path::Path) -> std::process::Output {
    pacta()
        .args(["build", AGREEMENT, "--allow-errors", "-o"])
        .arg(path)
        .output()
        .unwrap()
}

/// A symbolic link to `/dev/null` is written through: `/dev/null` stays a character device and
/// the link stays a link (the old write-then-rename replaced whatever the path named).
#[test]
fn a_link_to_a_device_is_written_through() {
    let dir = temp_dir("dev");
    let link = dir.join("null");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let out = build_to(&link);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

/// A named pipe is written through, and stays a pipe.
#[test]
fn a_fifo_is_written_through() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = build_to(&fifo);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let read = reader.join().unwrap();
    assert!(read.starts_with(b"{"), "the rule set went through the pipe");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

/// A regular file is replaced atomically; through a link, the target is replaced, the link
/// kept, and the target's permissions with it. No temporary file is left behind.
#[test]
fn a_regular_file_is_replaced_and_a_link_to_it_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("regular");
    let target = dir.join("rules.json");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = build_to(&link);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let meta = std::fs::metadata(&target).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('{'));
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
}

/// A directory cannot be written: exit 2, one line.
#[test]
fn a_directory_is_refused_with_exit_2() {
    let dir = temp_dir("dir");
    let out = build_to(&dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("is a directory"), "{stderr}");
    assert!(dir.is_dir());
}

/// `-o -` is standard output, for `build`, `check` and `diff`.
#[test]
fn a_dash_is_standard_output() {
    let out = pacta()
        .args(["build", AGREEMENT, "--allow-errors", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"{"));
    assert!(!root().join("-").exists());
    let out = pacta()
        .args(["check", AGREEMENT, "--format", "json", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"{"));
    let out = pacta()
        .args(["diff", AGREEMENT, AGREEMENT, "--format", "json", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"{"));
    assert!(!root().join("-").exists());
}

/// `pacta check -` checks standard input, named `<stdin>`, with the same findings as the file.
#[test]
fn check_dash_reads_standard_input() {
    let dir = temp_dir("stdin");
    let file = dir.join("bad.pacta");
    let text = "agreement \"t\" {\n  date: 2026-13-01\n}\n";
    std::fs::write(&file, text).unwrap();
    let from_stdin = pacta()
        .current_dir(&dir)
        .args(["check", "-", "--format", "short"])
        .write_stdin(text)
        .output()
        .unwrap();
    let from_file = pacta()
        .current_dir(&dir)
        .args(["check", "bad.pacta", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(from_stdin.status.code(), from_file.status.code());
    let stdin = String::from_utf8(from_stdin.stdout).unwrap();
    let file = String::from_utf8(from_file.stdout).unwrap();
    assert_eq!(from_stdin.status.code(), Some(1));
    assert_eq!(stdin.replace("<stdin>", "bad.pacta"), file);
    assert!(stdin.starts_with("<stdin>:"), "{stdin}");
}
