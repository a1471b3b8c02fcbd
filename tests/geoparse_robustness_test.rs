//! Random and adversarial text never makes the geoparser panic, and every span lies on UTF-8
//! character boundaries and matches its text.

use std::sync::LazyLock;

use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::geoparse::{geoparse, resolve, resolve_spans};
use proptest::prelude::*;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::load().unwrap());

fn check(text: &str) {
    for m in geoparse(&GAZETTEER, text).unwrap() {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(&text[m.start..m.end], m.text);
        assert!(m.location.lat.is_finite() && m.location.lon.is_finite());
        assert!(m.location.uncertainty_km.is_finite());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_text_parses_without_panic(text in "\\PC{0,300}") {
        check(&text);
        let _ = resolve(&GAZETTEER, &text);
    }

    #[test]
    fn offset_like_text_parses(n in any::<u64>(), unit in "(km|miles|m|kilometres)", dir in "(north|sound-east|NNE|south-southwest|eastern)", place in "(Kabul|Ḩalab|Dushanbe|Zzz|Ürümqi)") {
        let text = format!("{n} {unit} {dir} of {place}, some {n}.{n} km from {place}");
        check(&text);
        let _ = resolve(&GAZETTEER, &text);
    }

    #[test]
    fn range_and_midway_like_text_parses(
        lead in "\\PC{0,20}",
        a in "(between |halfway between |midway between |a few |)",
        n in any::<u32>(),
        m in any::<u32>(),
        sep in "( to | and |-|–| or )",
        place in "(Kabul|Ḩalab|”Dushanbe|Zzz|Ürümqi)",
    ) {
        let text = format!("{lead}{a}{n}{sep}{m} km of {place}, {lead}{a}{place} and {place}");
        check(&text);
        let _ = resolve(&GAZETTEER, &text);
    }
}

#[test]
fn adversarial_inputs_do_not_panic() {
    check("999999999 km north of Kabul and 1e308 km south of Dushanbe");
    check("99999999999999999999999999999999 km north-north-north-east of Kabul");
    check("Ĳssel “Kabul” 🇹🇯 Душанбе 70 км south-east of Dushanbe\u{0301}");
    check(&"KABUL DUSHANBE NORTH OF ".repeat(40_000));
    check(&"Abc Def Ghi ".repeat(90_000));
    check("- - , , of of the the");
    check("“Harvey” ”halfway between Kabul and Dushanbe, midway between”Kabul and and");
    check("halfway between and");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Spans from elsewhere may be anything: past the end, reversed, or through a character.
    #[test]
    fn any_spans_resolve_without_panic(
        text in "(Kabul|Ḩalab|the|Trump Tower|New York Auto Show|SA|BC|, |\\. |Ürümqi|\\PC{0,8}| ){0,40}",
        spans in proptest::collection::vec((0usize..400, 0usize..400), 0..12),
    ) {
        let spans: Vec<_> = spans.into_iter().map(|(a, b)| a..b).collect();
        let resolved = resolve_spans(&GAZETTEER, &text, &spans).unwrap();
        prop_assert_eq!(resolved.len(), spans.len());
        for (span, location) in spans.iter().zip(&resolved) {
            if location.is_some() {
                prop_assert!(span.start < span.end && span.end <= text.len());
            }
        }
    }
}
