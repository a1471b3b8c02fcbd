//! Words that are no place but name one country's own forces or institutions ("Gardai",
//! "RCMP", "Houthis"), against the real gazetteer and geoparser: they are never mentions, and
//! they tell the geoparser which country a text is about.

mod common;

use common::gazetteer::anchors;

#[test]
fn a_country_word_picks_the_town_of_its_country() {
    // Regression: with no country named, Delta was the Nigerian state.
    assert_eq!(
        anchors("RCMP officers were called to a home in Delta."),
        [("Delta".into(), "CA".into(), "PPL".into())]
    );
    assert_eq!(
        anchors("Gardai said a Japanese man was stabbed in Dundalk."),
        [("Dundalk".into(), "IE".into(), "PPLA2".into())]
    );
}

#[test]
fn a_country_word_is_no_mention() {
    // "Shabaab" is also a village of Iran, "Gardai" a spelling of Ghardaïa in Algeria.
    assert_eq!(
        anchors("Al-Shabaab fighters attacked a base near Kismayo; Gardai were told."),
        [("Kismayo".into(), "SO".into(), "PPLA".into())]
    );
}

#[test]
fn an_armed_group_of_several_words_gives_its_country() {
    // Regression: "Boko Haram attacked Gwoza" found nothing (a district seat of 15,000
    // needs a cue or its country), as only one-word country words were read.
    assert_eq!(
        anchors("Boko Haram attacked Gwoza on Sunday."),
        [("Gwoza".into(), "NG".into(), "PPLA2".into())]
    );
    assert_eq!(
        anchors("Anti-balaka fighters attacked Bossembele."),
        [("Bossembélé".into(), "CF".into(), "PPL".into())]
    );
    assert_eq!(
        anchors("The Rapid Support Forces attacked Babanusa."),
        [("Babanūsah".into(), "SD".into(), "PPL".into())]
    );
    // Without them, the same towns are no mention.
    assert!(anchors("The soldiers attacked Babanusa.").is_empty());
}
