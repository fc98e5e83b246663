//! The examples `pacta explain` prints are checked: each check's failing example must produce
//! its code and its passing example must not.
//!
//! The examples are fragments (`…` stands for the rest of an agreement), so the harness completes
//! them the same way for both examples of a check: the example's header replaces the base
//! header, its Parties replace the base Parties of the same code, its Parts, Articles and
//! scenarios are added as they are, and every other line (rules, scope lines, blocks, comments)
//! goes into an Article of its own. `…` is dropped; in a Party it stands for the base Party's
//! other fields, which are kept. Findings located in a base Party are not counted (they are about
//! the base's own schemes). Since the failing and the passing example of a check are completed
//! alike, the difference between them is what decides the finding: the test cannot pass because
//! the completion itself produces (or hides) the code.

use pacta::check::registry::CHECKS;
use pacta::config::Config;

/// The base the examples complete: a header and two Parties with legislation for every branch and
/// a liaison body, nothing else.
const BASE_HEADER: &str =
    "agreement \"Agreement on Social Security between Arcadia and Borduria\" {\n}\n";
const BASE_PARTIES: &[(&str, &str)] = &[
    (
        "XA",
        "party XA \"Arcadia\" {\n  schemes: medical-care, sickness, maternity, invalidity, old-age, survivors, employment-injury, unemployment, family\n  liaison-body: \"Arcadia Liaison Office\"\n}\n",
    ),
    (
        "XB",
        "party XB \"Borduria\" {\n  schemes: medical-care, sickness, maternity, invalidity, old-age, survivors, employment-injury, unemployment, family\n  liaison-body: \"Borduria Liaison Office\"\n}\n",
    ),
];

/// Checks whose failing example is not Pacta an agreement can hold, with the reason; the failing
/// case is tested elsewhere (their passing example is still checked here).
const NOT_AGREEMENT_TEXT: &[(&str, &str)] = &[
    (
        "P016",
        "reported by `pacta diff`, not `pacta check`: the example is a command (tests/it/hostile.rs)",
    ),
    (
        "P313",
        "the analysis budget: the example describes an agreement too large to print (tests/it/legislation_budget.rs)",
    ),
];

/// `…` removed outside one-line strings (inside a string it is the string's content).
fn drop_ellipses(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    for c in line.chars() {
        match c {
            '"' => {
                in_string = !in_string;
                out.push(c);
            }
            '…' if !in_string => {}
            _ => out.push(c),
        }
    }
    out
}

/// A Party of the example in which `…` stands for the rest: the base Party's fields that the
/// example does not give are added.
fn with_base_fields(code: &str, item: &str) -> String {
    let Some((_, base)) = BASE_PARTIES.iter().find(|(c, _)| *c == code) else {
        return item.to_string();
    };
    // The base Party's field lines: all but its first and last.
    let lines: Vec<&str> = base.lines().collect();
    let mut extra = String::new();
    for field in &lines[1..lines.len() - 1] {
        let name = field.split(':').next().unwrap_or("").trim();
        if !item.contains(&format!("{name}:")) {
            extra.push_str(&format!("\n{field}"));
        }
    }
    match item.split_once('{') {
        Some((head, rest)) => format!("{head}{{{extra}\n{rest}"),
        None => item.to_string(),
    }
}

/// An example completed into an agreement, and the lines (1-based, inclusive) of the base
/// Parties it kept.
struct Completed {
    text: String,
    base_lines: Vec<(usize, usize)>,
}

/// The example completed into an agreement.
fn complete(example: &str) -> Completed {
    // Split into items: a line at the left margin starts one, indented lines and a closing brace
    // continue it. Each item notes whether `…` stood for more of it (a separator `…` at the left
    // margin stands for other items instead).
    let mut items: Vec<(String, bool)> = Vec::new();
    for raw in example.lines() {
        let line = drop_ellipses(raw);
        let continues = raw.starts_with(' ') || raw.starts_with('}');
        if !continues && line.trim().is_empty() {
            continue;
        }
        match items.last_mut() {
            Some((last, elided)) if continues => {
                last.push_str(&line);
                last.push('\n');
                *elided |= raw.contains('…');
            }
            _ => items.push((format!("{line}\n"), raw.contains('…'))),
        }
    }
    let first_word = |item: &str| item.split_whitespace().next().unwrap_or("").to_string();
    let mut header = BASE_HEADER.to_string();
    let mut parties: Vec<(String, String)> = Vec::new();
    let mut body = String::new();
    let mut loose = String::new();
    let mut wrappers = 0;
    let mut flush = |loose: &mut String, body: &mut String| {
        if !loose.is_empty() {
            wrappers += 1;
            body.push_str(&format!("article {} \"Example\" {{\n", 90 + wrappers));
            for line in loose.lines() {
                body.push_str(&format!("  {line}\n"));
            }
            body.push_str("}\n");
            loose.clear();
        }
    };
    for (item, elided) in items {
        match first_word(&item).as_str() {
            "agreement" => header = item,
            "party" => {
                let code = item.split_whitespace().nth(1).unwrap_or("").to_string();
                let item = if elided {
                    with_base_fields(&code, &item)
                } else {
                    item
                };
                parties.push((code, item));
            }
            "part" | "article" | "scenario" => {
                flush(&mut loose, &mut body);
                body.push_str(&item);
            }
            _ => loose.push_str(&item),
        }
    }
    flush(&mut loose, &mut body);
    let mut out = header;
    let mut base_lines = Vec::new();
    for (code, text) in BASE_PARTIES {
        if !parties.iter().any(|(c, _)| c == code) {
            let first = out.lines().count() + 1;
            out.push_str(text);
            base_lines.push((first, out.lines().count()));
        }
    }
    for (_, text) in &parties {
        out.push_str(text);
    }
    out.push_str(&body);
    Completed {
        text: out,
        base_lines,
    }
}

/// The codes of the findings about the example — all but those whose primary span is in a base
/// Party (the base's own schemes are not the example's business) — and the rendered findings.
fn codes(completed: &Completed) -> (Vec<&'static str>, String) {
    let checked = pacta::check_source("example.pacta", &completed.text, &Config::default());
    let about_example: Vec<&'static str> = checked
        .diagnostics
        .iter()
        .filter(|d| {
            let line = checked.file.line_of(d.primary.span.start);
            !completed
                .base_lines
                .iter()
                .any(|(first, last)| (*first..=*last).contains(&line))
        })
        .map(|d| d.code)
        .collect();
    let report = pacta::diag::render::FileReport {
        file: checked.file,
        diagnostics: checked.diagnostics,
    };
    let rendered = pacta::diag::render::human::render(std::slice::from_ref(&report), false);
    (about_example, rendered)
}

#[test]
fn every_example_shows_its_check() {
    let mut wrong = Vec::new();
    for c in CHECKS {
        let x = c.explanation;
        let failing = complete(x.failing);
        let (found, rendered) = codes(&failing);
        let failing = failing.text;
        let elsewhere = NOT_AGREEMENT_TEXT.iter().any(|(code, _)| *code == c.code);
        if !elsewhere && !found.contains(&c.code) {
            wrong.push(format!(
                "{}: the failing example does not produce it\n--- completed:\n{failing}--- findings:\n{rendered}",
                c.code
            ));
        }
        let passing = complete(x.passing);
        let (found, rendered) = codes(&passing);
        let passing = passing.text;
        if found.contains(&c.code) {
            wrong.push(format!(
                "{}: the passing example produces it\n--- completed:\n{passing}--- findings:\n{rendered}",
                c.code
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// The checks left out are exactly those whose examples are not agreement text, so a new check
/// cannot be left out by accident.
#[test]
fn only_non_agreement_examples_are_left_out() {
    for (code, reason) in NOT_AGREEMENT_TEXT {
        let info = pacta::check::registry::get(code).expect("a declared code");
        let text = complete(info.explanation.failing);
        let (found, _) = codes(&text);
        assert!(
            !found.contains(code),
            "{code} is left out ({reason}) but its failing example produces it: test it here"
        );
    }
}

/// The completion keeps what the example says: the words of each example, in order, are in the
/// completed agreement.
#[test]
fn completion_keeps_every_word_of_the_example() {
    for c in CHECKS {
        for example in [c.explanation.failing, c.explanation.passing] {
            let completed = complete(example).text;
            let mut words = completed.split_whitespace();
            for word in example
                .lines()
                .map(drop_ellipses)
                .collect::<Vec<_>>()
                .join("\n")
                .split_whitespace()
            {
                assert!(
                    words.any(|w| w == word),
                    "{}: `{word}` lost or moved in\n{completed}",
                    c.code
                );
            }
        }
    }
}
