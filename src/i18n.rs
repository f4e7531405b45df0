//! Interface texts, the app's one text system: compile-time message tables in French (the reference), English
//! and Arabic, for every screen, the shell around them (kiosk, loading, take-away, notes for the webmaster)
//! and the panic screen. The engine words verdicts and reasons itself (`eligo_engine::sentences`).
//!
//! Lookup is by [`Key`]; a text missing in a language falls back to French (and a test fails, see
//! `every_key_is_translated`). Pack texts (labels, aids, places) come from the packs, through the
//! engine's `Text`, with the same fallback. `{n}`-style placeholders are filled by [`Lang::fill`].
//!
//! The languages added after the first three (easy-read French, Turkish, Portuguese, Ukrainian, Dari,
//! Russian) are not compiled in: their texts live in `i18n/<code>.toml` (by `Key` name), and the build
//! writes each as a file the app fetches when the resident chooses the language, so the first load does not
//! grow. `every_language_is_complete` lists every key still missing in them.

use std::sync::OnceLock;

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Français (reference).
    Fr,
    /// Easy-read French ("Facile à lire et à comprendre"), fetched on demand.
    FrFalc,
    /// English.
    En,
    /// العربية (right to left).
    Ar,
    /// Türkçe, fetched on demand.
    Tr,
    /// Português, fetched on demand.
    Pt,
    /// Українська, fetched on demand.
    Uk,
    /// دری, Dari (Afghan Persian, right to left), fetched on demand.
    FaAf,
    /// Русский, fetched on demand.
    Ru,
}

/// The interface texts of the languages fetched on demand, by `Lang as usize`, once arrived (see
/// [`Lang::install`]): one table per language for the app's whole life (a few kilobytes). A static, the one
/// the architecture test allows besides the allocator: every view reads texts through `Lang::t`, and these
/// are set once and the same for every resident, like the compiled tables (never state, never answers).
static LOADED: [OnceLock<Vec<String>>; Lang::ALL.len()] =
    [const { OnceLock::new() }; Lang::ALL.len()];

impl Lang {
    /// The languages compiled into the app (the others are fetched on demand).
    pub const BUILT_IN: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

    /// Every interface language, in the order of the language list.
    pub const ALL: [Lang; 9] = [
        Lang::Fr,
        Lang::FrFalc,
        Lang::En,
        Lang::Ar,
        Lang::Tr,
        Lang::Pt,
        Lang::Uk,
        Lang::FaAf,
        Lang::Ru,
    ];

    /// The BCP 47 code, also the key of pack texts (`fa-AF`: Persian as written in Afghanistan, the code
    /// browsers, `Intl` and speech voices know for Dari; `fr-x-falc`: French, private-use variant).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::FrFalc => "fr-x-falc",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Tr => "tr",
            Lang::Pt => "pt",
            Lang::Uk => "uk",
            Lang::FaAf => "fa-AF",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, in its own script, shown in the language list.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::FrFalc => "Français facile à lire",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Tr => "Türkçe",
            Lang::Pt => "Português",
            Lang::Uk => "Українська",
            Lang::FaAf => "دری",
            Lang::Ru => "Русский",
        }
    }

    /// `rtl` for Arabic and Dari, else `ltr`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar | Lang::FaAf => "rtl",
            _ => "ltr",
        }
    }

    /// The locale whose way of writing numbers and euro amounts `crate::rules::money_words` and
    /// `number_words` follow (the component test `format_matches_intl` compares both with the browser's
    /// `Intl`). Arabic and Dari keep Western digits, as on French papers and phones.
    pub fn number_locale(self) -> &'static str {
        match self {
            Lang::Fr | Lang::FrFalc => "fr-FR",
            Lang::En => "en-GB",
            Lang::Ar => "ar-u-nu-latn",
            Lang::Tr => "tr-TR",
            Lang::Pt => "pt-PT",
            Lang::Uk => "uk-UA",
            Lang::FaAf => "fa-AF-u-nu-latn",
            Lang::Ru => "ru-RU",
        }
    }

    /// The language of a speech voice for this language (`fr` for easy-read French; `fa` for Dari: a
    /// Persian voice reads Dari's script).
    pub fn speech_lang(self) -> &'static str {
        match self {
            Lang::FrFalc => "fr",
            Lang::FaAf => "fa",
            other => other.code(),
        }
    }

    /// Whether this language's texts are fetched when chosen (not in the first load): its translation is
    /// then to be reviewed by a native speaker, and every card offers the French text.
    pub fn on_demand(self) -> bool {
        !matches!(self, Lang::Fr | Lang::En | Lang::Ar)
    }

    /// The nearest of the built-in languages, for the staff pages (desk, studio), which speak only those:
    /// easy-read French reads the French, any other the English.
    pub fn built_in(self) -> Lang {
        match self {
            Lang::Fr | Lang::FrFalc => Lang::Fr,
            Lang::Ar => Lang::Ar,
            _ => Lang::En,
        }
    }

    /// The interface language for a browser language such as `ar-MA` or `en-US`; French otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Lang::En,
            "ar" => Lang::Ar,
            "tr" => Lang::Tr,
            "pt" => Lang::Pt,
            "uk" => Lang::Uk,
            // Dari (`prs`) and Persian are written alike.
            "fa" | "prs" => Lang::FaAf,
            "ru" => Lang::Ru,
            _ => Lang::Fr,
        }
    }

    /// The language of a code, if it is one of the interface's.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The separator before a value: a spaced colon in French, a plain one otherwise.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr | Lang::FrFalc => "\u{a0}: ",
            _ => ": ",
        }
    }

    /// The text of `key` in this language, else in French.
    pub fn t(self, key: Key) -> &'static str {
        self.lookup(key).or_else(|| fr(key)).unwrap_or("")
    }

    /// The text of `key` in this language only (no fallback; `None` before a language fetched on demand
    /// arrived).
    pub fn lookup(self, key: Key) -> Option<&'static str> {
        match self {
            Lang::Fr => fr(key),
            Lang::En => en(key),
            Lang::Ar => ar(key),
            _ => self.loaded(key as usize),
        }
    }

    /// Entry `index` of this language's fetched table (the interface keys).
    pub fn loaded(self, index: usize) -> Option<&'static str> {
        LOADED[self as usize]
            .get()
            .and_then(|table| table.get(index))
            .map(String::as_str)
            .filter(|t| !t.is_empty())
    }

    /// Whether this language's interface texts are there (always, but for a language fetched on demand
    /// before it arrived).
    pub fn is_ready(self) -> bool {
        !self.on_demand() || LOADED[self as usize].get().is_some()
    }

    /// Takes this language's interface texts as fetched (`packs/ui-<code>-<hash>.txt`, written by build.rs):
    /// `entries` lines after the `eligo-ui 1` line (the interface keys).
    pub fn install(self, file: &str, entries: usize) -> Result<(), String> {
        let table = parse_texts(file, entries)?;
        let _ = LOADED[self as usize].set(table);
        Ok(())
    }

    /// The text of `key` with `{name}` placeholders replaced.
    pub fn fill(self, key: Key, values: &[(&str, &str)]) -> String {
        let mut text = self.t(key).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// "About N questions left", with the plural form of the language.
    pub fn questions_left(self, n: usize) -> String {
        let key = match (self, n) {
            (_, 0) => Key::LeftNone,
            (_, 1) => Key::LeftOne,
            (Lang::Ar, 2) => Key::LeftTwo,
            (Lang::Ar, 3..=10) => Key::LeftFew,
            (Lang::Ar, 11..=99) => Key::LeftMany,
            // Ukrainian and Russian: 2–4 (not 12–14) take the "few" form, 21, 31… (not 11) the "other" one (the
            // singular), the rest the "many" one.
            (Lang::Uk | Lang::Ru, _)
                if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) =>
            {
                Key::LeftFew
            }
            (Lang::Uk | Lang::Ru, _) if n % 10 == 1 && n % 100 != 11 => Key::LeftOther,
            (Lang::Uk | Lang::Ru, _) => Key::LeftMany,
            _ => Key::LeftOther,
        };
        self.fill(key, &[("n", &n.to_string())])
    }
}

/// Reads an interface texts file: the `eligo-ui 1` line, then `entries` lines (`\n` and `\\` escaped; an
/// empty line is a text not translated yet, shown in French).
pub fn parse_texts(file: &str, entries: usize) -> Result<Vec<String>, String> {
    let mut lines = file.strip_suffix('\n').unwrap_or(file).split('\n');
    if lines.next() != Some("eligo-ui 1") {
        return Err("not an interface texts file".into());
    }
    let table: Vec<String> = lines
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                match (c, c == '\\') {
                    (_, true) => match chars.next() {
                        Some('n') => out.push('\n'),
                        Some(other) => out.push(other),
                        None => {}
                    },
                    (c, false) => out.push(c),
                }
            }
            out
        })
        .collect();
    if table.len() == entries {
        Ok(table)
    } else {
        Err(format!(
            "{} texts where the app has {entries}: a file of another build",
            table.len()
        ))
    }
}

macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// An interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }
        impl Key {
            /// Every key, for the completeness test.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys! {
    AppTitle, SkipToContent, Language, UrgentHelp, LeaveQuickly, LeaveHint, CloseSafety, Call, SendSms, Website,
    StartTitle, StartIntro, Privacy, Territory, StartButton, StartDuration,
    Yes, No, DontKnow, Continue, Back, SeeResultsNow, ResumeQuestions, Progress,
    LeftNone, LeftOne, LeftTwo, LeftFew, LeftMany, LeftOther, ChooseAll,
    ErrEmpty, ErrNumber, ErrWhole, ErrTooSmall, ErrTooLarge, ErrDate, ErrDateEarly, ErrDateLate, ErrChoose, ErrOther,
    ErrAmbiguous, ErrExclusive,
    UnitYears, UnitEur, UnitEurMonth, UnitEurYear, UnitMonths, DateHint, MoneyHint,
    ResultsTitle, ResultsIntro, GroupNot, ShowThem, GroupEmpty,
    EstimatedAmount, UpTo, PerMonth, PerQuarter, PerYear, Once, ForMonths,
    Met, NotMet, Unknown, Documents, WhereWhen, Hours, Phone, HowToApply, Checks, SettleBy, Source, VerifiedOn,
    PlaceToConfirm, Advice,
    AnswersTitle, Change, ChangeAria, NotAnswered,
    PrepareVisit, PrintTitle, PrintIntro, PrintButton, IncludeAnswers, BackToResults, AidsToAsk, AidsToCheck,
    Checklist, Places, Restart, RestartConfirm, NoRules,
    // The results screen (issue 14): headings with plural forms, short cards, one disclosure, next steps, help.
    ForYouNone, ForYouOne, ForYouOther, ForYouHelp, MoreToCheck, ServicesTitle, ServicesHelp, VerdictEligible,
    VerdictToConfirm, VerdictUndetermined, MoreAbout, MeetCount, NotNeeded, NextStep, AskWhom,
    NextStepsTitle, NextStepsIntro, HelpNumbers, EstimatedToConfirm, WebsiteOf,
    AnnounceOne, AnnounceOther, PreferNotToAnswer,
    // The shell: kiosk, loading, notes for the webmaster, take-away, a take-away link's page, the panic screen.
    KioskLabel, Finish, StillThereTitle, StillThereText, StillHere, Loading, LoadFailed, Retry, PackProblemTitle, PackProblemFallback, ConfigProblemTitle, TakeAwayTitle, TakeAwayIntro, ShowQr, HideQr, QrAlt, QrHelp, QrLink, PrintReceipt, ReceiptTitle, SharedTitle, SharedIntro, SharedAsk, SharedCheck, SharedNone, DocumentsToBring, WhereToGo, CheckMine, PanicTitle, PanicText, PanicAgain,
    // Languages (issue 17): reading aloud, a translation to be reviewed, the French text of a card.
    Listen, ToReview, ShowFrench,
    // Giving the answers to the CCAS (issue 18, src/handover/).
    HandoverTitle, HandoverConsent, HandoverAgree, HandoverTextForm, HandoverFailed,
}

fn fr(key: Key) -> Option<&'static str> {
    use Key::*;
    Some(match key {
        AppTitle => "Mes aides locales",
        SkipToContent => "Aller au contenu",
        Language => "Langue",
        UrgentHelp => "Violences\u{a0}: être aidé·e",
        LeaveQuickly => "Quitter vite",
        LeaveHint => {
            "Vous pouvez aussi appuyer sur la touche Échap : la page est effacée et remplacée."
        }
        CloseSafety => "Fermer et revenir",
        Call => "Appeler le {n}",
        SendSms => "Envoyer un SMS au {n}",
        Website => "Site internet",
        StartTitle => "Quelles aides pouvez-vous demander ?",
        StartIntro => {
            "Répondez à quelques questions. Vous saurez quelles aides de votre ville vous pouvez demander, combien, et où aller."
        }
        Privacy => {
            "Rien de ce que vous écrivez ne quitte cet appareil. Pas de compte, pas d'enregistrement."
        }
        Territory => "Votre ville",
        StartButton => "Commencer",
        StartDuration => "Cela prend environ 5 minutes. Vous pouvez répondre « Je ne sais pas ».",
        Yes => "Oui",
        No => "Non",
        DontKnow => "Je ne sais pas",
        Continue => "Continuer",
        Back => "Retour",
        SeeResultsNow => "Voir mes résultats maintenant",
        ResumeQuestions => "Continuer les questions",
        Progress => "Avancement",
        LeftNone => "Dernière question",
        LeftOne => "Encore environ 1 question",
        LeftTwo | LeftFew | LeftMany | LeftOther => "Encore environ {n} questions",
        ChooseAll => "Cochez toutes les réponses qui vous concernent.",
        ErrEmpty => "Écrivez une réponse, ou choisissez « Je ne sais pas ».",
        ErrNumber => "Écrivez un nombre, par exemple 1\u{a0}234,50.",
        ErrWhole => "Écrivez un nombre entier, par exemple 25.",
        ErrTooSmall => "Le nombre doit être au moins {n}.",
        ErrTooLarge => "Le nombre doit être au plus {n}.",
        ErrDate => "Écrivez une date, par exemple 25/12/2005.",
        ErrDateEarly => "Cette date est trop ancienne.",
        ErrDateLate => "Cette date est trop tard.",
        ErrChoose => "Choisissez une réponse, ou « Je ne sais pas ».",
        ErrOther => "Cette réponse ne convient pas. Vérifiez-la.",
        ErrAmbiguous => {
            "Ce nombre peut se lire {n} ou {m}. Écrivez-le sans ambiguïté, par exemple 1\u{a0}000 ou 1,50."
        }
        ErrExclusive => {
            "« {o} » ne peut pas être coché avec une autre réponse. Décochez l'un ou l'autre."
        }
        UnitYears => "ans",
        UnitEur => "euros",
        UnitEurMonth => "euros par mois",
        UnitEurYear => "euros par an",
        UnitMonths => "mois",
        DateHint => "Par exemple : 25/12/2005",
        MoneyHint => "En euros, par exemple : 1\u{a0}234,50",
        ResultsTitle => "Vos résultats",
        ResultsIntro => "C'est une estimation. Seul le service qui donne l'aide décide.",
        GroupNot => "Probablement pas pour vous",
        ShowThem => "Voir ces aides et pourquoi",
        GroupEmpty => "Aucune aide ici pour le moment.",
        EstimatedAmount => "Montant estimé",
        UpTo => "jusqu'à {n}",
        PerMonth => "par mois",
        PerQuarter => "par trimestre",
        PerYear => "par an",
        Once => "en une fois",
        ForMonths => "pendant {n} mois au plus",
        Met => "Remplie",
        NotMet => "Non remplie",
        Unknown => "Pas encore connue",
        Documents => "Documents à apporter",
        WhereWhen => "Où et quand y aller",
        Hours => "Horaires",
        Phone => "Téléphone",
        HowToApply => "Comment faire la demande",
        Checks => "Ce que le service vérifiera",
        SettleBy => "Pour le savoir, répondez à :",
        Source => "Source",
        VerifiedOn => "vérifiée le {n}",
        PlaceToConfirm => "Informations à confirmer auprès du lieu.",
        Advice => "Conseil",
        AnswersTitle => "Vos réponses",
        Change => "Modifier",
        ChangeAria => "Modifier la réponse : {n}",
        NotAnswered => "Pas de réponse",
        PrepareVisit => "Préparer mon rendez-vous",
        PrintTitle => "Pour mon rendez-vous",
        PrintIntro => {
            "Cette page vous aide à préparer votre visite. Imprimez-la ou montrez-la sur votre téléphone."
        }
        PrintButton => "Imprimer cette page",
        IncludeAnswers => "Ajouter mes réponses à cette page",
        BackToResults => "Retour aux résultats",
        AidsToAsk => "Aides à demander",
        AidsToCheck => "Aides à vérifier sur place",
        Checklist => "Documents à rassembler",
        Places => "Où aller",
        Restart => "Effacer mes réponses",
        RestartConfirm => "Vos réponses ont été effacées.",
        NoRules => "Les règles de cette ville ne sont pas disponibles.",
        KioskLabel => "Borne en libre service",
        Finish => "Terminer et tout effacer",
        StillThereTitle => "Êtes-vous toujours là ?",
        StillThereText => "Pour protéger vos réponses, tout sera effacé dans {n} secondes.",
        StillHere => "Je suis toujours là",
        Loading => "Chargement…",
        LoadFailed => {
            "Les règles de ce territoire n'ont pas pu être chargées. Vérifiez votre connexion à Internet, puis réessayez."
        }
        Retry => "Réessayer",
        PackProblemTitle => {
            "Note pour le webmestre : les règles de la ville n'ont pas pu être utilisées"
        }
        PackProblemFallback => {
            "Les règles intégrées à l'outil sont utilisées à la place. Détails :"
        }
        ConfigProblemTitle => "Note pour le webmestre : réglages ignorés",
        TakeAwayTitle => "Emporter ce résumé",
        TakeAwayIntro => {
            "Le code et le ticket ne contiennent que la liste des aides à demander et la commune, jamais vos réponses."
        }
        ShowQr => "Afficher un QR code pour mon téléphone",
        HideQr => "Masquer le QR code",
        QrAlt => "QR code : ouvre la liste des aides à demander sur votre téléphone",
        QrHelp => "Visez ce code avec l'appareil photo de votre téléphone.",
        QrLink => "Ou tapez cette adresse :",
        PrintReceipt => "Imprimer un ticket",
        ReceiptTitle => "Mes démarches",
        SharedTitle => "Aides à demander",
        SharedIntro => "Cette liste vient d'un QR code. Elle ne contient aucune de vos réponses.",
        SharedAsk => "Vous pouvez les demander",
        SharedCheck => "À vérifier avec le CCAS",
        SharedNone => "Aucune aide reconnue dans ce lien.",
        DocumentsToBring => "Documents à apporter",
        WhereToGo => "Où aller",
        CheckMine => "Vérifier mes propres droits",
        ForYouNone => "Aucune aide trouvée pour vous pour le moment",
        ForYouOne => "1 aide pour vous",
        ForYouOther => "{n} aides pour vous",
        ForYouHelp => {
            "D'après vos réponses, les plus utiles d'abord. Seul le service qui donne l'aide décide."
        }
        MoreToCheck => "Autres aides pour vous",
        ServicesTitle => "Ouvert à tous, sans condition",
        ServicesHelp => {
            "Ces services accueillent tout le monde : vous pouvez y aller quand vous voulez."
        }
        VerdictEligible => "Vous pouvez la demander.",
        VerdictToConfirm => "Vous pouvez la demander ; le service confirmera.",
        VerdictUndetermined => "Peut-être : à vérifier avec le CCAS.",
        MoreAbout => "Conditions, papiers, où aller",
        MeetCount => "Conditions remplies : {a} sur {b}",
        NotNeeded => "Pas nécessaire",
        NextStep => "Prochaine étape",
        AskWhom => "Pour les horaires et les papiers, demandez à : {n}",
        NextStepsTitle => "Et maintenant ?",
        NextStepsIntro => "Pour être aidé à faire vos demandes, ou si rien ne convient :",
        HelpNumbers => "Numéros d'aide, gratuits",
        EstimatedToConfirm => "Montant estimé, à confirmer",
        WebsiteOf => "Site internet ({n})",
        AnnounceOne => "Résultats : 1 aide pour vous.",
        AnnounceOther => "Résultats : {n} aides pour vous.",
        PreferNotToAnswer => "Je préfère ne pas répondre",
        PanicTitle => "Désolé, un problème est survenu.",
        PanicText => {
            "La page s'est arrêtée. Vos réponses n'ont été ni envoyées ni enregistrées, et elles sont effacées. Vous pouvez recommencer."
        }
        PanicAgain => "Recommencer",
        Listen => "Écouter",
        ToReview => "Traduction à relire par une personne dont c'est la langue.",
        ShowFrench => "Voir le texte en français",
        HandoverTitle => "Donner mes réponses au CCAS",
        HandoverConsent => {
            "Le code contient vos réponses, le résultat pour chaque aide, la version des règles et la date. Seul le CCAS peut le lire, avec sa clé. Rien n'est envoyé : le code s'affiche ici, vous le montrez ou l'imprimez pour votre rendez-vous."
        }
        HandoverAgree => "J'accepte : créer le code",
        HandoverTextForm => "Si la caméra ne lit pas le code, l'agent peut taper ce texte :",
        HandoverFailed => {
            "Le code n'a pas pu être créé. Rien n'a été envoyé. Vous pouvez réessayer."
        }
    })
}

fn en(key: Key) -> Option<&'static str> {
    use Key::*;
    Some(match key {
        AppTitle => "My local aids",
        SkipToContent => "Skip to content",
        Language => "Language",
        UrgentHelp => "Violence: get help",
        LeaveQuickly => "Leave quickly",
        LeaveHint => "You can also press the Escape key: the page is cleared and replaced.",
        CloseSafety => "Close and go back",
        Call => "Call {n}",
        SendSms => "Send a text message to {n}",
        Website => "Website",
        StartTitle => "Which aids can you ask for?",
        StartIntro => {
            "Answer a few questions. You will see which aids of your town you can ask for, how much, and where to go."
        }
        Privacy => "Nothing you type leaves this device. No account, nothing saved.",
        Territory => "Your town",
        StartButton => "Start",
        StartDuration => "It takes about 5 minutes. You can answer \"I don't know\".",
        Yes => "Yes",
        No => "No",
        DontKnow => "I don't know",
        Continue => "Continue",
        Back => "Back",
        SeeResultsNow => "See my results now",
        ResumeQuestions => "Continue the questions",
        Progress => "Progress",
        LeftNone => "Last question",
        LeftOne => "About 1 question left",
        LeftTwo | LeftFew | LeftMany | LeftOther => "About {n} questions left",
        ChooseAll => "Tick every answer that applies to you.",
        ErrEmpty => "Write an answer, or choose \"I don't know\".",
        ErrNumber => "Write a number, for example 1\u{a0}234,50.",
        ErrWhole => "Write a whole number, for example 25.",
        ErrTooSmall => "The number must be at least {n}.",
        ErrTooLarge => "The number must be at most {n}.",
        ErrDate => "Write a date, for example 25/12/2005.",
        ErrDateEarly => "This date is too early.",
        ErrDateLate => "This date is too late.",
        ErrChoose => "Choose an answer, or \"I don't know\".",
        ErrOther => "This answer does not fit. Please check it.",
        ErrAmbiguous => {
            "This number can be read as {n} or as {m}. Write it so it reads one way only, for example 1\u{a0}000 or 1,50."
        }
        ErrExclusive => "“{o}” cannot be ticked with another answer. Untick one or the other.",
        UnitYears => "years",
        UnitEur => "euros",
        UnitEurMonth => "euros a month",
        UnitEurYear => "euros a year",
        UnitMonths => "months",
        DateHint => "For example: 25/12/2005",
        MoneyHint => "In euros, for example: 1\u{a0}234,50",
        ResultsTitle => "Your results",
        ResultsIntro => "This is an estimate. Only the service that gives the aid decides.",
        GroupNot => "Probably not for you",
        ShowThem => "See these aids and why",
        GroupEmpty => "No aid here for now.",
        EstimatedAmount => "Estimated amount",
        UpTo => "up to {n}",
        PerMonth => "a month",
        PerQuarter => "a quarter",
        PerYear => "a year",
        Once => "paid once",
        ForMonths => "for {n} months at most",
        Met => "Met",
        NotMet => "Not met",
        Unknown => "Not known yet",
        Documents => "Documents to bring",
        WhereWhen => "Where and when to go",
        Hours => "Opening hours",
        Phone => "Phone",
        HowToApply => "How to apply",
        Checks => "What the service will check",
        SettleBy => "To find out, answer:",
        Source => "Source",
        VerifiedOn => "checked on {n}",
        PlaceToConfirm => "Details to be confirmed with the place.",
        Advice => "Tip",
        AnswersTitle => "Your answers",
        Change => "Change",
        ChangeAria => "Change the answer: {n}",
        NotAnswered => "No answer",
        PrepareVisit => "Prepare my visit",
        PrintTitle => "For my appointment",
        PrintIntro => "This page helps you prepare your visit. Print it or show it on your phone.",
        PrintButton => "Print this page",
        IncludeAnswers => "Add my answers to this page",
        BackToResults => "Back to results",
        AidsToAsk => "Aids to ask for",
        AidsToCheck => "Aids to check there",
        Checklist => "Documents to gather",
        Places => "Where to go",
        Restart => "Clear my answers",
        RestartConfirm => "Your answers have been cleared.",
        NoRules => "The rules of this town are not available.",
        KioskLabel => "Self-service kiosk",
        Finish => "Finish and clear everything",
        StillThereTitle => "Are you still there?",
        StillThereText => "To protect your answers, everything will be cleared in {n} seconds.",
        StillHere => "I'm still here",
        Loading => "Loading…",
        LoadFailed => {
            "The rules of this area could not be loaded. Check your Internet connection, then try again."
        }
        Retry => "Try again",
        PackProblemTitle => "Note for the webmaster: the city's rules could not be used",
        PackProblemFallback => "The rules built into the tool are used instead. Details:",
        ConfigProblemTitle => "Note for the webmaster: settings ignored",
        TakeAwayTitle => "Take this summary with you",
        TakeAwayIntro => {
            "The code and the receipt only hold the list of aids to ask for and the town, never your answers."
        }
        ShowQr => "Show a QR code for my phone",
        HideQr => "Hide the QR code",
        QrAlt => "QR code: opens the list of aids to ask for on your phone",
        QrHelp => "Point your phone's camera at this code.",
        QrLink => "Or type this address:",
        PrintReceipt => "Print a receipt",
        ReceiptTitle => "My next steps",
        SharedTitle => "Aids to ask for",
        SharedIntro => "This list comes from a QR code. It holds none of your answers.",
        SharedAsk => "You can ask for them",
        SharedCheck => "To check with the CCAS",
        SharedNone => "No aid recognised in this link.",
        DocumentsToBring => "Documents to bring",
        WhereToGo => "Where to go",
        CheckMine => "Check my own eligibility",
        ForYouNone => "No aid found for you yet",
        ForYouOne => "1 aid for you",
        ForYouOther => "{n} aids for you",
        ForYouHelp => {
            "From your answers, the most useful first. Only the service that gives the aid decides."
        }
        MoreToCheck => "More aids for you",
        ServicesTitle => "Open to everyone, no conditions",
        ServicesHelp => "These services welcome everyone: you can go whenever you like.",
        VerdictEligible => "You can ask for it.",
        VerdictToConfirm => "You can ask for it; the service will confirm.",
        VerdictUndetermined => "Maybe: check with the CCAS.",
        MoreAbout => "Conditions, papers, where to go",
        MeetCount => "You meet {a} of {b} conditions",
        NotNeeded => "Not needed",
        NextStep => "Next step",
        AskWhom => "For opening hours and papers, ask: {n}",
        NextStepsTitle => "What next?",
        NextStepsIntro => "To get help with your requests, or if nothing fits:",
        HelpNumbers => "Help numbers, free",
        EstimatedToConfirm => "Estimated amount, to be confirmed",
        WebsiteOf => "Website ({n})",
        AnnounceOne => "Results: 1 aid for you.",
        AnnounceOther => "Results: {n} aids for you.",
        PreferNotToAnswer => "I prefer not to answer",
        PanicTitle => "Sorry, something went wrong.",
        PanicText => {
            "The page stopped. Your answers were neither sent nor saved, and they are cleared. You can start again."
        }
        PanicAgain => "Start again",
        Listen => "Listen",
        ToReview => "Translation still to be checked by a native speaker.",
        ShowFrench => "See the text in French",
        HandoverTitle => "Give my answers to the CCAS",
        HandoverConsent => {
            "The code contains your answers, the result for each aid, the version of the rules and the date. Only the CCAS can read it, with its key. Nothing is sent: the code is shown here, and you show it or print it for your appointment."
        }
        HandoverAgree => "I agree: make the code",
        HandoverTextForm => "If the camera cannot read the code, the agent can type this text:",
        HandoverFailed => "The code could not be made. Nothing was sent. You can try again.",
    })
}

fn ar(key: Key) -> Option<&'static str> {
    use Key::*;
    Some(match key {
        AppTitle => "مساعداتي المحلية",
        SkipToContent => "الانتقال إلى المحتوى",
        Language => "اللغة",
        UrgentHelp => "العنف: الحصول على المساعدة",
        LeaveQuickly => "خروج سريع",
        LeaveHint => "يمكنك أيضًا الضغط على زر Échap (Esc): تُمحى الصفحة وتُستبدل بصفحة أخرى.",
        CloseSafety => "إغلاق والرجوع",
        Call => "اتصل بالرقم {n}",
        SendSms => "أرسل رسالة نصية إلى الرقم {n}",
        Website => "الموقع الإلكتروني",
        StartTitle => "ما هي المساعدات التي يمكنك طلبها؟",
        StartIntro => {
            "أجب عن بعض الأسئلة. ستعرف ما هي مساعدات مدينتك التي يمكنك طلبها، وكم قيمتها، وإلى أين تذهب."
        }
        Privacy => "لا يخرج أي شيء تكتبه من هذا الجهاز. لا حساب ولا حفظ للبيانات.",
        Territory => "مدينتك",
        StartButton => "ابدأ",
        StartDuration => "يستغرق ذلك حوالي 5 دقائق. يمكنك أن تجيب «لا أعرف».",
        Yes => "نعم",
        No => "لا",
        DontKnow => "لا أعرف",
        Continue => "متابعة",
        Back => "رجوع",
        SeeResultsNow => "عرض نتائجي الآن",
        ResumeQuestions => "متابعة الأسئلة",
        Progress => "التقدم",
        LeftNone => "السؤال الأخير",
        LeftOne => "بقي سؤال واحد تقريبًا",
        LeftTwo => "بقي سؤالان تقريبًا",
        LeftFew => "بقيت {n} أسئلة تقريبًا",
        LeftMany => "بقي {n} سؤالًا تقريبًا",
        LeftOther => "بقي {n} سؤال تقريبًا",
        ChooseAll => "اختر كل الإجابات التي تخصك.",
        ErrEmpty => "اكتب إجابة، أو اختر «لا أعرف».",
        ErrNumber => "اكتب عددًا، مثلًا 1\u{a0}234,50.",
        ErrWhole => "اكتب عددًا صحيحًا، مثلًا 25.",
        ErrTooSmall => "يجب أن يكون العدد {n} على الأقل.",
        ErrTooLarge => "يجب أن يكون العدد {n} على الأكثر.",
        ErrDate => "اكتب تاريخًا، مثلًا 25/12/2005.",
        ErrDateEarly => "هذا التاريخ قديم جدًا.",
        ErrDateLate => "هذا التاريخ متأخر جدًا.",
        ErrChoose => "اختر إجابة، أو «لا أعرف».",
        ErrOther => "هذه الإجابة غير مناسبة. تحقق منها.",
        ErrAmbiguous => {
            "يمكن قراءة هذا العدد {n} أو {m}. اكتبه بطريقة واضحة، مثلًا 1\u{a0}000 أو 1,50."
        }
        ErrExclusive => "لا يمكن اختيار «{o}» مع إجابة أخرى. ألغِ اختيار أحدهما.",
        UnitYears => "سنة",
        UnitEur => "يورو",
        UnitEurMonth => "يورو في الشهر",
        UnitEurYear => "يورو في السنة",
        UnitMonths => "شهر",
        DateHint => "مثلًا: 25/12/2005",
        MoneyHint => "باليورو، مثلًا: 1\u{a0}234,50",
        ResultsTitle => "نتائجك",
        ResultsIntro => "هذا تقدير فقط. الجهة التي تمنح المساعدة هي وحدها التي تقرر.",
        GroupNot => "على الأرجح ليست لك",
        ShowThem => "عرض هذه المساعدات والسبب",
        GroupEmpty => "لا توجد مساعدة هنا حاليًا.",
        EstimatedAmount => "المبلغ التقديري",
        UpTo => "حتى {n}",
        PerMonth => "في الشهر",
        PerQuarter => "كل ثلاثة أشهر",
        PerYear => "في السنة",
        Once => "مرة واحدة",
        ForMonths => "المدة القصوى بالأشهر: {n}",
        Met => "مستوفى",
        NotMet => "غير مستوفى",
        Unknown => "غير معروف بعد",
        Documents => "الوثائق التي يجب إحضارها",
        WhereWhen => "أين ومتى تذهب",
        Hours => "أوقات الاستقبال",
        Phone => "الهاتف",
        HowToApply => "كيف تقدم الطلب",
        Checks => "ما ستتحقق منه الجهة المعنية",
        SettleBy => "لمعرفة ذلك، أجب عن:",
        Source => "المصدر",
        VerifiedOn => "تم التحقق منه في {n}",
        PlaceToConfirm => "معلومات يجب تأكيدها مع المكان.",
        Advice => "نصيحة",
        AnswersTitle => "إجاباتك",
        Change => "تعديل",
        ChangeAria => "تعديل الإجابة: {n}",
        NotAnswered => "بدون إجابة",
        PrepareVisit => "تحضير موعدي",
        PrintTitle => "من أجل موعدي",
        PrintIntro => "تساعدك هذه الصفحة على تحضير زيارتك. اطبعها أو اعرضها على هاتفك.",
        PrintButton => "طباعة هذه الصفحة",
        IncludeAnswers => "إضافة إجاباتي إلى هذه الصفحة",
        BackToResults => "الرجوع إلى النتائج",
        AidsToAsk => "مساعدات يمكنك طلبها",
        AidsToCheck => "مساعدات يجب التحقق منها في المكان",
        Checklist => "الوثائق التي يجب جمعها",
        Places => "إلى أين تذهب",
        Restart => "مسح إجاباتي",
        RestartConfirm => "تم مسح إجاباتك.",
        NoRules => "قواعد هذه المدينة غير متوفرة.",
        KioskLabel => "جهاز الخدمة الذاتية",
        Finish => "إنهاء ومسح كل شيء",
        StillThereTitle => "هل ما زلت هنا؟",
        StillThereText => "لحماية إجاباتك، سيتم مسح كل شيء خلال {n} ثانية.",
        StillHere => "ما زلت هنا",
        Loading => "جارٍ التحميل…",
        LoadFailed => "تعذّر تحميل قواعد هذه المنطقة. تحقّق من اتصالك بالإنترنت، ثم أعد المحاولة.",
        Retry => "إعادة المحاولة",
        PackProblemTitle => "ملاحظة لمسؤول الموقع: تعذّر استخدام قواعد المدينة",
        PackProblemFallback => "تُستخدم القواعد المدمجة في الأداة بدلاً منها. التفاصيل:",
        ConfigProblemTitle => "ملاحظة لمسؤول الموقع: إعدادات تم تجاهلها",
        TakeAwayTitle => "خذ هذا الملخص معك",
        TakeAwayIntro => {
            "لا يحتوي الرمز والإيصال إلا على قائمة المساعدات التي يمكن طلبها والبلدية، وليس إجاباتك أبداً."
        }
        ShowQr => "عرض رمز QR لهاتفي",
        HideQr => "إخفاء رمز QR",
        QrAlt => "رمز QR: يفتح قائمة المساعدات التي يمكن طلبها على هاتفك",
        QrHelp => "وجّه كاميرا هاتفك نحو هذا الرمز.",
        QrLink => "أو اكتب هذا العنوان:",
        PrintReceipt => "طباعة إيصال",
        ReceiptTitle => "خطواتي القادمة",
        SharedTitle => "المساعدات التي يمكن طلبها",
        SharedIntro => "تأتي هذه القائمة من رمز QR. ولا تحتوي على أي من إجاباتك.",
        SharedAsk => "يمكنك طلبها",
        SharedCheck => "يجب التحقق منها مع CCAS",
        SharedNone => "لم يتم التعرف على أي مساعدة في هذا الرابط.",
        DocumentsToBring => "الوثائق المطلوب إحضارها",
        WhereToGo => "إلى أين تذهب",
        CheckMine => "التحقق من أهليتي",
        ForYouNone => "لم نجد مساعدة لك حتى الآن",
        ForYouOne => "مساعدة واحدة لك",
        ForYouOther => "عدد المساعدات المناسبة لك: {n}",
        ForYouHelp => "حسب إجاباتك، الأكثر فائدة أولًا. الجهة التي تمنح المساعدة هي وحدها التي تقرر.",
        MoreToCheck => "مساعدات أخرى قد تناسبك",
        ServicesTitle => "مفتوح للجميع، بدون شروط",
        ServicesHelp => "هذه الخدمات تستقبل الجميع: يمكنك الذهاب متى شئت.",
        VerdictEligible => "يمكنك طلبها.",
        VerdictToConfirm => "يمكنك طلبها، والجهة المعنية ستؤكد ذلك.",
        VerdictUndetermined => "ربما: تحقق من ذلك مع مركز العمل الاجتماعي (CCAS).",
        MoreAbout => "الشروط والوثائق ومكان التوجه",
        MeetCount => "الشروط المستوفاة: {a} من {b}",
        NotNeeded => "غير ضروري",
        NextStep => "الخطوة التالية",
        AskWhom => "لمعرفة المواعيد والوثائق، اسأل: {n}",
        NextStepsTitle => "ماذا بعد؟",
        NextStepsIntro => "للحصول على مساعدة في طلباتك، أو إذا لم يناسبك شيء:",
        HelpNumbers => "أرقام المساعدة، مجانية",
        EstimatedToConfirm => "مبلغ تقديري، يحتاج إلى تأكيد",
        WebsiteOf => "الموقع الإلكتروني ({n})",
        AnnounceOne => "النتائج: مساعدة واحدة لك.",
        AnnounceOther => "النتائج: عدد المساعدات المناسبة لك: {n}.",
        PreferNotToAnswer => "أفضّل عدم الإجابة",
        PanicTitle => "عذرًا، حدث خطأ.",
        PanicText => "توقفت الصفحة. لم تُرسل إجاباتك ولم تُحفظ، وقد مُحيت. يمكنك البدء من جديد.",
        PanicAgain => "البدء من جديد",
        Listen => "استمع",
        ToReview => "ترجمة لم يراجعها بعد شخص لغته الأم هي هذه اللغة.",
        ShowFrench => "عرض النص بالفرنسية",
        HandoverTitle => "إعطاء إجاباتي للمركز البلدي للعمل الاجتماعي (CCAS)",
        HandoverConsent => {
            "يحتوي الرمز على إجاباتك ونتيجة كل مساعدة وإصدار القواعد والتاريخ. لا يستطيع قراءته إلا المركز البلدي للعمل الاجتماعي بمفتاحه. لا يُرسَل أي شيء: يظهر الرمز هنا، وتعرضه أو تطبعه لموعدك."
        }
        HandoverAgree => "أوافق: إنشاء الرمز",
        HandoverTextForm => "إذا لم تتمكن الكاميرا من قراءة الرمز، يمكن للموظف كتابة هذا النص:",
        HandoverFailed => "تعذّر إنشاء الرمز. لم يُرسَل أي شيء. يمكنك المحاولة مرة أخرى.",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // `UI_STRAYS`: problems build.rs found in i18n/ (a name that is no key, a file that does not parse).
    include!(concat!(env!("OUT_DIR"), "/ui_strays.rs"));

    /// Fails when any interface key lacks a text in any language (the fallback would hide it).
    #[test]
    fn every_key_is_translated() {
        let mut missing = Vec::new();
        for lang in [Lang::Fr, Lang::En, Lang::Ar] {
            for &key in Key::ALL {
                if lang.lookup(key).is_none_or(|t| t.trim().is_empty()) {
                    missing.push(format!("{key:?} in {}", lang.code()));
                }
                // Arabic is never French left untranslated.
                if lang == Lang::Ar && lang.lookup(key) == fr(key) {
                    missing.push(format!("{key:?} in ar (the French text)"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing interface translations: {missing:?}"
        );
    }

    /// Placeholders must be the same in every language, or a value would vanish from a sentence.
    #[test]
    fn placeholders_match_french() {
        let holes = |text: &str| {
            let mut found: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next())
                .map(String::from)
                .collect();
            found.sort();
            found
        };
        for &key in Key::ALL {
            let reference = holes(Lang::Fr.t(key));
            for lang in [Lang::En, Lang::Ar] {
                // Plural forms for 1 and 2 may spell the number out.
                if matches!(key, Key::LeftOne | Key::LeftTwo | Key::LeftNone) {
                    continue;
                }
                assert_eq!(holes(lang.t(key)), reference, "{key:?} in {}", lang.code());
            }
        }
    }

    /// Every language fetched on demand has its `i18n/<code>.toml`, complete: every interface key, with the
    /// French text's placeholders; no stray name (the engine's sentences the cards show come with the pack:
    /// `eligo_engine::sentences::tests::every_language_has_the_messages_a_pack_carries`). The failure
    /// lists each missing key by language: after a merge that added keys, this is the list to translate
    /// (`cargo test -p eligo --lib i18n::tests::every_language_is_complete`).
    #[test]
    fn every_language_is_complete() {
        let entries = Key::ALL.len();
        let mut problems: Vec<String> = UI_STRAYS.iter().map(|s| s.to_string()).collect();
        for lang in Lang::ALL.into_iter().filter(|l| l.on_demand()) {
            let Some((_, file)) = crate::store::UI_TEXTS
                .iter()
                .find(|(c, _)| *c == lang.code())
            else {
                problems.push(format!("i18n/{}.toml: no such file", lang.code()));
                continue;
            };
            let table = parse_texts(file, entries).unwrap();
            let mut missing = Vec::new();
            for &key in Key::ALL {
                let text = &table[key as usize];
                if text.trim().is_empty() {
                    missing.push(format!("{key:?}"));
                } else if !matches!(key, Key::LeftOne | Key::LeftTwo | Key::LeftNone)
                    && holes(text) != holes(Lang::Fr.t(key))
                {
                    problems.push(format!(
                        "i18n/{}.toml: {key:?} must keep the placeholders {:?} of the French text",
                        lang.code(),
                        holes(Lang::Fr.t(key))
                    ));
                }
            }
            if !missing.is_empty() {
                problems.push(format!(
                    "i18n/{}.toml: {} missing: {}",
                    lang.code(),
                    missing.len(),
                    missing.join(", ")
                ));
            }
        }
        for (code, _) in crate::store::UI_TEXTS {
            if Lang::from_code(code).is_none_or(|l| !l.on_demand()) {
                problems.push(format!(
                    "i18n/{code}.toml: not a language of Lang::ALL fetched on demand"
                ));
            }
        }
        assert!(
            problems.is_empty(),
            "interface translations to complete:\n{}",
            problems.join("\n")
        );
    }

    fn holes(text: &str) -> Vec<String> {
        let mut found: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|s| s.split('}').next())
            .map(String::from)
            .collect();
        found.sort();
        found
    }

    /// A fetched file becomes the language's texts; escapes are read back; a file of another build is refused.
    #[test]
    fn fetched_texts_are_read_and_checked() {
        let entries = Key::ALL.len();
        let mut file = String::from("eligo-ui 1\n");
        for i in 0..entries {
            file.push_str(&format!("t{i} a\\\\b\\nc\n"));
        }
        let table = parse_texts(&file, entries).unwrap();
        assert_eq!(table[0], "t0 a\\b\nc");
        assert!(parse_texts(&file, entries + 1).is_err());
        assert!(parse_texts("hello", 1).is_err());
        assert!(!Lang::Pt.is_ready() || Lang::Pt.lookup(Key::Yes).is_some());
        assert!(Lang::Fr.is_ready() && !Lang::Fr.on_demand() && Lang::FaAf.on_demand());
        assert_eq!(Lang::FaAf.dir(), "rtl");
    }

    #[test]
    fn browser_languages_and_plurals() {
        assert_eq!(Lang::from_browser("fa-IR"), Lang::FaAf);
        assert_eq!(Lang::from_browser("uk-UA"), Lang::Uk);
        assert_eq!(Lang::from_browser("ar-MA"), Lang::Ar);
        assert_eq!(Lang::from_browser("en_US"), Lang::En);
        assert_eq!(Lang::from_browser("de-DE"), Lang::Fr);
        assert_eq!(Lang::from_browser(""), Lang::Fr);
        assert_eq!(Lang::Fr.questions_left(4), "Encore environ 4 questions");
        assert_eq!(Lang::Ar.questions_left(2), "بقي سؤالان تقريبًا");
        assert_eq!(Lang::Ar.questions_left(5), "بقيت 5 أسئلة تقريبًا");
        assert_eq!(Lang::Ar.questions_left(12), "بقي 12 سؤالًا تقريبًا");
        assert_eq!(Lang::En.fill(Key::Call, &[("n", "3919")]), "Call 3919");
    }
}
