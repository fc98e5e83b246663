//! `pacta render`: the agreement as a document. One self-contained HTML page (inline CSS, no
//! script, no external resource) with the title, a table of contents, the preamble, the Parts,
//! chapters, Articles and paragraphs numbered as in the source, the prose in each authentic
//! language side by side, every structured provision in words ([`words`]), the closing formula
//! and signature blocks, the Parties' authorities and institutions in an annex, and the findings
//! in the margin of the Article (or the Party) they concern. Everything taken from the agreement
//! is escaped; the output depends on the input only, byte for byte.

pub mod prose;
pub mod style;
pub mod words;

use crate::ast::{self, ArticleItem, Division, Document, PartItem, Provision};
use crate::diag::{Diagnostic, Severity};
use crate::model::Agreement;
use crate::span::Span;
use std::fmt::Write;
use style::{css_string, escape};
use words::Names;

/// What to render.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The languages to show, in this order; `None` shows every authentic language.
    pub languages: Option<Vec<String>>,
    /// Whether to show the findings (summary and margin notes); `false` gives the clean copy.
    pub findings: bool,
}

/// The name of a language code, for column labels.
pub(crate) fn language_name(code: &str) -> String {
    let name = match code {
        "en" => "English",
        "fr" => "French",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "de" => "German",
        "it" => "Italian",
        "ja" => "Japanese",
        "ko" => "Korean",
        "zh" => "Chinese",
        "ar" => "Arabic",
        "he" => "Hebrew",
        "ur" => "Urdu",
        "hi" => "Hindi",
        "ru" => "Russian",
        "pl" => "Polish",
        "tr" => "Turkish",
        "el" => "Greek",
        _ => return code.to_uppercase(),
    };
    name.to_string()
}

/// Languages written right to left, for the `dir` attribute of their columns.
fn rtl(code: &str) -> bool {
    matches!(
        code.split('-').next().unwrap_or(code),
        "ar" | "he" | "ur" | "fa" | "yi" | "ps"
    )
}

/// The words of a header field, lowercased (`languages: en, fr`).
fn header_words(a: &Agreement, name: &str) -> Vec<String> {
    a.header_fields
        .iter()
        .filter(|f| f.name.value == name)
        .flat_map(|f| f.lowercase_words())
        .collect()
}

/// The strings or dates of a header field, as written.
fn header_text(a: &Agreement, name: &str) -> Option<String> {
    let f = a.header_fields.iter().find(|f| f.name.value == name)?;
    let parts: Vec<String> = f
        .items
        .iter()
        .flat_map(|i| &i.values)
        .map(|v| match &v.kind {
            ast::ValueKind::Str(s) | ast::ValueKind::Word(s) | ast::ValueKind::Code(s) => s.clone(),
            ast::ValueKind::Date(d) => words::date(d),
            other => other.describe(),
        })
        .collect();
    Some(parts.join(", "))
}

/// The authentic languages (`languages:`), the one prose without a language is in (the first),
/// and the prevailing one.
#[derive(Clone, Debug, Default)]
pub(crate) struct Languages {
    pub authentic: Vec<String>,
    pub prevailing: Option<String>,
}

impl Languages {
    pub(crate) fn of(a: &Agreement) -> Languages {
        let prevailing = header_words(a, "prevailing-language").into_iter().next();
        Languages {
            authentic: header_words(a, "languages"),
            prevailing,
        }
    }

    /// The language of a prose block: its own, else the first authentic language.
    pub(crate) fn of_text(&self, lang: Option<&str>) -> Option<String> {
        lang.map(str::to_lowercase)
            .or_else(|| self.authentic.first().cloned())
    }
}

struct Ctx<'a> {
    agreement: &'a Agreement,
    names: Names,
    langs: Languages,
    /// The language columns shown.
    columns: Vec<String>,
    /// Findings by the index of the Article whose span holds them.
    notes: Vec<Vec<&'a Diagnostic>>,
    article_spans: Vec<Span>,
    opts: &'a Options,
    /// Article ids already used (duplicate numbers get a suffix).
    ids: Vec<String>,
}

/// Render an agreement as one HTML document. `document` is the file's syntax tree, `agreement`
/// its resolved model and `diagnostics` its findings (already suppressed and sorted).
pub fn html(
    document: &Document,
    agreement: &Agreement,
    diagnostics: &[Diagnostic],
    opts: &Options,
) -> String {
    let langs = Languages::of(agreement);
    // The columns: the languages asked for, else the authentic languages that have prose,
    // else one column for prose in no declared language.
    let used = used_languages(document, &langs);
    let columns = match &opts.languages {
        Some(l) => l.iter().map(|x| x.to_lowercase()).collect(),
        None => {
            let mut c: Vec<String> = langs
                .authentic
                .iter()
                .filter(|l| used.contains(l))
                .cloned()
                .collect();
            for u in &used {
                if !c.contains(u) {
                    c.push(u.clone());
                }
            }
            c
        }
    };
    let article_spans: Vec<Span> = agreement.articles.iter().map(|a| a.span).collect();
    let mut notes: Vec<Vec<&Diagnostic>> = vec![Vec::new(); article_spans.len()];
    if opts.findings {
        for d in diagnostics {
            if let Some(i) = article_of(&article_spans, d.primary.span) {
                notes[i].push(d);
            }
        }
    }
    let mut cx = Ctx {
        agreement,
        names: Names::of(agreement),
        langs,
        columns,
        notes,
        article_spans,
        opts,
        ids: Vec::new(),
    };
    let mut out = String::new();
    head(&mut out, &cx);
    let clean = if opts.findings {
        ""
    } else {
        " class=\"clean\""
    };
    let _ = writeln!(out, "<body{clean}>");
    title_page(&mut out, &cx);
    if opts.findings {
        summary(&mut out, &cx, diagnostics);
    }
    toc(&mut out, document, !agreement.parties.is_empty());
    if let Some(h) = &document.header {
        if !h.texts.is_empty() {
            out.push_str("<section class=\"preamble\" id=\"preamble\">\n<h2>Preamble</h2>\n");
            texts(&mut out, &cx, &h.texts);
            out.push_str("</section>\n");
        }
    }
    out.push_str("<main>\n");
    for d in &document.body {
        match d {
            Division::Part(p) => part(&mut out, &mut cx, p),
            Division::Article(a) => article(&mut out, &mut cx, a, 3),
        }
    }
    out.push_str("</main>\n");
    testimonium(&mut out, &cx, document);
    parties(&mut out, &cx, diagnostics);
    out.push_str("<footer class=\"colophon meta\"><p>Rendered by Pacta from the agreement's source; the provisions in words are generated from the structured provisions.</p></footer>\n");
    out.push_str("</body>\n</html>\n");
    // Control and bidirectional-override characters of the agreement shown as visible escapes,
    // as in every human-readable output.
    crate::diag::visible::text(&out).into_owned()
}

/// The languages a document can be shown in (`--lang`): the authentic languages, then any other
/// language its prose is written in.
pub fn available_languages(document: &Document, agreement: &Agreement) -> Vec<String> {
    let langs = Languages::of(agreement);
    let mut all = langs.authentic.clone();
    for u in used_languages(document, &langs) {
        if !all.contains(&u) {
            all.push(u);
        }
    }
    all
}

/// The languages prose is written in, in order of first use.
fn used_languages(document: &Document, langs: &Languages) -> Vec<String> {
    let mut used: Vec<String> = Vec::new();
    let mut see = |t: &ast::Text| {
        if let Some(l) = langs.of_text(t.lang.as_ref().map(|l| l.value.as_str())) {
            if !used.contains(&l) {
                used.push(l);
            }
        }
    };
    if let Some(h) = &document.header {
        h.texts.iter().for_each(&mut see);
    }
    let article = |a: &ast::Article, see: &mut dyn FnMut(&ast::Text)| {
        for item in &a.items {
            let ps: &[Provision] = match item {
                ArticleItem::Provision(p) => std::slice::from_ref(p),
                ArticleItem::Paragraph(p) => &p.provisions,
            };
            for p in ps {
                if let Provision::Text(t) = p {
                    see(t);
                }
            }
        }
    };
    for d in &document.body {
        match d {
            Division::Article(a) => article(a, &mut see),
            Division::Part(p) => {
                for i in &p.items {
                    match i {
                        PartItem::Article(a) => article(a, &mut see),
                        PartItem::Chapter(c) => {
                            c.texts.iter().for_each(&mut see);
                            for a in &c.articles {
                                article(a, &mut see);
                            }
                        }
                        PartItem::Text(t) => see(t),
                        PartItem::Allow(_) => {}
                    }
                }
            }
        }
    }
    used
}

fn article_of(spans: &[Span], at: Span) -> Option<usize> {
    spans.iter().position(|s| s.contains(at))
}

fn head(out: &mut String, cx: &Ctx<'_>) {
    let a = cx.agreement;
    let title = a
        .title
        .as_ref()
        .map_or("Agreement".to_string(), |t| t.value.clone());
    let short = header_text(a, "short-title").unwrap_or_else(|| title.clone());
    let lang = cx
        .columns
        .first()
        .cloned()
        .or_else(|| cx.langs.authentic.first().cloned())
        .unwrap_or_else(|| "en".into());
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">",
        escape(&lang)
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"pacta render\">\n");
    // No script may run and nothing may be fetched, whatever the agreement holds.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let mut running = short;
    if let Some(d) = header_text(a, "draft") {
        running.push_str(&format!(" — draft {d}"));
    }
    let _ = writeln!(
        out,
        "<style>{}{}@page {{ @top-center {{ content: {}; font: 8pt Georgia, serif; color: #555; }} @bottom-center {{ content: counter(page) \" / \" counter(pages); font: 8pt Georgia, serif; color: #555; }} }}\n</style>\n</head>",
        style::BASE,
        style::DOCUMENT,
        css_string(&running)
    );
}

fn title_page(out: &mut String, cx: &Ctx<'_>) {
    let a = cx.agreement;
    out.push_str("<header class=\"title-page\">\n");
    let title = a.title.as_ref().map_or("Agreement", |t| t.value.as_str());
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let mut status = Vec::new();
    if let Some(d) = header_text(a, "draft") {
        status.push(format!("Draft {d}"));
    }
    if let Some(d) = header_text(a, "date") {
        status.push(d);
    }
    if !status.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"status\">{}</p>",
            escape(&status.join(" · "))
        );
    }
    let mut meta = Vec::new();
    if !cx.langs.authentic.is_empty() {
        let names: Vec<String> = cx
            .langs
            .authentic
            .iter()
            .map(|l| language_name(l))
            .collect();
        let mut s = format!("Authentic texts: {}", words::join(&names, "and"));
        if let Some(p) = &cx.langs.prevailing {
            s.push_str(&format!(
                "; in case of divergence the {} text prevails",
                language_name(p)
            ));
        }
        meta.push(s);
    }
    for (field, label) in [
        ("signed", "Signed"),
        ("place", "Place of signature"),
        ("in-force", "In force"),
        ("supersedes", "Supersedes"),
        ("conforms-to", "Declares conformity with"),
    ] {
        if let Some(v) = header_text(a, field) {
            meta.push(format!("{label}: {v}"));
        }
    }
    for m in meta {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&m));
    }
    out.push_str("</header>\n");
}

fn severity_counts(ds: &[Diagnostic]) -> String {
    let count = |s: Severity| ds.iter().filter(|d| d.severity == s).count();
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    format!(
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info")
    )
}

/// One finding: severity, code, message, and the one-line help.
fn note(d: &Diagnostic, tag: &str) -> String {
    let sev = d.severity.as_str();
    let help = d
        .help
        .as_ref()
        .map(|h| format!("<span class=\"help\">{}</span>", inline_code(h)))
        .unwrap_or_default();
    format!(
        "<{tag} class=\"note {sev}\" data-code=\"{code}\"><span class=\"sev\">{sev}</span> <code>{code}</code> {msg}{help}</{tag}>",
        code = escape(d.code),
        msg = inline_code(&d.message),
    )
}

fn summary(out: &mut String, cx: &Ctx<'_>, ds: &[Diagnostic]) {
    out.push_str("<section class=\"summary-findings\" id=\"findings\">\n<h2>Findings</h2>\n");
    if ds.is_empty() {
        out.push_str("<p>The checks find nothing to report.</p>\n</section>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<p>{}; each finding about an Article stands in its margin.</p>",
        escape(&severity_counts(ds))
    );
    out.push_str("<ul>\n");
    for d in ds {
        let at = article_of(&cx.article_spans, d.primary.span)
            .and_then(|i| cx.agreement.articles.get(i))
            .map(|a| format!(" <a href=\"#{}\">Art. {}</a>", escape(&a.eid()), a.number))
            .or_else(|| {
                party_of(cx.agreement, d.primary.span).map(|p| {
                    format!(
                        " <a href=\"#party_{code}\">Annex, {code}</a>",
                        code = escape(&p.code.value)
                    )
                })
            })
            .unwrap_or_else(|| {
                let whole = "the agreement as a whole".to_string();
                let a = cx.agreement;
                let place = a
                    .scenarios
                    .iter()
                    .find(|s| s.span.contains(d.primary.span))
                    .map(|s| format!("scenario “{}”", s.name.value))
                    .unwrap_or(whole);
                format!(" <span class=\"detail\">({})</span>", escape(&place))
            });
        let _ = writeln!(
            out,
            "{}",
            note(d, "li").replacen("</li>", &format!("{at}</li>"), 1)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn part_id(number: &str) -> String {
    format!("part_{number}")
}

fn toc(out: &mut String, document: &Document, annex: bool) {
    out.push_str("<nav class=\"toc\" id=\"contents\">\n<h2>Contents</h2>\n<ol>\n");
    let entry = |out: &mut String, a: &ast::Article| {
        let title = a
            .title
            .as_ref()
            .map(|t| escape(&t.value))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li><a href=\"#art_{n}\"><span class=\"num\">Article {n}</span>{title}</a></li>",
            n = a.number.value
        );
    };
    for d in &document.body {
        match d {
            Division::Article(a) => entry(out, a),
            Division::Part(p) => {
                let title = p
                    .title
                    .as_ref()
                    .map(|t| format!(" — {}", escape(&t.value)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "<li class=\"part\"><a href=\"#{}\">Part {}{title}</a>\n<ol>",
                    escape(&part_id(&p.number.value)),
                    escape(&p.number.value)
                );
                for i in &p.items {
                    match i {
                        PartItem::Article(a) => entry(out, a),
                        PartItem::Chapter(c) => {
                            for a in &c.articles {
                                entry(out, a);
                            }
                        }
                        _ => {}
                    }
                }
                out.push_str("</ol></li>\n");
            }
        }
    }
    if annex {
        out.push_str("<li class=\"part\"><a href=\"#parties\">Annex — The Contracting Parties: competent authorities and institutions</a></li>\n");
    }
    out.push_str("</ol>\n</nav>\n");
}

/// Whether the agreement has a `signature:` line (its words already say where and when it was done).
fn has_signature_line(document: &Document) -> bool {
    let in_article = |a: &ast::Article| {
        a.items.iter().any(|i| {
            let ps: &[Provision] = match i {
                ArticleItem::Provision(p) => std::slice::from_ref(p),
                ArticleItem::Paragraph(p) => &p.provisions,
            };
            ps.iter()
                .any(|p| matches!(p, Provision::Line(l) if l.keyword.value == "signature"))
        })
    };
    document.body.iter().any(|d| match d {
        Division::Article(a) => in_article(a),
        Division::Part(p) => p.items.iter().any(|i| match i {
            PartItem::Article(a) => in_article(a),
            PartItem::Chapter(c) => c.articles.iter().any(in_article),
            PartItem::Text(_) | PartItem::Allow(_) => false,
        }),
    })
}

/// The closing formula and a signature block for each Party, side by side: "In witness whereof
/// … Done at … in duplicate in the English and French languages …", then "For the Republic of
/// Meridia" above a line. Where the header gives no place or date, a dotted blank stands for it.
fn testimonium(out: &mut String, cx: &Ctx<'_>, document: &Document) {
    let a = cx.agreement;
    if a.parties.is_empty() {
        return;
    }
    out.push_str("<section class=\"testimonium\" id=\"signature\">\n");
    out.push_str("<p>In witness whereof, the undersigned, being duly authorised thereto, have signed this Agreement.</p>\n");
    if !has_signature_line(document) {
        let blank = "……………………";
        let place = header_text(a, "place").unwrap_or_else(|| blank.into());
        // `date:` is the date of signature unless the text is a draft (`draft:`).
        let on = header_text(a, "signed")
            .or_else(|| {
                header_text(a, "draft")
                    .is_none()
                    .then(|| header_text(a, "date"))
                    .flatten()
            })
            .unwrap_or_else(|| blank.into());
        let copies = match a.parties.len() {
            2 => "in duplicate",
            3 => "in triplicate",
            _ => "in a single original",
        };
        let names: Vec<String> = cx
            .langs
            .authentic
            .iter()
            .map(|l| language_name(l))
            .collect();
        let languages = match names.len() {
            0 => String::new(),
            1 => format!(" in the {} language", names[0]),
            2 => format!(
                " in the {} languages, both texts being equally authentic",
                words::join(&names, "and")
            ),
            _ => format!(
                " in the {} languages, all texts being equally authentic",
                words::join(&names, "and")
            ),
        };
        let prevails = cx
            .langs
            .prevailing
            .as_ref()
            .filter(|_| names.len() > 1)
            .map(|p| {
                format!(
                    ". In case of divergence of interpretation, the {} text shall prevail",
                    language_name(p)
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p>Done at {} on {}, {copies}{languages}{prevails}.</p>",
            escape(&place),
            escape(&on),
            languages = escape(&languages),
            prevails = escape(&prevails),
        );
    }
    let _ = writeln!(
        out,
        "<div class=\"signatories\" style=\"--cols: {}\">",
        a.parties.len().min(3)
    );
    for p in &a.parties {
        let _ = writeln!(
            out,
            "<div class=\"signatory\" data-party=\"{}\"><p class=\"for\">For {}:</p><p class=\"line\">&nbsp;</p></div>",
            escape(&p.code.value),
            escape(&words::Names::of(a).party(&p.code.value))
        );
    }
    out.push_str("</div>\n</section>\n");
}

/// The Party whose declaration holds a span, for findings about a Party block.
fn party_of(a: &Agreement, at: Span) -> Option<&crate::model::PartyDecl> {
    a.parties.iter().find(|p| p.span.contains(at))
}

fn parties(out: &mut String, cx: &Ctx<'_>, diagnostics: &[Diagnostic]) {
    let a = cx.agreement;
    if a.parties.is_empty() {
        return;
    }
    out.push_str("<section class=\"parties annex\" id=\"parties\">\n<h2>Annex<span class=\"sub\">The Contracting Parties: competent authorities and institutions</span></h2>\n");
    for p in &a.parties {
        // The findings about this Party's declaration, in its margin as an Article's are.
        let notes: Vec<&Diagnostic> = if cx.opts.findings {
            diagnostics
                .iter()
                .filter(|d| {
                    article_of(&cx.article_spans, d.primary.span).is_none()
                        && p.span.contains(d.primary.span)
                })
                .collect()
        } else {
            Vec::new()
        };
        let class = if notes.is_empty() {
            "party"
        } else {
            "party with-margin"
        };
        let _ = writeln!(
            out,
            "<div class=\"{class}\" id=\"party_{code}\">\n<h3>{name} <span class=\"detail\">({code})</span></h3>\n<dl>",
            code = escape(&p.code.value),
            name = escape(&p.name.value)
        );
        if let Some(c) = &p.competent_authority {
            let _ = writeln!(
                out,
                "<dt>Competent authority</dt><dd>{}</dd>",
                escape(&c.value)
            );
        }
        if !p.schemes.is_empty() {
            let s: Vec<String> = p.schemes.iter().map(|b| b.title().to_string()).collect();
            let _ = writeln!(
                out,
                "<dt>Legislation on</dt><dd>{}</dd>",
                escape(&words::join(&s, "and"))
            );
        }
        if !p.institutions.is_empty() {
            out.push_str("<dt>Institutions</dt><dd><ul>");
            for i in &p.institutions {
                let b: Vec<String> = i.branches.iter().map(|b| b.title().to_string()).collect();
                let _ = write!(
                    out,
                    "<li>{}: {}</li>",
                    escape(&i.name.value),
                    escape(&words::join(&b, "and"))
                );
            }
            out.push_str("</ul></dd>\n");
        }
        for l in &p.liaison_bodies {
            let _ = writeln!(out, "<dt>Liaison body</dt><dd>{}</dd>", escape(&l.value));
        }
        if !p.sub_national_units.is_empty() {
            let u: Vec<String> = p
                .sub_national_units
                .iter()
                .map(|u| u.value.clone())
                .collect();
            let _ = writeln!(
                out,
                "<dt>Sub-national units</dt><dd>{}</dd>",
                escape(&u.join(", "))
            );
        }
        out.push_str("</dl>\n");
        if !notes.is_empty() {
            out.push_str("<aside class=\"margin\">\n");
            for d in notes {
                let _ = writeln!(out, "{}", note(d, "p"));
            }
            out.push_str("</aside>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn part(out: &mut String, cx: &mut Ctx<'_>, p: &ast::Part) {
    let _ = writeln!(
        out,
        "<section class=\"part\" id=\"{}\">",
        escape(&part_id(&p.number.value))
    );
    let title = p
        .title
        .as_ref()
        .map(|t| format!("<span class=\"sub\">{}</span>", escape(&t.value)))
        .unwrap_or_default();
    let _ = writeln!(out, "<h2>Part {}{title}</h2>", escape(&p.number.value));
    let mut pending: Vec<ast::Text> = Vec::new();
    for item in &p.items {
        if let PartItem::Text(t) = item {
            pending.push(t.clone());
            continue;
        }
        if !pending.is_empty() {
            texts(out, cx, &pending);
            pending.clear();
        }
        match item {
            PartItem::Article(a) => article(out, cx, a, 3),
            PartItem::Chapter(c) => {
                let _ = writeln!(
                    out,
                    "<section class=\"chapter\" id=\"{}__chp_{}\">",
                    escape(&part_id(&p.number.value)),
                    c.number.value
                );
                let title = c
                    .title
                    .as_ref()
                    .map(|t| format!("<span class=\"sub\">{}</span>", escape(&t.value)))
                    .unwrap_or_default();
                let _ = writeln!(out, "<h3>Chapter {}{title}</h3>", c.number.value);
                texts(out, cx, &c.texts);
                for a in &c.articles {
                    article(out, cx, a, 4);
                }
                out.push_str("</section>\n");
            }
            PartItem::Text(_) | PartItem::Allow(_) => {}
        }
    }
    if !pending.is_empty() {
        texts(out, cx, &pending);
    }
    out.push_str("</section>\n");
}

fn article(out: &mut String, cx: &mut Ctx<'_>, a: &ast::Article, level: u8) {
    let index = cx.article_spans.iter().position(|s| *s == a.span);
    let notes: Vec<&Diagnostic> = index
        .and_then(|i| cx.notes.get(i))
        .cloned()
        .unwrap_or_default();
    let mut id = format!("art_{}", a.number.value);
    if cx.ids.contains(&id) {
        id = format!("{id}_{}", cx.ids.len());
    }
    cx.ids.push(id.clone());
    let margin = cx.opts.findings && !notes.is_empty();
    let class = if margin {
        "article"
    } else {
        "article no-margin"
    };
    let tag = a
        .tag
        .as_ref()
        .map(|t| format!(" data-tag=\"{}\"", escape(&t.value)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<article class=\"{class}\" id=\"{id}\" data-number=\"{}\"{tag}>",
        a.number.value
    );
    let title = a
        .title
        .as_ref()
        .map(|t| format!("<span class=\"title\">{}</span>", escape(&t.value)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<header><h{level} class=\"article-heading\"><span class=\"num\">Article {}</span>{title}</h{level}></header>",
        a.number.value
    );
    out.push_str("<div class=\"body\">\n");
    let mut loose: Vec<&Provision> = Vec::new();
    for item in &a.items {
        match item {
            ArticleItem::Provision(p) => loose.push(p),
            ArticleItem::Paragraph(para) => {
                if !loose.is_empty() {
                    provisions(out, cx, &loose);
                    loose.clear();
                }
                let label = &para.label.value;
                let shown = if label.chars().all(|c| c.is_ascii_digit()) {
                    format!("{label}.")
                } else {
                    label.clone()
                };
                let _ = writeln!(
                    out,
                    "<div class=\"paragraph\" id=\"{id}__para_{}\" data-label=\"{}\"><span class=\"num\">{}</span><div class=\"content\">",
                    escape(label),
                    escape(label),
                    escape(&shown)
                );
                let ps: Vec<&Provision> = para.provisions.iter().collect();
                provisions(out, cx, &ps);
                out.push_str("</div></div>\n");
            }
        }
    }
    if !loose.is_empty() {
        provisions(out, cx, &loose);
    }
    out.push_str("</div>\n");
    if margin {
        out.push_str("<aside class=\"margin\">\n");
        for d in notes {
            let _ = writeln!(out, "{}", note(d, "p"));
        }
        out.push_str("</aside>\n");
    }
    out.push_str("</article>\n");
}

/// The prose of an Article or paragraph, the languages side by side, then each structured
/// provision in words, in source order.
fn provisions(out: &mut String, cx: &Ctx<'_>, ps: &[&Provision]) {
    let run: Vec<ast::Text> = ps
        .iter()
        .filter_map(|p| match p {
            Provision::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    texts(out, cx, &run);
    for p in ps {
        let Some(sentence) = words::ast_provision(p, &cx.names) else {
            continue;
        };
        let (kind, label) = match p {
            Provision::Rule(r) => ("rule", format!("Rule {}", r.label.value)),
            Provision::Define(_) => ("define", "Definition".into()),
            Provision::Scope(_) => ("scope", "Scope".into()),
            Provision::Benefit(b) => ("benefit", words::heading(&b.branch.value, true)),
            Provision::Block(b) => ("block", words::heading(&b.keyword.value, false)),
            Provision::Line(l) => ("line", words::heading(&l.keyword.value, false)),
            Provision::Text(_) | Provision::Allow(_) => continue,
        };
        let _ = writeln!(
            out,
            "<p class=\"words\" data-kind=\"{kind}\"><span class=\"label\">{}</span>{}</p>",
            escape(&label),
            escape(&sentence)
        );
    }
}

/// Prose as paragraphs: a blank line separates paragraphs, other line breaks are the source's
/// and the text flows; a line that starts a list item (`(a)`, `1.`, `-`) keeps its break.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let mut flowed = String::new();
        for (i, line) in para.lines().map(str::trim).enumerate() {
            if i > 0 {
                let item = line.starts_with('(')
                    || line.starts_with("- ")
                    || line.split_once(". ").is_some_and(|(n, _)| {
                        !n.is_empty()
                            && n.len() <= 3
                            && n.chars().all(|c| c.is_ascii_alphanumeric())
                    });
                flowed.push_str(if item { "<br>" } else { " " });
            }
            flowed.push_str(&escape(line));
        }
        let _ = writeln!(out, "<p>{flowed}</p>");
    }
    out
}

/// Inline code in a finding's message or help: `x` → <code>x</code>, after escaping.
fn inline_code(text: &str) -> String {
    let escaped = escape(text);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len() % 2 == 0 {
        return escaped;
    }
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{p}</code>");
        } else {
            out.push_str(p);
        }
    }
    out
}

/// A run of prose blocks: one column per language shown.
fn texts(out: &mut String, cx: &Ctx<'_>, run: &[ast::Text]) {
    if run.is_empty() {
        return;
    }
    let mut by_lang: Vec<(Option<String>, Vec<&str>)> = Vec::new();
    for t in run {
        let l = cx.langs.of_text(t.lang.as_ref().map(|l| l.value.as_str()));
        match by_lang.iter_mut().find(|(k, _)| *k == l) {
            Some((_, v)) => v.push(&t.text),
            None => by_lang.push((l, vec![&t.text])),
        }
    }
    let columns: Vec<Option<String>> = if cx.columns.is_empty() {
        vec![None]
    } else {
        cx.columns.iter().cloned().map(Some).collect()
    };
    let labelled = columns.len() > 1;
    let _ = writeln!(
        out,
        "<div class=\"texts\" style=\"--cols: {}\">",
        columns.len()
    );
    for col in &columns {
        let found = by_lang
            .iter()
            .find(|(k, _)| k == col || (col.is_none() && k.is_some() && cx.columns.is_empty()));
        let lang_attr = col
            .as_ref()
            .map(|l| {
                let dir = if rtl(l) { "rtl" } else { "auto" };
                format!(" lang=\"{}\" dir=\"{dir}\"", escape(l))
            })
            .unwrap_or_else(|| " dir=\"auto\"".into());
        let prevailing = col.is_some() && *col == cx.langs.prevailing;
        let class = match (found.is_some(), prevailing) {
            (true, true) => "text prevailing",
            (true, false) => "text",
            (false, true) => "text missing prevailing",
            (false, false) => "text missing",
        };
        let label = match (labelled, col) {
            (true, Some(l)) => format!("<span class=\"lang\">{}</span>", escape(&language_name(l))),
            _ => String::new(),
        };
        let body = match found {
            Some((_, ts)) => ts.iter().map(|t| paragraphs(t)).collect::<String>(),
            None => match col {
                Some(l) => format!("<p>[no {} text]</p>", escape(&language_name(l))),
                None => String::new(),
            },
        };
        let _ = writeln!(out, "<div class=\"{class}\"{lang_attr}>{label}{body}</div>");
    }
    out.push_str("</div>\n");
}
