//! Tables that answer [`locate`](super::place::locate) for every event sentence of one
//! article: built once by `article`, before the sentence loop, so a long article (thousands
//! of sentences and mentions) costs a look-up per sentence instead of a scan of all its
//! mentions and of every earlier sentence of the paragraph.
//!
//! Two tables: the mentions ordered by start, so the mentions inside a sentence are a binary
//! search away; and, per sentence, the mention it lends to a later sentence of its paragraph
//! (the choice `place` makes for a trigger at its end) with the nearest earlier sentence of
//! the paragraph that lends a locative mention, the nearest that lends any, and the place of
//! the nearest wire dateline of the paragraph up to it (the last resort).

use std::ops::Range;

use super::place::{PlaceMention, best_in};
use super::segment::Sentence;

/// A mention chosen in a sentence, and whether a locative word introduces it.
type Choice<'m> = (&'m PlaceMention, bool);

/// The mentions of an article ordered by start byte, for the mentions inside a byte range.
#[derive(Debug)]
pub(super) struct MentionIndex<'m> {
    mentions: &'m [PlaceMention],
    /// Indices into `mentions`, by start byte (stable: ties keep the finder's order).
    by_start: Vec<usize>,
}

impl<'m> MentionIndex<'m> {
    /// Orders `mentions` (each with `start <= end`, as a [`PlaceMention`] has) by start.
    ///
    /// # Runtime
    /// O(m log m) for m mentions; O(m) when they come in text order, as the geoparser's do.
    pub(super) fn new(mentions: &'m [PlaceMention]) -> Self {
        let mut by_start: Vec<usize> = (0..mentions.len()).collect();
        by_start.sort_by_key(|&i| mentions[i].start);
        MentionIndex { mentions, by_start }
    }

    /// The mentions that lie wholly inside `span`, in the finder's order.
    ///
    /// # Runtime
    /// O(log m + k log k) for the k mentions that start inside `span`.
    pub(super) fn inside(&self, span: &Range<usize>) -> Vec<&'m PlaceMention> {
        let first = self
            .by_start
            .partition_point(|&i| self.mentions[i].start < span.start);
        let mut hits: Vec<usize> = self.by_start[first..]
            .iter()
            .copied()
            .take_while(|&i| self.mentions[i].start <= span.end)
            .filter(|&i| self.mentions[i].end <= span.end)
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|i| &self.mentions[i]).collect()
    }
}

/// The place each event sentence of one article borrows or names.
#[derive(Debug)]
pub(super) struct Locator<'t, 'm> {
    text: &'t str,
    mentions: MentionIndex<'m>,
    /// Byte range of each sentence.
    spans: Vec<Range<usize>>,
    /// Per sentence: the mention it lends to later sentences of its paragraph.
    lent: Vec<Option<Choice<'m>>>,
    /// Per sentence: the nearest earlier sentence of its paragraph that lends a locative
    /// mention.
    earlier_locative: Vec<Option<usize>>,
    /// Per sentence: the nearest earlier sentence of its paragraph that lends any mention.
    earlier_any: Vec<Option<usize>>,
    /// The first headline sentence (line 0) lending a locative mention, and any mention.
    headline_locative: Option<&'m PlaceMention>,
    headline_any: Option<&'m PlaceMention>,
    /// Per sentence: the place of the nearest dateline of its paragraph at or before it.
    dateline: Vec<Option<&'m PlaceMention>>,
}

impl<'t, 'm> Locator<'t, 'm> {
    /// The tables for `sentences` of `text` and the `mentions` a finder reported in it.
    ///
    /// # Runtime
    /// O(s log m + m log m) for s sentences and m mentions.
    pub(super) fn new(
        text: &'t str,
        mentions: &'m [PlaceMention],
        sentences: &[Sentence<'_>],
    ) -> Self {
        let mentions = MentionIndex::new(mentions);
        let lent: Vec<Option<Choice<'m>>> = sentences
            .iter()
            .map(|s| {
                let end = s.span.end..s.span.end;
                best_in(text, &mentions.inside(&s.span), &s.span, &end)
            })
            .collect();
        let mut earlier_locative = Vec::with_capacity(sentences.len());
        let mut earlier_any = Vec::with_capacity(sentences.len());
        let mut dateline = Vec::with_capacity(sentences.len());
        let (mut locative, mut any, mut filed_from) = (None, None, None);
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 && sentences[i - 1].paragraph != s.paragraph {
                (locative, any, filed_from) = (None, None, None);
            }
            earlier_locative.push(locative);
            earlier_any.push(any);
            if let Some(place) = s
                .dateline
                .as_ref()
                .and_then(|d| dateline_place(&mentions, d))
            {
                filed_from = Some(place);
            }
            dateline.push(filed_from);
            if let Some((_, is_locative)) = lent[i] {
                any = Some(i);
                if is_locative {
                    locative = Some(i);
                }
            }
        }
        let headline = || lent.iter().zip(sentences).take_while(|(_, s)| s.line == 0);
        let headline_locative = headline()
            .find_map(|(c, _)| c.filter(|&(_, l)| l))
            .map(|(m, _)| m);
        let headline_any = headline().find_map(|(c, _)| *c).map(|(m, _)| m);
        Locator {
            text,
            mentions,
            spans: sentences.iter().map(|s| s.span.clone()).collect(),
            lent,
            earlier_locative,
            earlier_any,
            headline_locative,
            headline_any,
            dateline,
        }
    }

    /// The mention that locates the event of sentence `index` (of the sentences the tables
    /// were built for) whose trigger is at `trigger` (byte range in the text); the rules are
    /// those of [`locate`](super::place::locate).
    ///
    /// # Runtime
    /// O(log m + k log k) for the k mentions inside the sentence.
    pub(super) fn locate(&self, index: usize, trigger: &Range<usize>) -> Option<&'m PlaceMention> {
        let span = &self.spans[index];
        let own = best_in(self.text, &self.mentions.inside(span), span, trigger);
        let lent = |j: Option<usize>| j.and_then(|j| self.lent[j]).map(|(m, _)| m);
        match own {
            Some((m, true)) => Some(m),
            own => lent(self.earlier_locative[index])
                .or(self.headline_locative)
                .or(own.map(|(m, _)| m))
                .or_else(|| lent(self.earlier_any[index]))
                .or(self.headline_any)
                .or(self.dateline[index]),
        }
    }
}

/// The place a wire dateline names: the first mention inside its byte range `dateline` ("KABUL"
/// of "KABUL, Afghanistan (Wire) - "; what follows the comma only qualifies it), or `None` when
/// the finder resolved none.
///
/// # Runtime
/// O(log m + k log k) for the k mentions inside the dateline.
fn dateline_place<'m>(
    mentions: &MentionIndex<'m>,
    dateline: &Range<usize>,
) -> Option<&'m PlaceMention> {
    mentions
        .inside(dateline)
        .into_iter()
        .min_by_key(|m| m.start)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::extract::segment::sentences;
    use crate::location::{Anchor, Location, Precision};

    /// Words of the generated articles; the capitalised ones become mentions. "KABUL (Wire) -"
    /// at the start of a line or after a full stop is a dateline.
    const WORDS: &[&str] = &[
        "KABUL (Wire) -",
        "Kabul",
        "Herat",
        "Tajikistan",
        "in",
        "near",
        "the",
        "capital",
        "killed",
        "said",
        "of",
        ",",
        ".",
        "\n",
        "\n\n",
    ];
    /// The precisions a generated mention may have.
    const PRECISIONS: &[Precision] = &[
        Precision::Exact,
        Precision::Offset,
        Precision::Near,
        Precision::Country,
    ];

    fn mention(start: usize, end: usize, precision: Precision, at: f64) -> PlaceMention {
        let anchor = Anchor {
            name: String::new(),
            geonameid: None,
            country_code: None,
            feature_code: String::new(),
            lat: at,
            lon: at,
        };
        let location = Location {
            query: String::new(),
            lat: at,
            lon: at,
            uncertainty_km: 1.0 + 100.0 * at,
            precision,
            anchor,
            offset: None,
        };
        PlaceMention {
            start,
            end,
            location,
        }
    }

    /// An article of `words` (indices into [`WORDS`]), and a mention for each capitalised
    /// word that `picks` selects, with the precision and place it picks.
    fn article(words: &[usize], picks: &[(bool, usize, u8)]) -> (String, Vec<PlaceMention>) {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for (k, &w) in words.iter().enumerate() {
            let word = WORDS[w];
            if !text.is_empty() && !word.starts_with(['\n', ',', '.']) {
                text.push(' ');
            }
            let (picked, precision, at) = picks[k % picks.len()];
            if picked && word.starts_with(char::is_uppercase) {
                let p = PRECISIONS[precision % PRECISIONS.len()];
                mentions.push(mention(
                    text.len(),
                    text.len() + word.len(),
                    p,
                    f64::from(at) / 255.0,
                ));
            }
            text.push_str(word);
        }
        (text, mentions)
    }

    /// The scan the locator replaces: every mention filtered for every sentence asked about,
    /// every earlier sentence of the paragraph walked, for a mention and then for a dateline.
    fn scanned<'m>(
        text: &str,
        mentions: &'m [PlaceMention],
        sentences: &[Sentence<'_>],
        index: usize,
        trigger: &Range<usize>,
    ) -> Option<&'m PlaceMention> {
        let best = |span: &Range<usize>, trigger: &Range<usize>| {
            let inside: Vec<&PlaceMention> = mentions
                .iter()
                .filter(|m| m.start >= span.start && m.end <= span.end)
                .collect();
            best_in(text, &inside, span, trigger)
        };
        let sentence = &sentences[index];
        let own = best(&sentence.span, trigger);
        if let Some((m, true)) = own {
            return Some(m);
        }
        let earlier = sentences[..index]
            .iter()
            .rev()
            .take_while(|s| s.paragraph == sentence.paragraph);
        let headline = sentences.iter().take_while(|s| s.line == 0);
        let borrowed = earlier
            .chain(headline)
            .filter_map(|s| best(&s.span, &(s.span.end..s.span.end)));
        let mut bare = own.into_iter().chain(borrowed);
        let filed_from = sentences[..=index]
            .iter()
            .rev()
            .take_while(|s| s.paragraph == sentence.paragraph)
            .filter_map(|s| s.dateline.as_ref())
            .find_map(|d| {
                mentions
                    .iter()
                    .filter(|m| m.start >= d.start && m.end <= d.end)
                    .min_by_key(|m| m.start)
            });
        bare.clone()
            .find(|&(_, locative)| locative)
            .or_else(|| bare.next())
            .map(|(m, _)| m)
            .or(filed_from)
    }

    proptest! {
        /// Regression (long articles): the tables choose the very mention the scan chose, for
        /// every sentence and trigger position.
        #[test]
        fn locator_chooses_as_the_scan(
            words in proptest::collection::vec(0..WORDS.len(), 0..120),
            picks in proptest::collection::vec((any::<bool>(), 0..PRECISIONS.len(), any::<u8>()), 1..16),
            trigger_at in 0.0..1.0f64,
        ) {
            let (text, mentions) = article(&words, &picks);
            let sentences = sentences(&text);
            let locator = Locator::new(&text, &mentions, &sentences);
            for (i, s) in sentences.iter().enumerate() {
                let at = s.span.start + (trigger_at * s.span.len() as f64) as usize;
                let trigger = at..(at + 1).min(s.span.end);
                let got = locator.locate(i, &trigger).map(|m| m as *const PlaceMention);
                let want = scanned(&text, &mentions, &sentences, i, &trigger)
                    .map(|m| m as *const PlaceMention);
                prop_assert_eq!(got, want, "sentence {} of {:?}", i, text);
            }
        }

        /// The mentions inside a range, in the finder's order, whatever order it reports them
        /// in.
        #[test]
        fn the_index_finds_the_mentions_inside_a_range(
            spans in proptest::collection::vec((0..200usize, 0..20usize), 0..40),
            range in (0..220usize, 0..80usize),
        ) {
            let mentions: Vec<PlaceMention> = spans
                .iter()
                .map(|&(start, len)| mention(start, start + len, Precision::Exact, 0.0))
                .collect();
            let range = range.0..range.0 + range.1;
            let want: Vec<*const PlaceMention> = mentions
                .iter()
                .filter(|m| m.start >= range.start && m.end <= range.end)
                .map(|m| m as *const _)
                .collect();
            let got: Vec<*const PlaceMention> = MentionIndex::new(&mentions)
                .inside(&range)
                .into_iter()
                .map(|m| m as *const _)
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}
