//! What each block, header and Party may hold: field names and the values they take. This table
//! is the part of the language that the grammar leaves generic, so that a misspelt field or value
//! gets a "did you mean" (P001 for an unknown field, P007 for an invalid value).

/// The kind of values a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    /// Quoted strings.
    Strings,
    /// One ISO 8601 date.
    Date,
    /// Branch keys or `all`.
    Branches,
    /// Instruments such as `C157`.
    Instruments,
    /// Conventions, C118 and C102 followed by the branches accepted (`C118 old-age invalidity`).
    Ratifications,
    /// A positive duration.
    Duration,
    /// `yes` or `no`.
    YesNo,
    /// Words from a fixed list.
    Words(&'static [&'static str]),
    /// Words from a fixed list, or a duration.
    WordsOrDuration(&'static [&'static str]),
    /// Party codes, or words from a fixed list.
    PartiesOr(&'static [&'static str]),
    /// Phrases led by a branch key, such as `old-age 10 years`.
    BranchPhrases,
    /// Phrases led by a Party code, such as `US 6 quarters` or `NL own-periods-only`.
    PartyPhrases,
    /// References: `#tag` or a rule label.
    References,
    /// Anything: words, strings, durations.
    Free,
}

#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub values: Values,
    pub required: bool,
    /// One line saying what the field means, for the language reference.
    pub doc: &'static str,
}

const fn f(name: &'static str, values: Values, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        values,
        required: false,
        doc,
    }
}

const fn req(name: &'static str, values: Values, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        values,
        required: true,
        doc,
    }
}

use Values::*;

#[rustfmt::skip]
pub(crate) const PERSONS: &[&str] = &[
    "covered", "insured-persons", "nationals", "residents", "nationals-residing", "refugees",
    "stateless-persons", "family-members", "survivors", "third-country-nationals", "everyone",
    "pensioners", "nationals-of-other-party", "nationals-of-either-party", "beneficiaries",
];
#[rustfmt::skip]
pub(crate) const METHODS: &[&str] =
    &["pro-rata", "independent", "higher-of", "higher-of-independent", "own-periods-only", "flat-rate"];

#[rustfmt::skip]
pub(crate) const HEADER: &[FieldSpec] = &[
    f("short-title", Strings, "the short title used in citations"),
    f("allocation", Words(&["per-activity", "person-level"]), "how activities are allocated: `per-activity` when each activity falls under the law of the State where it is pursued"),
    f("draft", Strings, "the draft's identifier in the negotiation"),
    f("date", Date, "the date of this draft or of signature"),
    f("signed", Date, "the date of signature"),
    f("in-force", Date, "the date of entry into force, once known"),
    f("conforms-to", Instruments, "the ILO instruments the agreement declares conformity with"),
    f("kind", Words(&["coordination", "coverage", "export", "posting", "multilateral-framework"]),
      "what the agreement sets out to do; it decides which checks apply (docs/checks.md, Profiles)"),
    f("languages", Free, "the authentic languages; prose without a language is in the first"),
    f("prevailing-language", Free, "the authentic text that prevails in case of divergence"),
    f("supersedes", Strings, "earlier agreements this one replaces"),
    f("place", Strings, "the place of signature"),
    f("source", Strings, "where the text was read: database identifier, language of the text, protocols included"),
    f("unverified", Words(crate::check::unverified::FAMILY_NAMES),
      "check families whose provisions the encoder could not verify in the text; their checks are silent (P011)"),
    f("numbering", Words(&["sequential", "as-signed"]),
      "`sequential`: articles are numbered 1, 2, 3 … and P008 judges their order; `as-signed` (the default): \
       the treaty's own numbers, with suffixes, Roman numbers and gaps"),
];

#[rustfmt::skip]
pub(crate) const PARTY: &[FieldSpec] = &[
    f("competent-authority", Strings, "the Party's competent authority"),
    req("schemes", Branches, "the branches for which the Party has legislation"),
    f("liaison-body", Strings, "the liaison body or bodies"),
    f("sub-national-units", Free, "states, provinces or cantons with their own schemes; the branches after a unit are legislated by the units, not the Party (`states employment-injury`)"),
    f("official-languages", Free, "the Party's official languages"),
    f("period-unit", Words(&["days", "weeks", "months", "quarters", "years"]), "the unit in which the Party's legislation counts periods"),
    f("ratified", Ratifications, "the ILO Conventions the Party has ratified, with the branches accepted for C118 and C102"),
];

#[rustfmt::skip]
pub(crate) const PERSONAL_SCOPE: &[&str] = &[
    "insured-persons", "nationals", "refugees", "stateless-persons", "family-members", "survivors",
    "third-country-nationals", "residents", "everyone", "beneficiaries",
];
pub(crate) const REGARDLESS_OF: &[&str] = &["nationality", "migration-status", "residence"];
#[rustfmt::skip]
pub(crate) const EXCLUDED_CATEGORIES: &[&str] =
    &["domestic", "seasonal-agricultural", "platform", "informal", "irregular-status", "self-employed"];

#[rustfmt::skip]
const EQUAL_TREATMENT: &[FieldSpec] = &[
    req("persons", Words(PERSONS), "who is treated like a national"),
    f("branches", Branches, "the branches equality covers"),
    f("residence-condition",
      WordsOrDuration(&["none", "resident-in-party", "ordinarily-resident-in-party", "stay-or-residence-in-other-party"]),
      "a residence condition on equality, or `none`"),
    f("prior-residence", BranchPhrases, "prior-residence conditions per branch, e.g. `old-age 10 years`"),
    f("survivors", Words(&["any-nationality", "nationals-only", "same-as-insured"]),
      "equality for survivors whatever their nationality"),
    f("exceptions", Strings, "listed exceptions to equality"),
];

#[rustfmt::skip]
const EXPORT: &[FieldSpec] = &[
    req("branches", Branches, "the benefits paid abroad"),
    f("to", PartiesOr(&["parties", "third-states", "residents-of-third-states"]), "where benefits are paid"),
    f("persons", Words(PERSONS), "who may receive benefits abroad"),
    f("third-state-persons", Words(PERSONS), "who may receive benefits in a third State"),
    f("except", Free, "benefits not exported, listed by name, each optionally followed by its branches (`\"Income Supplement\" old-age`)"),
    f("exceptions", Words(&["none", "listed", "unlisted"]), "whether there are exceptions, when not listed"),
    f("reduction", Words(&["none", "allowed"]), "whether benefits paid abroad may be reduced"),
    f("suspension", Words(&["none", "allowed"]), "whether benefits paid abroad may be suspended"),
    f("withdrawal", Words(&["none", "allowed"]), "whether benefits paid abroad may be withdrawn"),
    f("parties", PartiesOr(&["all"]), "the Parties whose benefits are paid abroad (default: all)"),
];

#[rustfmt::skip]
const AGGREGATION: &[FieldSpec] = &[
    req("branches", Branches, "the branches whose periods are added together"),
    f("periods", Words(&["insurance", "employment", "self-employment", "residence", "equivalent", "contribution"]),
      "the kinds of period counted"),
    f("purposes", Words(&["acquisition", "maintenance", "recovery", "calculation"]), "what the periods count for"),
    f("overlapping-periods", Words(&["count-once", "count-both", "unspecified"]), "how coinciding periods count"),
    f("third-state-periods", Words(&["none", "count", "where-both-parties-have-agreement", "where-party-has-agreement"]),
      "whether periods in third States count"),
    f("own-period-threshold", PartyPhrases, "own periods a Party requires before adding foreign periods"),
    f("excluded-periods", Strings, "periods that are not added"),
    f("conversion", Words(&["stated", "administrative-arrangement"]),
      "how periods counted in different units convert: stated in the agreement, or left to the administrative arrangement"),
    f("parties", PartiesOr(&["all"]), "the Parties that aggregate (default: all)"),
];

#[rustfmt::skip]
const CALCULATION: &[FieldSpec] = &[
    req("branches", Branches, "the benefits calculated"),
    f("method", Words(METHODS), "how the amount is computed"),
    f("party-method", PartyPhrases, "a Party-specific method, e.g. `NL own-periods-only`"),
    f("formula", Strings, "the formula the treaty states for the amount, e.g. the ratio of a pro-rata benefit; a stated formula says which periods enter the calculation"),
    f("parties", PartiesOr(&["all"]), "the Parties this calculation applies to (default: all)"),
];

#[rustfmt::skip]
const MINIMUM_PERIOD: &[FieldSpec] = &[
    req("threshold", Duration, "below this a Party need not pay"),
    f("branches", Branches, "the branches concerned (default: the long-term ones)"),
    f("others-count", YesNo, "whether the other Parties still count the short periods"),
    f("fallback", Words(&["none", "last-competent-party", "party-of-residence", "most-periods"]),
      "who pays when every Party's periods are short"),
    f("parties", PartiesOr(&["all"]), "the Parties that apply the threshold"),
];

#[rustfmt::skip]
const OVERLAPPING: &[FieldSpec] = &[
    f("national-rules", Words(&["apply-to-foreign", "means-test", "national-only"]),
      "national anti-overlap rules and foreign benefits: `apply-to-foreign` (reduction, suspension and withdrawal rules count the other Party's benefits), `means-test` (only the means test of means-tested benefits counts them as income), `national-only`"),
    f("same-kind-pro-rata", Words(&["exempt", "reduce"]), "same-kind pro-rata benefits"),
    f("simultaneous-reduction", Words(&["shared", "full"]), "when two Parties reduce at once"),
];

#[rustfmt::skip]
const ADMINISTRATION: &[FieldSpec] = &[
    f("arrangement", Words(&["competent-authorities", "none"]), "who concludes the administrative arrangement"),
    f("liaison-bodies", Words(&["designated", "listed", "none"]), "liaison bodies left to the competent authorities (`designated`) or named in the administrative arrangement (`listed`); P601 then asks no `liaison-body:` of the Parties"),
    f("statistics-exchange", Free, "exchange of statistics between the Parties"),
    f("assistance", Words(&["free", "reimbursed", "on-request", "none"]), "mutual assistance between institutions"),
    f("fees", Words(&["exempt", "charged"]), "exemption from fees"),
    f("legalisation", Words(&["exempt", "required"]), "exemption from legalisation of documents"),
    f("documents-in", Free, "the languages in which documents are accepted"),
    f("working-language", Free, "the language of correspondence"),
    f("claims", Words(&["lodged-with-either-party", "competent-party-only"]), "where a claim may be lodged"),
    f("appeals", Words(&["lodged-with-either-party", "competent-party-only"]), "where an appeal may be lodged"),
    f("time-limits", Words(&["same-date", "own-rules"]), "time limits met when a document reaches the other Party"),
    f("data-protection", YesNo, "protection of personal data exchanged"),
    f("medical-examinations", Words(&["on-request", "reimbursed", "none"]), "examinations for the other Party"),
    f("overpayments", Words(&["recover", "offset", "none"]), "recovery of overpaid benefits"),
    f("currency", Strings, "the conversion rule for payments"),
    f("disputes", Words(&["consultation", "negotiation", "arbitration", "none"]), "how disputes are settled"),
    f("identification", YesNo, "identification of persons exchanged between institutions"),
    f("verification", YesNo, "verification of facts for the other Party"),
    f("enforcement", YesNo, "enforcement of decisions of the other Party"),
];

#[rustfmt::skip]
const TRANSITIONAL: &[FieldSpec] = &[
    f("prior-periods", Words(&["count", "count-if-not-already-used", "ignore"]), "periods completed before entry into force"),
    f("benefits-before-entry-into-force", Words(&["none", "paid"]), "benefits for time before entry into force"),
    f("postings-in-progress", Words(&["from-entry-into-force", "from-start"]), "how postings in progress count"),
    f("awarded-benefits", Words(&["not-reduced", "reviewed", "unchanged"]), "benefits awarded before entry into force"),
    f("earlier-decisions", Words(&["final", "reviewed-on-request"]), "decisions taken before entry into force"),
    f("superseded-agreements", Words(&["acquired-rights-retained", "rights-lost"]),
      "rights acquired under agreements this one replaces"),
];

#[rustfmt::skip]
const TERMINATION: &[FieldSpec] = &[
    f("notice", Duration, "the notice period"),
    f("acquired-rights", Words(&["retained", "lost", "settled-by-agreement"]), "rights acquired before termination"),
    f("rights-in-course", Words(&["retained", "settled-by-agreement", "lost"]), "rights in course of acquisition"),
];

#[rustfmt::skip]
const EXCEPTIONS: &[FieldSpec] = &[
    f("granted-by", Words(&["competent-authorities", "institutions", "employer"]), "who may agree an exception"),
    f("keeps", Words(&["single-legislation", "nothing"]), "what an exception must preserve"),
    f("in-interest-of", Words(&["persons-concerned", "categories"]), "for whom exceptions are made"),
    f("on-request-of", Free, "who may ask for an exception"),
];

#[rustfmt::skip]
const VOLUNTARY_INSURANCE: &[FieldSpec] = &[
    f("branches", Branches, "the branches with voluntary insurance"),
    f("other-party-periods", Words(&["count", "ignore"]), "periods under the other Party count for admission"),
    f("while-compulsorily-insured-elsewhere", Words(&["allowed", "not-allowed"]),
      "voluntary insurance beside compulsory insurance in another Party"),
];

#[rustfmt::skip]
const RESIDENCE_FICTION: &[FieldSpec] = &[
    req("branches", Branches, "residence-based branches bridged"),
    f("parties", PartiesOr(&["all"]), "the Parties whose residence-based schemes are bridged"),
    f("persons", Free, "who is treated as resident"),
    f("treated-as", Free, "what those persons are treated as"),
];

/// The fields of each block provision.
pub fn block_fields(keyword: &str) -> Option<&'static [FieldSpec]> {
    Some(match keyword {
        "equal-treatment" => EQUAL_TREATMENT,
        "export" => EXPORT,
        "aggregation" => AGGREGATION,
        "calculation" => CALCULATION,
        "minimum-period" => MINIMUM_PERIOD,
        "overlapping" => OVERLAPPING,
        "administration" => ADMINISTRATION,
        "transitional" => TRANSITIONAL,
        "termination" => TERMINATION,
        "exceptions" => EXCEPTIONS,
        "voluntary-insurance" => VOLUNTARY_INSURANCE,
        "residence-fiction" => RESIDENCE_FICTION,
        _ => return None,
    })
}

/// The fields of a branch provision `benefit BRANCH { … }`.
#[rustfmt::skip]
pub const BENEFIT: &[FieldSpec] = &[
    f("in-kind-during", Words(&["stay", "residence", "none"]), "medical care in kind while staying or residing in the other Party"),
    f("persons", Words(PERSONS), "who receives the benefit"),
    f("provided-by", Words(&["institution-of-place", "competent-institution"]), "who provides benefits in kind"),
    f("as-if-insured-there", YesNo, "benefits in kind as though insured with the institution of the place"),
    f("paid-by", Words(&["competent-institution", "institution-of-place"]), "who bears the cost"),
    f("reimbursement", Words(&["actual-costs", "lump-sum", "waived"]), "how costs are settled"),
    f("cash", Words(&["competent-institution", "institution-of-place"]), "who pays cash benefits"),
    f("cash-paid-by", Words(&["competent-institution", "institution-of-place"]), "who pays cash benefits"),
    f("during", Words(&["stay", "residence"]), "cash benefits paid during a stay or residence in the other Party"),
    f("competent", Words(&["party-insured-at-time-of-accident", "party-insured-at-death", "party-of-residence",
                           "party-of-last-exposure"]), "the competent Party"),
    f("occupational-disease-several-exposures", Words(&["last-exposure", "pro-rata", "first-diagnosis"]),
      "an occupational disease after exposure in several Parties"),
    f("aggravation", Free, "who pays when an occupational disease worsens"),
    f("death-in-other-party", Words(&["treated-as-own-territory", "not-covered"]), "a death in the other Party"),
    f("one-grant-only", YesNo, "only one death grant is paid"),
    f("last-employment-required", Duration, "employment required under the paying Party before the claim"),
    f("export-period", Duration, "how long unemployment benefit is paid abroad"),
    f("children-in-other-party", YesNo, "family benefits for children living in another Party"),
    f("paid-by-party", Words(&["employment", "residence"]), "which Party pays family benefits"),
    f("priority", Free, "which Party pays first when several would"),
    f("difference", Free, "how the other Party tops up"),
    f("aggregation", YesNo, "periods elsewhere count for this benefit"),
    f("insured-at-contingency", Words(&["either-party", "own-party"]),
      "`either-party`: being insured under the other Party's legislation when the contingency (invalidity, death) occurs counts as being insured under this Party's; `own-party`: only its own"),
    f("exported", YesNo, "the benefit is paid abroad"),
    f("excluded", YesNo, "the branch is deliberately left out of coordination"),
    f("note", Strings, "a remark on the provision"),
    f("parties", PartiesOr(&["all"]), "the Parties whose benefits the provision concerns (default: all)"),
];

/// The value words of each line provision.
pub(crate) fn line_values(keyword: &str) -> Values {
    match keyword {
        "personal-scope" => Words(PERSONAL_SCOPE),
        "regardless-of" => Words(REGARDLESS_OF),
        "excluded-categories" => Words(EXCLUDED_CATEGORIES),
        "excluded" => Free,
        "duration" => WordsOrDuration(&["indefinite"]),
        "entry-into-force" => Free,
        "signature" => Free,
        "see" => References,
        _ => Free,
    }
}

pub fn find(fields: &'static [FieldSpec], name: &str) -> Option<&'static FieldSpec> {
    fields.iter().find(|f| f.name == name)
}

/// Every line provision of the language (`personal-scope: …`), in the order of the reference.
pub const LINES: &[&str] = &[
    "personal-scope",
    "regardless-of",
    "excluded-categories",
    "excluded",
    "duration",
    "entry-into-force",
    "signature",
    "see",
];

/// Every block keyword of the language, in the order of the R167 skeleton.
pub const BLOCKS: &[&str] = &[
    "equal-treatment",
    "export",
    "exceptions",
    "voluntary-insurance",
    "aggregation",
    "calculation",
    "minimum-period",
    "residence-fiction",
    "overlapping",
    "administration",
    "transitional",
    "termination",
];

fn describe_values(v: Values) -> String {
    let words = |ws: &[&str]| {
        ws.iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match v {
        Strings => "strings".into(),
        Date => "a date".into(),
        Branches => "branches, or `all`".into(),
        Instruments => "ILO instruments (`C157`, `R167`, …)".into(),
        Ratifications => "ILO Conventions, C118 and C102 followed by the branches accepted (`C118 old-age survivors`)".into(),
        Duration => "a duration".into(),
        YesNo => "`yes` or `no`".into(),
        Words(ws) => words(ws),
        WordsOrDuration(ws) => format!("a duration, or {}", words(ws)),
        PartiesOr(ws) => format!("Party codes, or {}", words(ws)),
        BranchPhrases => "a branch and a value (`old-age 10 years`)".into(),
        PartyPhrases => "a Party code and a value (`US 6 quarters`)".into(),
        References => "`#tags` and rule labels".into(),
        Free => "any values".into(),
    }
}

fn table(out: &mut String, specs: &[FieldSpec]) {
    out.push_str("| field | values | required | meaning |\n|---|---|---|---|\n");
    for s in specs {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            s.name,
            describe_values(s.values),
            if s.required { "yes" } else { "" },
            s.doc
        ));
    }
}

/// `docs/fields.md`: the fields of every block, generated from this table.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Fields of the Pacta provisions\n\n\
         Generated from `src/model/schema.rs` (`cargo test` fails when this file is stale; regenerate with\n\
         `PACTA_BLESS=1 cargo test --test it docs::`). An unknown field is a P001, a value outside the list a P007.\n\n",
    );
    out.push_str("## `agreement` header\n\n");
    table(&mut out, HEADER);
    out.push_str("\n## `party`\n\n");
    table(&mut out, PARTY);
    for b in BLOCKS {
        out.push_str(&format!("\n## `{b} {{ … }}`\n\n"));
        table(&mut out, block_fields(b).unwrap_or(&[]));
    }
    out.push_str("\n## `benefit BRANCH { … }`\n\n");
    table(&mut out, BENEFIT);
    out.push_str("\n## Line provisions\n\n| line | values |\n|---|---|\n");
    for l in LINES {
        out.push_str(&format!(
            "| `{l}:` | {} |\n",
            describe_values(line_values(l))
        ));
    }
    out
}
