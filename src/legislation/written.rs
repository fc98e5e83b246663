//! A situation written in the words of rule conditions (`pacta resolve --situation`, scenario
//! blocks) → the concrete situations it stands for: each dimension it gives is read once, the
//! special status fixes the dimensions it implies, and every dimension left open is tried with
//! each value.

use super::situation::{Act, Loc, Party, Posting, Situation, SpecialStatus};
use super::Codes;
use crate::ast::{Condition, ConditionKind, Place, Places, Status};
use crate::diag::{Diagnostic, Severity};
use crate::model::Agreement;
use crate::span::Span;

fn bad(message: impl Into<String>, span: Span, label: &str, help: &str) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new("P007", Severity::Error, message, span)
            .label(label)
            .help(help),
    )
}

/// A dimension of a situation: given, or left open (tried with every value).
#[derive(Clone, Copy)]
enum Given<T> {
    Open,
    Is(T, Span),
}

impl<T: Copy> Given<T> {
    fn set(&mut self, v: T, span: Span, what: &str) -> Result<(), Box<Diagnostic>> {
        if let Given::Is(_, first) = self {
            let first = *first;
            return Err(Box::new(
                Diagnostic::new(
                    "P007",
                    Severity::Error,
                    format!("the situation gives {what} twice"),
                    span,
                )
                .label("given again")
                .secondary(first, "first given here")
                .help("keep one of them"),
            ));
        }
        *self = Given::Is(v, span);
        Ok(())
    }
}

/// The dimensions a written situation gives, each at most once.
struct Written {
    work: Vec<(Party, Act, Span)>,
    status: Given<(Status, Option<Party>)>,
    employer: Given<Loc>,
    residence: Given<Loc>,
    posted: Given<Option<u64>>,
    not_posted: bool,
    usual: Given<Loc>,
    nationality: Given<Loc>,
    granted: bool,
    since: Option<String>,
}

/// The Party a situation names by code.
fn party(agreement: &Agreement, name: &str, span: Span) -> Result<Party, Box<Diagnostic>> {
    if name.len() == 1 {
        return Err(bad(
            format!("a situation names Parties, not variables: `{name}`"),
            span,
            "variable in a situation",
            "write the Party's code, such as `XA`",
        ));
    }
    agreement
        .parties
        .iter()
        .position(|p| p.code.value == name)
        .and_then(|i| Party::try_from(i).ok())
        .ok_or_else(|| {
            Box::new(
                Diagnostic::new(
                    "P004",
                    Severity::Error,
                    format!("`{name}` is not a Party of this agreement"),
                    span,
                )
                .label("unknown Party")
                .help(format!(
                    "the Parties are {}",
                    agreement.party_codes().join(", ")
                )),
            )
        })
}

impl Written {
    /// Read the conditions, each dimension at most once.
    fn read(agreement: &Agreement, conditions: &[Condition]) -> Result<Written, Box<Diagnostic>> {
        let mut w = Written {
            work: Vec::new(),
            status: Given::Open,
            employer: Given::Open,
            residence: Given::Open,
            posted: Given::Open,
            not_posted: false,
            usual: Given::Open,
            nationality: Given::Open,
            granted: false,
            since: None,
        };
        for c in conditions {
            match &c.kind {
                ConditionKind::Activity {
                    activity,
                    places,
                    and_then,
                } => {
                    for (act, pl) in std::iter::once((activity, places))
                        .chain(and_then.iter().map(|(a, p)| (a, p)))
                    {
                        let act = match act {
                            crate::ast::Activity::Employed => Act::Employed,
                            crate::ast::Activity::SelfEmployed => Act::SelfEmployed,
                            crate::ast::Activity::Mixed => return Err(bad(
                                "a situation says where the person is employed and where self-employed",
                                c.span,
                                "`mixed` in a situation",
                                "write e.g. `employed in XA and self-employed in XB`",
                            )),
                        };
                        let Places::Parties(ps) = pl else {
                            return Err(bad(
                                "a situation names its places of work",
                                c.span,
                                "`several` in a situation",
                                "name the Parties, such as `employed in XA and XB`",
                            ));
                        };
                        for p in ps {
                            let i = party(agreement, &p.name, p.span)?;
                            if w.work.iter().any(|&(q, _, _)| q == i) {
                                return Err(bad(
                                    format!(
                                        "the situation names {} as a place of w.work twice",
                                        p.name
                                    ),
                                    p.span,
                                    "named again",
                                    "name each place of w.work once, with its activity",
                                ));
                            }
                            w.work.push((i, act, p.span));
                        }
                    }
                }
                ConditionKind::WorksIn(p) => {
                    return Err(bad(
                        "a situation says how the person works in each place",
                        c.span,
                        "employed or self-employed?",
                        &format!(
                            "write `employed in {}` or `self-employed in {}`",
                            p.name, p.name
                        ),
                    ))
                }
                ConditionKind::Employer(Place::In(p)) => w.employer.set(
                    Loc::Party(party(agreement, &p.name, p.span)?),
                    c.span,
                    "the employer's seat",
                )?,
                ConditionKind::Employer(_) => {
                    w.employer.set(Loc::Third, c.span, "the employer's seat")?
                }
                ConditionKind::Resides(Place::In(p)) => w.residence.set(
                    Loc::Party(party(agreement, &p.name, p.span)?),
                    c.span,
                    "the residence",
                )?,
                ConditionKind::Resides(Place::Elsewhere) => {
                    w.residence.set(Loc::Third, c.span, "the residence")?
                }
                ConditionKind::Resides(Place::Away) => {
                    return Err(bad(
                        "a situation says where the person resides",
                        c.span,
                        "`away` in a situation",
                        "write `resides in XA` or `resides elsewhere`",
                    ))
                }
                ConditionKind::Posted(d, start) => {
                    w.posted.set(d.map(|d| d.days()), c.span, "a posting")?;
                    w.since = start.clone();
                }
                ConditionKind::ExtensionGranted => w.granted = true,
                ConditionKind::National(p) => w.nationality.set(
                    Loc::Party(party(agreement, &p.name, p.span)?),
                    c.span,
                    "the nationality",
                )?,
                ConditionKind::NotPosted => w.not_posted = true,
                ConditionKind::UsuallySelfEmployedIn(p) => w.usual.set(
                    Loc::Party(party(agreement, &p.name, p.span)?),
                    c.span,
                    "the w.usual place of activity",
                )?,
                ConditionKind::Status(kind, p) => {
                    let ptied = match p {
                        Some(p) => Some(party(agreement, &p.name, p.span)?),
                        None => None,
                    };
                    w.status.set((*kind, ptied), c.span, "a special status")?
                }
            }
        }
        if let (true, Given::Is(_, span)) = (w.not_posted, w.posted) {
            return Err(bad(
                "the situation is both posted and not posted",
                span,
                "posted",
                "keep one of `posted` and `not posted`",
            ));
        }
        Ok(w)
    }

    /// The special status, with the employer it fixes (civil servants and mission staff serve
    /// their Party); a seafarer's or locally engaged person's place of work is implied.
    fn special_status(
        &mut self,
        agreement: &Agreement,
    ) -> Result<(Option<SpecialStatus>, Option<Loc>), Box<Diagnostic>> {
        let mut fixed_employer: Option<Loc> = None;
        let mut the_status: Option<SpecialStatus> = None;
        if let Given::Is((kind, p), span) = self.status {
            let needs_party = matches!(
                kind,
                Status::Seafarer
                    | Status::CivilServant
                    | Status::MissionStaff
                    | Status::LocallyEngaged
                    | Status::Accompanying
            );
            if needs_party && p.is_none() {
                let what = match kind {
                    Status::Seafarer => "seafarer under flag XA",
                    Status::CivilServant => "civil-servant of XA",
                    Status::MissionStaff => "mission-staff of XA",
                    Status::Accompanying => "accompanying XA",
                    _ => "locally-engaged in XA",
                };
                return Err(bad(
                    format!("a situation names the Party of a {}", kind.keyword()),
                    span,
                    "which Party?",
                    &format!("write e.g. `{what}`"),
                ));
            }
            match (kind, p) {
                (Status::Seafarer | Status::LocallyEngaged, Some(p)) => {
                    if self
                        .work
                        .iter()
                        .any(|&(q, a, _)| q != p || a != Act::Employed)
                    {
                        return Err(bad(
                            format!(
                                "a {} works only in {}",
                                kind.keyword(),
                                Codes(agreement).name_of(p)
                            ),
                            span,
                            "place of work implied",
                            "remove the other places of work",
                        ));
                    }
                    self.work = vec![(p, Act::Employed, span)];
                }
                (Status::CivilServant | Status::MissionStaff, Some(p)) => {
                    fixed_employer = Some(Loc::Party(p))
                }
                _ => {}
            }
            if matches!(kind, Status::NonActive | Status::Accompanying) && !self.work.is_empty() {
                return Err(bad(
                    "a non-active person has no place of work",
                    span,
                    "non-active",
                    "remove the places of work, or `non-active`",
                ));
            }
            if !matches!(kind, Status::NonActive | Status::Accompanying)
                && self.work.iter().any(|&(_, a, _)| a == Act::SelfEmployed)
            {
                return Err(bad(
                    format!("a {} is employed, not self-employed", kind.keyword()),
                    span,
                    "a form of employment",
                    "write `employed in …`",
                ));
            }
            the_status = Some(SpecialStatus { kind, party: p });
        }
        Ok((the_status, fixed_employer))
    }
}

/// The concrete situations a written situation stands for, and the dimensions it leaves open.
pub(crate) fn situations(
    agreement: &Agreement,
    conditions: &[Condition],
) -> Result<(Vec<Situation>, Vec<String>), Box<Diagnostic>> {
    let mut w = Written::read(agreement, conditions)?;
    let whole = conditions
        .iter()
        .map(|c| c.span)
        .reduce(Span::join)
        .unwrap_or_default();
    let (the_status, fixed_employer) = w.special_status(agreement)?;
    let non_active = matches!(
        the_status,
        Some(SpecialStatus {
            kind: Status::NonActive | Status::Accompanying,
            ..
        })
    );
    if w.work.is_empty() && !non_active {
        return Err(bad(
            "the situation says nowhere where the person works",
            whole,
            "no place of work",
            "add e.g. `employed in XA`, or `non-active`",
        ));
    }
    w.work.sort_by_key(|&(p, a, _)| (p, a));
    let mut unspecified: Vec<String> = Vec::new();
    let all_parties: Vec<Party> = (0..agreement.parties.len())
        .filter_map(|i| Party::try_from(i).ok())
        .collect();
    let any_loc: Vec<Loc> = all_parties
        .iter()
        .map(|&p| Loc::Party(p))
        .chain([Loc::Third])
        .collect();
    let work_only: Vec<(Party, Act)> = w.work.iter().map(|&(p, a, _)| (p, a)).collect();
    let employed = work_only.iter().any(|&(_, a)| a == Act::Employed);
    let open = Open {
        any_loc: &any_loc,
        all_parties: &all_parties,
    };
    let employers = open.employers(employed, w.employer, fixed_employer, &mut unspecified)?;
    let residences = open.residences(w.residence, non_active, &mut unspecified)?;
    let nationalities = open.nationalities(agreement, w.nationality, &mut unspecified);
    let dims = Dimensions {
        work: work_only,
        status: the_status,
        employers,
        residences,
        nationalities,
    };
    let out = dims.postings(&w, &any_loc, &mut unspecified)?;
    Ok((out, unspecified))
}

/// The values an open dimension takes.
struct Open<'a> {
    any_loc: &'a [Loc],
    all_parties: &'a [Party],
}

impl Open<'_> {
    /// The employer's seat: none for a person not employed, the Party a civil servant serves.
    fn employers(
        &self,
        employed: bool,
        employer: Given<Loc>,
        fixed_employer: Option<Loc>,
        unspecified: &mut Vec<String>,
    ) -> Result<Vec<Option<Loc>>, Box<Diagnostic>> {
        Ok(match (employed, employer, fixed_employer) {
            (false, Given::Is(_, span), _) => {
                return Err(bad(
                    "a person who is not employed has no employer",
                    span,
                    "no employer",
                    "remove the employer",
                ))
            }
            (false, Given::Open, _) => vec![None],
            (true, Given::Is(l, span), Some(f)) if l != f => {
                return Err(bad(
                    "the employer of a civil servant or mission staff is the Party they serve",
                    span,
                    "another employer",
                    "remove the employer",
                ))
            }
            (true, _, Some(f)) => vec![Some(f)],
            (true, Given::Is(l, _), None) => vec![Some(l)],
            (true, Given::Open, None) => {
                unspecified.push("the employer's seat".to_string());
                self.any_loc.iter().map(|&l| Some(l)).collect()
            }
        })
    }

    /// The residence: a Party, for a non-active person in the agreement's scope.
    fn residences(
        &self,
        residence: Given<Loc>,
        non_active: bool,
        unspecified: &mut Vec<String>,
    ) -> Result<Vec<Loc>, Box<Diagnostic>> {
        Ok(match residence {
            Given::Is(Loc::Third, span) if non_active => {
                return Err(bad(
                    "a non-active person in the agreement's scope resides in a Party",
                    span,
                    "third State",
                    "write `resides in XA`",
                ))
            }
            Given::Is(l, _) => vec![l],
            Given::Open => {
                unspecified.push("the residence".to_string());
                if non_active {
                    self.all_parties.iter().map(|&p| Loc::Party(p)).collect()
                } else {
                    self.any_loc.to_vec()
                }
            }
        })
    }

    /// The nationality, where the rules or a national law depend on it.
    fn nationalities(
        &self,
        agreement: &Agreement,
        nationality: Given<Loc>,
        unspecified: &mut Vec<String>,
    ) -> Vec<Option<Loc>> {
        match nationality {
            Given::Is(l, _) => vec![Some(l)],
            Given::Open if nationality_matters(agreement) => {
                unspecified.push("the nationality".to_string());
                self.any_loc.iter().map(|&l| Some(l)).collect()
            }
            Given::Open => vec![None],
        }
    }
}

/// The dimensions of the situations, each with its values.
struct Dimensions {
    work: Vec<(Party, Act)>,
    status: Option<SpecialStatus>,
    employers: Vec<Option<Loc>>,
    residences: Vec<Loc>,
    nationalities: Vec<Option<Loc>>,
}

impl Dimensions {
    /// Every combination of the dimensions, each with its posting where one is given.
    fn postings(
        &self,
        w: &Written,
        any_loc: &[Loc],
        unspecified: &mut Vec<String>,
    ) -> Result<Vec<Situation>, Box<Diagnostic>> {
        let (posted, employer, usual, granted, since) =
            (w.posted, w.employer, w.usual, w.granted, &w.since);
        let (work_only, the_status) = (&self.work, self.status);
        let (employers, residences, nationalities) =
            (&self.employers, &self.residences, &self.nationalities);
        let mut out = Vec::new();
        let posting_span = match posted {
            Given::Is(_, s) => Some(s),
            Given::Open => None,
        };
        if let (Given::Is(_, span), true) = (usual, matches!(posted, Given::Open)) {
            return Err(bad(
                "`usually self-employed in` describes a posting",
                span,
                "not posted",
                "add `posted` with its duration",
            ));
        }
        for &emp in employers {
            for (&res, &nat) in residences
                .iter()
                .flat_map(|r| nationalities.iter().map(move |n| (r, n)))
            {
                let base = Situation {
                    work: work_only.clone(),
                    status: the_status,
                    employer: emp,
                    residence: res,
                    posting: None,
                    nationality: nat,
                };
                match (posted, posting_span) {
                    (Given::Is(days, _), Some(span)) => {
                        let place = match work_only.as_slice() {
                            [one] => *one,
                            _ => {
                                return Err(bad(
                                    "a posting sends the person to work in one Party",
                                    span,
                                    "several places of work",
                                    "keep one place of work, or remove `posted`",
                                ))
                            }
                        };
                        let froms: Vec<Loc> = match (place.1, emp, usual) {
                            (Act::Employed, Some(e), Given::Open) => vec![e],
                            (Act::Employed, _, Given::Is(_, s)) => {
                                return Err(bad(
                                    "an employed person is posted from the employer's seat",
                                    s,
                                    "not self-employed",
                                    "give `employer in XA` instead",
                                ))
                            }
                            (Act::SelfEmployed, _, Given::Is(l, _)) => vec![l],
                            (Act::SelfEmployed, _, Given::Open) => {
                                if !unspecified.iter().any(|u| u.starts_with("the usual")) {
                                    unspecified.push("the usual place of activity".to_string());
                                }
                                any_loc.to_vec()
                            }
                            (Act::Employed, None, _) => Vec::new(),
                        };
                        for from in froms {
                            if from == Loc::Party(place.0) {
                                if matches!(employer, Given::Open)
                                    || place.1 == Act::SelfEmployed && matches!(usual, Given::Open)
                                {
                                    continue;
                                }
                                return Err(bad(
                                    "a posting sends the person from one Party to work in another",
                                    span,
                                    "posted to the same Party",
                                    "the employer's seat (or usual place of activity) differs from the place of work",
                                ));
                            }
                            let mut s = base.clone();
                            s.posting = Some(Posting {
                                from,
                                days,
                                at: None,
                                granted,
                                since: since.clone(),
                            });
                            out.push(s);
                        }
                    }
                    _ => out.push(base),
                }
            }
        }
        Ok(out)
    }
}

/// Whether nationality changes an outcome: a rule or a national law depends on it.
fn nationality_matters(agreement: &Agreement) -> bool {
    agreement.scopes.iter().any(|s| {
        s.bases
            .contains(&crate::model::basis::Basis::NationalsAbroad)
    }) || agreement.rules.iter().any(|r| {
        r.rule
            .conditions
            .iter()
            .any(|c| matches!(c.kind, ConditionKind::National(_)))
    })
}
