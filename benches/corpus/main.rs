//! Benchmark `pacta check` on a synthetic corpus shaped like the world's agreements.
//!
//! `cargo bench --bench corpus` generates the corpus under `target/tmp/corpus/`, runs the
//! release binary on it several times (median wall time, files/s, MB/s, peak memory) with all
//! cores and with one thread, and times `wc -c` over the same files as the I/O floor. Prints a
//! Markdown table for `docs/performance.md`.
//!
//! `cargo bench --bench corpus -- --generate DIR` only writes the corpus to DIR.

mod generate;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 9;
/// The target: the whole corpus in under a second of wall time.
const TARGET: Duration = Duration::from_secs(1);

/// The largest resident set of any child waited for so far, in KiB.
fn children_peak_kib() -> Option<u64> {
    // SAFETY: getrusage writes into the struct we pass and reads nothing else.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    (rc == 0).then(|| u64::try_from(usage.ru_maxrss).unwrap_or(0))
}

struct Timing {
    median: Duration,
    min: Duration,
    max: Duration,
    exit: Option<i32>,
}

fn time(mut make: impl FnMut() -> Command) -> Timing {
    // One warm-up run fills the page cache.
    let exit = make()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()
        .and_then(|s| s.code());
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let _ = make().stdout(Stdio::null()).stderr(Stdio::null()).status();
            start.elapsed()
        })
        .collect();
    times.sort();
    Timing {
        median: times[RUNS / 2],
        min: times[0],
        max: times[RUNS - 1],
        exit,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let dir = args
            .get(i + 1)
            .map(PathBuf::from)
            .unwrap_or_else(|| "corpus".into());
        match generate::write(&dir, 660) {
            Ok(files) => println!("wrote {} agreements to {}", files.len(), dir.display()),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(2);
            }
        }
        return;
    }
    // `cargo bench` passes `--bench`; anything else (a test filter) is ignored.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus");
    let files = match generate::write(&dir, 660) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: cannot write the corpus: {e}");
            std::process::exit(2);
        }
    };
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let sizes: Vec<u64> = {
        let mut s: Vec<u64> = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .collect();
        s.sort();
        s
    };
    let mb = bytes as f64 / 1_000_000.0;
    let pacta = env!("CARGO_BIN_EXE_pacta");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    // Findings, once, for the record.
    let findings = Command::new(pacta)
        .args(["check", "--format", "short"])
        .arg(&dir)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().count())
        .unwrap_or(0);

    let rows: Vec<(String, Timing, Option<u64>)> =
        [("human", None), ("sarif", None), ("human", Some("1"))]
            .iter()
            .map(|(format, threads)| {
                let t = time(|| {
                    let mut c = Command::new(pacta);
                    c.args(["check", "--color", "never", "--format", format])
                        .arg(&dir);
                    match threads {
                        Some(n) => c.env("RAYON_NUM_THREADS", n),
                        None => c.env_remove("RAYON_NUM_THREADS"),
                    };
                    c
                });
                let label = format!(
                    "`pacta check --format {format}`, {} thread{}",
                    threads.unwrap_or(&cores.to_string()),
                    if threads == &Some("1") { "" } else { "s" }
                );
                (label, t, children_peak_kib())
            })
            .collect();
    let wc = time(|| {
        let mut c = Command::new("wc");
        c.arg("-c").args(&files);
        c
    });

    println!(
        "corpus: {} files, {:.2} MB (smallest {} B, median {} B, largest {} B); {} findings",
        files.len(),
        mb,
        sizes.first().unwrap_or(&0),
        sizes.get(sizes.len() / 2).unwrap_or(&0),
        sizes.last().unwrap_or(&0),
        findings
    );
    println!("{RUNS} runs each after one warm-up; median (min–max)\n");
    println!("| command | wall time | files/s | MB/s | peak memory |");
    println!("|---|---|---|---|---|");
    let mut peak_so_far = 0;
    for (label, t, peak) in &rows {
        let s = t.median.as_secs_f64();
        // getrusage reports the peak over all children so far: show it only where it grew.
        let peak = match peak {
            Some(p) if *p > peak_so_far => {
                peak_so_far = *p;
                format!("{:.1} MiB", *p as f64 / 1024.0)
            }
            Some(_) => format!("≤ {:.1} MiB", peak_so_far as f64 / 1024.0),
            None => "n/a".to_string(),
        };
        println!(
            "| {label} | {} ({}–{}) | {:.0} | {:.1} | {peak} |",
            ms(t.median),
            ms(t.min),
            ms(t.max),
            files.len() as f64 / s,
            mb / s
        );
        if t.exit.is_none() {
            eprintln!("warning: {label} did not exit normally");
        }
    }
    let s = wc.median.as_secs_f64();
    println!(
        "| `wc -c` over the same files (I/O floor) | {} ({}–{}) | {:.0} | {:.1} | |",
        ms(wc.median),
        ms(wc.min),
        ms(wc.max),
        files.len() as f64 / s,
        mb / s
    );
    let best = rows.first().map(|r| r.1.median).unwrap_or_default();
    println!(
        "\ntarget: the whole corpus in under {} ms: {}",
        TARGET.as_millis(),
        if best < TARGET { "met" } else { "NOT met" }
    );
}
