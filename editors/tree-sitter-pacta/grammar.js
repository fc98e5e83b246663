/**
 * @file Tree-sitter grammar for Pacta, the language of social security agreements.
 * @license Apache-2.0
 *
 * This grammar mirrors `grammar/pacta.pest` of the Pacta compiler, rule for rule where it can:
 * a header, the Parties, Parts with chapters, Articles and paragraphs, the five shapes of
 * provisions (block, branch, line, rule, text and suppression), applicable-legislation rules with
 * their conditions and clauses, and scenarios. Field names and values are not checked here, as in
 * the compiler: any kebab-case word may name a field.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

/** Units of time, singular and plural (pest rule `unit`). Longest first. */
const UNITS = [
  'days', 'day', 'weeks', 'week', 'months', 'month',
  'quarters', 'quarter', 'years', 'year',
];

/** Block provisions: `keyword { field: list … }` (pest rule `block_keyword`). */
const BLOCK_KEYWORDS = [
  'equal-treatment', 'export', 'aggregation', 'calculation', 'minimum-period', 'overlapping',
  'administration', 'transitional', 'termination', 'exceptions', 'voluntary-insurance',
  'residence-fiction',
];

/** Line provisions: `keyword: list` (pest rule `line_keyword`). */
const LINE_KEYWORDS = [
  'personal-scope', 'regardless-of', 'excluded-categories', 'excluded', 'duration',
  'entry-into-force', 'signature', 'see',
];

/**
 * A rule or paragraph label such as `7.1`, `7(1)`, `8.5a`, `5bis.1` or `IV.2` (a Roman head needs a
 * paragraph after it).
 */
const LABEL = /([0-9]+[a-z]*(\.[0-9]+|\([A-Za-z0-9]+\))*|[A-Z]+(\.[0-9]+|\([A-Za-z0-9]+\))+)[a-z]?/;

/**
 * One or more `rule` separated by commas.
 * @param {RuleOrLiteral} rule
 */
function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}

module.exports = grammar({
  name: 'pacta',

  extras: $ => [/\s/, /\uFEFF/, $.comment],

  word: $ => $.identifier,

  conflicts: $ => [
    // `employed in X and …`: `and` may join another Party or a second activity.
    [$.places],
    // `branches: a, b <newline> periods: …`: a word may continue a phrase or name the next field.
    [$.item],
  ],

  rules: {
    // ───────────────────────────── file ─────────────────────────────

    source_file: $ => repeat($._top_item),

    _top_item: $ => choice($.agreement, $.party, $.part, $.article, $.scenario),

    // ───────────────────────────── lexical ─────────────────────────────

    comment: _ => token(seq('//', /[^\n]*/)),

    /** A kebab-case word; also the word that keywords are extracted from. */
    identifier: _ => /[a-z][a-z0-9_-]*/,

    string: $ => seq(
      '"',
      repeat(choice(
        alias(token.immediate(prec(1, /[^"\\\n]+/)), $.string_content),
        $.escape_sequence,
      )),
      token.immediate('"'),
    ),

    escape_sequence: _ => token.immediate(seq('\\', /[^\n]/)),

    prose: _ => token(seq(
      '"""',
      repeat(choice(/[^"]/, /"[^"]/, /""[^"]/)),
      '"""',
    )),

    number: _ => /[0-9]+/,

    /** An article number as signed: `7`, `5bis`, `5a`, `1er` or a Roman number such as `IV`. */
    article_number: _ => /[0-9]+[A-Za-z]*|[A-Z]+/,

    roman: _ => /[IVXLCDM]+/,

    label: _ => LABEL,

    tag: _ => /#[a-z][a-z0-9_-]*/,

    /** A Party code of two or more uppercase letters, such as `XA` or `NL`. */
    party_code: _ => /[A-Z][A-Z]+/,

    /** A party variable: one uppercase letter, such as `X`. */
    party_variable: _ => /[A-Z]/,

    _party_ref: $ => choice($.party_code, $.party_variable),

    duration: _ => token(seq(/[0-9]+/, /[ \t]+/, choice(...UNITS))),

    date: _ => /[0-9]{4}-[0-9]{2}-[0-9]{2}/,

    percent: _ => /[0-9]+%/,

    /** An uppercase code inside a list: a Party code, an instrument such as `C157`, a check code. */
    code: _ => /[A-Z][A-Z0-9-]*/,

    // ───────────────────────────── lists ─────────────────────────────

    list: $ => commaSep1($.item),

    /** One value, or a short phrase of values such as `old-age 10 years`. */
    item: $ => repeat1($._value),

    _value: $ => choice(
      $.date,
      $.duration,
      $.percent,
      alias(/([0-9]+[a-z]+(\.[0-9]+|\([A-Za-z0-9]+\))*|([0-9]+|[A-Z]+)(\.[0-9]+|\([A-Za-z0-9]+\))+)[a-z]?/, $.label),
      $.number,
      $.tag,
      $.string,
      $.code,
      alias($.identifier, $.word),
    ),

    field: $ => seq(
      field('name', alias($.identifier, $.field_name)),
      ':',
      field('value', $.list),
    ),

    // ───────────────────────────── header and Parties ─────────────────────────────

    agreement: $ => seq(
      'agreement',
      field('title', $.string),
      '{',
      repeat(choice($.allow, $.text, $.field)),
      '}',
    ),

    party: $ => seq(
      'party',
      field('code', $._party_ref),
      field('name', $.string),
      '{',
      repeat(choice($.allow, $.institution, $.field)),
      '}',
    ),

    institution: $ => seq('institution', field('name', $.string), ':', field('branches', $.list)),

    // ───────────────────────────── structure ─────────────────────────────

    part: $ => seq(
      'part',
      field('number', $.roman),
      optional(field('title', $.string)),
      '{',
      repeat(choice($.chapter, $.article, $.text, $.allow)),
      '}',
    ),

    chapter: $ => seq(
      'chapter',
      field('number', $.number),
      optional(field('title', $.string)),
      '{',
      repeat(choice($.article, $.text, $.allow)),
      '}',
    ),

    article: $ => seq(
      'article',
      field('number', $.article_number),
      optional(field('title', $.string)),
      optional(field('tag', $.tag)),
      '{',
      repeat(choice($.paragraph, $._provision)),
      '}',
    ),

    paragraph: $ => seq('paragraph', field('label', $.label), '{', repeat($._provision), '}'),

    _provision: $ => choice(
      $.rule, $.text, $.allow, $.define, $.scope, $.benefit, $.block, $.line,
    ),

    // ───────────────────────────── provisions ─────────────────────────────

    text: $ => seq('text', choice($.prose, $.string)),

    allow: $ => seq('allow', field('check', $._check_ref), field('reason', $.string)),

    _check_ref: $ => choice($.check_code, alias($.identifier, $.check_name)),

    check_code: _ => /P[0-9]{3}/,

    define: $ => seq('define', field('term', $.string), ':', field('meaning', $.string)),

    scope: $ => seq(
      'scope',
      field('party', $._party_ref),
      field('law', $.string),
      repeat(alias($.identifier, $.scope_basis)),
      ':',
      field('branches', $.list),
    ),

    benefit: $ => seq(
      'benefit',
      field('branch', alias($.identifier, $.branch)),
      '{',
      repeat($.field),
      '}',
    ),

    block: $ => seq(field('keyword', $.block_keyword), '{', repeat($.field), '}'),

    block_keyword: _ => choice(...BLOCK_KEYWORDS),

    line: $ => seq(field('keyword', $.line_keyword), ':', field('value', $.list)),

    line_keyword: _ => choice(...LINE_KEYWORDS),

    // ───────────────────────────── applicable-legislation rules ─────────────────────────────

    rule: $ => seq(
      'rule',
      field('label', $.label),
      ':',
      field('conditions', $.conditions),
      '->',
      field('target', $._party_ref),
      repeat($._clause),
    ),

    conditions: $ => commaSep1($._condition),

    _condition: $ => choice(
      $.usually_condition,
      $.activity_condition,
      $.works_condition,
      $.employer_condition,
      $.resides_condition,
      $.posted_condition,
      $.not_posted,
      $.extension_granted,
      $.national_condition,
      $.status_condition,
    ),

    activity_condition: $ => seq(
      $.activity, 'in', $.places,
      optional(seq('and', $.activity, 'in', $.places)),
    ),

    activity: _ => choice('self-employed', 'employed', 'mixed'),

    places: $ => choice($.several, seq($._party_ref, repeat(seq('and', $._party_ref)))),

    several: _ => 'several',

    works_condition: $ => seq('works', 'in', $._party_ref),

    employer_condition: $ => seq('employer', choice($.elsewhere, seq('in', $._party_ref))),

    resides_condition: $ => seq('resides', choice($.elsewhere, $.away, seq('in', $._party_ref))),

    elsewhere: _ => 'elsewhere',

    away: _ => 'away',

    posted_condition: $ => seq('posted', optional($.duration), optional(seq('since', $.date))),

    extension_granted: _ => seq('extension', 'granted'),

    national_condition: $ => seq('national', 'of', $._party_ref),

    not_posted: _ => seq('not', 'posted'),

    usually_condition: $ => seq('usually', 'self-employed', 'in', $._party_ref),

    status_condition: $ => choice(
      $.seafarer, $.aircrew, $.transport_crew, $.civil_servant, $.mission_staff,
      $.locally_engaged, $.non_active, $.accompanying,
    ),

    seafarer: $ => seq('seafarer', optional(seq('under', 'flag', $._party_ref))),

    aircrew: _ => 'aircrew',

    transport_crew: _ => 'transport-crew',

    civil_servant: $ => seq('civil-servant', optional(seq('of', $._party_ref))),

    mission_staff: $ => seq('mission-staff', optional(seq('of', $._party_ref))),

    locally_engaged: $ => seq('locally-engaged', optional(seq('in', $._party_ref))),

    non_active: _ => 'non-active',

    accompanying: $ => seq('accompanying', optional($._party_ref)),

    _clause: $ => choice(
      $.overrides, $.limit, $.extension, $.repost_gap, $.no_replacement, $.where_clause,
      $.branches_clause, $.begun_clause, $.per_activity, $.person_level,
    ),

    overrides: $ => seq('overrides', commaSep1($.label)),

    limit: $ => seq('limit', optional('first'), $.duration),

    branches_clause: $ => seq('branches', commaSep1(alias($.identifier, $.branch))),

    begun_clause: $ => seq('begun', choice('before', 'from'), $.date),

    per_activity: _ => 'per-activity',

    person_level: _ => 'person-level',

    extension: $ => seq(
      'extension',
      optional($.duration),
      optional(seq('by', field('by', alias($.identifier, $.word)))),
    ),

    repost_gap: $ => seq('repost-gap', $.duration),

    no_replacement: _ => 'no-replacement',

    where_clause: $ => seq('where', $.party_variable, 'is', field('criterion', $.string)),

    // ───────────────────────────── scenarios ─────────────────────────────

    scenario: $ => seq(
      'scenario',
      field('name', $.string),
      '{',
      repeat(choice($.situation, $.scenario_branches, $.expect, $.text, $.allow)),
      '}',
    ),

    situation: $ => seq('situation', ':', $.conditions),

    scenario_branches: $ => seq('branches', ':', commaSep1(alias($.identifier, $.branch))),

    expect: $ => seq('expect', ':', $.expectation),

    expectation: $ => seq(
      $._outcome,
      repeat(seq('until', $.duration, ',', $._outcome)),
    ),

    _outcome: $ => choice(
      $.gap,
      $.overlap,
      $.per_activity,
      seq($._party_ref, optional(seq('by', $.label))),
    ),

    gap: _ => 'gap',

    overlap: _ => 'overlap',
  },
});
