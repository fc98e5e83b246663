//! The block, branch and line provisions of the agreement, each into its section of the rule set.

use super::source::Tracer;
use super::types::*;
use super::values::{
    branch_periods, branches, duration, item_text, parties, party_phrases, setting, text, texts,
    yes_no,
};
use crate::model::{Agreement, Branch, Provision};

/// Fill the provision sections of `out` from the agreement's provisions, in source order.
pub(super) fn fill(a: &Agreement, t: &Tracer<'_>, out: &mut RuleSet) {
    for p in &a.provisions {
        let source = t.at(&p.place, p.span);
        if let Some(branch) = p.branch {
            if p.has_word("excluded", "yes") {
                out.material_scope.excluded_branches.push(BranchRef {
                    branch,
                    source: source.clone(),
                });
            }
            out.branch_provisions
                .push(branch_provision(branch, p, source));
            continue;
        }
        let keyword = p.keyword.value.as_str();
        if let Some(field) = p.fields.first().filter(|_| is_line(keyword)) {
            line(keyword, field, source, out);
            continue;
        }
        block(a, keyword, p, source, out);
    }
}

fn is_line(keyword: &str) -> bool {
    matches!(
        keyword,
        "personal-scope"
            | "regardless-of"
            | "excluded-categories"
            | "excluded"
            | "duration"
            | "entry-into-force"
            | "signature"
            | "see"
    )
}

fn line(keyword: &str, field: &crate::ast::Field, source: Source, out: &mut RuleSet) {
    let listed = || Listed {
        values: field.items.iter().map(item_text).collect(),
        source: source.clone(),
    };
    match keyword {
        "personal-scope" => out.personal_scope.persons.push(listed()),
        "regardless-of" => out.personal_scope.regardless_of.push(listed()),
        "excluded-categories" => out.personal_scope.excluded_categories.push(listed()),
        "excluded" => out.material_scope.excluded_schemes.push(listed()),
        "entry-into-force" => out.final_provisions.entry_into_force.push(listed()),
        "signature" => out.final_provisions.signature.push(listed()),
        "see" => out.references.push(listed()),
        "duration" => {
            let value = field
                .items
                .iter()
                .flat_map(|i| &i.values)
                .find_map(|v| match v.kind {
                    crate::ast::ValueKind::Duration(d) => {
                        Some(Setting::Period(super::values::period(d)))
                    }
                    _ => None,
                })
                .or_else(|| field.items.first().map(|i| Setting::Word(item_text(i))));
            if let Some(value) = value {
                out.final_provisions
                    .duration
                    .push(DurationClause { value, source });
            }
        }
        _ => {}
    }
}

fn block(a: &Agreement, keyword: &str, p: &Provision, source: Source, out: &mut RuleSet) {
    let all_in_scope = || a.covered_branches().into_iter().collect::<Vec<_>>();
    match keyword {
        "equal-treatment" => out.equality.push(Equality {
            persons: texts(p, "persons"),
            branches: branches(a, p, "branches").unwrap_or_else(all_in_scope),
            residence_condition: setting(p, "residence-condition"),
            prior_residence: branch_periods(p, "prior-residence"),
            survivors: text(p, "survivors"),
            exceptions: texts(p, "exceptions"),
            source,
        }),
        "export" => out.export.push(Export {
            branches: branches(a, p, "branches").unwrap_or_default(),
            to: texts(p, "to"),
            persons: texts(p, "persons"),
            third_state_persons: texts(p, "third-state-persons"),
            except: texts(p, "except"),
            exceptions: text(p, "exceptions"),
            reduction: text(p, "reduction"),
            suspension: text(p, "suspension"),
            withdrawal: text(p, "withdrawal"),
            source,
        }),
        "aggregation" => out.aggregation.push(Aggregation {
            branches: branches(a, p, "branches").unwrap_or_default(),
            periods: texts(p, "periods"),
            purposes: texts(p, "purposes"),
            overlapping_periods: text(p, "overlapping-periods"),
            third_state_periods: text(p, "third-state-periods"),
            own_period_thresholds: party_phrases(p, "own-period-threshold"),
            excluded_periods: texts(p, "excluded-periods"),
            conversion: text(p, "conversion"),
            parties: parties(a, p, "parties"),
            source,
        }),
        "calculation" => out.calculation.push(Calculation {
            branches: branches(a, p, "branches").unwrap_or_default(),
            methods: texts(p, "method"),
            party_methods: party_phrases(p, "party-method"),
            formula: text(p, "formula"),
            source,
        }),
        "minimum-period" => out.minimum_periods.push(MinimumPeriod {
            threshold: duration(p, "threshold"),
            branches: branches(a, p, "branches").unwrap_or_else(|| Branch::LONG_TERM.to_vec()),
            others_count: yes_no(p, "others-count"),
            fallback: text(p, "fallback"),
            parties: parties(a, p, "parties"),
            source,
        }),
        "overlapping" => out.undue_plurality.push(Overlapping {
            national_rules: text(p, "national-rules"),
            same_kind_pro_rata: text(p, "same-kind-pro-rata"),
            simultaneous_reduction: text(p, "simultaneous-reduction"),
            source,
        }),
        "administration" => out.administration.push(Administration {
            arrangement: text(p, "arrangement"),
            assistance: text(p, "assistance"),
            fees: text(p, "fees"),
            documents_in: texts(p, "documents-in"),
            working_language: texts(p, "working-language"),
            claims: text(p, "claims"),
            appeals: text(p, "appeals"),
            data_protection: yes_no(p, "data-protection"),
            medical_examinations: text(p, "medical-examinations"),
            overpayments: texts(p, "overpayments"),
            currency: text(p, "currency"),
            disputes: texts(p, "disputes"),
            identification: yes_no(p, "identification"),
            verification: yes_no(p, "verification"),
            enforcement: yes_no(p, "enforcement"),
            source,
        }),
        "transitional" => out.transitional.push(Transitional {
            prior_periods: text(p, "prior-periods"),
            benefits_before_entry_into_force: text(p, "benefits-before-entry-into-force"),
            postings_in_progress: text(p, "postings-in-progress"),
            awarded_benefits: text(p, "awarded-benefits"),
            prior_decisions: text(p, "prior-decisions"),
            source,
        }),
        "termination" => out.final_provisions.termination.push(Termination {
            notice: duration(p, "notice"),
            acquired_rights: text(p, "acquired-rights"),
            rights_in_course: text(p, "rights-in-course"),
            source,
        }),
        "exceptions" => out.applicable_legislation.exceptions.push(Exceptions {
            granted_by: text(p, "granted-by"),
            keeps: text(p, "keeps"),
            in_interest_of: text(p, "in-interest-of"),
            source,
        }),
        "voluntary-insurance" => {
            out.applicable_legislation
                .voluntary_insurance
                .push(VoluntaryInsurance {
                    periods: text(p, "periods"),
                    branches: branches(a, p, "branches").unwrap_or_default(),
                    concurrent: text(p, "concurrent"),
                    source,
                })
        }
        "residence-fiction" => out.residence_fiction.push(ResidenceFiction {
            branches: branches(a, p, "branches").unwrap_or_default(),
            treats: texts(p, "treats"),
            source,
        }),
        _ => {}
    }
}

fn branch_provision(branch: Branch, p: &Provision, source: Source) -> BranchProvision {
    BranchProvision {
        branch,
        in_kind_during: texts(p, "in-kind-during"),
        provided_by: text(p, "provided-by"),
        paid_by: text(p, "paid-by"),
        reimbursement: text(p, "reimbursement"),
        competent: text(p, "competent"),
        occupational_disease_several_exposures: text(p, "occupational-disease-several-exposures"),
        export_period: duration(p, "export-period"),
        children_in_other_party: yes_no(p, "children-in-other-party"),
        paid_by_party: text(p, "paid-by-party"),
        cash: text(p, "cash"),
        aggregation: yes_no(p, "aggregation"),
        insured_at_contingency: text(p, "insured-at-contingency"),
        exported: yes_no(p, "exported"),
        excluded: yes_no(p, "excluded"),
        notes: texts(p, "note"),
        source,
    }
}
