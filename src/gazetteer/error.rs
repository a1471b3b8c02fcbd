//! Errors of the gazetteer: malformed embedded tables and unusable queries.

/// Everything that can go wrong when loading the gazetteer or resolving a name.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A row of an embedded table could not be read; the build embedded a broken file.
    #[error("gazetteer table {table}, line {line}: {reason}")]
    Table {
        table: &'static str,
        line: usize,
        reason: String,
    },
    /// The embedded name index is not a valid finite-state transducer.
    #[error("gazetteer name index is corrupt: {0}")]
    Index(#[from] fst::Error),
    /// The query has no letters or digits to look up.
    #[error("the query is empty: give a place name such as \"Dushanbe\"")]
    EmptyQuery,
    /// The query is longer than any place description.
    #[error("the query is {len} bytes long; a place description has at most {max} bytes")]
    QueryTooLong { len: usize, max: usize },
    /// The query holds control characters, which no place name has.
    #[error("the query contains control characters")]
    ControlCharacters,
}
