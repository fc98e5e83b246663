//! The incremental re-parse of the language server (`pacta::syntax::reparse`) must give what
//! parsing the whole new text gives: the same tree, the same syntax errors, the same partial
//! document. Random edits (a fixed seed, so every run tries the same ones) of every agreement.

use pacta::config::Config;
use pacta::ide::Analysis;
use pacta::syntax::{parse, partial_document, reparse};

fn agreements() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/agreements");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pacta"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One random keystroke-sized edit of `text`: a character typed, deleted or replaced, or a word
/// typed, at a random place.
fn edit(text: &str, r: &mut Random) -> String {
    const TYPED: &[&str] = &[
        "x", "7", " ", "\n", ",", ":", ".", "-", "#", "e", "(", "->", "rule", "limit", "  ",
    ];
    let mut at = r.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = at;
    if r.below(2) == 0 && at < text.len() {
        end = at + 1;
        while !text.is_char_boundary(end) {
            end += 1;
        }
    }
    let typed = if end > at && r.below(2) == 0 {
        ""
    } else {
        TYPED[r.below(TYPED.len())]
    };
    format!("{}{}{}", &text[..at], typed, &text[end..])
}

#[test]
fn reparse_equals_parsing_the_whole_file() {
    let mut r = Random(0x3141_5926_5358);
    let (mut tried, mut incremental, mut with_errors) = (0, 0, 0);
    for (name, text) in agreements() {
        let old = parse(&text);
        let Some(document) = old.document.filter(|_| old.diagnostics.is_empty()) else {
            continue;
        };
        for _ in 0..20 {
            let new = edit(&text, &mut r);
            tried += 1;
            let Some(got) = reparse(&text, &document, None, &new) else {
                continue;
            };
            incremental += 1;
            let full = parse(&new);
            assert_eq!(
                got.diagnostics, full.diagnostics,
                "{name}: syntax errors after the edit"
            );
            match full.document {
                Some(d) => {
                    assert!(got.broken.is_none(), "{name}");
                    assert!(got.document == d, "{name}: the tree differs after the edit");
                }
                None => {
                    with_errors += 1;
                    assert!(got.broken.is_some(), "{name}");
                    let want = partial_document(&new);
                    if got.document != want {
                        let (a, b) = (format!("{:#?}", got.document), format!("{want:#?}"));
                        let first = a
                            .lines()
                            .zip(b.lines())
                            .position(|(x, y)| x != y)
                            .unwrap_or(0);
                        let e = pacta::syntax::Edit::between(&text, &new);
                        eprintln!(
                            "edit {e:?} {:?} -> {:?}",
                            &text[e.start..e.old_end],
                            &new[e.start..e.new_end]
                        );
                        eprintln!(
                            "{}\n----\n{}",
                            a.lines()
                                .skip(first.saturating_sub(15))
                                .take(30)
                                .collect::<Vec<_>>()
                                .join("\n"),
                            b.lines()
                                .skip(first.saturating_sub(15))
                                .take(30)
                                .collect::<Vec<_>>()
                                .join("\n")
                        );
                    }
                    assert!(
                        got.document == want,
                        "{name}: the partial document differs after the edit"
                    );
                }
            }
        }
    }
    // Edits in headers, Party blocks, strings and braces take the long way; the test is worth nothing if none took the short way.
    assert!(
        incremental * 3 >= tried,
        "{incremental} of {tried} edits re-parsed incrementally"
    );
    assert!(with_errors > 0, "no edit left a syntax error");
}

#[test]
fn typing_through_a_syntax_error_gives_the_findings_of_a_whole_analysis() {
    let config = Config::default();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/agreements");
    let text = std::fs::read_to_string(format!("{dir}/arcadia-borduria.pacta")).unwrap();
    // Break a rule, type inside the broken Article, then repair it: each version analysed from
    // the previous one must be analysed as if from scratch.
    let rule = text.find("rule ").expect("a rule");
    let line_end = rule + text[rule..].find('\n').unwrap();
    let broken = format!("{} ,,{}", &text[..line_end], &text[line_end..]);
    let typed = format!("{} ,,x{}", &text[..line_end], &text[line_end..]);
    let mut previous = Analysis::new("a.pacta", &text, &config);
    for version in [&broken, &typed, &broken, &text] {
        let next = previous.update("a.pacta", version, &config);
        let whole = Analysis::new("a.pacta", version, &config);
        assert_eq!(next.diagnostics(), whole.diagnostics());
        assert!(next.document == whole.document);
        previous = next;
    }
    assert!(previous.diagnostics().iter().all(|d| d.code != "P001"));
}

/// While the same Article stays broken, the findings on the rest of the file are carried over
/// from one keystroke to the next (`Analysis::update`); they must be those of an analysis from
/// scratch, and must be found again when the broken text starts writing another kind of provision.
#[test]
fn findings_reused_while_an_article_stays_broken_equal_a_whole_analysis() {
    let config = Config::default();
    let (mut reused, mut reused_findings, mut steps) = (0, 0, 0);
    for (name, text) in agreements() {
        let Some(document) = parse(&text).document else {
            continue;
        };
        // A few Articles of each agreement, each broken at the start of its second line.
        let places: Vec<usize> = pacta::ide::articles(&document)
            .filter_map(|a| {
                let body = &text[a.span.range()];
                body.find('\n').map(|i| a.span.start + i + 1)
            })
            .step_by(3)
            .take(4)
            .collect();
        for at in places {
            let with = |typed: &str| format!("{}{typed}{}", &text[..at], &text[at..]);
            let mut previous = Analysis::new(&name, &text, &config);
            // Break the Article, type in it (the same provisions: carried over), type a `rule`
            // (another kind of provision: found again), delete it, then repair the Article.
            for typed in [",, ", ",,x ", ",,xy ", ",,xy rule ", ",,xy ", ",, ", ""] {
                let version = with(typed);
                let next = previous.update(&name, &version, &config);
                let whole = Analysis::new(&name, &version, &config);
                assert_eq!(
                    next.diagnostics(),
                    whole.diagnostics(),
                    "{name}: findings after typing {typed:?} at {at}"
                );
                steps += 1;
                if next.reused_findings() {
                    reused += 1;
                    assert!(typed.starts_with(",,"), "{name}: reused after the repair");
                    if next.diagnostics().iter().any(|d| !d.code.starts_with("P0")) {
                        reused_findings += 1;
                    }
                }
                previous = next;
            }
        }
    }
    // The test is worth nothing if nothing was carried over, or only empty lists of findings.
    assert!(reused * 4 >= steps, "{reused} of {steps} analyses reused");
    assert!(
        reused_findings > 0,
        "no principle finding was ever carried over"
    );
}
