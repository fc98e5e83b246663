//! The look shared by `pacta render` and the HTML redline of `pacta diff`: one serif treaty page
//! on screen, an A4 page in print. Both documents inline this sheet; neither loads anything.

/// Escape text for HTML element content and attribute values. Everything that comes from an
/// agreement goes through here.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A CSS string literal (`"…"`) holding `s`: every character that could end the string, the rule
/// or the `<style>` element is written as a hexadecimal escape.
pub(crate) fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        if ch.is_alphanumeric() && !ch.is_control() || " .,;:–—-()/'’".contains(ch) {
            out.push(ch);
        } else {
            out.push_str(&format!("\\{:x} ", ch as u32));
        }
    }
    out.push('"');
    out
}

/// The shared sheet: typography, the article and margin layout, findings, redline marks.
pub const BASE: &str = r#"
:root { --ink: #1a1a1a; --muted: #555; --rule: #b8b8b8; --error: #b3261e; --warning: #8a6100; --info: #2f5d8a; --paper: #fff; }
html { background: #f4f2ee; }
body { font: 16px/1.55 Georgia, 'Times New Roman', 'DejaVu Serif', serif; color: var(--ink); background: var(--paper);
  max-width: 62em; margin: 1.5em auto; padding: 2.5em 3em; box-shadow: 0 0 0.6em rgba(0,0,0,0.12); }
h1 { font-size: 1.55em; line-height: 1.3; text-align: center; font-weight: normal; margin: 0.4em 2em 0.6em; }
h2 { font-size: 1.15em; font-weight: normal; text-align: center; text-transform: uppercase; letter-spacing: 0.06em; margin: 2.2em 0 0.8em; }
h2 .sub, h3 .sub { display: block; text-transform: none; letter-spacing: 0; font-style: italic; }
h3 { font-size: 1.05em; font-weight: normal; text-align: center; margin: 1.6em 0 0.6em; }
a { color: inherit; }
code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.85em; }
.meta, .drafts, .summary { text-align: center; color: var(--muted); }
.detail { color: var(--muted); font-size: 0.92em; }
.prose { white-space: pre-wrap; }
ins { color: #1a7f37; text-decoration: underline; background: #e6f4ea; }
del { color: var(--error); text-decoration: line-through; background: #fbe9e7; }
.words { font-size: 0.92em; color: #2b3a4a; border-left: 3px solid #c9d6e3; padding: 0.1em 0 0.1em 0.8em; margin: 0.4em 0; }
.words .label { font-variant: small-caps; color: var(--muted); margin-right: 0.4em; }
.sev { font-variant: small-caps; font-weight: bold; }
.error .sev { color: var(--error); }
.warning .sev { color: var(--warning); }
.info .sev { color: var(--info); }
ul { padding-left: 1.4em; }
li { margin: 0.2em 0; }
li.added::marker { content: '+ '; color: #1a7f37; }
li.removed::marker { content: '− '; color: var(--error); }
li.changed::marker { content: '~ '; color: var(--warning); }
@media print {
  html { background: none; }
  body { margin: 0; padding: 0; max-width: none; box-shadow: none; font-size: 10.5pt; }
  ins, del { background: none; }
  h2, h3 { break-after: avoid; }
  li, .words { break-inside: avoid; }
}
"#;

/// The sheet of the rendered agreement, on top of [`BASE`].
pub(crate) const DOCUMENT: &str = r#"
.title-page { margin-bottom: 2em; }
.title-page .status { text-align: center; font-variant: small-caps; letter-spacing: 0.08em; color: var(--muted); }
nav.toc ol { list-style: none; padding-left: 0; columns: 2; column-gap: 2.5em; font-size: 0.92em; }
nav.toc ol ol { columns: 1; padding-left: 1.2em; }
nav.toc li { break-inside: avoid; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
nav.toc .num { display: inline-block; min-width: 5.5em; }
.parties dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
.parties dt { font-weight: bold; }
.parties dd { margin: 0; }
.parties .party { margin-bottom: 1em; }
.parties .party.with-margin { display: grid; grid-template-columns: minmax(0, 1fr) 15em; column-gap: 1.5em; }
.parties .party.with-margin > h3 { grid-column: 1 / -1; }
.parties ul { margin: 0.2em 0; }
.article { display: grid; grid-template-columns: minmax(0, 1fr) 15em; column-gap: 1.5em; margin: 1.4em 0; }
.article.no-margin, body.clean .article { grid-template-columns: minmax(0, 1fr); }
.article > header { grid-column: 1 / -1; }
.article-heading { text-align: center; margin: 0 0 0.5em; }
.article-heading .num { display: block; font-variant: small-caps; letter-spacing: 0.05em; }
.article-heading .title { font-style: italic; }
.article .body { min-width: 0; }
.paragraph { display: grid; grid-template-columns: 2.2em minmax(0, 1fr); margin: 0.5em 0; }
.paragraph > .num { grid-column: 1; }
.paragraph > .content { grid-column: 2; min-width: 0; }
.texts { display: grid; grid-template-columns: repeat(var(--cols, 1), minmax(0, 1fr)); column-gap: 1.6em; margin: 0.4em 0; }
.text { text-align: justify; hyphens: auto; unicode-bidi: plaintext; }
.text p { margin: 0 0 0.5em; }
.text .lang { display: block; margin-bottom: 0.15em; font: 0.72em/1.4 'DejaVu Sans', Helvetica, Arial, sans-serif; color: var(--muted); letter-spacing: 0.06em; text-transform: uppercase; white-space: normal; }
.text.prevailing .lang::after { content: ' · prevails'; text-transform: none; }
.text.missing { color: var(--muted); font-style: italic; }
h1, .meta, dd, li, .words, .signatory { unicode-bidi: plaintext; }
.margin code { font-size: 0.95em; }
.margin { font: 0.8em/1.4 'DejaVu Sans', Helvetica, Arial, sans-serif; border-left: 1px solid var(--rule); padding-left: 0.9em; }
.note { margin: 0 0 0.8em; }
.note .help { display: block; color: var(--muted); }
.summary-findings { border: 1px solid var(--rule); padding: 0.6em 1.2em; margin: 1.5em 0; font-size: 0.92em; }
.summary-findings h2 { margin: 0.4em 0; font-size: 1em; }
.summary-findings ul { list-style: none; padding: 0; }
.clean-copy { text-align: center; color: var(--muted); }
.testimonium { margin: 2.5em 0 1em; }
.signatories { display: grid; grid-template-columns: repeat(var(--cols, 2), minmax(0, 1fr)); gap: 2.5em 3em; margin-top: 2.2em; }
.signatory .for { margin: 0 0 3.5em; }
.signatory .line { margin: 0; border-top: 1px dotted var(--ink); }
.annex { margin-top: 3em; }
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
@media print {
  body { font-size: 10pt; }
  .article { break-inside: avoid-page; grid-template-columns: minmax(0, 1fr) 12em; column-gap: 1em; }
  .paragraph, .texts { break-inside: avoid; }
  .part > h2 { break-before: page; }
  nav.toc { break-after: page; }
  .testimonium { break-inside: avoid; }
  .annex { break-before: page; }
  .summary-findings { margin-left: 1pt; margin-right: 1pt; }
  .margin { font-size: 7.5pt; }
  .parties .party.with-margin { grid-template-columns: minmax(0, 1fr) 12em; column-gap: 1em; break-inside: avoid-page; }
  a { text-decoration: none; }
}
"#;
