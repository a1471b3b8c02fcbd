//! Entries of the name index: which table row a folded name points to.
//!
//! `build.rs` packs each entry in a `u32`: the table in the top three bits, a flag for names
//! reached only through an alternate spelling in bit 28, and the row in the low 28 bits.

const KIND_SHIFT: u32 = 29;
const ALTERNATE_BIT: u32 = 1 << 28;
const ROW_MASK: u32 = ALTERNATE_BIT - 1;

/// The table an index entry points into, with the row number in that table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Place(usize),
    Country(usize),
    Admin1(usize),
    Region(usize),
    Demonym(usize),
}

impl EntryKind {
    /// True for a country, an admin region or a named region: an area with a table of its
    /// own. Counties are rows of the places table (see `Gazetteer::is_area`).
    pub fn is_named_area(self) -> bool {
        matches!(
            self,
            EntryKind::Country(_) | EntryKind::Admin1(_) | EntryKind::Region(_)
        )
    }
}

/// One decoded index entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    /// True when the name matched an alternate spelling or alias, not the record's main name.
    pub alternate: bool,
}

impl Entry {
    /// Decodes a packed entry; `None` for a table tag this build does not know.
    pub(super) fn unpack(packed: u32) -> Option<Entry> {
        let row = (packed & ROW_MASK) as usize;
        let kind = match packed >> KIND_SHIFT {
            0 => EntryKind::Place(row),
            1 => EntryKind::Country(row),
            2 => EntryKind::Admin1(row),
            3 => EntryKind::Region(row),
            4 => EntryKind::Demonym(row),
            _ => return None,
        };
        Some(Entry {
            kind,
            alternate: packed & ALTERNATE_BIT != 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_kind_row_and_alternate_flag() {
        let packed = (2 << KIND_SHIFT) | ALTERNATE_BIT | 1234;
        assert_eq!(
            Entry::unpack(packed),
            Some(Entry {
                kind: EntryKind::Admin1(1234),
                alternate: true
            })
        );
        assert_eq!(Entry::unpack(7 << KIND_SHIFT), None);
    }
}
