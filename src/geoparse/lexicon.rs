//! Word lists that tell place names from the other capitalised words of news copy.
//!
//! The gazetteer names 235,000 places, among them "Police" (Poland), "Mission" (Texas) and
//! "Justice" (Illinois); these lists are the reader's knowledge that a capitalised word is
//! usually something else. Entries are lower-case; look-ups fold ASCII case.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::tokens::ascii_lowercase_in;

/// Capitalised words that are almost never place names on their own: weekdays, months,
/// titles, institutions, sentence-initial function words and common nouns.
const COMMON: &str = "a about above according across after afterwards again against ago all
duke duchess earl countess baron baroness viscount marquess
also although among an and another any april are around as at august authorities autumn back
bad be because been before being best between both but by can christmas colonel commander
court december despite did do does down during each earlier easter eid even every february
for former friday from general government governor had has have he her here his hospital how
however i if in including inside instead into is it its january judge july june just king
last later like local many march may mayor me meanwhile military minister ministry monday
more most mr mrs ms mission much must my near never new news next no none nor not nothing
november now october of officer officers official officials on once one only or other our
out outside over own people per police president prime prince prison queen ramadan really
republic saint saturday security senator september several she sheriff should since so some
soldiers spring state still such summer sunday than that the their them then there these
they this those though thursday through throughout to today tomorrow too tuesday two under
union university until up upon us very via was we wednesday well were what when where which
while who whom whose why will winter with within without would yesterday yet you your
justice independence liberty hope victory unity freedom media army party group agency
council committee commission church mosque temple islamic christian muslim sunni shia
shiite catholic orthodox democratic federal national central international global world
western eastern northern southern god allah lord sir dr gen lt sgt capt maj cpl pvt rev
premier chancellor ambassador spokesman spokeswoman chief director secretary captain
lieutenant sergeant major private brigadier marshal admiral emperor sultan emir sheikh
ayatollah imam bishop pope father brother sister mother daughter son uncle aunt
reading mobile orange split bath nice deal sale commerce home post unknown attack attacks
breaking update live watch video photo read more related editor editorial opinion
jan feb mar apr jun jul aug sep sept oct nov dec rep sen gov st ave rd blvd hwy day man
section white supreme hamas hezbollah taliban qaeda shabaab nato
centre center congress earth passover law forest area industry iron royal park yes inc olympic
beds bucks duma parliament senate democrat democrats republican republicans metro continental
reserve walk race voters anglophone francophone lusophone wedding early strong free born
plain winner pace gang soul";

/// Common words that are also well-known towns: places when a preposition introduces them.
const TOWN_WORDS: &str = "reading mobile orange split bath nice deal sale commerce home
mission independence liberty hope victory unity freedom justice police duma";

/// Common words that are also the short forms of British counties ("Beds" for Bedfordshire,
/// "Bucks" for Buckinghamshire): places when they close an address ("Luton, Beds") or a
/// preposition introduces them ("in Bucks"), not when they start a sentence ("Beds were
/// scarce").
const COUNTY_SHORT_FORMS: &str = "beds bucks";

/// Capitalised words that, after a name, make it an organisation or a building, not a place
/// ("Soufan Group", "Justice Ministry", "Kabul University").
const INSTITUTION_SUFFIXES: &str = "group ministry party army agency university college
school institute council committee commission company corporation corp inc ltd bank
airlines airways news times post journal herald tribune club team fc united city's
department office police force forces front movement brigade brigades battalion regiment
command service services hospital airport station stadium prison court church mosque
cathedral temple street road avenue square bridge hotel centre center foundation society
association union federation authority bureau board network tv radio channel";

/// Nouns that name the kind of a feature or building: inside a longer name ("Trump Tower",
/// "Paddock Hill Bend", "Lake Cumberland") such a word is part of that name, not a town.
const FEATURE_WORDS: &str = "hill hills point lake lakes river creek bay harbor harbour tower
towers hall valley delta bend park island islands mountain mountains mount gulf sea ocean beach
coast cape canal falls springs forest woods heights estate farm farms castle palace chapel house
building courthouse plaza mall market theatre theater library museum gallery quarter village
town city cottage lodge inn mill mills grove colony camp fort port reserve range ridge peak
garden gardens cup show district township";

/// Feature nouns after which a state's or a country's name is the feature's namesake, not
/// where it lies: "Tennessee Colony" is a town in Texas, the "Mississippi River" crosses ten
/// states. A subset of the feature nouns; after a building noun ("Ohio Theatre") the area is
/// mostly where the site stands.
const NAMESAKE_WORDS: &str = "river creek lake lakes bay valley delta colony mountain mountains
hill hills island islands springs falls beach point";

/// Nouns that end the name of a street: one named after a place ("Northumberland Avenue",
/// "Atlantic Avenue") lies in a town, seldom in or near its namesake.
const STREET_WORDS: &str = "street st road rd avenue ave boulevard blvd drive lane";

/// Nouns besides [`STREET_WORDS`] that end the name of a site inside a town: a square, a
/// building, an estate ("Altnagelvin Hospital", "Makeen Market Complex", "Mozart Estate").
const SITE_WORDS: &str = "square bridge hospital church chapel basilica cathedral mosque
temple synagogue market prison jail stadium station campus estate centre center complex hotel
restaurant school college academy university court courthouse hall mall plaza theatre theater
library museum park gardens tower building cinema nightclub arena casino embassy consulate";

/// Nouns of the sites named after a saint ("St. John's Lutheran School", "St. Mary's
/// Hospital", "St. Paul's United Brethren Church"), not of those named after a town called
/// after one ("St. Louis's Busch Stadium").
const SAINTS_SITE_WORDS: &str = "church chapel basilica cathedral abbey priory parish cemetery
school academy college hospital";

/// Words that name a road by its number ("Interstate 40", "Highway 19", "Route 66").
const ROAD_WORDS: &str = "interstate highway hwy route motorway freeway expressway";

/// Nouns that make the name before them a politician's ("the Bush administration", "the
/// Obama campaign").
const POLITICS_WORDS: &str = "administration presidency campaign";

/// Nouns that make the name before them a people's ("the Adena people", "the Hopi tribe").
const PEOPLE_WORDS: &str = "people peoples tribe tribes culture";

/// Abbreviations that begin place names, written with a full stop ("St. Louis", "Mt. Hood",
/// "Ft. Worth", "Pt. Fortin", the Irish "Co. Mayo").
const NAME_ABBREVIATIONS: &str = "st ste mt ft pt co";

/// Civic bodies that work for the place named before them ("Gainesville Police", "Dublin City
/// Council", "Oxford Crown Court", "Henderson County Jail"): that place is a place mention.
const CIVIC_BODIES: &str = "police council court department sheriff coroner office library jail
schools district board authority bureau commission government assembly legislature";

/// Words that name the kind or the level of a public body ("City Council", "Superior Court"):
/// before a civic body they are part of its name, not a town.
const BODY_KINDS: &str = "city county superior supreme district municipal circuit federal
state high central provincial regional metropolitan national";

/// Days and months, which wire copy writes straight after a place ("exploded in Baghdad
/// Friday", "arrive in Lagos April 4"): capitalised, but not part of the place's name. Not
/// "May", a surname as often ("Jordan May", "Theresa May").
const CALENDAR_WORDS: &str = "monday tuesday wednesday thursday friday saturday sunday january
february march april june july august september sept october november december";

/// Lower-case particles inside persons' names ("Mike de Kock", "Ursula von der Leyen", "Osama
/// bin Laden"): a capitalised word before one, with a capitalised word after, is a person's.
const NAME_PARTICLES: &str = "de van von der den da di del della du dos das bin ibn";

/// Words that make the next capitalised name a place: prepositions of place and movement.
const PLACE_PREPOSITIONS: &str = "in at near from to into outside inside across throughout
toward towards around via through between within of outskirts across along off";

/// Titles and honorifics that put a person's name after them ("President X", "Gen. Y").
const TITLES: &str = "president minister premier chancellor king queen prince princess
sultan emir sheikh ayatollah imam bishop pope saint st mr mrs ms dr gen general col colonel
lt lieutenant sgt sergeant capt captain maj major cpl corporal pvt brigadier marshal admiral
commander governor mayor senator judge sheriff officer ambassador spokesman spokeswoman sir
lord lady dame rev father brother sister mullah mufti cleric rabbi prof professor duke duchess
earl countess baron baroness viscount marquess chief gov sen rep";

/// Nouns of kin that put a person's given name after them, with or without a comma ("son
/// James", "his wife, Julia,", "daughters North and Chicago"). Not "partner" or "ally",
/// which a country may be ("trade partner China").
const KIN_WORDS: &str = "son sons daughter daughters wife husband girlfriend boyfriend fiancee
fiance fiancée fiancé mother father brother brothers sister sisters grandson granddaughter
grandmother grandfather nephew niece cousin uncle aunt stepson stepdaughter widow widower
baby";

/// Words before the side a team plays or a body is pitted against ("the game against
/// Louisville", "outlasted Louisville", "Houston vs. Portland").
const OPPONENT_WORDS: &str = "against versus vs beat beats defeated defeats outlasted edged
routed";

/// Verbs of violence done to a person, after which a lone name is the victim ("charged with
/// killing Welch", "Vasquez stabbed Welch."), not a town: towns are shelled, raided or
/// struck (see `STRIKE_VERBS`), not stabbed.
const VICTIM_VERBS: &str = "stabbed stabbing killed killing murdered murdering strangled
strangling kidnapped kidnapping abducted abducting assaulted assaulting raped beheaded punched
kicked shot";

/// Offices held for a place, which news copy writes after the place's name ("Dublin Mayor
/// Marilee Chinnici", "Texas Gov. Rick Perry", "Platte County Attorney Sandra Allen"): the
/// place is the office's, not the first word of a person's or an organisation's name.
const OFFICES: &str = "mayor governor gov president premier minister senator sen rep
representative sheriff chief commissioner councillor councilman councilwoman ambassador
attorney clerk judge prosecutor auditor coroner treasurer assessor recorder magistrate
superintendent administrator manager solicitor constable";

/// Words that may follow a place name used as a noun ("US and Russia", "Iraq is"): after a
/// country code anything else makes the code an adjective ("US military training").
const CLAUSE_WORDS: &str = "and or but nor is was were are has have had said says will would
could should did does as which that who whose where when while then to in on at by for from
with of after before since until during";

/// Auxiliary and linking verbs: after a name, they make it the subject of a clause ("Liverpool
/// have other academies").
const AUXILIARIES: &str = "is was were are has have had will would could should can may might
must did does do";

/// Words that open a sentence and never continue a name: after a place name, a capitalised
/// one marks a sentence whose full stop the copy lost ("in Portugal The pair will").
const SENTENCE_OPENERS: &str = "the a an he she it they we his her their this these those
there last next";

/// Ordinary English words that are also the main name of a place a reader may know (Normal,
/// Illinois; Surprise, Arizona; Štore, Slovenia; the South region of Cameroon): capitalised
/// only because they open a sentence, they are the words ("Same here", "Store shelves").
const ORDINARY_WORDS: &str = "same date save store normal bar wedding surprise bay pool islands
roman bush enterprise commonwealth clay oral brick springs paradise lakes tours bend delta male
van north south east west northeast northwest southeast southwest";

/// Codes that English news copy writes for a country or bloc in running text. The other ISO
/// codes the gazetteer knows as aliases are words there: "BA" (British Airways), "GW"
/// (gigawatts), "MW", "PM" (prime minister), "TV", "AI".
const NEWS_CODES: &str = "us usa uk uae eu drc prc rok ksa car nz png hk rsa ussr dprk";

/// Verbs of speech that, right after a small-town name, mark a person ("Khalimov said").
const SPEECH_VERBS: &str = "said says told added claimed stated wrote tweeted announced
denied confirmed admitted recalled explained insisted noted argued warned replied asked";

/// Words that, right after a country's code, make it the subject of a clause ("the U.S. also
/// approved", "the US gave", "in the U.S. two weeks ago") and not a noun's modifier ("U.S.
/// troops"): auxiliaries, adverbs, common irregular past tenses and small numbers. Regular
/// past tenses and "-ly" adverbs are recognised by their ending (see [`follows_subject`]).
const SUBJECT_FOLLOWERS: &str = "also still now already never again just even then first
can cannot may might must shall gave sent took made told began became won lost struck kept
left brought sought held went came saw got one two three four five six seven eight nine ten";

/// Words of attack after which "on" introduces the place attacked ("fired on Qamishli",
/// "airstrikes on Idlib", "the assault on Mosul"), as "in" or "near" would.
const ATTACK_WORDS: &str = "attack attacks attacked fire fired firing strike strikes struck
airstrike airstrikes raid raids raided assault assaults shelling shelled bombing bombings
bombed bombardment offensive advance advanced march marched";

/// Verbs of war whose object is a place ("troops entered al-Qaim", "shelled Kupiansk"): the
/// name after them (and after "the") is introduced as one. Not verbs that take persons as
/// often ("attacked", "killed", "struck", "captured"); "raided" only before a name that no
/// possessive follows (`cues::struck_or_raided_place`: "police raided Smith's home").
const PLACE_OBJECT_VERBS: &str = "shelled shelling bombed bombing bombarded bombarding stormed
storming besieged besieging overran overrunning recaptured retook retaking invaded invading
occupied occupying entered entering encircled encircling liberated evacuated evacuating";

/// Verbs of striking whose object is a place when a weapon is their subject ("airstrikes hit
/// Maarat al-Numan", "explosions rocked Khartoum"): not alone, as persons are hit and struck
/// too.
const STRIKE_VERBS: &str = "hit hits struck strike pounded pound pounding rocked rocks
targeted targeting";

/// Weapons and blasts that strike places ("missiles", "shelling", "a blast").
const WEAPON_WORDS: &str = "airstrike airstrikes strike strikes missile missiles rocket rockets
shell shells shelling drone drones bomb bombs bombing bombings explosion explosions blast
blasts mortar mortars artillery barrage barrages bombardment";

/// Conjunctions that open a clause whose subject comes next ("if the U.S. leaves"): after
/// them, a word in "s" is the clause's verb, not a plural noun. "That" is not among them:
/// "said that the U.S. troops would" is as common as "said that the U.S. leaves".
const SUBORDINATORS: &str = "if when whenever unless once because since while after before
until whether";

/// Endings of words that follow a subject, not a modifier: past tenses ("expelled",
/// "approved") and adverbs ("quietly").
const SUBJECT_FOLLOWER_ENDINGS: [&str; 2] = ["ed", "ly"];
/// Shortest word whose ending is trusted ("red", "bed", "fly" are no past tense or adverb).
const MIN_ENDING_WORD_LEN: usize = 5;
/// Past participles that copy writes as adjectives after a code, hyphen or not: "US armed
/// forces", "U.S. backed rebels", "UK based charity".
const PARTICIPLE_ADJECTIVES: &str = "armed allied based backed funded trained listed owned
registered licensed sponsored";

/// The words of a list as a set of their bytes: every token is looked up in fixed lists,
/// which want a fast hash (the lists are ours, so no input can crowd one bucket), and bytes
/// spare [`contains`] a UTF-8 check of the lower-cased word.
fn set(words: &'static str) -> FxHashSet<&'static [u8]> {
    words.split_whitespace().map(str::as_bytes).collect()
}

static COMMON_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(COMMON));
static SUFFIX_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(INSTITUTION_SUFFIXES));
static PREPOSITION_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| set(PLACE_PREPOSITIONS));
static TITLE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(TITLES));
static KIN_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(KIN_WORDS));
static OPPONENT_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(OPPONENT_WORDS));
static SAINTS_SITE_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| set(SAINTS_SITE_WORDS));
static VICTIM_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(VICTIM_VERBS));
static CLAUSE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(CLAUSE_WORDS));
static TOWN_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(TOWN_WORDS));
static FEATURE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(FEATURE_WORDS));
static NAMESAKE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(NAMESAKE_WORDS));
static STREET_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(STREET_WORDS));
static SITE_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| STREET_SET.iter().copied().chain(set(SITE_WORDS)).collect());
static ROAD_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(ROAD_WORDS));
static PEOPLE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(PEOPLE_WORDS));
static POLITICS_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(POLITICS_WORDS));
static ABBREVIATION_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| set(NAME_ABBREVIATIONS));
static ORDINARY_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(ORDINARY_WORDS));
static OPENER_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(SENTENCE_OPENERS));
static CIVIC_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(CIVIC_BODIES));
static BODY_KIND_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(BODY_KINDS));
static CALENDAR_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(CALENDAR_WORDS));
static COUNTY_SHORT_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| set(COUNTY_SHORT_FORMS));
static OFFICE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(OFFICES));
static PARTICLE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(NAME_PARTICLES));
static SPEECH_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(SPEECH_VERBS));
static AUXILIARY_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(AUXILIARIES));
static CODE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(NEWS_CODES));
static ATTACK_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(ATTACK_WORDS));
static STRIKE_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(STRIKE_VERBS));
static WEAPON_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(WEAPON_WORDS));
static PLACE_OBJECT_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| set(PLACE_OBJECT_VERBS));
static SUBORDINATOR_SET: LazyLock<FxHashSet<&'static [u8]>> = LazyLock::new(|| set(SUBORDINATORS));
static SUBJECT_FOLLOWER_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| set(SUBJECT_FOLLOWERS));
static PARTICIPLE_SET: LazyLock<FxHashSet<&'static [u8]>> =
    LazyLock::new(|| set(PARTICIPLE_ADJECTIVES));

/// Looks `word` up in `set` after ASCII lower-casing; words longer than any entry miss at once.
fn contains(set: &FxHashSet<&'static [u8]>, word: &str) -> bool {
    const LONGEST_WORD: usize = 16;
    let mut buf = [0u8; LONGEST_WORD];
    ascii_lowercase_in(word, &mut buf).is_some_and(|lower| set.contains(lower))
}

/// True for a code that news copy writes for a country or bloc ("US", "UAE", "DRC").
pub fn is_news_code(word: &str) -> bool {
    contains(&CODE_SET, word)
}

/// True for a capitalised word that is usually not a place on its own ("Sunday", "Police").
pub fn is_common_word(word: &str) -> bool {
    contains(&COMMON_SET, word)
}

/// True for a word that turns a preceding name into an institution ("Group", "Ministry").
pub fn is_institution_suffix(word: &str) -> bool {
    contains(&SUFFIX_SET, word)
}

/// True for a preposition that introduces a place ("in", "near", "from").
pub fn is_place_preposition(word: &str) -> bool {
    contains(&PREPOSITION_SET, word)
}

/// True for a title or honorific that precedes a person's name ("President", "Gen").
pub fn is_title(word: &str) -> bool {
    contains(&TITLE_SET, word)
}

/// True for a noun of kin that a person's given name may follow ("son", "wife").
pub fn is_kin_word(word: &str) -> bool {
    contains(&KIN_SET, word)
}

/// True for the noun of a site named after a saint ("church", "school"): see
/// `SAINTS_SITE_WORDS`.
pub fn is_saints_site_word(word: &str) -> bool {
    contains(&SAINTS_SITE_SET, word)
}

/// True for a word before the side played or pitted against ("against", "outlasted"): see
/// `OPPONENT_WORDS`.
pub fn is_opponent_word(word: &str) -> bool {
    contains(&OPPONENT_SET, word)
}

/// True for a verb of violence done to a person ("stabbed", "killing"): see `VICTIM_VERBS`.
pub fn is_victim_verb(word: &str) -> bool {
    contains(&VICTIM_SET, word)
}

/// True for a word that may follow a place name used as a noun ("and", "is", "in").
pub fn is_clause_word(word: &str) -> bool {
    contains(&CLAUSE_SET, word)
}

/// True for a common word that is also a well-known town ("Nice", "Reading").
pub fn is_town_word(word: &str) -> bool {
    contains(&TOWN_SET, word)
}

/// True for a noun that names the kind of a feature or building ("Tower", "Hill", "Lake").
pub fn is_feature_word(word: &str) -> bool {
    contains(&FEATURE_SET, word)
}

/// True for a feature noun whose name before it is a namesake ("Colony", "River"; see
/// [`NAMESAKE_WORDS`]).
pub fn is_namesake_word(word: &str) -> bool {
    contains(&NAMESAKE_SET, word)
}

/// True for a noun that ends the name of a site inside a town ("Street", "Hospital").
pub fn is_site_word(word: &str) -> bool {
    contains(&SITE_SET, word)
}

/// True for a noun that ends the name of a street ("Street", "Ave").
pub fn is_street_word(word: &str) -> bool {
    contains(&STREET_SET, word)
}

/// True for a word that names a road by the number after it ("Interstate", "Route").
pub fn is_road_word(word: &str) -> bool {
    contains(&ROAD_SET, word)
}

/// True for a noun that makes the name before it a people's ("people", "tribe").
pub fn is_people_word(word: &str) -> bool {
    contains(&PEOPLE_SET, word)
}

/// True for a noun that makes the name before it a politician's ("administration").
pub fn is_politics_word(word: &str) -> bool {
    contains(&POLITICS_SET, word)
}

/// True for an abbreviation that begins place names ("St" of "St. Louis").
pub fn is_name_abbreviation(word: &str) -> bool {
    contains(&ABBREVIATION_SET, word)
}

/// True for an ordinary word that a place is also named ("Normal", "Store"; see
/// [`ORDINARY_WORDS`]).
pub fn is_ordinary_word(word: &str) -> bool {
    contains(&ORDINARY_SET, word)
}

/// True for a word that opens a sentence and never continues a name ("The", "He").
pub fn is_sentence_opener(word: &str) -> bool {
    contains(&OPENER_SET, word)
}

/// True for a civic body that works for the place named before it ("Police", "Council").
pub fn is_civic_body(word: &str) -> bool {
    contains(&CIVIC_SET, word)
}

/// True for a word that names the kind or level of a public body ("City", "Superior").
pub fn is_body_kind(word: &str) -> bool {
    contains(&BODY_KIND_SET, word)
}

/// True for the name of a day or a month ("Friday", "April").
pub fn is_calendar_word(word: &str) -> bool {
    contains(&CALENDAR_SET, word)
}

/// True for a common word that is also a British county's short form ("Beds", "Bucks").
pub fn is_county_short_form(word: &str) -> bool {
    contains(&COUNTY_SHORT_SET, word)
}

/// True for an office held for a place ("Mayor", "Gov", "Attorney").
pub fn is_office(word: &str) -> bool {
    contains(&OFFICE_SET, word)
}

/// True for a lower-case particle of a person's name ("de", "von", "bin").
pub fn is_name_particle(word: &str) -> bool {
    contains(&PARTICLE_SET, word)
}

/// True for an auxiliary or linking verb ("is", "have", "will").
pub fn is_auxiliary(word: &str) -> bool {
    contains(&AUXILIARY_SET, word)
}

/// True for a verb of speech ("said").
pub fn is_speech_verb(word: &str) -> bool {
    contains(&SPEECH_SET, word)
}

/// True for a lower-case word that follows the subject of a clause, not a noun's modifier:
/// a verb or adverb ("expelled", "also", "gave", "quietly") or a small number ("two weeks
/// ago"). Plural nouns and present tenses ("troops", "leaves") both end in "s" and are not
/// told apart here.
pub fn follows_subject(word: &str) -> bool {
    contains(&SUBJECT_FOLLOWER_SET, word)
        || word.len() >= MIN_ENDING_WORD_LEN
            && SUBJECT_FOLLOWER_ENDINGS.iter().any(|e| word.ends_with(e))
            && !contains(&PARTICIPLE_SET, word)
}

/// True for a word of attack ("fired", "airstrikes"), after which "on" introduces a place.
pub fn is_attack_word(word: &str) -> bool {
    contains(&ATTACK_SET, word)
}

/// True for a verb of war whose object is a place ("shelled", "entered"): see
/// `PLACE_OBJECT_VERBS`.
pub fn takes_place_object(word: &str) -> bool {
    contains(&PLACE_OBJECT_SET, word)
}

/// True for "hit", "struck", "rocked" after a weapon ("missiles hit"): see `STRIKE_VERBS`.
pub fn weapon_strikes(weapon: &str, verb: &str) -> bool {
    contains(&STRIKE_SET, verb) && contains(&WEAPON_SET, weapon)
}

/// True for a noun of armed men that a group's name goes before ("Fano militias", "Misrata
/// fighters"): the name is the group's, and names a town only as the group's home.
pub fn is_armed_group_word(word: &str) -> bool {
    matches!(
        word,
        "militia" | "militias" | "militiamen" | "militiaman" | "fighters" | "rebels" | "insurgents"
    )
}

/// True for a word before a name that says the name is a state, not its city: "upstate New
/// York", "downstate Illinois".
pub fn is_state_part_word(word: &str) -> bool {
    ["upstate", "downstate"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// True for a word after a name that says the name is a state or province, not its city:
/// "New York state", "the Lagos governor", "New York Gov. Kathy Hochul".
pub fn is_state_noun(word: &str) -> bool {
    ["state", "governor", "gov", "governorship"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Words after a name that make it a town's, not a country's: its schools, its council, its
/// police department, its residents ("Jordan Elementary School", "the Jordan resident",
/// "Lebanon City Council"). A country has ministries and citizens; "Jordan police" may be
/// the kingdom's, "Jordan Police Department" is a town's.
const MUNICIPAL_MARKERS: [&[&str]; 11] = [
    &["elementary"],
    &["township"],
    &["borough"],
    &["resident"],
    &["residents"],
    &["city", "council"],
    &["town", "council"],
    &["police", "department"],
    &["fire", "department"],
    &["school", "district"],
    &["middle", "school"],
];

/// True when the words from token `i` say that the name before them is a town's (see
/// [`MUNICIPAL_MARKERS`]).
pub fn marks_municipality(tokens: &[super::tokens::Token], i: usize) -> bool {
    MUNICIPAL_MARKERS
        .iter()
        .any(|words| super::tokens::words_end(tokens, i, words).is_some())
}

/// True for a noun that describes a populated place ("the town of", "the village of").
pub fn is_town_noun(word: &str) -> bool {
    matches!(word, "town" | "city" | "village" | "settlement" | "hamlet")
}

/// Nouns of a municipality that close its name ("Washington Township", "Lincoln Borough",
/// "Springfield Village").
const LOCAL_UNIT_NOUNS: [&str; 5] = ["township", "borough", "village", "town", "city"];

/// True for a word, in any case, that closes a municipality's name: see `LOCAL_UNIT_NOUNS`.
pub fn is_local_unit_noun(token: &super::tokens::Token) -> bool {
    LOCAL_UNIT_NOUNS.iter().any(|noun| token.is_word(noun))
}

/// True for a conjunction that opens a clause ("if", "when", "unless").
pub fn is_subordinator(word: &str) -> bool {
    contains(&SUBORDINATOR_SET, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_words_regardless_of_case() {
        assert!(is_common_word("Sunday") && is_common_word("POLICE"));
        assert!(!is_common_word("Dushanbe"));
        assert!(is_institution_suffix("Group") && is_place_preposition("near"));
        assert!(is_speech_verb("said") && !is_speech_verb("Kabul"));
        assert!(is_common_word("Beds") && is_county_short_form("BUCKS"));
        assert!(!is_common_word("a-very-long-word-beyond-the-buffer"));
    }

    #[test]
    fn verbs_adverbs_and_numbers_follow_a_subject_and_nouns_do_not() {
        for word in ["expelled", "approved", "also", "gave", "quietly", "two"] {
            assert!(follows_subject(word), "{word}");
        }
        for word in [
            "troops", "military", "embassy", "red", "court", "armed", "backed",
        ] {
            assert!(!follows_subject(word), "{word}");
        }
    }
}
