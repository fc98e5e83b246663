//! `pacta render`: the document's structure, escaping, determinism, the findings it places, and the
//! provisions in words (a snapshot per provision kind, and a test that every kind has one). The
//! browser half of these tests is `tests/browser/render.test.mjs` (run by `.ci/render.sh`).

use pacta::config::Config;
use pacta::model::schema;
use pacta::render::{self, words, Options};

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn render_text(name: &str, text: &str, opts: &Options) -> String {
    let checked = pacta::check_source(name, text, &Config::default());
    let document = pacta::syntax::parse(text).document.expect("parses");
    render::html(
        &document,
        checked.agreement.as_ref().unwrap(),
        &checked.diagnostics,
        opts,
    )
}

fn margin() -> Options {
    Options {
        languages: None,
        findings: true,
    }
}

#[test]
fn every_agreement_renders_every_article_in_order_and_byte_identically() {
    let mut files: Vec<_> = walk(&root().join("agreements"));
    files.push(root().join("tests/fixtures/render/bilingual.pacta"));
    files.push(root().join("tests/fixtures/render/hostile.pacta"));
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let a = render_text(&name, &text, &margin());
        let b = render_text(&name, &text, &margin());
        assert_eq!(a, b, "{name}: the output must be byte-identical");
        let document = pacta::syntax::parse(&text).document.unwrap();
        let checked = pacta::check_source(&name, &text, &Config::default());
        let numbers: Vec<String> = checked
            .agreement
            .unwrap()
            .articles
            .iter()
            .map(|x| format!("data-number=\"{}\"", x.number))
            .collect();
        let mut at = 0;
        for n in &numbers {
            let found = a[at..]
                .find("<article class=\"article")
                .and_then(|i| a[at + i..].find(n.as_str()).map(|j| at + i + j));
            assert!(found.is_some(), "{name}: {n} missing or out of order");
            at = found.unwrap() + n.len();
        }
        assert!(!a.contains("<script"), "{name}: no script element");
        assert!(a.starts_with("<!DOCTYPE html>\n"));
        assert!(a.ends_with("</html>\n"));
        assert!(
            !a.contains("http://") && !a.contains("https://"),
            "{name}: no external resource"
        );
        // Every chapter and paragraph, numbered as in the source, in order.
        let mut ids: Vec<String> = Vec::new();
        let paragraphs = |a: &pacta::ast::Article, ids: &mut Vec<String>| {
            for i in &a.items {
                if let pacta::ast::ArticleItem::Paragraph(p) = i {
                    ids.push(format!(
                        "id=\"art_{}__para_{}\"",
                        a.number.value, p.label.value
                    ));
                }
            }
        };
        for d in &document.body {
            match d {
                pacta::ast::Division::Article(a) => paragraphs(a, &mut ids),
                pacta::ast::Division::Part(p) => {
                    for i in &p.items {
                        match i {
                            pacta::ast::PartItem::Article(a) => paragraphs(a, &mut ids),
                            pacta::ast::PartItem::Chapter(c) => {
                                ids.push(format!(
                                    "id=\"part_{}__chp_{}\"",
                                    p.number.value, c.number.value
                                ));
                                c.articles.iter().for_each(|a| paragraphs(a, &mut ids));
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        let mut at = 0;
        for id in &ids {
            let found = a[at..].find(id.as_str());
            assert!(found.is_some(), "{name}: {id} missing or out of order");
            at += found.unwrap() + id.len();
        }
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "pacta") {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let text = read("tests/fixtures/render/hostile.pacta");
    let html = render_text("hostile.pacta", &text, &margin());
    for needle in [
        "<script",
        "<img",
        "<iframe",
        "<svg",
        "<b onmouseover",
        "<a href=\"javascript",
        "</style><",
        "<term>",
        "<style>body",
    ] {
        assert!(!html.contains(needle), "unescaped {needle:?} in the output");
    }
    assert!(html.contains("&lt;script&gt;window.__pwned = &#39;prose&#39;&lt;/script&gt;"));
    assert!(html.contains("lang=\"ar\" dir=\"rtl\""));
    // Exactly one <style> element: the short title reaches the CSS only as escaped characters.
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(html.contains("\\3c /style\\3e "));
}

#[test]
fn the_bilingual_fixture_puts_its_findings_in_the_margin() {
    let text = read("tests/fixtures/render/bilingual.pacta");
    let html = render_text("bilingual.pacta", &text, &margin());
    let article = |n: u32| {
        let start = html.find(&format!("id=\"art_{n}\"")).unwrap();
        let end = html[start..].find("</article>").unwrap() + start;
        &html[start..end]
    };
    assert!(article(4).contains("data-code=\"P014\""));
    assert!(article(6).contains("data-code=\"P013\""));
    assert!(!article(3).contains("class=\"margin\""));
    assert!(article(3).contains("class=\"text prevailing\" lang=\"en\""));
    assert!(article(3).contains("class=\"text\" lang=\"fr\""));
    assert!(html.contains("in case of divergence the English text prevails"));
    // The clean copy: no finding anywhere.
    let clean = render_text(
        "bilingual.pacta",
        &text,
        &Options {
            languages: Some(vec!["fr".into()]),
            findings: false,
        },
    );
    assert!(!clean.contains("data-code="));
    assert!(!clean.contains("lang=\"en\" dir"));
}

#[test]
fn prose_and_provision_checks_on_the_bilingual_fixture() {
    let text = read("tests/fixtures/render/bilingual.pacta");
    let checked = pacta::check_source("bilingual.pacta", &text, &Config::default());
    let codes: Vec<(&str, String)> = checked
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("P014", "Article 4 has no French text".to_string()),
            (
                "P013",
                "the French prose of Article 6 says 12 months where the `limit` of rule 6.1 is 24 months"
                    .to_string()
            ),
        ]
    );
}

/// The messages of the P013 findings of a text.
fn p013(text: &str) -> Vec<String> {
    pacta::check_source("t.pacta", text, &Config::default())
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "P013")
        .map(|d| d.message)
        .collect()
}

#[test]
fn a_party_named_in_the_prose_other_than_the_rule_designates_is_p013() {
    let text = read("tests/fixtures/render/bilingual.pacta").replace(
        "    rule 5.1: employed in X -> X",
        "    rule 5.1: employed in XA -> XA\n    text en \"A person employed in Borduria is insured in Borduria.\"\n    text fr \"Une personne employée en Bordurie y est assurée.\"",
    );
    let p013 = p013(&text);
    assert!(
        p013.iter().any(|m| m == "the English prose of Article 5 names Kingdom of Borduria where rule 5.1 designates Republic of Arcadia"),
        "{p013:#?}"
    );
    // Naming the State a worker goes to is not giving its law: no finding.
    let text = read("tests/fixtures/render/bilingual.pacta").replace(
        "    rule 5.1: employed in X -> X",
        "    rule 5.1: employed in XA -> XA\n    text en \"A person employed here who travels to Borduria for a meeting stays insured at home.\"\n    text fr \"Une personne employée ici qui se rend en Bordurie reste assurée chez elle.\"",
    );
    let checked = pacta::check_source("t.pacta", &text, &Config::default());
    assert!(
        !checked
            .diagnostics
            .iter()
            .any(|d| d.code == "P013" && d.message.contains("Article 5")),
        "{:#?}",
        checked.diagnostics
    );
}

#[test]
fn a_preamble_missing_in_one_authentic_language_is_p014() {
    let text = read("tests/fixtures/render/bilingual.pacta");
    let start = text.find("  text fr \"\"\"\n    La République").unwrap();
    let end = start + text[start..].find("  \"\"\"\n").unwrap() + "  \"\"\"\n".len();
    let without = format!("{}{}", &text[..start], &text[end..]);
    let p014 = |t: &str| -> Vec<String> {
        pacta::check_source("t.pacta", t, &Config::default())
            .diagnostics
            .iter()
            .filter(|d| d.code == "P014")
            .map(|d| d.message.clone())
            .collect()
    };
    assert_eq!(p014(&text), ["Article 4 has no French text"]);
    assert_eq!(
        p014(&without),
        [
            "the preamble has no French text",
            "Article 4 has no French text"
        ]
    );
}

#[test]
fn a_limit_on_the_first_months_is_compared_with_the_prose_too() {
    let text = read("tests/fixtures/render/bilingual.pacta").replacen(
        "      limit 24 months\n      extension 12 months",
        "      limit first 24 months\n      extension 12 months",
        1,
    );
    assert!(text.contains("limit first 24 months"));
    let p013 = p013(&text);
    assert_eq!(
        p013,
        ["the French prose of Article 6 says 12 months where the `limit first` of rule 6.1 is 24 months"]
    );
}

// ───────────────────────────── provisions in words ─────────────────────────────

/// One example of every provision kind: every block, every line, a branch provision, rules of
/// every shape, a scope line and a definition. Each block lists every field the schema gives it.
const KINDS: &str = include_str!("../fixtures/render/kinds.pacta");

/// The provisions of the example file, as (kind, sentence).
fn sentences() -> Vec<(String, String)> {
    let doc = pacta::syntax::parse(KINDS)
        .document
        .expect("kinds.pacta parses");
    let checked = pacta::check_source("kinds.pacta", KINDS, &Config::default());
    let names = words::Names::of(checked.agreement.as_ref().unwrap());
    let mut out = Vec::new();
    let mut visit = |p: &pacta::ast::Provision| {
        use pacta::ast::Provision as P;
        let kind = match p {
            P::Rule(r) => format!("rule {}", r.label.value),
            P::Define(_) => "define".into(),
            P::Scope(_) => "scope".into(),
            P::Benefit(b) => format!("benefit {}", b.branch.value),
            P::Block(b) => b.keyword.value.clone(),
            P::Line(l) => format!("{}:", l.keyword.value),
            P::Text(_) | P::Allow(_) => return,
        };
        out.push((kind, words::ast_provision(p, &names).unwrap()));
    };
    for d in &doc.body {
        let articles: Vec<&pacta::ast::Article> = match d {
            pacta::ast::Division::Article(a) => vec![a],
            pacta::ast::Division::Part(p) => p
                .items
                .iter()
                .filter_map(|i| match i {
                    pacta::ast::PartItem::Article(a) => Some(a),
                    _ => None,
                })
                .collect(),
        };
        for a in articles {
            for item in &a.items {
                match item {
                    pacta::ast::ArticleItem::Provision(p) => visit(p),
                    pacta::ast::ArticleItem::Paragraph(para) => {
                        para.provisions.iter().for_each(&mut visit)
                    }
                }
            }
        }
    }
    out
}

#[test]
fn provisions_in_words() {
    let text: String = sentences()
        .iter()
        .map(|(k, s)| format!("{k}\n  {s}\n"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(text);
}

#[test]
fn every_provision_kind_and_field_has_a_sentence() {
    let all = sentences();
    let kinds: Vec<&str> = all.iter().map(|(k, _)| k.as_str()).collect();
    let mut missing = Vec::new();
    for b in schema::BLOCKS {
        if !kinds.contains(b) {
            missing.push(format!("block {b}"));
        }
    }
    for l in schema::LINES {
        if !kinds.contains(&format!("{l}:").as_str()) {
            missing.push(format!("line {l}:"));
        }
    }
    for k in ["define", "scope"] {
        if !kinds.contains(&k) {
            missing.push(k.to_string());
        }
    }
    if !kinds.iter().any(|k| k.starts_with("benefit ")) {
        missing.push("benefit".into());
    }
    assert!(missing.is_empty(), "kinds.pacta lacks {missing:#?}");
    // Every field of every block and of `benefit` is in kinds.pacta and has its own wording: the
    // generic "Field: value." is never used.
    let doc = pacta::syntax::parse(KINDS).document.unwrap();
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut collect = |p: &pacta::ast::Provision| match p {
        pacta::ast::Provision::Block(b) => fields.extend(
            b.fields
                .iter()
                .map(|f| (b.keyword.value.clone(), f.name.value.clone())),
        ),
        pacta::ast::Provision::Benefit(b) => fields.extend(
            b.fields
                .iter()
                .map(|f| ("benefit".to_string(), f.name.value.clone())),
        ),
        _ => {}
    };
    for d in &doc.body {
        if let pacta::ast::Division::Article(a) = d {
            for i in &a.items {
                if let pacta::ast::ArticleItem::Provision(p) = i {
                    collect(p);
                }
            }
        }
    }
    for b in schema::BLOCKS {
        for f in schema::block_fields(b).unwrap() {
            if !fields.contains(&(b.to_string(), f.name.to_string())) {
                missing.push(format!("{b} {{ {} }}", f.name));
            }
        }
    }
    for f in schema::BENEFIT {
        if !fields.contains(&("benefit".to_string(), f.name.to_string())) {
            missing.push(format!("benefit {{ {} }}", f.name));
        }
    }
    assert!(
        missing.is_empty(),
        "kinds.pacta lacks the fields {missing:#?}"
    );
    for (k, s) in &all {
        let generic = s.split(". ").any(|sentence| {
            sentence.split_once(": ").is_some_and(|(head, _)| {
                let head = head.to_lowercase();
                schema::BENEFIT
                    .iter()
                    .any(|f| head == f.name.replace('-', " "))
                    || schema::BLOCKS
                        .iter()
                        .flat_map(|b| schema::block_fields(b).unwrap())
                        .any(|f| head == f.name.replace('-', " "))
            })
        });
        assert!(
            !generic,
            "{k}: a field falls back to the generic wording: {s}"
        );
        assert!(!s.contains('`'), "{k}: {s}");
        assert!(
            s.ends_with('.'),
            "{k}: a sentence ends with a full stop: {s}"
        );
    }
}

#[test]
fn a_posting_rule_reads_like_the_model_provisions() {
    let text = read("agreements/r167-model.pacta");
    let checked = pacta::check_source("r167-model.pacta", &text, &Config::default());
    let a = checked.agreement.unwrap();
    let names = words::Names::of(&a);
    let r = a.rule("8.1").unwrap();
    assert_eq!(
        words::rule(&r.rule, &names),
        "A person who is employed in the territory of one Party, whose employer has its registered office or place of business in the territory of the other Party and who is sent by the employer to work there temporarily shall, notwithstanding Rule 7.1, be subject to the legislation of the other Party for a period not exceeding 24 months, which the competent authorities may extend by 24 months. The same person may not be sent again under this provision until 6 months have elapsed since the end of the previous period. This provision does not apply to a person sent to replace another person whose period has ended."
    );
    assert_eq!(
        words::rule(&a.rule("7.1").unwrap().rule, &names),
        "A person who is employed in the territory of one Party shall be subject to the legislation of that Party."
    );
}

// ───────────────────────────── every shape of a rule and a scope line ─────────────────────────────

use pacta::ast::{ClauseKind, ConditionKind, Place, Places, Status};

/// The shape of a condition, for the coverage test below. The match has no catch-all: a new
/// condition fails to compile here until it is named, in `CONDITIONS` too.
fn condition_shape(c: &ConditionKind) -> &'static str {
    match c {
        ConditionKind::Activity {
            and_then: Some(_), ..
        } => "activity in X and activity in Y",
        ConditionKind::Activity {
            places: Places::Several(_),
            ..
        } => "activity in several",
        ConditionKind::Activity { .. } => "activity in X",
        ConditionKind::WorksIn(_) => "works in",
        ConditionKind::Employer(Place::In(_)) => "employer in",
        ConditionKind::Employer(Place::Elsewhere | Place::Away) => "employer elsewhere",
        ConditionKind::Resides(Place::In(_)) => "resides in",
        ConditionKind::Resides(Place::Elsewhere) => "resides elsewhere",
        ConditionKind::Resides(Place::Away) => "resides away",
        ConditionKind::Posted(..) => "posted",
        ConditionKind::ExtensionGranted => "extension granted",
        ConditionKind::National(_) => "national of",
        ConditionKind::NotPosted => "not posted",
        ConditionKind::UsuallySelfEmployedIn(_) => "usually self-employed in",
        ConditionKind::Status(s, _) => s.keyword(),
    }
}

const CONDITIONS: &[&str] = &[
    "activity in X and activity in Y",
    "activity in several",
    "activity in X",
    "works in",
    "employer in",
    "employer elsewhere",
    "resides in",
    "resides elsewhere",
    "resides away",
    "posted",
    "extension granted",
    "national of",
    "not posted",
    "usually self-employed in",
    "seafarer",
    "aircrew",
    "transport-crew",
    "civil-servant",
    "mission-staff",
    "locally-engaged",
    "non-active",
    "accompanying",
];

/// The shape of a clause; no catch-all, as above.
fn clause_shape(c: &ClauseKind) -> &'static str {
    match c {
        ClauseKind::Overrides(_) => "overrides",
        ClauseKind::Limit(_) => "limit",
        ClauseKind::LimitFirst(_) => "limit first",
        ClauseKind::Branches(_) => "branches",
        ClauseKind::Begun { before: true, .. } => "begun before",
        ClauseKind::Begun { before: false, .. } => "begun from",
        ClauseKind::Allocation(true) => "per-activity",
        ClauseKind::Allocation(false) => "person-level",
        ClauseKind::Extension {
            duration: Some(_), ..
        } => "extension D",
        ClauseKind::Extension { duration: None, .. } => "extension",
        ClauseKind::RepostGap(_) => "repost-gap",
        ClauseKind::NoReplacement => "no-replacement",
        ClauseKind::Where { .. } => "where",
    }
}

const CLAUSES: &[&str] = &[
    "overrides",
    "limit",
    "limit first",
    "branches",
    "begun before",
    "begun from",
    "per-activity",
    "person-level",
    "extension D",
    "extension",
    "repost-gap",
    "no-replacement",
    "where",
];

/// Every rule and scope line of kinds.pacta.
fn rules_and_scopes() -> (Vec<pacta::ast::Rule>, Vec<pacta::ast::Scope>) {
    let doc = pacta::syntax::parse(KINDS).document.unwrap();
    let (mut rules, mut scopes) = (Vec::new(), Vec::new());
    for d in &doc.body {
        if let pacta::ast::Division::Article(a) = d {
            for i in &a.items {
                match i {
                    pacta::ast::ArticleItem::Provision(pacta::ast::Provision::Rule(r)) => {
                        rules.push(r.clone())
                    }
                    pacta::ast::ArticleItem::Provision(pacta::ast::Provision::Scope(s)) => {
                        scopes.push(s.clone())
                    }
                    _ => {}
                }
            }
        }
    }
    (rules, scopes)
}

#[test]
fn every_condition_clause_and_coverage_basis_is_in_the_words_snapshot() {
    let (rules, scopes) = rules_and_scopes();
    let conditions: Vec<&str> = rules
        .iter()
        .flat_map(|r| &r.conditions)
        .map(|c| condition_shape(&c.kind))
        .collect();
    let clauses: Vec<&str> = rules
        .iter()
        .flat_map(|r| &r.clauses)
        .map(|c| clause_shape(&c.kind))
        .collect();
    let missing: Vec<&&str> = CONDITIONS
        .iter()
        .filter(|c| !conditions.contains(c))
        .chain(CLAUSES.iter().filter(|c| !clauses.contains(c)))
        .collect();
    assert!(
        missing.is_empty(),
        "kinds.pacta has no rule with {missing:?}"
    );
    let bases: Vec<&str> = scopes
        .iter()
        .flat_map(|s| &s.bases)
        .map(|b| b.value.as_str())
        .collect();
    for (key, _, _) in pacta::model::basis::BASES {
        assert!(bases.contains(key), "kinds.pacta has no scope line `{key}`");
    }
    // Each clause and basis changes the sentence: its words are there, not dropped.
    let checked = pacta::check_source("kinds.pacta", KINDS, &Config::default());
    let names = words::Names::of(checked.agreement.as_ref().unwrap());
    for r in &rules {
        let s = words::rule(r, &names);
        for c in &r.clauses {
            let expected = match &c.kind {
                ClauseKind::LimitFirst(d) => format!("for the first {d}"),
                ClauseKind::Branches(_) => "survivors' benefit only".into(),
                ClauseKind::Begun { before: true, .. } => "began before 1 January 1996".into(),
                ClauseKind::Begun { before: false, .. } => {
                    "began on or after 1 January 1996".into()
                }
                ClauseKind::Allocation(true) => "Each activity is considered separately".into(),
                ClauseKind::Allocation(false) => "all the activities of the person together".into(),
                _ => continue,
            };
            assert!(s.contains(&expected), "rule {}: {s}", r.label.value);
        }
        for c in &r.conditions {
            let expected = match &c.kind {
                ConditionKind::National(_) => "who is a national of",
                ConditionKind::ExtensionGranted => "the competent authorities have extended",
                ConditionKind::NotPosted => "who is not sent to work there",
                ConditionKind::Status(Status::Accompanying, _) => "accompanying a worker",
                _ => continue,
            };
            assert!(s.contains(expected), "rule {}: {s}", r.label.value);
        }
    }
}

// ───────────────────────────── the command ─────────────────────────────

fn cli(args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("pacta")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_writes_the_same_document_to_a_file_or_stdout() {
    let dir = std::env::temp_dir().join(format!("pacta-render-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("model.html");
    let path = file.to_str().unwrap();
    let to_file = cli(&[
        "render",
        "agreements/r167-model.pacta",
        "--format",
        "html",
        "-o",
        path,
    ]);
    assert_eq!(to_file.status.code(), Some(0), "{to_file:?}");
    assert!(to_file.stdout.is_empty());
    let stdout = cli(&["render", "agreements/r167-model.pacta"]);
    assert_eq!(stdout.status.code(), Some(0));
    let written = std::fs::read(&file).unwrap();
    assert_eq!(written, stdout.stdout, "-o and stdout give the same bytes");
    let text = read("agreements/r167-model.pacta");
    assert_eq!(
        String::from_utf8(written).unwrap(),
        render_text("agreements/r167-model.pacta", &text, &margin()),
        "the command renders what the library renders"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_clean_copy_in_one_language() {
    let out = cli(&[
        "render",
        "tests/fixtures/render/bilingual.pacta",
        "--findings",
        "none",
        "--lang",
        "fr",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("data-code="), "no finding in the clean copy");
    assert!(!html.contains("id=\"findings\""));
    assert!(html.contains("lang=\"fr\" dir=\"auto\""));
    assert!(!html.contains("lang=\"en\" dir="), "only the French column");
}

#[test]
fn a_language_the_agreement_is_not_written_in_is_refused() {
    let out = cli(&[
        "render",
        "tests/fixtures/render/bilingual.pacta",
        "--lang",
        "en,de",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing rendered");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--lang de") && stderr.contains("its languages are en, fr"),
        "{stderr}"
    );
}

#[test]
fn a_file_that_does_not_parse_renders_nothing() {
    let dir = std::env::temp_dir().join(format!("pacta-render-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.pacta");
    std::fs::write(&file, "agreement \"x\" {\n  languages en\n").unwrap();
    let out = cli(&["render", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("nothing rendered"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_treaty_closes_with_its_testimonium_and_a_signature_block_per_party() {
    let html = render_text(
        "r167-model.pacta",
        &read("agreements/r167-model.pacta"),
        &margin(),
    );
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in the document"))
    };
    // Preamble, the Articles, the closing formula, the signatures, then the annex of the Parties.
    assert!(at("id=\"preamble\"") < at("<main>"));
    assert!(at("</main>") < at("id=\"signature\""));
    assert!(at("id=\"signature\"") < at("id=\"parties\""));
    assert!(html.contains("In witness whereof, the undersigned, being duly authorised thereto, have signed this Agreement."));
    assert!(html.contains(
        "in duplicate in the English and French languages, both texts being equally authentic."
    ));
    let signatories: Vec<&str> = html
        .match_indices("<div class=\"signatory\" data-party=\"")
        .map(|(i, m)| &html[i + m.len()..i + m.len() + 2])
        .collect();
    assert_eq!(signatories, ["XA", "XB"]);
    assert!(html.contains("For the Republic of Meridia:"));
    assert!(html.contains("For the Kingdom of Norland:"));
    // A signed text (no `draft:`) is done on its `date:`; a draft leaves the date blank.
    let signed = render_text("nl-jp.pacta", &read("agreements/nl-jp.pacta"), &margin());
    assert!(signed
        .contains("Done at The Hague on 21 February 2008, in duplicate in the English language."));
    assert!(html.contains("Done at …………………… on ……………………, in duplicate"));
    // The prevailing text is named in the closing formula too.
    let bilingual = render_text(
        "bilingual.pacta",
        &read("tests/fixtures/render/bilingual.pacta"),
        &margin(),
    );
    assert!(bilingual
        .contains("In case of divergence of interpretation, the English text shall prevail."));
    // Block provisions are headed in words, not by their keyword.
    assert!(html.contains("<span class=\"label\">Equality of treatment</span>"));
    assert!(!html.contains("<span class=\"label\">equal-treatment</span>"));
}

#[test]
fn the_redline_of_diff_shares_the_look_and_the_sentences() {
    let old = read("agreements/r167-model.pacta");
    let new = old.replacen("limit 24 months", "limit 36 months", 1);
    let (a, b) = (
        pacta::check_source("old.pacta", &old, &Config::default()),
        pacta::check_source("new.pacta", &new, &Config::default()),
    );
    let report = pacta::diff::diff(
        pacta::diff::Draft::of(&a).unwrap(),
        pacta::diff::Draft::of(&b).unwrap(),
    );
    let html = pacta::diff::render::html::render(&report);
    // The same sheet as the rendered agreement, and the same protection.
    assert!(html.contains(render::style::BASE));
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    let document = render_text("r167-model.pacta", &old, &margin());
    assert!(document.contains(render::style::BASE));
    // The changed rule in the same words as `pacta render` gives them, old struck, new underlined.
    let (ma, mb) = (a.agreement.unwrap(), b.agreement.unwrap());
    let was = words::rule(&ma.rule("8.1").unwrap().rule, &words::Names::of(&ma));
    let now = words::rule(&mb.rule("8.1").unwrap().rule, &words::Names::of(&mb));
    assert!(now.contains("not exceeding 36 months"), "{now}");
    assert!(html.contains(&format!("<del>{}</del>", render::style::escape(&was))));
    assert!(html.contains(&format!("<ins>{}</ins>", render::style::escape(&now))));
    assert!(document.contains(&render::style::escape(&was)));
}

#[test]
fn findings_about_a_party_stand_beside_the_party_in_the_annex() {
    let html = render_text("kinds.pacta", KINDS, &margin());
    let start = html.find("id=\"party_XA\"").unwrap();
    let end = start + html[start..].find("</div>\n").unwrap();
    let party = &html[start..end];
    assert!(
        html[..start].ends_with("<div class=\"party with-margin\" "),
        "{party}"
    );
    assert!(party.contains("<aside class=\"margin\">"));
    assert!(party.contains("data-code=\"P607\""), "{party}");
    // The summary sends the reader there.
    assert!(html.contains("<a href=\"#party_XA\">Annex, XA</a>"));
    // The clean copy has no margin.
    let clean = render_text(
        "kinds.pacta",
        KINDS,
        &Options {
            languages: None,
            findings: false,
        },
    );
    assert!(clean.contains("<div class=\"party\" id=\"party_XA\">"));
    assert!(!clean.contains("data-code="));
}

#[test]
fn a_finding_about_a_scenario_says_so_in_the_summary() {
    let text = read("agreements/r167-model.pacta")
        + "\nscenario \"a wrong expectation\" {\n  situation: employed in XB, employer in XA, resides in XA, posted 18 months\n  expect: XB by 7.1\n}\n";
    let checked = pacta::check_source("t.pacta", &text, &Config::default());
    let start = text.find("scenario \"a wrong expectation\"").unwrap();
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.primary.span.start >= start),
        "the wrong expectation is a finding: {:#?}",
        checked.diagnostics
    );
    let html = render_text("t.pacta", &text, &margin());
    assert!(html.contains("(scenario “a wrong expectation”)"), "{html}");
}
