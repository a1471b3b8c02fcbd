//! Short titles for extracted incidents ("Riot in Vakhdat", "Attack near Dushanbe"): the
//! finishing touch of `article`, once category and place are settled. Without a place the
//! title is the category and the opening words of the summary.

use super::article::ExtractedEvent;
use crate::incident::Category;
use crate::location::Precision;

/// How many words of the summary a title without a place takes.
const SUMMARY_WORDS: usize = 8;

/// The noun a title opens with.
fn label(category: Category) -> &'static str {
    match category {
        Category::Attack => "Attack",
        Category::Bombing => "Bombing",
        Category::Riot => "Riot",
        Category::Clash => "Clashes",
        Category::Protest => "Protest",
        Category::Arrest => "Arrests",
        Category::Other => "Deadly violence",
    }
}

/// The title of `incident`: category and place, or category and the summary's first words.
pub fn title(incident: &ExtractedEvent) -> String {
    let label = label(incident.category);
    match &incident.place {
        Some(m) => {
            let preposition = match m.location.precision {
                Precision::Offset | Precision::Near => "near",
                _ => "in",
            };
            format!("{label} {preposition} {}", m.location.anchor.name)
        }
        None => {
            let words: Vec<&str> = incident.summary.split_whitespace().collect();
            let ellipsis = if words.len() > SUMMARY_WORDS {
                "…"
            } else {
                ""
            };
            let opening = words[..words.len().min(SUMMARY_WORDS)].join(" ");
            format!("{label}: {opening}{ellipsis}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident(category: Category, summary: &str) -> ExtractedEvent {
        ExtractedEvent {
            category,
            title: String::new(),
            trigger: 0..0,
            sentence: 0..summary.len(),
            summary: summary.into(),
            occurred_on: None,
            fatalities: 0,
            injuries: 0,
            place: None,
            location_text: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn without_a_place_the_summary_opens_the_title() {
        let i = incident(
            Category::Clash,
            "Soldiers and militants fought for hours along the river, officials said.",
        );
        assert_eq!(
            title(&i),
            "Clashes: Soldiers and militants fought for hours along the…"
        );
        assert_eq!(title(&incident(Category::Riot, "Riot.")), "Riot: Riot.");
    }
}
