//! Explanations for the plurality checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P801: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P802: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
