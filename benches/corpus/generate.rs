//! A synthetic corpus shaped like the world's social security agreements: 660 agreements, about
//! 90 % bilateral pension agreements (old-age, invalidity and survivors only), the rest fuller
//! bilateral agreements and a few multilateral ones, with sizes like real texts (definitions,
//! prose paragraphs, rules, benefit provisions). Deterministic: the same seed writes the same
//! bytes. The files are written Pacta, not copies of any treaty.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Agreements in the world's corpus (ISSA counts about 660 bilateral and multilateral ones).
pub const AGREEMENTS: usize = 660;
/// Multilateral agreements among them.
pub const MULTILATERAL: usize = 8;
/// Fuller bilateral agreements (all branches): the rest of the 10 %.
pub const FULL: usize = 58;

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }
}

const WORDS: &[&str] = &[
    "the",
    "competent",
    "institution",
    "shall",
    "take",
    "into",
    "account",
    "periods",
    "of",
    "insurance",
    "completed",
    "under",
    "legislation",
    "other",
    "Party",
    "where",
    "necessary",
    "for",
    "acquisition",
    "entitlement",
    "benefit",
    "provided",
    "that",
    "such",
    "do",
    "not",
    "overlap",
    "person",
    "concerned",
    "resides",
    "territory",
    "either",
    "amount",
    "payable",
    "calculated",
    "accordance",
    "with",
    "provisions",
    "this",
    "Agreement",
    "and",
    "any",
    "administrative",
    "arrangement",
    "concluded",
    "between",
    "authorities",
    "in",
    "respect",
    "pension",
    "invalidity",
    "old-age",
    "survivors",
    "claim",
    "lodged",
    "date",
    "application",
    "received",
    "by",
    "liaison",
    "body",
    "communicate",
    "information",
    "required",
    "a",
];

const COUNTRY_WORDS: &[&str] = &[
    "Arcadia",
    "Borduria",
    "Corvinia",
    "Dalmora",
    "Elbonia",
    "Florin",
    "Genovia",
    "Hesperia",
    "Illyria",
    "Jotunheim",
    "Kelvania",
    "Latveria",
    "Moravia",
    "Norland",
    "Osterlich",
    "Pannonia",
    "Qumar",
    "Ruritania",
    "Syldavia",
    "Tazbekistan",
    "Urkesh",
    "Valverde",
    "Wakanda",
    "Xanadu",
    "Yarnia",
    "Zubrowka",
];

const FORMS: &[&str] = &[
    "Republic of",
    "Kingdom of",
    "Federation of",
    "State of",
    "Principality of",
];

/// The Parties of the world: a two-letter code and a name for each.
fn parties() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in COUNTRY_WORDS.iter().enumerate() {
        for (j, form) in FORMS.iter().enumerate() {
            let first = char::from(b'A' + i as u8);
            let second = char::from(b'A' + (j * 5 + i % 5) as u8);
            out.push((format!("{first}{second}"), format!("{form} {a}")));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

fn prose(rng: &mut Rng, sentences: usize) -> String {
    let mut s = String::new();
    for _ in 0..sentences {
        let n = rng.range(12, 28);
        let mut words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
        let first = words[0].to_string();
        let mut cap = first.clone();
        if let Some(c) = cap.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        words[0] = &cap;
        s.push_str(&words.join(" "));
        s.push_str(". ");
    }
    // Wrap at about 96 columns, indented for a `text` block.
    let mut out = String::new();
    let mut line = String::from("      ");
    for w in s.split_whitespace() {
        if line.len() + w.len() > 96 {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from("      ");
        }
        line.push_str(w);
        line.push(' ');
    }
    out.push_str(line.trim_end());
    out
}

fn text_block(out: &mut String, rng: &mut Rng, sentences: usize) {
    let _ = writeln!(
        out,
        "    text \"\"\"\n{}\n    \"\"\"",
        prose(rng, sentences)
    );
}

const PENSIONS: &str = "invalidity, old-age, survivors";
const ALL: &str = "medical-care, sickness, maternity, invalidity, old-age, survivors,\n           employment-injury, unemployment, family";

struct Shape {
    parties: Vec<(String, String)>,
    full: bool,
    /// Prose sentences per text block: the knob for file size.
    verbosity: usize,
}

fn agreement(rng: &mut Rng, index: usize, shape: &Shape) -> String {
    let mut o = String::new();
    let names: Vec<&str> = shape.parties.iter().map(|p| p.1.as_str()).collect();
    let title = if names.len() == 2 {
        format!(
            "Agreement on Social Security between the {} and the {}",
            names[0], names[1]
        )
    } else {
        format!("Multilateral Convention on Social Security number {index}")
    };
    let branches = if shape.full { ALL } else { PENSIONS };
    let _ = writeln!(
        o,
        "// Synthetic agreement {index} for the corpus benchmark.\n"
    );
    let _ = writeln!(
        o,
        "agreement \"{title}\" {{\n  short-title: \"Agreement {index}\"\n  draft: \"{}\"\n  date: {}-{:02}-{:02}\n  conforms-to: C157\n  languages: en, fr\n}}\n",
        rng.range(1, 5),
        rng.range(1960, 2025),
        rng.range(1, 12),
        rng.range(1, 28)
    );
    for (code, name) in &shape.parties {
        let _ = writeln!(
            o,
            "party {code} \"{name}\" {{\n  competent-authority: \"Minister responsible for social security of {name}\"\n  schemes: {branches}"
        );
        if shape.full {
            let _ = writeln!(o, "  institution \"{name} Social Insurance\": all");
        } else {
            let _ = writeln!(o, "  institution \"{name} Pension Institute\": {PENSIONS}");
        }
        let _ = writeln!(
            o,
            "  liaison-body: \"{name} Pension Institute, International Department\"\n}}\n"
        );
    }
    let v = shape.verbosity;
    let mut n = 0;
    fn article(o: &mut String, n: &mut usize, title: &str) {
        *n += 1;
        let _ = writeln!(o, "  article {n} \"{title}\" {{");
    }

    let _ = writeln!(o, "part I \"General provisions\" {{\n");
    article(&mut o, &mut n, "Definitions");
    for (term, meaning) in [
        ("residence", "ordinary residence"),
        ("stay", "temporary residence"),
        (
            "period of insurance",
            "any period of contributions or residence recognised by the legislation",
        ),
        (
            "competent institution",
            "the institution responsible for benefits under the legislation applied",
        ),
    ] {
        let _ = writeln!(o, "    define \"{term}\": \"{meaning}\"");
    }
    text_block(&mut o, rng, v + 2);
    let _ = writeln!(o, "  }}\n");
    article(&mut o, &mut n, "Legislation covered");
    for (code, _) in &shape.parties {
        let _ = writeln!(
            o,
            "    scope {code} \"Social Insurance Act {}\": {}",
            rng.range(1950, 2020),
            if shape.full { "all" } else { PENSIONS }
        );
    }
    text_block(&mut o, rng, v);
    let _ = writeln!(o, "  }}\n");
    article(&mut o, &mut n, "Persons covered");
    let _ = writeln!(o, "    personal-scope: insured-persons, family-members, survivors\n    regardless-of: nationality\n  }}\n");
    article(&mut o, &mut n, "Equality of treatment");
    let _ = writeln!(o, "    equal-treatment {{\n      persons: covered\n      branches: all\n      residence-condition: none\n    }}");
    text_block(&mut o, rng, v);
    let _ = writeln!(o, "  }}\n");
    article(&mut o, &mut n, "Export of benefits");
    let _ = writeln!(o, "    export {{\n      branches: {PENSIONS}\n      to: parties, third-states\n      persons: covered\n    }}");
    text_block(&mut o, rng, v);
    let _ = writeln!(o, "  }}\n}}\n");

    let _ = writeln!(o, "part II \"Applicable legislation\" {{\n");
    let general = n + 1;
    article(&mut o, &mut n, "General rule");
    let _ = writeln!(o, "    rule {general}.1: employed in X -> X\n    rule {general}.2: self-employed in X -> X\n  }}\n");
    let posting = n + 1;
    article(&mut o, &mut n, "Detached workers");
    let limit = [12, 24, 24, 36, 48, 60][rng.range(0, 5)];
    let _ = writeln!(
        o,
        "    rule {posting}.1: employed in Y, employer in X, posted -> X\n      overrides {general}.1\n      limit {limit} months\n      extension 12 months by competent-authorities\n      repost-gap 12 months\n      no-replacement"
    );
    text_block(&mut o, rng, v);
    let _ = writeln!(o, "  }}\n");
    let both = n + 1;
    article(&mut o, &mut n, "Activity in several Parties");
    let _ = writeln!(
        o,
        "    rule {both}.1: employed in X and Y, resides in X -> X\n    rule {both}.2: employed in X and Y, resides elsewhere, employer in X -> X\n  }}\n"
    );
    let special = n + 1;
    article(&mut o, &mut n, "Civil servants, seafarers and aircrew");
    let _ = writeln!(
        o,
        "    rule {special}.1: civil-servant of X -> X overrides {general}.1, {posting}.1\n    rule {special}.2: seafarer under flag X -> X overrides {general}.1, {posting}.1\n    rule {special}.3: aircrew, employer in X -> X overrides {general}.1, {posting}.1\n  }}\n"
    );
    article(&mut o, &mut n, "Exceptions");
    let _ = writeln!(o, "    exceptions {{\n      granted-by: competent-authorities\n      keeps: single-legislation\n    }}\n  }}\n}}\n");

    let _ = writeln!(o, "part III \"Benefits\" {{\n");
    article(&mut o, &mut n, "Aggregation of periods");
    let _ = writeln!(
        o,
        "    aggregation {{\n      branches: {PENSIONS}\n      periods: insurance, residence, equivalent\n      purposes: acquisition, maintenance, recovery, calculation\n      overlapping-periods: count-once\n    }}"
    );
    text_block(&mut o, rng, v + 1);
    let _ = writeln!(o, "  }}\n");
    article(&mut o, &mut n, "Calculation of benefits");
    let _ = writeln!(o, "    calculation {{\n      branches: {PENSIONS}\n      method: pro-rata, higher-of-independent\n    }}");
    text_block(&mut o, rng, v + 1);
    let _ = writeln!(o, "  }}\n");
    article(&mut o, &mut n, "Periods of less than one year");
    let _ = writeln!(o, "    minimum-period {{\n      threshold: 12 months\n      others-count: yes\n      fallback: last-competent-party\n    }}\n  }}\n");
    if shape.full {
        article(&mut o, &mut n, "Medical care during a stay");
        let _ = writeln!(o, "    benefit medical-care {{\n      in-kind-during: stay, residence\n      provided-by: institution-of-place\n      paid-by: competent-institution\n      reimbursement: actual-costs\n    }}");
        text_block(&mut o, rng, v);
        let _ = writeln!(o, "  }}\n");
        article(&mut o, &mut n, "Sickness and maternity");
        let _ = writeln!(o, "    aggregation {{\n      branches: sickness, maternity\n      periods: insurance\n      purposes: acquisition\n      overlapping-periods: count-once\n    }}\n  }}\n");
        article(&mut o, &mut n, "Employment injury");
        let _ = writeln!(o, "    benefit employment-injury {{\n      competent: party-insured-at-time-of-accident\n      occupational-disease-several-exposures: last-exposure\n    }}");
        text_block(&mut o, rng, v);
        let _ = writeln!(o, "  }}\n");
        article(&mut o, &mut n, "Unemployment");
        let _ = writeln!(o, "    aggregation {{\n      branches: unemployment\n      periods: insurance, employment\n      purposes: acquisition\n      overlapping-periods: count-once\n    }}\n    benefit unemployment {{\n      export-period: 3 months\n    }}\n  }}\n");
        article(&mut o, &mut n, "Family benefits");
        let _ = writeln!(
            o,
            "    benefit family {{\n      children-in-other-party: yes\n    }}"
        );
        text_block(&mut o, rng, v);
        let _ = writeln!(o, "  }}\n");
    }
    article(&mut o, &mut n, "Overlapping of benefits");
    let _ = writeln!(o, "    overlapping {{\n      national-rules: apply-to-foreign\n      same-kind-pro-rata: exempt\n    }}\n  }}\n}}\n");

    let _ = writeln!(o, "part IV \"Administrative and final provisions\" {{\n");
    article(&mut o, &mut n, "Administrative assistance");
    let _ = writeln!(
        o,
        "    administration {{\n      arrangement: competent-authorities\n      assistance: free\n      documents-in: any-official-language\n      claims: lodged-with-either-party\n      appeals: lodged-with-either-party\n      data-protection: yes\n      disputes: consultation, arbitration\n    }}"
    );
    text_block(&mut o, rng, v + 2);
    let _ = writeln!(o, "  }}\n");
    article(&mut o, &mut n, "Transitional provisions");
    let _ = writeln!(o, "    transitional {{\n      prior-periods: count\n      awarded-benefits: not-reduced\n    }}\n  }}\n");
    article(&mut o, &mut n, "Entry into force");
    let _ = writeln!(o, "    entry-into-force: \"first day of the third month after the exchange of notes\"\n  }}\n");
    article(&mut o, &mut n, "Duration and termination");
    let _ = writeln!(o, "    duration: indefinite\n    termination {{\n      notice: 12 months\n      acquired-rights: retained\n    }}\n  }}\n}}\n");

    let _ = writeln!(
        o,
        "scenario \"posted for 18 months\" {{\n  situation: employed in {b}, employer in {a}, resides in {a}, posted 18 months\n  expect: {a} by {posting}.1\n}}",
        a = shape.parties[0].0,
        b = shape.parties[1].0
    );
    o
}

/// Write the corpus under `dir` (emptied first): one folder per first Party. Returns the
/// files written, sorted.
pub fn write(dir: &Path, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let world = parties();
    let mut rng = Rng::new(seed);
    let mut files = Vec::new();
    for i in 0..AGREEMENTS {
        let multilateral = i % (AGREEMENTS / MULTILATERAL) == 7;
        let full = !multilateral && i % (AGREEMENTS / FULL) == 3;
        let count = if multilateral { rng.range(3, 16) } else { 2 };
        let mut members: Vec<(String, String)> = Vec::new();
        while members.len() < count {
            let p = world[rng.range(0, world.len() - 1)].clone();
            if !members.iter().any(|m| m.0 == p.0) {
                members.push(p);
            }
        }
        let verbosity = if multilateral {
            rng.range(8, 14)
        } else if full {
            rng.range(5, 10)
        } else {
            rng.range(2, 7)
        };
        let shape = Shape {
            parties: members,
            full: full || multilateral,
            verbosity,
        };
        let text = agreement(&mut rng, i, &shape);
        let folder = dir.join(shape.parties[0].0.to_lowercase());
        std::fs::create_dir_all(&folder)?;
        let kind = if multilateral {
            "multilateral"
        } else {
            "bilateral"
        };
        let path = folder.join(format!("{kind}-{i:03}.pacta"));
        std::fs::write(&path, text)?;
        files.push(path);
    }
    files.sort();
    Ok(files)
}
