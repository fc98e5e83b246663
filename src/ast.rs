//! The typed syntax tree. Every node carries the span it was written at; nothing here is resolved
//! yet (names, fields and values are checked in `model`).

use crate::span::{Span, Spanned};

pub(crate) type Ident = Spanned<String>;

/// A whole agreement file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub header: Option<Header>,
    pub parties: Vec<Party>,
    /// Parts, and Articles written outside any Part, in source order.
    pub body: Vec<Division>,
    pub scenarios: Vec<Scenario>,
    pub span: Span,
}

/// `agreement "title" { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub title: Ident,
    pub fields: Vec<Field>,
    pub texts: Vec<Text>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

/// `party XA "name" { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    pub code: Ident,
    pub name: Ident,
    pub fields: Vec<Field>,
    pub institutions: Vec<Institution>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

/// `institution "name": branches`
#[derive(Clone, Debug, PartialEq)]
pub struct Institution {
    pub name: Ident,
    pub branches: Vec<Item>,
    pub span: Span,
}

/// A top-level division of the body.
#[derive(Clone, Debug, PartialEq)]
pub enum Division {
    Part(Part),
    Article(Article),
}

/// `part II "title" { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub number: Ident,
    pub title: Option<Ident>,
    pub items: Vec<PartItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PartItem {
    Chapter(Chapter),
    Article(Article),
    Text(Text),
    Allow(Allow),
}

/// `chapter 2 "title" { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Chapter {
    pub number: Spanned<u32>,
    pub title: Option<Ident>,
    pub articles: Vec<Article>,
    pub texts: Vec<Text>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

/// `article 7 "title" #tag { … }`, numbered as signed (`5bis`, `IV`, `1er`).
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub number: Spanned<crate::numbering::ArticleNo>,
    pub title: Option<Ident>,
    pub tag: Option<Ident>,
    pub items: Vec<ArticleItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ArticleItem {
    Paragraph(Paragraph),
    Provision(Provision),
}

/// `paragraph 2 { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub label: Ident,
    pub provisions: Vec<Provision>,
    pub span: Span,
}

/// One provision inside an article or paragraph.
#[derive(Clone, Debug, PartialEq)]
pub enum Provision {
    Rule(Rule),
    Text(Text),
    Allow(Allow),
    Define(Define),
    Scope(Scope),
    Benefit(Benefit),
    Block(Block),
    Line(Line),
}

impl Provision {
    pub fn span(&self) -> Span {
        match self {
            Provision::Rule(x) => x.span,
            Provision::Text(x) => x.span,
            Provision::Allow(x) => x.span,
            Provision::Define(x) => x.span,
            Provision::Scope(x) => x.span,
            Provision::Benefit(x) => x.span,
            Provision::Block(x) => x.span,
            Provision::Line(x) => x.span,
        }
    }
}

/// `text """…"""` or `text fr """…"""`; the prose is dedented.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// The language of the prose (`fr` in `text fr """…"""`); `None` when not given.
    pub lang: Option<Ident>,
    pub text: String,
    pub span: Span,
}

/// `allow P303 "reason"`
#[derive(Clone, Debug, PartialEq)]
pub struct Allow {
    pub check: Ident,
    pub reason: Ident,
    pub span: Span,
}

/// `define "term": "meaning"`
#[derive(Clone, Debug, PartialEq)]
pub struct Define {
    pub term: Ident,
    pub meaning: Ident,
    pub span: Span,
}

/// `scope XA "law" residence-based: branches`
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    pub party: Ident,
    pub law: Ident,
    /// The coverage bases written between the law and the colon (`residence-based`, …).
    pub bases: Vec<Ident>,
    pub branches: Vec<Item>,
    pub span: Span,
}

/// `benefit medical-care { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Benefit {
    pub branch: Ident,
    pub fields: Vec<Field>,
    pub span: Span,
}

/// `aggregation { … }` and the other block provisions.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub keyword: Ident,
    pub fields: Vec<Field>,
    pub span: Span,
}

/// `personal-scope: …` and the other line provisions.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub keyword: Ident,
    pub items: Vec<Item>,
    pub span: Span,
}

/// `name: list` inside a block, a header or a Party.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Ident,
    pub items: Vec<Item>,
    pub span: Span,
}

impl Field {
    /// The words, codes and strings of the field, lowercased (`official-languages: en, FR`), for
    /// comparing values written in either case.
    pub(crate) fn lowercase_words(&self) -> impl Iterator<Item = String> + '_ {
        self.items
            .iter()
            .flat_map(|i| &i.values)
            .filter_map(|v| match &v.kind {
                ValueKind::Word(w) | ValueKind::Code(w) | ValueKind::Str(w) => {
                    Some(w.to_lowercase())
                }
                _ => None,
            })
    }
}

/// One list item: one value or a short phrase of values.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub values: Vec<Value>,
    pub span: Span,
}

impl Item {
    /// The item's only value, when it has exactly one.
    pub fn single(&self) -> Option<&Value> {
        match self.values.as_slice() {
            [v] => Some(v),
            _ => None,
        }
    }

    /// The item's only value as a word (`old-age`) or code (`XA`).
    pub(crate) fn as_word(&self) -> Option<&str> {
        match self.single()?.kind {
            ValueKind::Word(ref w) | ValueKind::Code(ref w) => Some(w),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// A kebab-case word.
    Word(String),
    /// An uppercase code: a Party, an instrument, a check.
    Code(String),
    /// A quoted string, unescaped.
    Str(String),
    Integer(u64),
    Percent(u64),
    Duration(Duration),
    /// `YYYY-MM-DD`, as written (validated later).
    Date(String),
    /// A label such as `7.1`.
    Label(String),
    /// A tag reference such as `#posting` (without the `#`).
    Tag(String),
}

impl ValueKind {
    /// A short description for messages.
    pub fn describe(&self) -> String {
        match self {
            ValueKind::Word(w) | ValueKind::Code(w) => format!("`{w}`"),
            ValueKind::Str(s) => format!("\"{s}\""),
            ValueKind::Integer(n) => n.to_string(),
            ValueKind::Percent(n) => format!("{n}%"),
            ValueKind::Duration(d) => d.to_string(),
            ValueKind::Date(d) => d.clone(),
            ValueKind::Label(l) => l.clone(),
            ValueKind::Tag(t) => format!("#{t}"),
        }
    }
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A duration as written, such as `24 months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    pub amount: u64,
    pub unit: Unit,
}

impl Duration {
    /// The duration in days, on a 360-day year of twelve 30-day months (so that `12 months`,
    /// `4 quarters` and `1 year` are equal); weeks are 7 days.
    pub fn days(self) -> u64 {
        let per = match self.unit {
            Unit::Day => 1,
            Unit::Week => 7,
            Unit::Month => 30,
            Unit::Quarter => 90,
            Unit::Year => 360,
        };
        self.amount.saturating_mul(per)
    }

    /// The duration in months, rounded up.
    pub fn months(self) -> u64 {
        self.days().div_ceil(30)
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (one, many) = match self.unit {
            Unit::Day => ("day", "days"),
            Unit::Week => ("week", "weeks"),
            Unit::Month => ("month", "months"),
            Unit::Quarter => ("quarter", "quarters"),
            Unit::Year => ("year", "years"),
        };
        write!(
            f,
            "{} {}",
            self.amount,
            if self.amount == 1 { one } else { many }
        )
    }
}

// ───────────────────────────── rules ─────────────────────────────

/// `rule 7.1: employed in Y, employer in X, posted -> X` with its clauses.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub label: Ident,
    pub conditions: Vec<Condition>,
    pub target: PartyRef,
    pub clauses: Vec<Clause>,
    pub span: Span,
    /// The span of `rule LABEL: conditions -> target`, without clauses.
    pub head_span: Span,
}

/// A Party code (`XA`) or a party variable (`X`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartyRef {
    pub name: String,
    pub span: Span,
}

impl PartyRef {
    /// A single uppercase letter is a variable.
    pub(crate) fn is_variable(&self) -> bool {
        self.name.len() == 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Activity {
    Employed,
    SelfEmployed,
    /// Employed in at least one Party and self-employed in another (`mixed in several`).
    Mixed,
}

impl Activity {
    pub fn keyword(self) -> &'static str {
        match self {
            Activity::Employed => "employed",
            Activity::SelfEmployed => "self-employed",
            Activity::Mixed => "mixed",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Places {
    Several(Span),
    Parties(Vec<PartyRef>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Seafarer,
    Aircrew,
    TransportCrew,
    CivilServant,
    MissionStaff,
    LocallyEngaged,
    NonActive,
    /// A family member accompanying a worker subject to the legislation of a Party.
    Accompanying,
}

impl Status {
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Seafarer => "seafarer",
            Status::Aircrew => "aircrew",
            Status::TransportCrew => "transport-crew",
            Status::CivilServant => "civil-servant",
            Status::MissionStaff => "mission-staff",
            Status::LocallyEngaged => "locally-engaged",
            Status::NonActive => "non-active",
            Status::Accompanying => "accompanying",
        }
    }
}

/// Where a person resides or an employer sits, as written in a condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    In(PartyRef),
    /// A third State.
    Elsewhere,
    /// Anywhere that is not a place of work (residence only).
    Away,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConditionKind {
    /// `employed in X`, `self-employed in X and Y`, `employed in several`; `and_then` holds the
    /// second half of `employed in X and self-employed in Y`.
    Activity {
        activity: Activity,
        places: Places,
        and_then: Option<(Activity, Places)>,
    },
    WorksIn(PartyRef),
    Employer(Place),
    Resides(Place),
    /// `posted`, or `posted 30 months` (optionally `since DATE`) in a situation.
    Posted(Option<Duration>, Option<String>),
    /// `extension granted`.
    ExtensionGranted,
    /// `national of X`.
    National(PartyRef),
    NotPosted,
    UsuallySelfEmployedIn(PartyRef),
    /// A special status and the Party it is tied to (`seafarer under flag X`, `civil-servant of X`).
    Status(Status, Option<PartyRef>),
}

impl ConditionKind {
    /// The Parties (codes or variables) the condition names, in the order written.
    pub(crate) fn party_refs(&self) -> Vec<&PartyRef> {
        match self {
            ConditionKind::Activity {
                places, and_then, ..
            } => [Some(places), and_then.as_ref().map(|(_, p)| p)]
                .into_iter()
                .flatten()
                .flat_map(|p| match p {
                    Places::Parties(ps) => ps.iter().collect(),
                    Places::Several(_) => Vec::new(),
                })
                .collect(),
            ConditionKind::WorksIn(p)
            | ConditionKind::UsuallySelfEmployedIn(p)
            | ConditionKind::Employer(Place::In(p))
            | ConditionKind::Resides(Place::In(p))
            | ConditionKind::Status(_, Some(p))
            | ConditionKind::National(p) => vec![p],
            _ => Vec::new(),
        }
    }

    /// The span of `several` where the condition says it instead of naming places.
    pub fn several(&self) -> Option<Span> {
        match self {
            ConditionKind::Activity {
                places, and_then, ..
            } => [Some(places), and_then.as_ref().map(|(_, p)| p)]
                .into_iter()
                .flatten()
                .find_map(|p| match p {
                    Places::Several(span) => Some(*span),
                    Places::Parties(_) => None,
                }),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ClauseKind {
    Overrides(Vec<Ident>),
    /// `limit D` (anticipated duration, `first: false`) or `limit first D`.
    Limit(Duration),
    LimitFirst(Duration),
    /// `branches old-age, survivors`.
    Branches(Vec<Ident>),
    /// `begun before DATE` (`before: true`) or `begun from DATE`.
    Begun {
        before: bool,
        date: Ident,
    },
    /// `per-activity` (`true`) or `person-level`.
    Allocation(bool),
    Extension {
        duration: Option<Duration>,
        by: Option<Ident>,
    },
    RepostGap(Duration),
    NoReplacement,
    Where {
        variable: PartyRef,
        criterion: Ident,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub span: Span,
}

// ───────────────────────────── scenarios ─────────────────────────────

/// `scenario "name" { situation: … expect: … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: Ident,
    pub situation: Option<Situation>,
    /// `branches: old-age, survivors`: the branches the expectation concerns (all when absent).
    pub branches: Option<Spanned<Vec<Ident>>>,
    pub expect: Option<Expectation>,
    pub texts: Vec<Text>,
    pub allows: Vec<Allow>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Situation {
    pub conditions: Vec<Condition>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExpectKind {
    Party {
        party: PartyRef,
        by: Option<Ident>,
    },
    Gap,
    Overlap,
    /// Each activity under the legislation of one Party (per-activity allocation).
    PerActivity,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expectation {
    pub kind: ExpectKind,
    pub span: Span,
    /// A timeline: after `kind` until the first duration, the next outcome, and so on.
    pub later: Vec<(Duration, ExpectKind)>,
}
