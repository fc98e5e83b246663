; Highlights for Pacta. Capture names follow the common tree-sitter/Neovim conventions.

(comment) @comment

; ── structure ──

[
  "agreement"
  "party"
  "part"
  "chapter"
  "article"
  "paragraph"
  "rule"
  "scenario"
] @keyword

; ── provisions ──

(block_keyword) @function.builtin
(line_keyword) @function.builtin

[
  "institution"
  "define"
  "scope"
  "benefit"
  "text"
  "situation"
  "expect"
] @function.builtin

(scenario_branches "branches" @function.builtin)

(scope_basis) @function.builtin

; ── suppressions ──

"allow" @keyword.directive
(check_code) @constant.macro
(check_name) @constant.macro

; ── rule clauses ──

[
  "overrides"
  "limit"
  "extension"
  "repost-gap"
  "where"
  "first"
  "branches"
  "begun"
  "before"
  "from"
] @keyword.modifier

(no_replacement) @keyword.modifier
(per_activity) @keyword.modifier
(person_level) @keyword.modifier

; ── conditions ──

(activity) @keyword.operator
(several) @keyword.operator
(elsewhere) @keyword.operator
(away) @keyword.operator
(aircrew) @keyword.operator
(accompanying "accompanying" @keyword.operator)
(national_condition "national" @keyword.operator)
(extension_granted) @keyword.operator
(posted_condition "since" @keyword.operator)
(transport_crew) @keyword.operator
(non_active) @keyword.operator

[
  "works"
  "employer"
  "resides"
  "posted"
  "not"
  "usually"
  "self-employed"
  "seafarer"
  "civil-servant"
  "mission-staff"
  "locally-engaged"
  "in"
  "and"
  "of"
  "under"
  "flag"
  "is"
  "by"
] @keyword.operator

"->" @operator

; ── outcomes of scenarios ──

(gap) @keyword.return
(overlap) @keyword.return

; ── Parties ──

(party_code) @constant
(party_variable) @variable

; ── branches ──

(branch) @type.builtin

((word) @type.builtin
  (#any-of? @type.builtin
    "medical-care" "sickness" "maternity" "invalidity" "old-age" "survivors"
    "employment-injury" "unemployment" "family" "death-grant" "long-term-care" "all"))

; ── codes in lists: instruments, check codes, Party codes ──

((code) @constant.builtin
  (#match? @constant.builtin "^[CR][0-9]+$"))

((code) @constant.macro
  (#match? @constant.macro "^P[0-9][0-9][0-9]$"))

((code) @constant
  (#match? @constant "^[A-Z][A-Z]+$"))

; ── literals ──

(string) @string
(escape_sequence) @string.escape
(prose) @string.documentation
(number) @number
(article_number) @number
(roman) @number
(percent) @number
(duration) @number
(date) @string.special
(label) @label
(tag) @tag

(field_name) @property

; ── punctuation ──

["{" "}"] @punctuation.bracket
["," ":"] @punctuation.delimiter
