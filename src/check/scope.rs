//! Explanations for the scope checks (placeholders until the checks are implemented).

use super::registry::Explanation;

pub const P101: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P102: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P103: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P104: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P105: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P106: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};

pub const P107: Explanation = Explanation {
    what: "",
    why: "",
    failing: "",
    passing: "",
};
