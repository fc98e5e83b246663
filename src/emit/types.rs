//! The output model of the rule set, `pacta.ruleset/2`: its own versioned types, independent of
//! the AST and the resolved model, so that the published format changes only on purpose. Field
//! names are snake_case; values written in the language (`count-once`, `XA`) keep its spelling.
//! Optional fields are left out when absent; lists are always present.

use crate::diag::Severity;
use crate::model::{Branch, Principle};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The identifier of this format; a consumer checks it before reading further.
pub(crate) const SCHEMA_ID: &str = "pacta.ruleset/2";

/// The whole rule set of one agreement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Pacta rule set")]
pub struct RuleSet {
    /// Always `pacta.ruleset/2`.
    #[schemars(extend("const" = "pacta.ruleset/2"))]
    pub schema: String,
    /// The source file, as named on the command line.
    pub file: String,
    pub agreement: Metadata,
    /// The Parties, sorted by code.
    pub parties: Vec<Party>,
    /// Every article, in source order, with its prose.
    pub articles: Vec<Article>,
    pub definitions: Vec<Definition>,
    pub material_scope: MaterialScope,
    pub personal_scope: PersonalScope,
    pub equality: Vec<Equality>,
    pub export: Vec<Export>,
    pub applicable_legislation: ApplicableLegislation,
    pub aggregation: Vec<Aggregation>,
    pub calculation: Vec<Calculation>,
    pub minimum_periods: Vec<MinimumPeriod>,
    /// `benefit BRANCH { … }` provisions, in source order.
    pub branch_provisions: Vec<BranchProvision>,
    pub residence_fiction: Vec<ResidenceFiction>,
    pub undue_plurality: Vec<Overlapping>,
    pub administration: Vec<Administration>,
    pub transitional: Vec<Transitional>,
    pub final_provisions: FinalProvisions,
    /// `see` cross-references.
    pub references: Vec<Listed>,
    /// Party × branch × principle, sorted in that order.
    pub coverage: Vec<CoverageCell>,
    /// Findings the Parties accepted on purpose (`allow CODE "reason"`).
    pub accepted: Vec<Accepted>,
    /// The findings of the checks, in canonical order.
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// Where an item is written: the article, its stable tag, an Akoma Ntoso-style identifier and
/// the 1-based span in the file (columns counted in characters, end exclusive).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// `art_7__para_1`, `art_7`, `party_XA`, `party_XA__institution_2` or `preface`.
    pub eid: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A duration as written, with its length in days (a 360-day year of 30-day months; weeks of 7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    pub amount: u64,
    pub unit: Unit,
    pub days: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A word of the language (`none`) or a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Setting {
    Word(String),
    Period(Period),
}

/// A line provision's values (`personal-scope: insured-persons, survivors`), each item as text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Listed {
    pub values: Vec<String>,
    pub source: Source,
}

// ───────────────────────────── metadata and Parties ─────────────────────────────

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub languages: Vec<String>,
    pub supersedes: Vec<String>,
    /// The instruments of `conforms-to:`, in the order written.
    pub claims: Vec<Claim>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// A claimed ILO instrument and the principles it holds the agreement to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    pub instrument: String,
    pub title: String,
    pub year: u16,
    pub principles: Vec<Principle>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Party {
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competent_authority: Option<String>,
    /// The branches for which the Party has legislation.
    pub schemes: Vec<Branch>,
    pub institutions: Vec<Institution>,
    pub liaison_bodies: Vec<String>,
    pub sub_national_units: Vec<String>,
    /// The branches legislated by the sub-national units, not by the Party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_national_branches: Vec<Branch>,
    /// The unit in which the Party's legislation counts periods (`period-unit:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_unit: Option<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Institution {
    pub name: String,
    pub branches: Vec<Branch>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    /// The article's number; for `5bis` it is 5, for `IV` it is 4 (see `label`).
    pub number: u32,
    /// The number as signed, when it is not plain Arabic digits: `5bis`, `5a`, `IV`, `1er`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub eid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The Part's Roman numeral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapter: Option<u32>,
    /// The article's prose paragraphs, dedented.
    pub text: Vec<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Definition {
    pub term: String,
    pub meaning: String,
    pub source: Source,
}

// ───────────────────────────── scope ─────────────────────────────

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MaterialScope {
    /// Each `scope PARTY "law": branches` line.
    pub laws: Vec<ScopeLaw>,
    /// The same, per Party (sorted by code) and branch.
    pub by_party: Vec<PartyScope>,
    /// Schemes left out (`excluded: social-assistance, war-victims`).
    pub excluded_schemes: Vec<Listed>,
    /// Branches deliberately left out of coordination (`benefit BRANCH { excluded: yes }`).
    pub excluded_branches: Vec<BranchRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScopeLaw {
    pub party: String,
    pub law: String,
    pub residence_based: bool,
    /// How the law reaches a person without the agreement (`territory`, `residence-based`,
    /// `employer-abroad`, …); empty means work in the territory.
    #[serde(default)]
    pub bases: Vec<String>,
    pub branches: Vec<Branch>,
    /// Branches written `BRANCH applicable-legislation-only`: in scope for the applicable
    /// legislation, not coordinated otherwise.
    pub legislation_only: Vec<Branch>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PartyScope {
    pub party: String,
    pub branches: Vec<ScopedBranch>,
    /// Branches the Party has a scheme for that its material scope leaves out.
    pub outside_scope: Vec<Branch>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScopedBranch {
    pub branch: Branch,
    pub laws: Vec<String>,
    pub residence_based: bool,
    /// In scope for the applicable legislation only.
    pub legislation_only: bool,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BranchRef {
    pub branch: Branch,
    pub source: Source,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonalScope {
    /// `personal-scope:` — the persons covered.
    pub persons: Vec<Listed>,
    /// `regardless-of:` — what does not limit coverage.
    pub regardless_of: Vec<Listed>,
    /// `excluded-categories:` — sectors or statuses left out.
    pub excluded_categories: Vec<Listed>,
}

// ───────────────────────────── equality and export ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Equality {
    pub persons: Vec<String>,
    /// The branches covered (`all` expanded; every branch in scope when not written).
    pub branches: Vec<Branch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence_condition: Option<Setting>,
    pub prior_residence: Vec<BranchPeriod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survivors: Option<String>,
    pub exceptions: Vec<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BranchPeriod {
    pub branch: Branch,
    pub period: Period,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Export {
    pub branches: Vec<Branch>,
    /// Party codes, `parties`, `third-states` or `residents-of-third-states`.
    pub to: Vec<String>,
    pub persons: Vec<String>,
    pub third_state_persons: Vec<String>,
    /// Benefits not exported, by name.
    pub except: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exceptions: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspension: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<String>,
    pub source: Source,
}

// ───────────────────────────── applicable legislation ─────────────────────────────

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ApplicableLegislation {
    /// The rules, in source order.
    pub rules: Vec<Rule>,
    /// Each class of situations → outcome → deciding rule, as the analysis derived it.
    pub decision_table: Vec<DecisionRow>,
    pub exceptions: Vec<Exceptions>,
    pub voluntary_insurance: Vec<VoluntaryInsurance>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Rule {
    pub label: String,
    /// `employed in Y, employer in X, posted -> X`, as written.
    pub text: String,
    /// All must hold (a comma means "and also").
    pub conditions: Vec<Condition>,
    /// The Party whose legislation applies.
    pub designates: PartyTerm,
    /// Rules this one wins over, where both apply.
    pub overrides: Vec<String>,
    /// Rules that win over this one.
    pub overridden_by: Vec<String>,
    /// `limit D`: postings whose anticipated duration is at most D, as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Period>,
    /// `limit first D`: the first D of any posting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_first: Option<Period>,
    /// An extension, granted case by case by the named authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    /// `branches …`: the branches the rule concerns (empty: every branch).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<String>,
    /// `begun before DATE` / `begun from DATE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begun: Option<Begun>,
    /// `per-activity` or `person-level`, when the rule says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repost_gap: Option<Period>,
    pub no_replacement: bool,
    /// `where X is "…"`: a factual criterion that picks the Party for a variable.
    pub criteria: Vec<Criterion>,
    pub source: Source,
}

/// A Party code or a party variable (distinct variables bind distinct Parties).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PartyTerm {
    Party(String),
    Variable(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Condition {
    /// The condition as written.
    pub text: String,
    #[serde(flatten)]
    pub test: Test,
}

/// What a condition tests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Test {
    /// `employed in X`, `self-employed in X and Y`, `employed in several`, and
    /// `employed in X and self-employed in Y` (with `also`).
    Activity {
        activity: Activity,
        places: Places,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        also: Option<ActivityIn>,
    },
    /// `works in X`
    WorksIn {
        party: PartyTerm,
    },
    /// `employer in X`, `employer elsewhere`
    Employer {
        place: Whereabouts,
    },
    /// `resides in X`, `resides elsewhere`, `resides away`
    Resides {
        place: Whereabouts,
    },
    /// `posted`
    Posted {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        period: Option<Period>,
    },
    NotPosted,
    /// `extension granted`
    ExtensionGranted,
    /// `national of X`
    National {
        party: PartyTerm,
    },
    /// `usually self-employed in X`
    UsuallySelfEmployedIn {
        party: PartyTerm,
    },
    /// `seafarer under flag X`, `civil-servant of X`, `non-active`, …
    Status {
        status: Status,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        party: Option<PartyTerm>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Activity {
    Employed,
    SelfEmployed,
    Mixed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActivityIn {
    pub activity: Activity,
    pub places: Places,
}

/// The places of work: `several` (two or more Parties) or the Parties named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Places {
    Several,
    Parties(Vec<PartyTerm>),
}

/// A residence or an employer's seat: in a Party, in a third State (`elsewhere`), or anywhere that
/// is not a place of work (`away`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Whereabouts {
    In(PartyTerm),
    Elsewhere,
    Away,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Seafarer,
    Aircrew,
    TransportCrew,
    CivilServant,
    MissionStaff,
    LocallyEngaged,
    NonActive,
    Accompanying,
}

/// The postings a rule concerns by their start date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Begun {
    /// `true`: begun before the date; `false`: begun on or after it.
    pub before: bool,
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Extension {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Who grants it (`competent-authorities`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Criterion {
    pub variable: String,
    pub criterion: String,
}

/// One row of the decision table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DecisionRow {
    /// The class of situations, in the words of rule conditions.
    pub situation: String,
    /// The branches this row decides, when branches are decided differently (else empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<String>,
    pub outcome: Outcome,
    /// The deciding rule's label, when one rule decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Rules that also apply but are overridden by the deciding rule.
    pub overridden: Vec<String>,
    /// Where the deciding rule is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// The outcome for a class of situations: the analysis' own type, one source of truth.
pub use crate::legislation::Outcome;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Exceptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keeps: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_interest_of: Option<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VoluntaryInsurance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periods: Option<String>,
    pub branches: Vec<Branch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrent: Option<String>,
    pub source: Source,
}

// ───────────────────────────── aggregation and benefits ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Aggregation {
    pub branches: Vec<Branch>,
    pub periods: Vec<String>,
    pub purposes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlapping_periods: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_state_periods: Option<String>,
    pub own_period_thresholds: Vec<PartyPhrase>,
    pub excluded_periods: Vec<String>,
    /// How periods counted in different units convert (`conversion:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion: Option<String>,
    /// The Parties that aggregate (every Party when not written).
    pub parties: Vec<String>,
    pub source: Source,
}

/// A phrase led by a Party code: `US 6 quarters`, `NL own-periods-only`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PartyPhrase {
    pub party: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub words: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Calculation {
    pub branches: Vec<Branch>,
    pub methods: Vec<String>,
    pub party_methods: Vec<PartyPhrase>,
    /// The formula the treaty states for the amount (`formula:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MinimumPeriod {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Period>,
    /// The branches concerned (the long-term ones when not written).
    pub branches: Vec<Branch>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub others_count: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
    /// The Parties that apply the threshold (every Party when not written).
    pub parties: Vec<String>,
    pub source: Source,
}

/// `benefit BRANCH { … }`: only the fields written are present.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BranchProvision {
    pub branch: Branch,
    pub in_kind_during: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provided_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reimbursement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupational_disease_several_exposures: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children_in_other_party: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_by_party: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<bool>,
    /// Whose insurance at the contingency counts (`insured-at-contingency:`): `either-party` when
    /// being insured under the other Party's legislation counts as insured under this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insured_at_contingency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<bool>,
    pub notes: Vec<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ResidenceFiction {
    pub branches: Vec<Branch>,
    pub treats: Vec<String>,
    pub source: Source,
}

// ───────────────────────────── plurality, administration, final ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Overlapping {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_rules: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_kind_pro_rata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simultaneous_reduction: Option<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Administration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<String>,
    pub documents_in: Vec<String>,
    pub working_language: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeals: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_protection: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medical_examinations: Option<String>,
    pub overpayments: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    pub disputes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identification: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforcement: Option<bool>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Transitional {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_periods: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefits_before_entry_into_force: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postings_in_progress: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awarded_benefits: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_decisions: Option<String>,
    pub source: Source,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FinalProvisions {
    pub entry_into_force: Vec<Listed>,
    pub signature: Vec<Listed>,
    /// `duration: indefinite` or a period.
    pub duration: Vec<DurationClause>,
    pub termination: Vec<Termination>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DurationClause {
    pub value: Setting,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Termination {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquired_rights: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_in_course: Option<String>,
    pub source: Source,
}

// ───────────────────────────── coverage and findings ─────────────────────────────

/// One cell of the coverage matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CoverageCell {
    pub party: String,
    pub branch: Branch,
    pub principle: Principle,
    pub status: Coverage,
    /// Why, in a few words.
    pub reason: String,
    /// The provisions that cover the cell, or that exclude the branch.
    pub sources: Vec<Source>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    Covered,
    NotCovered,
    Excluded,
    NotApplicable,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Accepted {
    /// The code the suppression names, when it names a known check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The check as written (a code or a name).
    pub check: String,
    pub reason: String,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principle: Option<Principle>,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub source: Source,
    pub related: Vec<Related>,
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The Parties the finding concerns, when the check knows them (none: every Party).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// The branches the finding concerns, by key, when the check knows them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Related {
    pub message: String,
    pub source: Source,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}
