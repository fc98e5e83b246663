//! Every explanation, by code, for the registry.

pub use super::administration::{P601, P602, P603, P604, P605, P606, P607};
pub use super::aggregation::{P401, P402, P403, P404, P405, P406};
pub use super::applicable::{P303, P304, P305, P306, P307, P308, P309};
pub use super::equality::{P201, P202, P203, P204, P205};
pub use super::export::{P501, P502, P503, P504, P505};
pub use super::final_provisions::{P701, P702, P703, P704, P705};
pub use super::plurality::{P801, P802};
pub use super::scope::{P101, P102, P103, P104, P105, P106, P107};
pub use super::structure::{P001, P002, P003, P004, P005, P006, P007, P008, P009, P010, P011};
pub use crate::legislation::explain::{P301, P302, P310, P311};
