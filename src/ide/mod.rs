//! The library side of editor tooling, free of any protocol: one [`Analysis`] per version of a
//! document answers hover, go-to-definition, references, completion, the outline, rename and the
//! fixes of its findings, all in byte offsets. `pacta lsp` (src/lsp/) translates them to the
//! Language Server Protocol with a [`LineIndex`].
//!
//! Everything here works on a file with syntax errors too: navigation reads the partial document
//! of [`crate::syntax::parse_partial`], and the findings are the syntax errors.

mod complete;
pub(crate) mod line_index;
pub(crate) mod references;

pub use line_index::{LineIndex, Position};
pub(crate) use references::Symbol;
pub use references::{ReferenceIndex, SymbolKind};

use crate::ast::{ArticleItem, Division, Document, PartItem, Provision};
use crate::check::partial::Despite;
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::model::schema;
use crate::span::{SourceFile, Span};
use crate::syntax::shift::Move;
use crate::syntax::tokens::{tokenize, Token, TokenKind};
use crate::Checked;

/// One replacement of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub text: String,
}

/// A completion proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    Field,
    Value,
    Party,
    Rule,
    Tag,
}

/// One entry of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineItem {
    pub name: String,
    pub detail: String,
    pub kind: OutlineKind,
    /// The whole construct.
    pub span: Span,
    /// Its name (number, code, label).
    pub selection: Span,
    pub children: Vec<OutlineItem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineKind {
    Header,
    Party,
    Part,
    Chapter,
    Article,
    Rule,
    Scenario,
}

/// One version of one document, analysed.
#[derive(Debug)]
pub struct Analysis {
    pub checked: Checked,
    pub line_index: LineIndex,
    /// The syntax tree, partial when the file has syntax errors.
    pub document: Document,
    pub references: ReferenceIndex,
    tokens: Vec<Token>,
    /// Whether `document` is the whole tree, the file being free of syntax errors.
    sound: bool,
    /// The Article missing from `document` when its syntax errors are the file's only ones and it
    /// was found by an incremental re-parse; the next edit inside it re-parses only it.
    broken: Option<Span>,
    /// With syntax errors, the findings on the rest of the file and what decides them.
    despite: Option<Despite>,
    /// Whether `despite` was carried over from the previous analysis.
    reused: bool,
}

/// The text being analysed, with its name and configuration.
struct Source<'a> {
    name: &'a str,
    text: &'a str,
    config: &'a Config,
}

impl Analysis {
    /// Analyse a whole text.
    pub fn new(name: &str, text: &str, config: &Config) -> Analysis {
        let parsed = crate::syntax::parse(text);
        let whole = parsed.document.is_some();
        let document = match parsed.document {
            Some(d) => d,
            None => crate::syntax::partial_document(text),
        };
        Analysis::finish(
            Source { name, text, config },
            document,
            parsed.diagnostics,
            whole,
            None,
            None,
        )
    }

    /// Analyse a new version of the text, re-parsing only the Article that changed when the edit
    /// is confined to one (see [`crate::syntax::reparse`]), and reusing the findings on the rest
    /// of the file while the same Article stays broken; the result is the same as
    /// [`Analysis::new`]'s.
    pub fn update(&self, name: &str, text: &str, config: &Config) -> Analysis {
        if self.sound || self.broken.is_some() {
            if let Some(r) = crate::syntax::reparse(self.text(), &self.document, self.broken, text)
            {
                let whole = r.broken.is_none();
                // The same Article was broken before the edit and still is: the tree outside it
                // is the one the previous findings were made from, moved.
                let earlier = match (&self.despite, self.broken, r.broken) {
                    (Some(d), Some(_), Some(_)) => Some((d, r.moved)),
                    _ => None,
                };
                return Analysis::finish(
                    Source { name, text, config },
                    r.document,
                    r.diagnostics,
                    whole,
                    r.broken,
                    earlier,
                );
            }
        }
        Analysis::new(name, text, config)
    }

    fn finish(
        source: Source<'_>,
        document: Document,
        syntax: Vec<Diagnostic>,
        whole: bool,
        broken: Option<Span>,
        earlier: Option<(&Despite, Move)>,
    ) -> Analysis {
        let Source { name, text, config } = source;
        let sound = whole && syntax.is_empty();
        let file = SourceFile::new(name, text);
        let (checked, despite, reused) = if whole {
            let checked = crate::check_parsed(file, Some(&document), syntax, config);
            (checked, None, false)
        } else {
            let (despite, reused) = match earlier {
                Some((d, moved)) => d.after_edit(moved, text, &document, &syntax, config),
                None => (Despite::new(text, &document, &syntax, config), false),
            };
            let findings = despite.findings.clone();
            let checked = crate::check_partial(file, syntax, findings, config);
            (checked, Some(despite), reused)
        };
        let tokens = tokenize(text);
        let references = ReferenceIndex::build(&document, text, &tokens);
        Analysis {
            checked,
            line_index: LineIndex::new(text),
            document,
            references,
            tokens,
            sound,
            broken,
            despite,
            reused,
        }
    }

    /// Whether the findings on the sound part of a file with a syntax error were carried over
    /// from the previous analysis rather than found again (see [`Analysis::update`]).
    pub fn reused_findings(&self) -> bool {
        self.reused
    }

    pub fn text(&self) -> &str {
        &self.checked.file.text
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.checked.diagnostics
    }

    pub fn position(&self, offset: usize) -> Position {
        self.line_index.position(self.text(), offset)
    }

    pub fn offset(&self, position: Position) -> usize {
        self.line_index.offset(self.text(), position)
    }

    /// The word token at an offset (or just before it, at the end of a word).
    fn token_at(&self, offset: usize) -> Option<&Token> {
        self.tokens
            .iter()
            .find(|t| t.span.start <= offset && offset < t.span.end)
            .or_else(|| self.tokens.iter().find(|t| t.span.end == offset))
    }

    /// Markdown for the place under the mouse: the findings there, the name there (a rule's text,
    /// a term's meaning, a Party's name, an Article's title), or a field's documentation.
    pub fn hover(&self, offset: usize) -> Option<(Span, String)> {
        let mut parts = Vec::new();
        let mut span = None;
        for d in self.diagnostics() {
            let s = d.primary.span;
            if s.start <= offset && offset <= s.end.max(s.start + 1) {
                let mut text = format!("**{}** {}", d.code, d.message);
                if let Some(h) = &d.help {
                    text.push_str(&format!("\n\nhelp: {h}"));
                }
                if let Some(info) = crate::check::registry::lookup(d.code) {
                    text.push_str(&format!("\n\n*{}*: {}", info.name, info.summary));
                }
                parts.push(text);
                span.get_or_insert(s);
            }
        }
        if let Some(sym) = self.references.at(offset) {
            if let Some(text) = self.describe(sym) {
                parts.push(text);
                span.get_or_insert(
                    sym.uses
                        .iter()
                        .chain(sym.definition.iter())
                        .find(|s| s.start <= offset && offset <= s.end)
                        .copied()
                        .unwrap_or_default(),
                );
            }
        } else if let Some(t) = self.token_at(offset).filter(|t| t.kind == TokenKind::Word) {
            let word = &self.text()[t.span.range()];
            if let Some(doc) = field_doc(word) {
                parts.push(format!("`{word}`: {doc}"));
                span.get_or_insert(t.span);
            }
        }
        if parts.is_empty() {
            return None;
        }
        Some((span.unwrap_or_default(), parts.join("\n\n---\n\n")))
    }

    fn describe(&self, sym: &Symbol) -> Option<String> {
        let text = self.text();
        let whole = sym.defining.map(|s| &text[s.range()]);
        Some(match sym.kind {
            SymbolKind::Rule => format!("rule {}\n\n```pacta\n{}\n```", sym.name, whole?.trim()),
            SymbolKind::Term => {
                let meaning = self.terms().find(|(t, _)| *t == sym.name)?.1;
                format!("**{}**: {}", sym.name, meaning)
            }
            SymbolKind::Party => {
                let p = self
                    .document
                    .parties
                    .iter()
                    .find(|p| p.code.value == sym.name)?;
                format!("Party **{}**: {}", sym.name, p.name.value)
            }
            SymbolKind::Tag | SymbolKind::Article => {
                let head = whole?.lines().next().unwrap_or("").trim_end_matches('{');
                format!("`{}`", head.trim())
            }
        })
    }

    fn terms(&self) -> impl Iterator<Item = (&str, &str)> {
        self.provisions().filter_map(|p| match p {
            Provision::Define(d) => Some((d.term.value.as_str(), d.meaning.value.as_str())),
            _ => None,
        })
    }

    fn provisions(&self) -> impl Iterator<Item = &Provision> {
        articles(&self.document).flat_map(|a| {
            a.items.iter().flat_map(|i| match i {
                ArticleItem::Provision(p) => std::slice::from_ref(p).iter(),
                ArticleItem::Paragraph(p) => p.provisions.iter(),
            })
        })
    }

    /// Where the name at an offset is defined.
    pub fn definition(&self, offset: usize) -> Option<Span> {
        self.references.at(offset)?.definition
    }

    /// Every place the name at an offset is written.
    pub fn references_at(&self, offset: usize, with_definition: bool) -> Vec<Span> {
        let Some(sym) = self.references.at(offset) else {
            return Vec::new();
        };
        let mut out: Vec<Span> = sym.uses.clone();
        if with_definition {
            out.extend(sym.definition);
        }
        out.sort();
        out
    }

    /// Rename the rule label or tag at an offset, with every reference.
    pub fn rename(&self, offset: usize, new_name: &str) -> Result<Vec<TextEdit>, String> {
        let sym = self
            .references
            .at(offset)
            .ok_or("there is no rule label or tag here")?;
        let new_name = new_name.trim();
        let bare = match sym.kind {
            SymbolKind::Rule if is_label(new_name) => new_name.to_string(),
            SymbolKind::Rule => {
                return Err(format!("`{new_name}` is not a rule label such as `7.1`"))
            }
            SymbolKind::Tag => {
                let t = new_name.trim_start_matches('#');
                if !is_kebab(t) {
                    return Err(format!("`{new_name}` is not a tag such as `#posting`"));
                }
                t.to_string()
            }
            _ => return Err("only rule labels and tags can be renamed".into()),
        };
        if self.references.get(sym.kind, &bare).is_some() && bare != sym.name {
            return Err(format!("`{new_name}` is already used"));
        }
        let text = self.text();
        Ok(sym
            .definition
            .iter()
            .chain(&sym.uses)
            .map(|s| TextEdit {
                span: *s,
                text: if text[s.range()].starts_with('#') {
                    format!("#{bare}")
                } else {
                    bare.clone()
                },
            })
            .collect())
    }

    /// What may be written at an offset, from the construct around it (see [`complete`]).
    pub fn completions(&self, offset: usize) -> Vec<Completion> {
        complete::completions(self.text(), &self.tokens, offset)
    }

    /// The outline: the header, Parties, Parts with chapters and Articles (and their rules), and
    /// scenarios.
    pub fn outline(&self) -> Vec<OutlineItem> {
        let d = &self.document;
        let mut out = Vec::new();
        if let Some(h) = &d.header {
            out.push(item(
                OutlineKind::Header,
                h.title.value.clone(),
                String::new(),
                h.span,
                h.title.span,
                vec![],
            ));
        }
        for p in &d.parties {
            out.push(item(
                OutlineKind::Party,
                p.code.value.clone(),
                p.name.value.clone(),
                p.span,
                p.code.span,
                vec![],
            ));
        }
        for div in &d.body {
            match div {
                Division::Article(a) => out.push(article_item(a)),
                Division::Part(p) => {
                    let children = p
                        .items
                        .iter()
                        .filter_map(|i| match i {
                            PartItem::Article(a) => Some(article_item(a)),
                            PartItem::Chapter(c) => Some(item(
                                OutlineKind::Chapter,
                                format!("Chapter {}", c.number.value),
                                title(&c.title),
                                c.span,
                                c.number.span,
                                c.articles.iter().map(article_item).collect(),
                            )),
                            _ => None,
                        })
                        .collect();
                    out.push(item(
                        OutlineKind::Part,
                        format!("Part {}", p.number.value),
                        title(&p.title),
                        p.span,
                        p.number.span,
                        children,
                    ));
                }
            }
        }
        for s in &d.scenarios {
            out.push(item(
                OutlineKind::Scenario,
                s.name.value.clone(),
                "scenario".into(),
                s.span,
                s.name.span,
                vec![],
            ));
        }
        out
    }

    /// The fixes of the findings that touch a byte range, with the finding each one settles.
    pub fn fixes_in(&self, range: Span) -> Vec<(&Diagnostic, &crate::diag::Fix)> {
        self.diagnostics()
            .iter()
            .filter(|d| d.primary.span.start <= range.end && range.start <= d.primary.span.end)
            .flat_map(|d| d.fixes.iter().map(move |f| (d, f)))
            .collect()
    }
}

fn title(t: &Option<crate::ast::Ident>) -> String {
    t.as_ref().map(|t| t.value.clone()).unwrap_or_default()
}

fn item(
    kind: OutlineKind,
    name: String,
    detail: String,
    span: Span,
    selection: Span,
    children: Vec<OutlineItem>,
) -> OutlineItem {
    OutlineItem {
        name,
        detail,
        kind,
        span,
        selection,
        children,
    }
}

fn article_item(a: &crate::ast::Article) -> OutlineItem {
    let rules = a
        .items
        .iter()
        .flat_map(|i| match i {
            ArticleItem::Provision(p) => std::slice::from_ref(p).iter(),
            ArticleItem::Paragraph(p) => p.provisions.iter(),
        })
        .filter_map(|p| match p {
            Provision::Rule(r) => Some(item(
                OutlineKind::Rule,
                format!("rule {}", r.label.value),
                format!("-> {}", r.target.name),
                r.span,
                r.label.span,
                vec![],
            )),
            _ => None,
        })
        .collect();
    let mut detail = title(&a.title);
    if let Some(t) = &a.tag {
        detail = format!("{detail} #{}", t.value.trim_start_matches('#'));
    }
    item(
        OutlineKind::Article,
        format!("Article {}", a.number.value),
        detail.trim().to_string(),
        a.span,
        a.number.span,
        rules,
    )
}

/// Every Article of a document, in order.
pub fn articles(d: &Document) -> impl Iterator<Item = &crate::ast::Article> {
    d.body
        .iter()
        .flat_map(|div| -> Box<dyn Iterator<Item = &crate::ast::Article>> {
            match div {
                Division::Article(a) => Box::new(std::iter::once(a)),
                Division::Part(p) => Box::new(p.items.iter().flat_map(
                    |i| -> Box<dyn Iterator<Item = &crate::ast::Article>> {
                        match i {
                            PartItem::Article(a) => Box::new(std::iter::once(a)),
                            PartItem::Chapter(c) => Box::new(c.articles.iter()),
                            _ => Box::new(std::iter::empty()),
                        }
                    },
                )),
            }
        })
}

fn all_fields() -> impl Iterator<Item = &'static schema::FieldSpec> {
    schema::HEADER
        .iter()
        .chain(schema::PARTY)
        .chain(schema::BENEFIT)
        .chain(
            schema::BLOCKS
                .iter()
                .filter_map(|b| schema::block_fields(b))
                .flatten(),
        )
}

/// The documentation of a field name, from the language's field table.
pub(crate) fn field_doc(name: &str) -> Option<&'static str> {
    all_fields().find(|f| f.name == name).map(|f| f.doc)
}

fn is_label(s: &str) -> bool {
    let mut chars = s.chars().peekable();
    if !chars.peek().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')'))
        && !s.ends_with('.')
}

fn is_kebab(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "party XA \"Arcadia\" {\n  schemes: old-age\n}\npart II \"Law\" {\n  article 6 \"General\" #general {\n    define \"stay\": \"temporary residence\"\n    rule 6.1: employed in X -> X\n  }\n  article 7 \"Posting\" {\n    rule 7.1: employed in Y, employer in X, posted -> X overrides 6.1 limit 24 months\n    see: 6.1, #general\n  }\n}\n";

    #[test]
    fn navigates_rules_and_tags() {
        let a = Analysis::new("a.pacta", SRC, &Config::default());
        let use_at = SRC.find("overrides 6.1").unwrap() + "overrides ".len() + 1;
        let def = a.definition(use_at).unwrap();
        assert_eq!(&SRC[def.range()], "6.1");
        assert_eq!(a.references_at(use_at, true).len(), 3);
        let (_, hover) = a.hover(use_at).unwrap();
        assert!(hover.contains("rule 6.1: employed in X -> X"), "{hover}");
        let edits = a.rename(use_at, "6.2").unwrap();
        assert_eq!(edits.len(), 3);
        let tag = SRC
            .find("#general }")
            .unwrap_or(SRC.rfind("#general").unwrap())
            + 2;
        let edits = a.rename(tag, "general-rule").unwrap();
        assert!(edits.iter().all(|e| e.text == "#general-rule"));
        assert!(a.rename(use_at, "not a label").is_err());
    }

    #[test]
    fn navigates_a_file_with_a_syntax_error() {
        let broken = SRC.replace("employed in Y, employer", "employed at Y, employer");
        let a = Analysis::new("a.pacta", &broken, &Config::default());
        assert!(a.diagnostics().iter().any(|d| d.code == "P001"));
        let at = broken.find("6.1: employed").unwrap();
        assert!(a.definition(at).is_some());
        assert!(!a.outline().is_empty());
    }

    #[test]
    fn completes_labels_after_overrides() {
        let a = Analysis::new("a.pacta", SRC, &Config::default());
        let at = SRC.find("overrides 6.1").unwrap() + "overrides ".len();
        let c = a.completions(at);
        assert!(c.iter().all(|c| c.kind == CompletionKind::Rule));
        assert!(c.iter().any(|c| c.label == "7.1"));
        let top = a.completions(0);
        assert!(top.iter().any(|c| c.label == "party"));
        assert!(!top.iter().any(|c| c.label == "XA" || c.label == "schemes"));
    }
}
