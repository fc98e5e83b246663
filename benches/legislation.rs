//! Benchmark of the applicable-legislation analysis on N-Party agreements (plain harness, std
//! time only): `cargo bench --bench legislation`. Prints one line per size — N-Party agreements
//! with variables, and agreements whose rules name 8, 16 and 32 Parties by code; the figures are
//! recorded in `docs/performance.md`.

use pacta::config::Config;
use std::time::{Duration, Instant};

/// Two-letter Party codes: AA, AB, … (ISO-like, none of them variables).
fn code(i: usize) -> String {
    let a = (b'A' + (i / 26) as u8) as char;
    let b = (b'A' + (i % 26) as u8) as char;
    format!("{a}{b}")
}

/// An N-Party agreement with a realistic rule set: general rules, postings with limits and an
/// extension, multi-state rules with `several`, and the special categories.
fn agreement(n: usize) -> String {
    let mut s = String::from("agreement \"Benchmark\" {\n  conforms-to: C157\n}\n");
    for i in 0..n {
        s.push_str(&format!(
            "party {} \"Party {i}\" {{ schemes: old-age, sickness }}\n",
            code(i)
        ));
    }
    s.push_str(
        r#"part II "Applicable legislation" {
  article 1 "General rule" {
    rule 1.1: employed in X -> X
    rule 1.2: self-employed in X -> X
    rule 1.3: non-active, resides in X -> X
  }
  article 2 "Postings" {
    rule 2.1: employed in Y, employer in X, posted -> X
      overrides 1.1
      limit 24 months
      extension 12 months by competent-authorities
      repost-gap 2 months
    rule 2.2: self-employed in Y, usually self-employed in X, posted -> X
      overrides 1.2
      limit 24 months
      repost-gap 2 months
  }
  article 3 "Activity in several Parties" {
    rule 3.1: employed in several, works in X, resides in X -> X
    rule 3.2: employed in several, resides away, employer in X -> X
    rule 3.3: employed in several, resides away, employer elsewhere -> X
      where X is "the Party in which the greater part of the activity is pursued"
    rule 3.4: self-employed in several, works in X, resides in X -> X
    rule 3.5: self-employed in several, resides away -> X
      where X is "the Party in which the centre of interest of the activity lies"
    rule 3.6: mixed in several -> X
      where X is "the Party in which the employed activity is pursued"
  }
  article 4 "Special categories" {
    rule 4.1: seafarer under flag X -> X overrides 1.1, 3.1, 3.2, 3.3
    rule 4.2: aircrew, employer in X -> X overrides 1.1, 3.1, 3.2, 3.3
    rule 4.3: civil-servant of X -> X overrides 1.1, 3.1, 3.2, 3.3
    rule 4.4: mission-staff of X -> X overrides 1.1, 3.1, 3.2, 3.3
    rule 4.5: locally-engaged in X -> X overrides 1.1
  }
}
"#,
    );
    s
}

/// An N-Party agreement whose rules name every Party by code (`employed in AB -> AB`), half of
/// the Parties residence-based: the shape of issue 17's reproducer (twelve Parties took 58 s
/// before the classes of interchangeable Parties), with coverage bases that tell Parties apart.
fn named(n: usize) -> String {
    let mut s = String::from("agreement \"Named\" {\n  conforms-to: C157\n}\n");
    for i in 0..n {
        s.push_str(&format!(
            "party {} \"Party {i}\" {{ schemes: old-age }}\n",
            code(i)
        ));
    }
    s.push_str("part I \"Scope\" {\n  article 1 \"Legislation\" {\n");
    for i in 0..n {
        let basis = if i % 2 == 0 { " residence-based" } else { "" };
        s.push_str(&format!(
            "    scope {} \"Law {i}\"{basis}: old-age\n",
            code(i)
        ));
    }
    s.push_str("  }\n}\npart II \"Applicable legislation\" {\n  article 2 \"Rules\" {\n");
    for i in 0..n {
        s.push_str(&format!(
            "    rule 2.{}: employed in {c} -> {c}\n",
            i + 1,
            c = code(i)
        ));
    }
    s.push_str(&format!(
        "    rule 2.{}: self-employed in X -> X\n  }}\n}}\n",
        n + 1
    ));
    s
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    println!("| Parties | classes decided | findings | analysis (median) | whole check (median) |");
    println!("|---:|---:|---:|---:|---:|");
    let arcadia = include_str!("../agreements/arcadia-borduria.pacta");
    let sizes: Vec<(String, String)> =
        std::iter::once(("2 (arcadia-borduria)".to_string(), arcadia.to_string()))
            .chain(
                [2, 13, 15, 32, 64]
                    .into_iter()
                    .map(|n| (n.to_string(), agreement(n))),
            )
            .chain(
                [8, 16, 32]
                    .into_iter()
                    .map(|n| (format!("{n} named by code"), named(n))),
            )
            .collect();
    for (label, text) in sizes {
        let checked = pacta::check_source("bench.pacta", &text, &Config::default());
        let Some(a) = checked.agreement else {
            eprintln!("{label}: does not parse");
            continue;
        };
        let runs = 21;
        let mut analysis = Vec::new();
        let mut classes = 0;
        let mut findings = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let x = pacta::legislation::Analysis::new(&a);
            let defects = x.defects();
            analysis.push(t.elapsed());
            classes = x.classes();
            findings = defects.len();
        }
        let mut whole = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            let c = pacta::check_source("bench.pacta", &text, &Config::default());
            whole.push(t.elapsed());
            std::hint::black_box(c);
        }
        println!(
            "| {label} | {classes} | {findings} | {:.3} ms | {:.3} ms |",
            median(analysis).as_secs_f64() * 1e3,
            median(whole).as_secs_f64() * 1e3
        );
    }
}
