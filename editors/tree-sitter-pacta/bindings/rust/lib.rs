//! The Pacta grammar for tree-sitter, as committed in `src/` (generated from `grammar.js`).
//!
//! ```
//! let mut parser = tree_sitter::Parser::new();
//! parser.set_language(&tree_sitter_pacta::LANGUAGE.into()).unwrap();
//! let tree = parser.parse("article 7 {\n  rule 7.1: employed in X -> X\n}\n", None).unwrap();
//! assert!(!tree.root_node().has_error());
//! ```

use tree_sitter_language::LanguageFn;

extern "C" {
    fn tree_sitter_pacta() -> *const ();
}

/// The tree-sitter language of Pacta.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_pacta) };

/// The highlight queries.
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");
/// The folding queries.
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");
/// The indentation queries.
pub const INDENTS_QUERY: &str = include_str!("../../queries/indents.scm");
/// The node types, as generated.
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");
