//! Syntax errors (P001) in words, and resynchronisation so that one run reports every independent
//! syntax error of a file.

use super::parser::{PactaParser, Rule};
use crate::diag::{Diagnostic, Severity};
use crate::span::Span;
use crate::suggest::did_you_mean;
use pest::error::{ErrorVariant, InputLocation};
use pest::Parser;

/// The most syntax errors reported for one file.
const MAX_ERRORS: usize = 50;

/// Words that start a construct the parser can resume at.
pub(crate) const SYNC_WORDS: &[&str] = &[
    "article",
    "chapter",
    "part",
    "party",
    "scenario",
    "agreement",
];

/// Words that open a block with `{`.
const OPENERS: &[&str] = &[
    "article",
    "chapter",
    "part",
    "party",
    "scenario",
    "agreement",
    "paragraph",
    "benefit",
];

/// Report the first error, then resume at the next article, chapter, part or top-level item after
/// each error until the rest of the file parses.
pub(super) fn collect(source: &str, first: pest::error::Error<Rule>) -> Vec<Diagnostic> {
    let mut diags = vec![to_diagnostic(source, &first, 0)];
    let mut position = error_offset(&first);
    while diags.len() < MAX_ERRORS {
        let Some(sync) = next_sync_point(source, position) else {
            break;
        };
        match PactaParser::parse(Rule::recovery, &source[sync..]) {
            Ok(_) => break,
            Err(e) => {
                let at = sync + error_offset(&e);
                if at <= position {
                    break;
                }
                diags.push(to_diagnostic(source, &e, sync));
                position = at;
            }
        }
    }
    diags
}

pub(crate) fn error_offset(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

/// The start of the first line after `offset` whose first word opens an article, chapter, part or
/// top-level item.
pub(crate) fn next_sync_point(source: &str, offset: usize) -> Option<usize> {
    let mut line_start = source[offset.min(source.len())..]
        .find('\n')
        .map(|i| offset + i + 1)?;
    while line_start < source.len() {
        let line_end = source[line_start..]
            .find('\n')
            .map_or(source.len(), |i| line_start + i);
        let line = &source[line_start..line_end];
        let trimmed = line.trim_start();
        let word: String = trimmed
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if SYNC_WORDS.contains(&word.as_str()) {
            return Some(line_start + (line.len() - trimmed.len()));
        }
        line_start = line_end + 1;
    }
    None
}

/// The token found at an error position, for "found `…`".
fn found_token(source: &str, at: usize) -> (String, Span) {
    let rest = &source[at.min(source.len())..];
    let Some(first) = rest.chars().next() else {
        return ("end of file".to_string(), Span::new(at, at));
    };
    let len = if first.is_alphanumeric() || first == '-' || first == '_' || first == '#' {
        rest.char_indices()
            .skip(1)
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '.'))
            .map_or(rest.len(), |(i, _)| i)
    } else if first == '"' {
        rest[1..]
            .find(['"', '\n'])
            .map_or(rest.len(), |i| i + 2)
            .min(rest.len())
    } else {
        // A run of operator characters reads as one token (`=>`, `::`).
        rest.char_indices()
            .find(|(_, c)| c.is_alphanumeric() || c.is_whitespace() || "\"{}()[],#".contains(*c))
            .map_or(rest.len(), |(i, _)| i.max(first.len_utf8()))
    };
    let text = &rest[..len];
    let shown: String = text.chars().take(40).collect();
    let description = if first == '\n' || first == '\r' {
        "end of line".to_string()
    } else {
        format!("`{shown}`")
    };
    (description, Span::new(at, at + len))
}

/// What a grammar rule stands for, in words a negotiator can act on.
fn describe(r: Rule, parent: Option<Rule>) -> Option<&'static str> {
    use Rule::*;
    let in_branch_list = matches!(parent, Some(scope) | Some(institution));
    Some(match r {
        string | string_body => "a string in double quotes",
        prose | prose_body => "a prose block in triple quotes",
        number => "a whole number",
        article_number => "an article number such as `7`, `5bis` or `IV`",
        roman => "a Roman numeral such as `II`",
        label | label_value => "a label such as `7.1`",
        tag => "a tag such as `#posting`",
        party_ref | variable | target => {
            "a Party code such as `XA`, or a party variable such as `X`"
        }
        unit => "a unit of time such as `months` or `years`",
        duration => "a duration such as `24 months`",
        date => "a date such as `2026-05-01`",
        item | list | word | code | integer | percent | field | field_name if in_branch_list => {
            "a branch such as `old-age`, or `all`"
        }
        item | list | word | code | integer | percent => "a value",
        field | field_name => "a field such as `branches: …`",
        block | block_keyword => "a provision block such as `aggregation { … }`",
        line | line_keyword => "a line provision such as `personal-scope: …`",
        conditions | activity_cond | activity => "a condition such as `employed in X`",
        places | several => "a Party, a party variable or `several`",
        works_cond => "`works in X`",
        employer_cond => "`employer in X` or `employer elsewhere`",
        resides_cond => "`resides in X`, `resides elsewhere` or `resides away`",
        elsewhere => "`elsewhere`",
        away => "`away`",
        posted_cond => "`posted`",
        not_posted => "`not posted`",
        usually_cond => "`usually self-employed in X`",
        status_cond | seafarer | aircrew | transport_crew | civil_servant | mission_staff
        | locally_engaged | non_active => "a special status such as `seafarer` or `civil-servant`",
        overrides | limit | extension | repost_gap | no_replacement | where_clause => {
            "a rule clause such as `overrides 6.1` or `limit 24 months`"
        }
        check_ref => "a check code such as `P303`, or a check name",
        expectation | gap | overlap => "an outcome: a Party, `gap` or `overlap`",
        agreement => "the agreement header `agreement \"title\" { … }`",
        party => "a Party `party XA \"name\" { … }`",
        part => "a Part `part I \"title\" { … }`",
        chapter => "a chapter `chapter 1 \"title\" { … }`",
        article => "an article `article 1 \"title\" { … }`",
        paragraph => "a paragraph `paragraph 1 { … }`",
        scenario => "a scenario `scenario \"name\" { … }`",
        situation => "`situation: …`",
        expect => "`expect: …`",
        rule => "a rule `rule 6.1: … -> X`",
        text => "prose `text \"\"\"…\"\"\"`",
        allow => "a suppression `allow P303 \"reason\"`",
        define => "a definition `define \"term\": \"meaning\"`",
        scope => "a material-scope line `scope XA \"law\": branches`",
        benefit => "a branch provision `benefit medical-care { … }`",
        institution => "an institution `institution \"name\": branches`",
        scope_basis => "a coverage basis such as `residence-based`",
        national_cond => "`national of X`",
        extension_granted => "`extension granted`",
        accompanying => "`accompanying X`",
        branches_clause | begun_clause | per_activity | person_level | first | before | from => {
            "a rule clause such as `branches old-age` or `begun before 1996-01-01`"
        }
        outcome => "an outcome: a Party, `gap` or `overlap`",
        EOI => "the end of the file",
        _ => return None,
    })
}

/// Turn a pest error into a P001 diagnostic; `base` is added to every offset (for errors found
/// while parsing a tail of the file).
pub(super) fn to_diagnostic(source: &str, e: &pest::error::Error<Rule>, base: usize) -> Diagnostic {
    let mut expected: Vec<String> = Vec::new();
    let mut keywords: Vec<String> = Vec::new();
    let push = |list: &mut Vec<String>, s: String| {
        if !list.contains(&s) {
            list.push(s);
        }
    };
    let mut at = error_offset(e);
    let positives: &[Rule] = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { .. } => &[],
    };
    let in_branch_list = after_branch_list_colon(source, base + at);
    if let Some(attempts) = e.parse_attempts().filter(|a| a.max_position >= at) {
        // With error detail on, pest tracks literal tokens too, so its furthest position is the
        // real point of failure; the rules pest names are only meaningful at that same position.
        if attempts.max_position == at {
            for r in positives {
                let parent = if in_branch_list {
                    Some(Rule::scope)
                } else {
                    None
                };
                if let Some(d) = describe(*r, parent) {
                    push(&mut expected, d.to_string());
                }
            }
        }
        at = attempts.max_position;
        for t in attempts.expected_tokens() {
            // Literal tokens print as themselves; ranges print as `a..z`, built-ins as a name.
            let token = t.to_string();
            let noise = token.trim().is_empty()
                || matches!(
                    token.as_str(),
                    "BUILTIN_RULE" | "-" | "_" | "//" | "\u{feff}" | "\"" | "#" | "\"\"\""
                )
                || (token.len() > 2 && token.contains(".."));
            if !noise {
                keywords.push(token.clone());
                let described = keyword_rule(&token).and_then(|r| describe(r, None));
                push(
                    &mut expected,
                    described.map_or_else(|| format!("`{token}`"), str::to_string),
                );
            }
        }
    }
    if expected.is_empty() {
        // The furthest attempt was inside a look-ahead; fall back to pest's own position.
        at = error_offset(e);
        if let ErrorVariant::ParsingError { positives, .. } = &e.variant {
            let parent = in_branch_list.then_some(Rule::scope);
            for r in positives {
                if let Some(d) = describe(*r, parent) {
                    push(&mut expected, d.to_string());
                }
            }
        }
    }
    if expected.is_empty() && in_branch_list {
        push(
            &mut expected,
            describe(Rule::item, Some(Rule::scope))
                .unwrap_or_default()
                .to_string(),
        );
    }
    collapse_provisions(&mut expected);
    // Punctuation reads best at the end of the list.
    expected.sort_by_key(|s| s.starts_with('`') && !s[1..].starts_with(char::is_alphabetic));
    let at = base + at;
    if let Some(d) = unterminated(source, at) {
        return d;
    }
    let (found, span) = found_token(source, at);
    let expected = summarise(expected);
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {expected}, found {found}")
    };
    let mut d = Diagnostic::new("P001", Severity::Error, message, span)
        .label(format!("unexpected {found}"));
    let word = source.get(span.range()).unwrap_or("");
    // A construct that opens a block, where it cannot stand, out of step with the layout: the
    // block before it was left open.
    if OPENERS.contains(&word) {
        if let Some(u) = super::braces::unclosed(source, at).filter(|u| u.by_layout) {
            return unclosed_block(source, &u, span, &found);
        }
    }
    if (found == "end of file" && unclosed_braces(source))
        || (SYNC_WORDS.contains(&word) && expected.contains("`}`"))
    {
        if let Some(u) = super::braces::unclosed(source, at) {
            return unclosed_block(source, &u, span, &found);
        }
        return d.help("a block before this point may be missing its closing `}`");
    }
    // Only what is valid at this point is suggested: the words the grammar tried here.
    let wordlike = word.chars().next().is_some_and(|c| c.is_alphanumeric());
    let candidates = keywords.iter().map(String::as_str);
    if let Some(s) = did_you_mean(word, candidates).filter(|_| wordlike) {
        d = d.help(format!("did you mean `{s}`?"));
    } else if let [only] = keywords.as_slice() {
        // One piece of punctuation was all that could come here: it was left out.
        if matches!(only.as_str(), ":" | "->" | "{" | ",") {
            let before = source[..at].trim_end_matches([' ', '\t']);
            let after = source[..before.len()]
                .split_whitespace()
                .last()
                .unwrap_or("");
            let insert = Span::new(before.len(), before.len());
            let text = if only == ":" {
                ":".to_string()
            } else {
                format!(" {only}")
            };
            d = d.help(format!("insert `{only}` after `{after}`")).fix(
                format!("Insert `{only}`"),
                insert,
                text,
            );
        }
    }
    d
}

/// The finding for a block whose `{` is never closed, laid on the line that opens it.
fn unclosed_block(
    source: &str,
    u: &super::braces::Unclosed,
    noticed: Span,
    found: &str,
) -> Diagnostic {
    let opening = source.get(u.opening.range()).unwrap_or("");
    let head: String = opening
        .trim_end_matches('{')
        .trim_end()
        .chars()
        .take(60)
        .collect();
    let line = source[..u.insert_at.min(source.len())]
        .matches('\n')
        .count()
        + 1;
    let (place, text) = if u.insert_at >= source.len() {
        let newline = if source.ends_with('\n') { "" } else { "\n" };
        (
            "at the end of the file".to_string(),
            format!("{newline}{}}}\n", u.indent),
        )
    } else {
        (format!("before line {line}"), format!("{}}}\n", u.indent))
    };
    Diagnostic::new(
        "P001",
        Severity::Error,
        format!("`{head}` is never closed: its `{{` has no matching `}}`"),
        u.opening,
    )
    .label("this `{` is not closed")
    .secondary(noticed, format!("the parser noticed at {found}"))
    .help(format!("close it with `}}` {place}"))
    .fix(
        "Insert the missing `}`",
        Span::new(u.insert_at, u.insert_at),
        text,
    )
}

/// The grammar rule that a keyword opens, so that a keyword and its rule read as one entry.
fn keyword_rule(token: &str) -> Option<Rule> {
    use Rule::*;
    Some(match token {
        "agreement" => agreement,
        "party" => party,
        "part" => part,
        "chapter" => chapter,
        "article" => article,
        "paragraph" => paragraph,
        "rule" => rule,
        "scenario" => scenario,
        "text" => text,
        "allow" => allow,
        "define" => define,
        "scope" => scope,
        "benefit" => benefit,
        "institution" => institution,
        "situation" => situation,
        "expect" => expect,
        "equal-treatment"
        | "export"
        | "aggregation"
        | "calculation"
        | "minimum-period"
        | "overlapping"
        | "administration"
        | "transitional"
        | "termination"
        | "exceptions"
        | "voluntary-insurance"
        | "residence-fiction" => block,
        "personal-scope"
        | "regardless-of"
        | "excluded-categories"
        | "excluded"
        | "duration"
        | "entry-into-force"
        | "signature"
        | "see" => line,
        "overrides" | "limit" | "extension" | "repost-gap" | "no-replacement" | "where" => {
            overrides
        }
        "day" | "days" | "week" | "weeks" | "month" | "months" | "quarter" | "quarters"
        | "year" | "years" => unit,
        "employed" | "self-employed" | "mixed" | "works" | "employer" | "resides" | "posted"
        | "not" | "usually" | "seafarer" | "aircrew" | "transport-crew" | "civil-servant"
        | "mission-staff" | "locally-engaged" | "non-active" => conditions,
        _ => return None,
    })
}

/// A string or prose block opened at or just before `at` and never closed.
fn unterminated(source: &str, at: usize) -> Option<Diagnostic> {
    let line_start = source
        .get(..at.min(source.len()))?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = source
        .get(at..)?
        .find('\n')
        .map_or(source.len(), |i| at + i);
    let line = source.get(line_start..line_end)?;
    if let Some(open) = line.find("\"\"\"") {
        let open = line_start + open;
        if open <= at + 2 && !source.get(open + 3..)?.contains("\"\"\"") {
            return Some(
                Diagnostic::new(
                    "P001",
                    Severity::Error,
                    "this prose block is never closed",
                    Span::new(open, open + 3),
                )
                .label("opened here")
                .help("close the prose with `\"\"\"`"),
            );
        }
        return None;
    }
    let prefix = line
        .get(..at.saturating_sub(line_start) + 1)
        .unwrap_or(line);
    let quotes = prefix
        .matches('"')
        .count()
        .saturating_sub(prefix.matches("\\\"").count());
    if quotes % 2 == 1
        && !line
            .get(at.saturating_sub(line_start) + 1..)
            .unwrap_or("")
            .contains('"')
    {
        let open = line_start
            + line
                .get(..at.saturating_sub(line_start) + 1)
                .unwrap_or(line)
                .rfind('"')?;
        return Some(
            Diagnostic::new("P001", Severity::Error, "this string is not closed on its line", Span::new(open, line_end))
                .label("string opened here")
                .help("end the string with `\"` on the same line; use `\"\"\"` for prose over several lines"),
        );
    }
    None
}

/// Whether the source opens more `{` than it closes (outside strings and comments, roughly).
fn unclosed_braces(source: &str) -> bool {
    let mut depth: i64 = 0;
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut in_string = false;
        for c in code.chars() {
            match c {
                '"' => in_string = !in_string,
                '{' if !in_string => depth += 1,
                '}' if !in_string => depth -= 1,
                _ => {}
            }
        }
    }
    depth > 0
}

/// Whether the last thing before `at` is the colon of a `scope` or `institution` line, where a
/// branch list is expected.
fn after_branch_list_colon(source: &str, at: usize) -> bool {
    let before = source.get(..at.min(source.len())).unwrap_or("").trim_end();
    if !before.ends_with(':') {
        return false;
    }
    let line = before.rsplit('\n').next().unwrap_or("").trim_start();
    line.starts_with("scope ") || line.starts_with("institution ") || line.starts_with("schemes")
}

/// Inside an article the parser could take any provision; say so in one entry rather than nine.
fn collapse_provisions(expected: &mut Vec<String>) {
    use Rule::*;
    let provisions: Vec<String> = [
        paragraph,
        rule,
        text,
        allow,
        define,
        scope,
        benefit,
        block_keyword,
        line_keyword,
    ]
    .iter()
    .filter_map(|r| describe(*r, None))
    .map(str::to_string)
    .collect();
    let present = expected.iter().filter(|e| provisions.contains(e)).count();
    if present >= 4 {
        expected.retain(|e| !provisions.contains(e));
        expected.insert(
            0,
            "a provision such as `rule 6.1: … -> X`, `text \"\"\"…\"\"\"`, `scope XA \"law\": …`, \
             `aggregation { … }` or `personal-scope: …`"
                .to_string(),
        );
    }
}

/// Join descriptions as "a, b or c", shortening long lists.
fn summarise(mut items: Vec<String>) -> String {
    const MAX: usize = 7;
    if items.len() > MAX {
        items.truncate(MAX);
        items.push("another construct".to_string());
    }
    match items.len() {
        0 => String::new(),
        1 => items.remove(0),
        _ => {
            let last = items.pop().unwrap_or_default();
            format!("{} or {}", items.join(", "), last)
        }
    }
}
