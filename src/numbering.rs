//! Article numbers as treaties sign them: `7`, `5bis`, `5a`, `1er` (French "premier"), and Roman
//! numbers such as `IV`. An article keeps the number it was signed with, so that citations of the
//! file match citations of the treaty; gaps left by a protocol that deleted an article are normal.
//! Only a draft that declares `numbering: sequential` is held to 1, 2, 3 … (P008).

use std::cmp::Ordering;
use std::fmt;

/// The Latin suffixes of inserted articles, in order (`5bis` comes after `5`, `5ter` after `5bis`).
pub(crate) const LATIN_SUFFIXES: &[&str] = &[
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "nonies",
    "decies",
];

/// How an article number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// Arabic digits, possibly with a suffix: `7`, `5bis`, `5a`, `1er`.
    Arabic,
    /// A Roman number: `IV`.
    Roman,
}

/// An article number as written, with its numeric value for ordering and for the rule set's
/// integer `number`. Two numbers are the same article when their value and suffix agree: `1er` is
/// article 1, `5A` is `5a`; `IV` and `4` are the same number written in two styles.
#[derive(Clone)]
pub struct ArticleNo {
    /// As written in the file.
    pub text: String,
    /// The numeric value: 5 for `5bis`, 4 for `IV`, 1 for `1er`.
    pub value: u32,
    /// The suffix of an inserted article, lowercased (`bis`, `a`); empty for a plain number and
    /// for `1er` (which is the ordinal of 1, not an insertion).
    pub suffix: String,
    pub style: Style,
}

impl ArticleNo {
    /// A plain Arabic number.
    pub fn plain(value: u32) -> ArticleNo {
        ArticleNo {
            text: value.to_string(),
            value,
            suffix: String::new(),
            style: Style::Arabic,
        }
    }

    /// The `n`th number of a sequential numbering, written in a style (`4` or `IV`): what
    /// `pacta renumber` gives an Article.
    pub fn sequential(value: u32, style: Style) -> ArticleNo {
        let text = match style {
            Style::Arabic => value.to_string(),
            Style::Roman if (1..4000).contains(&value) => to_roman(value),
            Style::Roman => value.to_string(),
        };
        ArticleNo {
            style: if text.starts_with(|c: char| c.is_ascii_digit()) {
                Style::Arabic
            } else {
                Style::Roman
            },
            text,
            value,
            suffix: String::new(),
        }
    }

    /// Reads `7`, `5bis`, `5a`, `1er` or `IV`. The error says, in words, what is wrong.
    pub fn parse(text: &str) -> Result<ArticleNo, String> {
        if text.is_empty() {
            return Err("an article number is empty".to_string());
        }
        if text.chars().all(|c| "IVXLCDM".contains(c)) {
            let value = roman_value(text)
                .ok_or_else(|| format!("`{text}` is not a well-formed Roman number"))?;
            return Ok(ArticleNo {
                text: text.to_string(),
                value,
                suffix: String::new(),
                style: Style::Roman,
            });
        }
        let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            return Err(format!("`{text}` is not an article number"));
        }
        let value = digits
            .parse::<u32>()
            .map_err(|_| "number too large".to_string())?;
        let rest = &text[digits.len()..];
        let lower = rest.to_ascii_lowercase();
        let suffix = if rest.is_empty() {
            String::new()
        } else if rest == "er" {
            if value != 1 {
                return Err(format!(
                    "`{text}`: the ordinal suffix `er` belongs only to article 1 (French \"premier\")"
                ));
            }
            String::new()
        } else if LATIN_SUFFIXES.contains(&lower.as_str())
            || (rest.len() == 1 && rest.chars().all(|c| c.is_ascii_alphabetic()))
        {
            lower
        } else {
            return Err(format!("`{text}` has an unknown suffix `{rest}`"));
        };
        Ok(ArticleNo {
            text: text.to_string(),
            value,
            suffix,
            style: Style::Arabic,
        })
    }

    /// Whether the number is a whole number without a suffix (`1er` counts as plain).
    pub(crate) fn is_plain(&self) -> bool {
        self.suffix.is_empty()
    }

    /// The rule set's label for a number that is not written as plain Arabic digits: `5bis`, `IV`,
    /// `1er`. `None` for `7`, whose integer `number` says everything.
    pub fn label(&self) -> Option<String> {
        if self.text == self.value.to_string() {
            None
        } else {
            Some(self.text.clone())
        }
    }

    /// The order of a suffix among the insertions after the same number: none, then letters
    /// (`a`, `b`, …), then Latin (`bis`, `ter`, …).
    fn suffix_rank(&self) -> (u8, usize) {
        if self.suffix.is_empty() {
            (0, 0)
        } else if let Some(i) = LATIN_SUFFIXES.iter().position(|s| *s == self.suffix) {
            (2, i)
        } else {
            (1, self.suffix.bytes().next().unwrap_or(0) as usize)
        }
    }

    fn key(&self) -> (u32, (u8, usize)) {
        (self.value, self.suffix_rank())
    }
}

impl PartialEq for ArticleNo {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for ArticleNo {}

impl PartialOrd for ArticleNo {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ArticleNo {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl std::hash::Hash for ArticleNo {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

/// Written as signed, so that syntax trees print `13` or `5bis` rather than the fields.
impl fmt::Debug for ArticleNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Display for ArticleNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Default for ArticleNo {
    fn default() -> Self {
        ArticleNo::plain(0)
    }
}

/// The value of a well-formed Roman number (`IV` = 4, `XIX` = 19), or `None` for `IIII`, `VV`, `IC`.
pub(crate) fn roman_value(text: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1u32),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = text.chars().map(digit).collect::<Option<_>>()?;
    if values.is_empty() {
        return None;
    }
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= i64::from(*v),
            _ => total += i64::from(*v),
        }
    }
    // Accept only the canonical spelling of the value.
    let total = u32::try_from(total)
        .ok()
        .filter(|t| (1..4000).contains(t))?;
    (to_roman(total) == text).then_some(total)
}

/// The canonical Roman spelling of a number from 1 to 3999.
pub(crate) fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= *v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_numbers_treaties_use() {
        let n = ArticleNo::parse("5bis").unwrap();
        assert_eq!((n.value, n.suffix.as_str()), (5, "bis"));
        assert_eq!(ArticleNo::parse("1er").unwrap(), ArticleNo::plain(1));
        assert_eq!(ArticleNo::parse("IV").unwrap().value, 4);
        assert_eq!(ArticleNo::parse("XIX").unwrap().value, 19);
        assert_eq!(
            ArticleNo::parse("5A").unwrap(),
            ArticleNo::parse("5a").unwrap()
        );
        assert!(ArticleNo::parse("IIII").is_err());
        assert!(ArticleNo::parse("2er").is_err());
        assert!(ArticleNo::parse("5xyz").is_err());
    }

    #[test]
    fn orders_insertions_after_their_number() {
        let mut v: Vec<ArticleNo> = ["6", "5ter", "5", "5bis", "5a"]
            .iter()
            .map(|s| ArticleNo::parse(s).unwrap())
            .collect();
        v.sort();
        let texts: Vec<&str> = v.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["5", "5a", "5bis", "5ter", "6"]);
    }

    #[test]
    fn labels_only_what_the_integer_cannot_say() {
        assert_eq!(ArticleNo::plain(7).label(), None);
        assert_eq!(
            ArticleNo::parse("IV").unwrap().label().as_deref(),
            Some("IV")
        );
        assert_eq!(
            ArticleNo::parse("1er").unwrap().label().as_deref(),
            Some("1er")
        );
    }
}
