//! A comparison: a table of facts with real rows and columns, such as what
//! each framing costs, or what each language does with a 3 GB length.

use crate::verdict::Code;
use serde::{Deserialize, Serialize};

/// A table, its verdict, and the notes under it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Comparison {
    /// What the table compares.
    pub label: String,
    /// The column headings.
    pub columns: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<String>>,
    /// The table in a sentence.
    pub verdict: String,
    /// The same verdict for a program.
    pub code: Code,
    /// What a teacher adds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}
