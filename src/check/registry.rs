//! The check catalogue: one table of every code Pacta reports, with its name, default severity,
//! the principle it protects and the instrument it comes from. Codes are public interface: they
//! are never reused or renumbered.

use crate::diag::Severity;
use crate::model::Principle;

/// How a check's severity is decided for one agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Always this severity (before configuration).
    Fixed(Severity),
    /// An error when the agreement claims an instrument containing the principle, otherwise a warning.
    Principle(Principle),
    /// An error when the agreement claims one of these instruments, otherwise a warning.
    Instruments(&'static [&'static str]),
}

/// The documentation `pacta explain` prints.
#[derive(Clone, Copy, Debug)]
pub struct Explanation {
    /// What the check looks for.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A Pacta fragment that triggers the check.
    pub failing: &'static str,
    /// The same fragment, corrected.
    pub passing: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct CheckInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub policy: Policy,
    /// The principle the check protects, if any.
    pub principle: Option<Principle>,
    /// The instrument (and article, where verified) the check comes from.
    pub source: &'static str,
    /// One line: what the check finds.
    pub summary: &'static str,
    pub explanation: &'static Explanation,
}

impl CheckInfo {
    /// The default severity of this check when nothing is claimed.
    pub fn default_severity(&self) -> Severity {
        match self.policy {
            Policy::Fixed(s) => s,
            Policy::Principle(_) | Policy::Instruments(_) => Severity::Warning,
        }
    }
}

use super::explain as x;
use Principle::*;
use Severity::*;

macro_rules! check {
    ($code:literal, $name:literal, $policy:expr, $principle:expr, $source:literal, $summary:literal, $explanation:expr) => {
        CheckInfo {
            code: $code,
            name: $name,
            policy: $policy,
            principle: $principle,
            source: $source,
            summary: $summary,
            explanation: $explanation,
        }
    };
}

const E: Policy = Policy::Fixed(Error);
const W: Policy = Policy::Fixed(Warning);
const I: Policy = Policy::Fixed(Info);
const EQ: Policy = Policy::Principle(EqualityOfTreatment);
const AL: Policy = Policy::Principle(ApplicableLegislation);
const AR: Policy = Policy::Principle(AcquiredRights);
const RC: Policy = Policy::Principle(RightsInCourseOfAcquisition);
const AA: Policy = Policy::Principle(AdministrativeAssistance);

/// Every check, in code order.
pub static CHECKS: &[CheckInfo] = &[
    check!("P001", "syntax-error", E, None, "Pacta language reference", "the source does not parse, or uses a construct the language does not have", &x::P001),
    check!("P002", "duplicate-article", E, None, "Pacta language reference", "two articles, rules, paragraphs, fields or scenarios with the same number, label or name", &x::P002),
    check!("P003", "unknown-reference", E, None, "Pacta language reference", "`overrides`, `by`, a tag or a cross-reference names an article or rule that does not exist", &x::P003),
    check!("P004", "unknown-party", E, None, "Pacta language reference", "a Party code that is not declared", &x::P004),
    check!("P005", "unknown-branch", E, None, "ILO C102 (the nine branches)", "a branch key that is not one of the known branches", &x::P005),
    check!("P006", "duplicate-party", E, None, "Pacta language reference", "the same Party code declared twice", &x::P006),
    check!("P007", "invalid-value", E, None, "Pacta language reference", "a malformed date, a duration without a unit, a zero limit, an unknown instrument or value", &x::P007),
    check!("P008", "article-order", W, None, "R167, Annex II (layout of a model agreement)", "article numbers out of order or with gaps", &x::P008),
    check!("P009", "unused-definition", I, None, "R167, Annex I (definitions)", "a defined term that nothing uses", &x::P009),
    check!("P010", "unused-suppression", W, None, "Pacta language reference", "an `allow` that matches no finding", &x::P010),
    check!("P011", "unverified-encoding", I, None, "Pacta language reference", "the header declares check families whose provisions were not verified in the text; their checks are silent", &x::P011),
    check!("P101", "branch-not-covered", Policy::Instruments(&["C157", "R167"]), None, "C157 Art 2; C118 Art 2", "a Party has a scheme for a branch that the material scope leaves out for that Party", &x::P101),
    check!("P102", "c102-branch-absent", I, None, "C102; GB.344/POL/1 para 13", "C102 branches covered for no Party, listed in one finding", &x::P102),
    check!("P103", "branch-without-rule", Policy::Instruments(&["C157", "R167"]), None, "real agreements (Netherlands–Korea); C157 Art 2", "a branch in the material scope with no coordination rule at all", &x::P103),
    check!("P104", "asymmetric-scope", I, None, "C157 Art 2", "a branch covered for one Party but not another, where both have a scheme", &x::P104),
    check!("P105", "nationality-based-scope", EQ, Some(EqualityOfTreatment), "C118 Art 10(1); C157 Art 3", "personal scope limited to nationals", &x::P105),
    check!("P106", "excluded-category", EQ, Some(EqualityOfTreatment), "C143 Art 9(1); R201; GB.344/POL/1 paras 5, 15", "personal scope excludes a sector or status", &x::P106),
    check!("P107", "family-not-covered", EQ, Some(EqualityOfTreatment), "C118 Art 3(2); C157", "family members or survivors left out of the personal scope", &x::P107),
    check!("P201", "no-equal-treatment", EQ, Some(EqualityOfTreatment), "C118 Art 3(1); C102 Art 68", "no equality-of-treatment provision", &x::P201),
    check!("P202", "residence-conditioned-equality", EQ, Some(EqualityOfTreatment), "C118 Art 4(1)", "equality granted only to residents of the Party concerned", &x::P202),
    check!("P203", "survivors-nationality", EQ, Some(EqualityOfTreatment), "C118 Art 3(2)", "survivors' equality made to depend on the survivor's nationality", &x::P203),
    check!("P204", "residence-condition-too-long", EQ, Some(EqualityOfTreatment), "C118 Art 4(2)", "a prior-residence condition above the C118 ceilings", &x::P204),
    check!("P205", "equality-branches-narrower", EQ, Some(EqualityOfTreatment), "C118 Art 3", "equality covers fewer branches than the material scope", &x::P205),
    check!("P301", "double-legislation", AL, Some(ApplicableLegislation), "C157 Part II; EU Regulation 883/2004 Art 11(1); GB.344/POL/1 fn 11", "a class of situations settled to two Parties by rules neither of which overrides the other", &x::P301),
    check!("P302", "no-legislation", AL, Some(ApplicableLegislation), "C157 Part II", "a class of situations in personal scope that no rule settles", &x::P302),
    check!("P303", "posting-without-limit", AL, Some(ApplicableLegislation), "EU Regulation 883/2004 Art 12; pre-1996 US–Germany", "a posting rule with no time limit", &x::P303),
    check!("P304", "posting-limit-long", W, Some(ApplicableLegislation), "practice (EU 24, India–Germany 48, US 60 months)", "posting limit plus extension above 60 months", &x::P304),
    check!("P305", "extension-unbounded", AL, Some(ApplicableLegislation), "EU Regulation 883/2004 Art 16", "an extension with no maximum, or without the competent authorities' consent", &x::P305),
    check!("P306", "posting-chaining", W, Some(ApplicableLegislation), "EU Regulation 883/2004 Art 12; Netherlands–Japan", "a posting rule with neither a re-posting gap nor a no-replacement condition", &x::P306),
    check!("P307", "no-multi-state-rule", AL, Some(ApplicableLegislation), "EU Regulation 883/2004 Art 13", "no rule for persons active in two or more Parties", &x::P307),
    check!("P308", "special-category-missing", W, Some(ApplicableLegislation), "EU Regulation 883/2004 Art 11", "no rule for seafarers, aircrew or transport crew, civil servants, or mission staff", &x::P308),
    check!("P309", "exception-breaks-single-legislation", AL, Some(ApplicableLegislation), "EU Regulation 883/2004 Art 16; Netherlands–Japan Art 10", "exceptions by agreement that need not keep exactly one legislation", &x::P309),
    check!("P310", "override-cycle", E, Some(ApplicableLegislation), "Pacta semantics of `overrides`", "rules that override each other in a cycle", &x::P310),
    check!("P311", "rule-never-applies", I, Some(ApplicableLegislation), "Pacta semantics of rules", "a rule overridden wherever it applies, or whose conditions no situation meets", &x::P311),
    check!("P401", "no-aggregation", RC, Some(RightsInCourseOfAcquisition), "C118 Art 7; C157 Part III; EU Regulation 883/2004 Art 6", "a long-term branch in scope without aggregation of periods", &x::P401),
    check!("P402", "aggregation-purpose-missing", RC, Some(RightsInCourseOfAcquisition), "C118 Art 7", "aggregation that omits acquisition, maintenance, recovery or calculation", &x::P402),
    check!("P403", "no-calculation-method", RC, Some(RightsInCourseOfAcquisition), "EU Regulation 883/2004 Art 52; C157 Part III", "aggregation for a cash benefit with no calculation method", &x::P403),
    check!("P404", "minimum-period-without-fallback", RC, Some(RightsInCourseOfAcquisition), "EU Regulation 883/2004 Art 57", "a minimum-period clause that can lose short careers everywhere", &x::P404),
    check!("P405", "overlapping-periods", RC, Some(RightsInCourseOfAcquisition), "EU Regulation 883/2004; real agreements", "aggregation that does not say overlapping periods count once", &x::P405),
    check!("P406", "short-term-without-aggregation", W, Some(RightsInCourseOfAcquisition), "C157 Part III", "sickness, maternity or unemployment in scope without aggregation for acquisition", &x::P406),
    check!("P501", "long-term-not-exported", AR, Some(AcquiredRights), "C118 Art 5; C157 Part IV; EU Regulation 883/2004 Art 7", "a long-term benefit in scope that is not exported", &x::P501),
    check!("P502", "export-nationals-only", AR, Some(AcquiredRights), "C118 Art 5", "export limited to nationals", &x::P502),
    check!("P503", "export-exception-unlisted", W, Some(AcquiredRights), "real agreements", "export with exceptions not enumerated", &x::P503),
    check!("P504", "family-children-abroad", AR, Some(AcquiredRights), "C118 Art 6", "family benefits in scope with no rule for children living in another Party", &x::P504),
    check!("P505", "medical-care-abroad", AR, Some(AcquiredRights), "EU Regulation 883/2004 Arts 17–20", "medical care in scope with no in-kind provision during a stay or residence in another Party", &x::P505),
    check!("P601", "no-liaison-body", AA, Some(AdministrativeAssistance), "C157 Part V", "a Party without a liaison body", &x::P601),
    check!("P602", "assistance-not-free", AA, Some(AdministrativeAssistance), "C118 Art 11", "administrative assistance not declared free of charge", &x::P602),
    check!("P603", "claims-not-portable", AA, Some(AdministrativeAssistance), "C157 Part V", "a claim or appeal lodged with another Party's institution does not count from the same date", &x::P603),
    check!("P604", "no-data-protection", W, Some(AdministrativeAssistance), "practice", "no data-protection provision", &x::P604),
    check!("P605", "no-language-clause", W, Some(AdministrativeAssistance), "practice", "documents in another Party's official language may be refused", &x::P605),
    check!("P606", "no-disputes-clause", W, Some(AdministrativeAssistance), "practice", "no dispute settlement", &x::P606),
    check!("P607", "no-institution", AA, Some(AdministrativeAssistance), "C157 Part V", "a covered branch with no institution designated for a Party", &x::P607),
    check!("P701", "no-entry-into-force", E, None, "R167, Annex II (final provisions)", "no entry-into-force provision", &x::P701),
    check!("P702", "no-termination", E, None, "R167, Annex II (final provisions)", "no duration or termination provision", &x::P702),
    check!("P703", "rights-lost-on-termination", AR, Some(AcquiredRights), "C157 Part IV; Netherlands–Japan Art 32(2)", "termination without retention of acquired rights", &x::P703),
    check!("P704", "prior-periods-ignored", W, Some(RightsInCourseOfAcquisition), "C118 Art 12; Netherlands–Japan", "no rule that periods before entry into force count", &x::P704),
    check!("P705", "superseded-rights", AR, Some(AcquiredRights), "MERCOSUR Art 17(4)", "an agreement that supersedes another without preserving rights acquired under it", &x::P705),
    check!("P801", "no-anti-overlap", W, None, "R167, Annex I (undue plurality); EU Regulation 883/2004 Art 10", "no rule on overlapping benefits", &x::P801),
    check!("P802", "same-kind-reduction", W, None, "R167, Annex I (undue plurality)", "national anti-overlap rules applied between same-kind pro-rata benefits", &x::P802),
];

/// The entry for a code (`P303`).
pub fn get(code: &str) -> Option<&'static CheckInfo> {
    CHECKS.iter().find(|c| c.code == code)
}

/// The entry for a code or a name (`P303` or `posting-without-limit`), case-insensitively.
pub fn lookup(code_or_name: &str) -> Option<&'static CheckInfo> {
    CHECKS
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}

/// The code for a code or a name.
pub fn resolve_code(code_or_name: &str) -> Option<&'static str> {
    lookup(code_or_name).map(|c| c.code)
}

pub fn name_of(code: &str) -> &'static str {
    get(code).map_or("", |c| c.name)
}

pub fn codes_and_names() -> impl Iterator<Item = &'static str> {
    CHECKS.iter().flat_map(|c| [c.code, c.name])
}
