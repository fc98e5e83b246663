//! Explanations for the findings about how a draft is written down: word-processor characters
//! where the language reads plain ones (P018), Parts and paragraphs numbered out of order and values
//! repeated in a list (P019).
//! Both are produced while parsing (`syntax::typography`, `syntax::order`).

use super::registry::{declare, Check, Explanation, Family, Policy};
use crate::diag::Severity::*;

declare!(P018 = Check {
    name: "word-processor-typography",
    family: Family::Structure,
    policy: Policy::Fixed(Error),
    principle: None,
    source: "Pacta language reference",
    summary: "`→`, curly quotes, en or em dashes or non-breaking spaces where the language reads `->`, `\"`, `-` or a space",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "A character that word processors substitute as you type stands outside a string, prose block or \
               comment: an arrow `→` for `->`, curly quotes `“ ”` or `‘ ’` for `\"`, an en or em dash `– —` (or a \
               minus sign) for `-`, a non-breaking or thin space for a space. Each kind is reported once, at its \
               first place, with a fix that writes the plain character everywhere (`pacta check --fix`). Inside \
               strings, prose and comments these characters are text and are kept.",
        why: "Negotiators paste provisions from the drafts they exchange; the substituted characters look right \
              but the parser cannot read them, and an error saying only \"unexpected `→`\" does not say what to type.",
        failing: "article 6 \"Employed persons\" {\n  rule 6.1: employed in X → X\n}",
        passing: "article 6 \"Employed persons\" {\n  rule 6.1: employed in X -> X\n}",
    },
});

declare!(P019 = Check {
    name: "drafting-order",
    family: Family::Structure,
    policy: Policy::Fixed(Warning),
    principle: None,
    source: "Pacta language reference",
    summary: "Parts or paragraphs numbered backwards or twice; the same value listed twice in one list",
    profile: Family::Structure.profile(),
    run: None,
    explanation: Explanation {
        what: "A Part whose number is not higher than the Part before it (`part III` after `part IV`, or two \
               `part II`), or a paragraph whose number is lower than the paragraph before it in the same article. \
               Gaps are not reported: a protocol may delete a Part or a paragraph and the text keeps the numbers \
               it was signed with. A Part number that is not a Roman numeral (`part IM`) and a paragraph number too \
               large to use are P007. The same value written more than once in one list \
               (`schemes: old-age, survivors, old-age`) is reported once per value, however often it is repeated, \
               with a fix that keeps the first.",
        why: "Parts and paragraphs are cited by number (\"Part III\", \"Article 8, paragraph 2\"); a number out of \
              order is usually a paste or an edit gone wrong, and citations to it become ambiguous. A value listed \
              twice says nothing more than once and usually marks a paste gone wrong.",
        failing: "part II \"Applicable legislation\" {\n}\npart I \"General provisions\" {\n}",
        passing: "part I \"General provisions\" {\n}\npart II \"Applicable legislation\" {\n}",
    },
});

/// The checks declared in this file.
pub(super) static CHECKS: &[&Check] = &[&P018, &P019];
