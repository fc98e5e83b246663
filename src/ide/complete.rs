//! Completion: what may be written at the cursor, from the construct around it — the field names
//! of the block the cursor is in, the values a field takes, Party codes where a Party is
//! expected, branches where a branch is, rule labels after `overrides` or `by`, check codes after
//! `allow`. The context is read from the tokens before the cursor (the tokenizer never fails), and
//! the names offered (Parties, rule labels, tags) from the tokens of the whole text, so completion
//! works in a file with syntax errors anywhere, the cursor's own construct included.

use super::{Completion, CompletionKind};
use crate::model::schema::{self, FieldSpec, Values};
use crate::syntax::tokens::{Token, TokenKind};

/// The construct that holds the cursor, from the first word of the line that opened it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame<'t> {
    Top,
    Agreement,
    Party,
    Part,
    Chapter,
    Article,
    Paragraph,
    Block(&'t str),
    Benefit,
    Scenario,
    Unknown,
}

impl<'t> Frame<'t> {
    fn of(head: Option<&'t str>) -> Frame<'t> {
        match head {
            Some("agreement") => Frame::Agreement,
            Some("party") => Frame::Party,
            Some("part") => Frame::Part,
            Some("chapter") => Frame::Chapter,
            Some("article") => Frame::Article,
            Some("paragraph") => Frame::Paragraph,
            Some("benefit") => Frame::Benefit,
            Some("scenario") => Frame::Scenario,
            Some(k) if schema::block_fields(k).is_some() => Frame::Block(k),
            _ => Frame::Unknown,
        }
    }

    /// The fields a `name: value` line may name here.
    fn fields(self) -> &'static [FieldSpec] {
        match self {
            Frame::Agreement => schema::HEADER,
            Frame::Party => schema::PARTY,
            Frame::Benefit => schema::BENEFIT,
            Frame::Block(k) => schema::block_fields(k).unwrap_or(&[]),
            _ => &[],
        }
    }
}

const TOP: &[&str] = &["agreement", "party", "part", "article", "scenario"];
const PROVISIONS: &[&str] = &["rule", "text", "define", "scope", "benefit", "allow"];
const CLAUSES: &[&str] = &[
    "overrides",
    "limit",
    "extension",
    "branches",
    "begun",
    "per-activity",
    "person-level",
    "repost-gap",
    "no-replacement",
    "where",
];
const CONDITIONS: &[&str] = &[
    "employed",
    "self-employed",
    "mixed",
    "works",
    "employer",
    "resides",
    "posted",
    "national",
    "not",
    "usually",
    "seafarer",
    "aircrew",
    "transport-crew",
    "civil-servant",
    "mission-staff",
    "locally-engaged",
    "non-active",
    "accompanying",
];

/// The names a document declares, read from its tokens so that a broken construct still counts.
struct Names<'t> {
    parties: Vec<(&'t str, &'t str)>,
    labels: Vec<(&'t str, &'t str)>,
    tags: Vec<&'t str>,
}

impl<'t> Names<'t> {
    fn read(text: &'t str, tokens: &[Token], lines: &Lines) -> Names<'t> {
        let word = |t: &Token| &text[t.span.range()];
        let mut names = Names {
            parties: Vec::new(),
            labels: Vec::new(),
            tags: Vec::new(),
        };
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || !starts_line(text, t) {
                continue;
            }
            let next = tokens.get(i + 1).filter(|n| n.kind == TokenKind::Word);
            match (word(t), next) {
                ("party", Some(code)) => {
                    let name = tokens
                        .get(i + 2)
                        .filter(|s| s.kind == TokenKind::Str)
                        .map_or("", |s| word(s).trim_matches('"'));
                    names.parties.push((word(code), name));
                }
                ("rule", Some(label)) => {
                    let line_end = text[t.span.start..]
                        .find('\n')
                        .map_or(text.len(), |e| t.span.start + e);
                    names
                        .labels
                        .push((word(label), text[t.span.start..line_end].trim()));
                }
                ("article", _) => {
                    let line = lines.of(t.span.start);
                    for tag in tokens[i..]
                        .iter()
                        .take_while(|n| lines.of(n.span.start) == line && n.kind != TokenKind::Open)
                        .filter(|n| n.kind == TokenKind::Word && word(n).starts_with('#'))
                    {
                        names.tags.push(word(tag));
                    }
                }
                _ => {}
            }
        }
        names.parties.dedup();
        names
    }
}

/// Whether a token is the first of its line.
fn starts_line(text: &str, t: &Token) -> bool {
    text[..t.span.start]
        .rsplit('\n')
        .next()
        .is_some_and(|before| before.trim().is_empty())
}

/// What may be written at `offset` of `text`, whose tokens are `tokens`.
pub(super) fn completions(text: &str, tokens: &[Token], offset: usize) -> Vec<Completion> {
    let offset = offset.min(text.len());
    // Inside a string, a prose block or a comment nothing is completed.
    let inside = |t: &Token| match t.kind {
        TokenKind::Str | TokenKind::Prose => t.span.start < offset && offset < t.span.end,
        TokenKind::Comment => t.span.start < offset && offset <= t.span.end,
        _ => false,
    };
    if tokens.iter().any(inside) {
        return Vec::new();
    }
    let lines = Lines::new(text);
    // The tokens before the cursor, without the word being typed.
    let before: Vec<&Token> = tokens
        .iter()
        .take_while(|t| t.span.end <= offset && t.span.start < offset)
        .filter(|t| !(t.kind == TokenKind::Word && t.span.end == offset))
        .collect();
    let word = |t: &Token| &text[t.span.range()];
    let mut stack: Vec<Frame> = Vec::new();
    for (i, t) in before.iter().enumerate() {
        match t.kind {
            TokenKind::Open => {
                let line = lines.of(t.span.start);
                let head = before[..i]
                    .iter()
                    .rev()
                    .take_while(|p| lines.of(p.span.start) == line)
                    .last()
                    .filter(|p| p.kind == TokenKind::Word)
                    .map(|p| word(p));
                stack.push(Frame::of(head));
            }
            TokenKind::Close => {
                stack.pop();
            }
            _ => {}
        }
    }
    let frame = stack.last().copied().unwrap_or(Frame::Top);
    let statement = statement(&lines, &before, offset);
    let names = Names::read(text, tokens, &lines);
    let mut out = Offer {
        out: Vec::new(),
        names: &names,
    };
    let words: Vec<&str> = statement
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| word(t))
        .collect();
    let last = statement.last().map(|t| (t.kind, word(t)));
    let colon = statement.iter().any(|t| t.kind == TokenKind::Colon);
    let Some(&first) = words.first() else {
        out.statement_start(frame, &before, text);
        return out.out;
    };
    if statement[0].kind != TokenKind::Word {
        return out.out;
    }
    match first {
        "allow" if statement.len() == 1 => out.checks(),
        "rule" => out.rule(&statement[1..], text),
        "overrides" if matches!(last, Some((TokenKind::Comma, _))) || statement.len() == 1 => {
            out.labels()
        }
        c if CLAUSES.contains(&c)
            && !colon
            && matches!(frame, Frame::Article | Frame::Paragraph) =>
        {
            out.clause(last.map_or("", |(_, w)| w))
        }
        "see" if colon => {
            out.labels();
            out.tags();
        }
        "scope" => match last {
            Some((TokenKind::Word, "scope")) => out.parties(),
            Some((TokenKind::Str | TokenKind::Word, _)) if !colon && statement.len() >= 3 => {
                for (key, _, doc) in crate::model::basis::BASES {
                    out.push(key, CompletionKind::Value, doc);
                }
            }
            Some((TokenKind::Colon | TokenKind::Comma, _)) => out.branches(),
            _ => {}
        },
        "benefit" if statement.len() == 1 => out.branches(),
        "situation" if colon && frame == Frame::Scenario => out.conditions(&statement[2..], text),
        "expect" if colon && frame == Frame::Scenario => match last {
            Some((TokenKind::Word, "by")) => out.labels(),
            Some((TokenKind::Word, "until")) => {}
            Some((TokenKind::Colon | TokenKind::Comma, _)) => {
                out.parties();
                for w in ["gap", "overlap", "per-activity"] {
                    out.push(w, CompletionKind::Value, "expected outcome");
                }
            }
            _ => {
                for w in ["by", "until"] {
                    out.push(w, CompletionKind::Keyword, "keyword");
                }
            }
        },
        "branches" if colon && frame == Frame::Scenario => out.branches(),
        name if colon && statement.len() >= 2 && statement[1].kind == TokenKind::Colon => {
            let values = match frame {
                Frame::Article | Frame::Paragraph if schema::LINES.contains(&name) => {
                    Some(schema::line_values(name))
                }
                _ => schema::find(frame.fields(), name).map(|f| f.values),
            };
            let item_start = matches!(last, Some((TokenKind::Colon | TokenKind::Comma, _)));
            if let Some(values) = values {
                out.values(values, item_start);
            }
        }
        _ => {}
    }
    out.out
}

/// The tokens of the statement the cursor is in, before it: those of the cursor's line after the
/// last brace, and of the lines before when a list goes on after a comma that ends one.
fn statement<'a>(lines: &Lines, before: &[&'a Token], offset: usize) -> Vec<&'a Token> {
    let cursor_line = lines.of(offset);
    let mut start = before.len();
    while start > 0 && lines.of(before[start - 1].span.start) == cursor_line {
        start -= 1;
    }
    while start > 0 && before[start - 1].kind == TokenKind::Comma {
        let line = lines.of(before[start - 1].span.start);
        while start > 0 && lines.of(before[start - 1].span.start) == line {
            start -= 1;
        }
    }
    let mut out = before[start..].to_vec();
    if let Some(i) = out
        .iter()
        .rposition(|t| matches!(t.kind, TokenKind::Open | TokenKind::Close))
    {
        out.drain(..=i);
    }
    out
}

/// Line numbers of byte offsets.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&n| n < offset)
    }
}

/// The completions being gathered.
struct Offer<'n, 't> {
    out: Vec<Completion>,
    names: &'n Names<'t>,
}

impl Offer<'_, '_> {
    fn push(&mut self, label: &str, kind: CompletionKind, detail: &str) {
        if !self.out.iter().any(|c| c.label == label) {
            self.out.push(Completion {
                label: label.to_string(),
                kind,
                detail: detail.to_string(),
            });
        }
    }

    fn keywords(&mut self, words: &[&str]) {
        for w in words {
            self.push(w, CompletionKind::Keyword, "keyword");
        }
    }

    fn fields(&mut self, fields: &[FieldSpec]) {
        for f in fields {
            self.push(f.name, CompletionKind::Field, f.doc);
        }
    }

    fn parties(&mut self) {
        let parties = self.names.parties.clone();
        for (code, name) in parties {
            self.push(code, CompletionKind::Party, name);
        }
    }

    fn branches(&mut self) {
        for b in crate::model::Branch::keys() {
            self.push(b, CompletionKind::Value, "branch");
        }
    }

    fn labels(&mut self) {
        let labels = self.names.labels.clone();
        for (label, line) in labels {
            self.push(label, CompletionKind::Rule, line);
        }
    }

    fn tags(&mut self) {
        let tags = self.names.tags.clone();
        for tag in tags {
            self.push(tag, CompletionKind::Tag, "");
        }
    }

    fn checks(&mut self) {
        for c in crate::check::registry::all() {
            self.push(c.code, CompletionKind::Value, c.summary);
        }
    }

    /// A new line in a construct: what may begin it there.
    fn statement_start(&mut self, frame: Frame, before: &[&Token], text: &str) {
        match frame {
            Frame::Top => self.keywords(TOP),
            Frame::Agreement => {
                self.fields(schema::HEADER);
                self.keywords(&["text", "allow"]);
            }
            Frame::Party => {
                self.fields(schema::PARTY);
                self.keywords(&["institution", "allow"]);
            }
            Frame::Part => self.keywords(&["chapter", "article", "text", "allow"]),
            Frame::Chapter => self.keywords(&["article", "text", "allow"]),
            Frame::Article | Frame::Paragraph => {
                if frame == Frame::Article {
                    self.keywords(&["paragraph"]);
                }
                self.keywords(PROVISIONS);
                self.keywords(schema::LINES);
                self.keywords(schema::BLOCKS);
                // Right after a rule, its clauses may go on, one a line.
                let previous = before.iter().rev().find(|t| starts_line(text, t));
                let in_rule = previous.is_some_and(|t| {
                    let w = &text[t.span.range()];
                    w == "rule" || CLAUSES.contains(&w)
                });
                if in_rule {
                    self.keywords(CLAUSES);
                }
            }
            Frame::Block(_) | Frame::Benefit => self.fields(frame.fields()),
            Frame::Scenario => self.keywords(&["situation", "branches", "expect", "text", "allow"]),
            Frame::Unknown => {}
        }
    }

    /// A field's values; `item_start` when the cursor begins a list item.
    fn values(&mut self, values: Values, item_start: bool) {
        match values {
            Values::Branches => self.branches(),
            Values::Words(words) | Values::WordsOrDuration(words) => {
                for w in words {
                    self.push(w, CompletionKind::Value, "value");
                }
            }
            Values::PartiesOr(words) => {
                self.parties();
                for w in words {
                    self.push(w, CompletionKind::Value, "value");
                }
            }
            Values::YesNo => {
                for w in ["yes", "no"] {
                    self.push(w, CompletionKind::Value, "value");
                }
            }
            Values::BranchPhrases if item_start => self.branches(),
            Values::PartyPhrases if item_start => self.parties(),
            Values::References => {
                self.labels();
                self.tags();
            }
            Values::Instruments | Values::Ratifications if item_start => {
                for i in crate::model::instrument::INSTRUMENTS {
                    self.push(i.code, CompletionKind::Value, i.title);
                }
            }
            Values::Ratifications => self.branches(),
            _ => {}
        }
    }

    /// Inside a rule, after `rule`: its conditions, its target, its clauses.
    fn rule(&mut self, rest: &[&Token], text: &str) {
        let Some(colon) = rest.iter().position(|t| t.kind == TokenKind::Colon) else {
            return;
        };
        match rest.iter().position(|t| t.kind == TokenKind::Arrow) {
            None => self.conditions(&rest[colon + 1..], text),
            Some(arrow) if arrow + 1 == rest.len() => {
                self.parties();
                for v in ["X", "Y"] {
                    self.push(v, CompletionKind::Party, "any Party (a variable)");
                }
            }
            Some(_) => {
                let last = rest.last().map_or("", |t| &text[t.span.range()]);
                if rest.last().is_some_and(|t| t.kind == TokenKind::Comma)
                    && rest.iter().any(|t| &text[t.span.range()] == "overrides")
                {
                    self.labels();
                } else {
                    self.clause(last)
                }
            }
        }
    }

    /// After the last word of a rule clause, or at the start of one.
    fn clause(&mut self, last: &str) {
        match last {
            "overrides" => self.labels(),
            "branches" => self.branches(),
            "limit" => self.keywords(&["first"]),
            "begun" => self.keywords(&["before", "from"]),
            "by" => self.push(
                "competent-authorities",
                CompletionKind::Value,
                "granted case by case",
            ),
            _ => self.keywords(CLAUSES),
        }
    }

    /// Inside a list of conditions (a rule's or a situation's), after `rest`.
    fn conditions(&mut self, rest: &[&Token], text: &str) {
        let last = rest.last().map(|t| (t.kind, &text[t.span.range()]));
        match last {
            None | Some((TokenKind::Comma, _)) => {
                self.keywords(CONDITIONS);
                self.keywords(&["extension"]);
            }
            Some((_, "in" | "of" | "accompanying")) => {
                self.parties();
                for v in ["X", "Y"] {
                    self.push(v, CompletionKind::Party, "any Party (a variable)");
                }
                if last.is_some_and(|(_, w)| w == "in") {
                    self.keywords(&["several"]);
                }
            }
            Some((_, "flag")) => self.parties(),
            Some((_, "employer")) => self.keywords(&["in", "elsewhere"]),
            Some((_, "resides")) => self.keywords(&["in", "elsewhere", "away"]),
            Some((_, "employed" | "self-employed" | "mixed" | "works" | "locally-engaged")) => {
                self.keywords(&["in"])
            }
            Some((_, "seafarer")) => self.keywords(&["under"]),
            Some((_, "under")) => self.keywords(&["flag"]),
            Some((_, "national" | "civil-servant" | "mission-staff")) => self.keywords(&["of"]),
            Some((_, "not")) => self.keywords(&["posted"]),
            Some((_, "usually")) => self.keywords(&["self-employed"]),
            Some((_, "extension")) => self.keywords(&["granted"]),
            Some((_, "posted")) => self.keywords(&["since"]),
            _ => self.keywords(&["and", "->"]),
        }
    }
}
