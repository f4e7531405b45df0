//! The engine's own words: each message ([`Msg`]) in French, English and Arabic (every one) and in the languages
//! a pack carries (those the app shows), the month and day names, and [`Words`], one language's set as a pack
//! file carries it. Apart from the sentences made with them (`crate::sentences`), so that a pack can hold its
//! words without depending on the code that reads packs.

/// The engine's words in one language, as a pack file carries them ([`crate::Pack::words`]): the messages
/// a card, a next step or an hours line uses, and the names of months and days.
#[derive(Clone, Debug, PartialEq)]
pub struct Words {
    /// The language code.
    pub lang: String,
    /// Each message by its position in [`Msg::ALL`]; empty for one a pack file does not carry.
    pub texts: Vec<String>,
    /// Month names, January first, in the form a date uses ("1 сентября").
    pub months: Vec<String>,
    /// Day names, Monday first.
    pub days: Vec<String>,
}

impl Words {
    /// Every message in `lang`, from the engine's tables (see [`Msg::get`] for the fallbacks).
    pub fn of(lang: &str) -> Words {
        let i = lang_index(lang);
        Words {
            lang: lang.to_string(),
            texts: Msg::ALL.iter().map(|m| m.get(lang).to_string()).collect(),
            months: MONTH_NAMES[i].iter().map(|m| m.to_string()).collect(),
            days: DAY_NAMES[i].iter().map(|d| d.to_string()).collect(),
        }
    }

    /// The words a pack file carries for `lang`: the messages of [`Msg::IN_PACK`] only (the others serve
    /// `eligo-rules explain`, which has the tables), the month and day names.
    pub fn for_pack(lang: &str) -> Words {
        let mut words = Words::of(lang);
        for (m, text) in Msg::ALL.iter().zip(&mut words.texts) {
            if !Msg::IN_PACK.contains(m) {
                text.clear();
            }
        }
        words
    }

    /// The text of `m` (empty when not carried).
    pub fn get(&self, m: Msg) -> &str {
        self.texts.get(m as usize).map_or("", String::as_str)
    }

    /// The text of `m` with `{n}` replaced by `n`.
    pub fn with(&self, m: Msg, n: &str) -> String {
        self.get(m).replace("{n}", n)
    }

    /// Whether the counts are right (every message, twelve months, seven days): what the pack reader
    /// checks, so that no lookup in the app ever falls short.
    pub(crate) fn complete(&self) -> bool {
        self.texts.len() == Msg::ALL.len() && self.months.len() == 12 && self.days.len() == 7
    }

    /// Whether dates and times take the French forms ("1er", "8 h 30").
    pub(crate) fn french(&self) -> bool {
        self.lang == "fr" || self.lang.starts_with("fr-")
    }
}

/// The words of verdicts and reasons in each language (pack texts come from the pack). Declared in the order
/// of [`Msg::ALL`]: a message's number is its position there ([`Words::texts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Eligible,
    ToConfirm,
    Undetermined,
    NotEligible,
    Ask,
    Experimental,
    OutsideWindow,
    ValueToConfirm,
    UnknownValue,
    DontKnow,
    UnderStudy,
    Closed,
    Once,
    PerMonth,
    PerQuarter,
    PerYear,
    UpTo,
    MonthsAtMost,
    AmountToConfirm,
    AmountAsk,
    AdviceAsk,
    NextQuestion,
    AtMost,
    NoQuestionLeft,
    AmountOrLimitToConfirm,
    NotMet,
    NotNeeded,
    From,
    AtTheLatest,
    WouldQualifyIf,
    WhatIfForStaff,
    YourAnswer,
    YourAnswers,
    Yes,
    No,
    Declined,
    Bring,
    PaperToConfirm,
    NextSteps,
    Call,
    OpenUntil,
    ClosedNextOpening,
    ClosedNoOpening,
    HoursAsk,
    DateForm,
}

impl Msg {
    /// Every message, for the completeness tests.
    pub const ALL: [Msg; 45] = [
        Msg::Eligible,
        Msg::ToConfirm,
        Msg::Undetermined,
        Msg::NotEligible,
        Msg::Ask,
        Msg::Experimental,
        Msg::OutsideWindow,
        Msg::ValueToConfirm,
        Msg::UnknownValue,
        Msg::DontKnow,
        Msg::UnderStudy,
        Msg::Closed,
        Msg::Once,
        Msg::PerMonth,
        Msg::PerQuarter,
        Msg::PerYear,
        Msg::UpTo,
        Msg::MonthsAtMost,
        Msg::AmountToConfirm,
        Msg::AmountAsk,
        Msg::AdviceAsk,
        Msg::NextQuestion,
        Msg::AtMost,
        Msg::NoQuestionLeft,
        Msg::AmountOrLimitToConfirm,
        Msg::NotMet,
        Msg::NotNeeded,
        Msg::From,
        Msg::AtTheLatest,
        Msg::WouldQualifyIf,
        Msg::WhatIfForStaff,
        Msg::YourAnswer,
        Msg::YourAnswers,
        Msg::Yes,
        Msg::No,
        Msg::Declined,
        Msg::Bring,
        Msg::PaperToConfirm,
        Msg::NextSteps,
        Msg::Call,
        Msg::OpenUntil,
        Msg::ClosedNextOpening,
        Msg::ClosedNoOpening,
        Msg::HoursAsk,
        Msg::DateForm,
    ];

    /// The messages the app shows, which a pack file carries in its languages ([`Words::for_pack`]): the
    /// notes and refusals of the cards, papers to confirm, numbers to call, opening hours, dates, and the
    /// "from <date>" and "would qualify if" lines.
    pub const IN_PACK: [Msg; 19] = [
        Msg::Experimental,
        Msg::OutsideWindow,
        Msg::AmountOrLimitToConfirm,
        Msg::UnderStudy,
        Msg::Closed,
        Msg::NotMet,
        Msg::PaperToConfirm,
        Msg::Call,
        Msg::OpenUntil,
        Msg::ClosedNextOpening,
        Msg::ClosedNoOpening,
        Msg::DateForm,
        Msg::From,
        Msg::AtTheLatest,
        Msg::WouldQualifyIf,
        Msg::YourAnswer,
        Msg::YourAnswers,
        Msg::Yes,
        Msg::No,
    ];

    /// The text in `lang`: French, English and Arabic have every message; the languages of [`MORE`] the
    /// messages of [`Msg::IN_PACK`]; otherwise English (easy-read French: French). `{n}` is a number
    /// filled in by [`Msg::with`].
    pub fn get(self, lang: &str) -> &'static str {
        if let Some(i) = MORE.iter().position(|l| *l == lang)
            && let Some(texts) = self.more()
        {
            return texts[i];
        }
        let [fr, en, ar] = self.texts();
        match lang {
            "ar" => ar,
            l if l == "fr" || l.starts_with("fr-") => fr,
            _ => en,
        }
    }

    /// The text in `lang` with `{n}` replaced by `n`.
    pub fn with(self, lang: &str, n: impl std::fmt::Display) -> String {
        self.get(lang).replace("{n}", &n.to_string())
    }

    /// The texts in French, English and Arabic.
    pub fn texts(self) -> [&'static str; 3] {
        match self {
            Msg::Eligible => ["ÉLIGIBLE", "ELIGIBLE", "مؤهَّل: يمكنك طلب هذه المساعدة"],
            Msg::ToConfirm => [
                "ÉLIGIBLE SOUS RÉSERVE (à confirmer par l'organisme)",
                "ELIGIBLE, TO BE CONFIRMED by the institution",
                "مؤهَّل بشرط تأكيد الجهة المعنية",
            ],
            Msg::Undetermined => ["INDÉTERMINÉ", "UNDETERMINED", "غير محدَّد بعد"],
            Msg::NotEligible => ["NON ÉLIGIBLE", "NOT ELIGIBLE", "غير مؤهَّل"],
            Msg::Ask => ["à demander", "ask", "يجب السؤال عن"],
            Msg::Experimental => [
                "Dispositif en test : vérifiez qu'il existe toujours.",
                "Trial scheme: check that it still runs.",
                "برنامج تجريبي: تأكد أنه ما زال قائمًا.",
            ],
            Msg::OutsideWindow => [
                "Les demandes ne sont pas ouvertes en ce moment.",
                "Applications are not open at the moment.",
                "باب الطلبات غير مفتوح في الوقت الحالي.",
            ],
            Msg::ValueToConfirm => [
                "Valeur à confirmer",
                "Value to be confirmed",
                "قيمة تحتاج إلى تأكيد",
            ],
            Msg::UnknownValue => [
                "Valeur inconnue, à vérifier avec le CCAS",
                "Unknown value, check with the CCAS",
                "قيمة غير معروفة، يجب التحقق منها مع مركز العمل الاجتماعي (CCAS)",
            ],
            Msg::DontKnow => [
                "Réponse « je ne sais pas »",
                "Answered \"I don't know\"",
                "الإجابة «لا أعرف»",
            ],
            Msg::UnderStudy => [
                "Cette aide est à l'étude : on ne peut pas encore la demander.",
                "This aid is being studied: you cannot ask for it yet.",
                "هذه المساعدة قيد الدراسة: لا يمكن طلبها بعد.",
            ],
            Msg::Closed => [
                "Cette aide est fermée pour le moment.",
                "This aid is closed for now.",
                "هذه المساعدة مغلقة حاليًا.",
            ],
            Msg::AmountOrLimitToConfirm => [
                "Un montant ou un plafond utilisé ici reste à confirmer par le CCAS.",
                "An amount or a limit used here is still to be confirmed by the CCAS.",
                "مبلغ أو سقف مستعمل هنا ما زال يحتاج إلى تأكيد من مركز العمل الاجتماعي (CCAS).",
            ],
            Msg::NotMet => [
                "D'après vos réponses, cette condition n'est pas remplie :",
                "From your answers, this condition is not met:",
                "حسب إجاباتك، هذا الشرط غير مستوفى:",
            ],
            Msg::Once => ["une fois", "once", "مرة واحدة"],
            Msg::PerMonth => ["par mois", "per month", "في الشهر"],
            Msg::PerQuarter => ["par trimestre", "per quarter", "كل ثلاثة أشهر"],
            Msg::PerYear => ["par an", "per year", "في السنة"],
            Msg::UpTo => ["jusqu'à", "up to", "حتى"],
            Msg::MonthsAtMost => [
                "{n} mois maximum",
                "{n} months at most",
                "المدة القصوى بالأشهر: {n}",
            ],
            Msg::AmountToConfirm => ["à confirmer", "to be confirmed", "يحتاج إلى تأكيد"],
            Msg::AmountAsk => [
                "Montant : à demander",
                "Amount: ask",
                "لحساب المبلغ، يجب السؤال عن",
            ],
            Msg::AdviceAsk => [
                "Conseil : à demander",
                "Advice: ask",
                "لإعطاء نصيحة، يجب السؤال عن",
            ],
            Msg::NextQuestion => ["Question suivante", "Next question", "السؤال التالي"],
            Msg::AtMost => [
                "au plus {n} question(s) restante(s)",
                "at most {n} question(s) left",
                "الأسئلة المتبقية على الأكثر: {n}",
            ],
            Msg::NoQuestionLeft => [
                "Plus aucune question utile.",
                "No useful question left.",
                "لم يبقَ أي سؤال مفيد.",
            ],
            Msg::NotNeeded => ["pas nécessaire", "not needed", "غير ضروري"],
            Msg::From => [
                "Vous pourrez la demander à partir du {n}",
                "You can ask for it from {n}",
                "يمكنك طلبها ابتداءً من {n}",
            ],
            Msg::AtTheLatest => ["au plus tard", "at the latest", "على أبعد تقدير"],
            Msg::WouldQualifyIf => [
                "Vous y auriez droit en répondant « {a} » à la question « {q} »",
                "You would qualify if you answered “{a}” to “{q}”",
                "ستكون مؤهَّلًا إذا أجبت «{a}» عن السؤال «{q}»",
            ],
            Msg::WhatIfForStaff => [
                "(pour l'agent : l'application ne montre pas ce changement, la ligne du critère donne déjà la limite)",
                "(for staff: the app does not show this change; the criterion line already gives the limit)",
                "(للموظف: لا يعرض التطبيق هذا التغيير، فسطر المعيار يذكر الحد)",
            ],
            Msg::YourAnswer => ["votre réponse : {n}", "your answer: {n}", "إجابتك: {n}"],
            Msg::YourAnswers => ["vos réponses : {n}", "your answers: {n}", "إجاباتك: {n}"],
            Msg::Yes => ["oui", "yes", "نعم"],
            Msg::No => ["non", "no", "لا"],
            Msg::Declined => [
                "Réponse « je préfère ne pas répondre »",
                "Answered \"I prefer not to answer\"",
                "الإجابة «أفضّل عدم الإجابة»",
            ],
            Msg::Bring => ["À apporter", "To bring", "ما يجب إحضاره"],
            Msg::PaperToConfirm => [
                "à confirmer par le CCAS",
                "to be confirmed by the CCAS",
                "يحتاج إلى تأكيد من مركز العمل الاجتماعي (CCAS)",
            ],
            Msg::NextSteps => ["Et maintenant", "What to do next", "ماذا تفعل الآن"],
            Msg::Call => ["Appelez le {n}", "Call {n}", "اتصل بالرقم {n}"],
            Msg::OpenUntil => [
                "Ouvert maintenant, jusqu'à {n}",
                "Open now, until {n}",
                "مفتوح الآن، حتى {n}",
            ],
            Msg::ClosedNextOpening => [
                "Fermé maintenant. Prochaine ouverture : {n}",
                "Closed now. Opens next: {n}",
                "مغلق الآن. يفتح من جديد: {n}",
            ],
            Msg::ClosedNoOpening => ["Fermé maintenant.", "Closed now.", "مغلق الآن."],
            Msg::HoursAsk => [
                "Horaires non publiés : demandez-les au",
                "Hours not published: ask",
                "المواعيد غير منشورة: اسأل",
            ],
            Msg::DateForm => ["{d} {m} {y}", "{d} {m} {y}", "{d} {m} {y}"],
        }
    }

    /// The messages of [`Msg::IN_PACK`] in the languages of [`MORE`], in its order (translated from the
    /// French, meaning first; to be reviewed by native speakers, as `i18n/<code>.toml` says of each).
    fn more(self) -> Option<[&'static str; 6]> {
        Some(match self {
            Msg::Experimental => [
                "Deneme aşamasında bir uygulama: hâlâ devam ettiğini kontrol edin.",
                "Medida em teste: verifique se ainda existe.",
                "Програма в тестуванні: перевірте, чи вона ще діє.",
                "Программа в стадии испытания: проверьте, действует ли она ещё.",
                "برنامهٔ آزمایشی: بررسی کنید که هنوز جریان دارد.",
                "Cette aide est un essai. Demandez si elle existe encore.",
            ],
            Msg::OutsideWindow => [
                "Başvurular şu anda açık değil.",
                "Os pedidos não estão abertos neste momento.",
                "Заяви зараз не приймаються.",
                "Заявления сейчас не принимаются.",
                "فعلاً درخواست‌ها پذیرفته نمی‌شود.",
                "On ne peut pas demander cette aide en ce moment.",
            ],
            Msg::AmountOrLimitToConfirm => [
                "Burada kullanılan bir tutarı veya sınırı CCAS henüz onaylamadı.",
                "Um valor ou um limite usado aqui ainda tem de ser confirmado pelo CCAS.",
                "Сума або межа, використана тут, ще має бути підтверджена CCAS.",
                "Сумма или предел, используемые здесь, ещё должны быть подтверждены CCAS.",
                "یک مبلغ یا سقف که اینجا استفاده شده هنوز باید توسط CCAS تأیید شود.",
                "Le CCAS doit encore dire un montant.",
            ],
            Msg::UnderStudy => [
                "Bu yardım inceleniyor: henüz istenemez.",
                "Este apoio está em estudo: ainda não se pode pedir.",
                "Ця допомога ще на розгляді: її поки не можна попросити.",
                "Эта помощь ещё изучается: её пока нельзя попросить.",
                "این کمک در حال بررسی است: هنوز نمی‌شود آن را درخواست کرد.",
                "Cette aide n'existe pas encore. On ne peut pas la demander.",
            ],
            Msg::Closed => [
                "Bu yardım şimdilik kapalı.",
                "Este apoio está fechado por agora.",
                "Ця допомога наразі закрита.",
                "Эта помощь сейчас закрыта.",
                "این کمک فعلاً بسته است.",
                "Cette aide est fermée en ce moment.",
            ],
            Msg::NotMet => [
                "Cevaplarınıza göre bu koşul karşılanmıyor:",
                "Segundo as suas respostas, esta condição não está cumprida:",
                "За вашими відповідями, ця умова не виконується:",
                "По вашим ответам, это условие не выполнено:",
                "طبق جواب‌های شما، این شرط پوره نیست:",
                "Avec vos réponses, il manque cette condition :",
            ],
            Msg::PaperToConfirm => [
                "CCAS tarafından onaylanacak",
                "a confirmar pelo CCAS",
                "має підтвердити CCAS",
                "должен подтвердить CCAS",
                "باید توسط CCAS تأیید شود",
                "le CCAS doit le dire",
            ],
            Msg::Call => [
                "{n} numarasını arayın",
                "Ligue para o {n}",
                "Зателефонуйте на {n}",
                "Позвоните по номеру {n}",
                "به {n} زنگ بزنید",
                "Appelez le {n}",
            ],
            Msg::OpenUntil => [
                "Şu anda açık, {n} saatine kadar",
                "Aberto agora, até {n}",
                "Зараз відчинено, до {n}",
                "Сейчас открыто, до {n}",
                "اکنون باز است، تا {n}",
                "C'est ouvert maintenant. Jusqu'à {n}.",
            ],
            Msg::ClosedNextOpening => [
                "Şu anda kapalı. Bir sonraki açılış: {n}",
                "Fechado agora. Próxima abertura: {n}",
                "Зараз зачинено. Наступне відкриття: {n}",
                "Сейчас закрыто. Следующее открытие: {n}",
                "اکنون بسته است. باز شدن بعدی: {n}",
                "C'est fermé maintenant. Ça ouvre : {n}.",
            ],
            Msg::ClosedNoOpening => [
                "Şu anda kapalı.",
                "Fechado agora.",
                "Зараз зачинено.",
                "Сейчас закрыто.",
                "اکنون بسته است.",
                "C'est fermé maintenant.",
            ],
            Msg::DateForm => [
                "{d} {m} {y}",
                "{d} de {m} de {y}",
                "{d} {m} {y}",
                "{d} {m} {y}",
                "{d} {m} {y}",
                "{d} {m} {y}",
            ],
            Msg::From => [
                "{n} tarihinden itibaren isteyebilirsiniz",
                "Pode pedi-lo a partir de {n}",
                "Ви зможете попросити її з {n}",
                "Вы сможете запросить её с {n}",
                "از {n} می‌توانید آن را درخواست کنید",
                "Vous pourrez demander cette aide à partir du {n}",
            ],
            Msg::AtTheLatest => [
                "en geç",
                "o mais tardar",
                "щонайпізніше",
                "самое позднее",
                "حداکثر",
                "au plus tard",
            ],
            Msg::WouldQualifyIf => [
                "“{q}” sorusuna “{a}” cevabını verseydiniz bu yardımı alabilirdiniz",
                "Teria direito se respondesse “{a}” à pergunta “{q}”",
                "Ви мали б право, якби відповіли «{a}» на запитання «{q}»",
                "Вы имели бы право, если бы ответили «{a}» на вопрос «{q}»",
                "اگر به سؤال «{q}» جواب «{a}» می‌دادید، واجد شرایط می‌بودید",
                "Vous pourriez avoir cette aide si vous répondiez « {a} » à la question « {q} »",
            ],
            Msg::YourAnswer => [
                "cevabınız: {n}",
                "a sua resposta: {n}",
                "ваша відповідь: {n}",
                "ваш ответ: {n}",
                "جواب شما: {n}",
                "votre réponse : {n}",
            ],
            Msg::YourAnswers => [
                "cevaplarınız: {n}",
                "as suas respostas: {n}",
                "ваші відповіді: {n}",
                "ваши ответы: {n}",
                "جواب‌های شما: {n}",
                "vos réponses : {n}",
            ],
            Msg::Yes => ["evet", "sim", "так", "да", "بلی", "oui"],
            Msg::No => ["hayır", "não", "ні", "нет", "نخیر", "non"],
            _ => return None,
        })
    }
}

/// The languages with the messages of [`Msg::IN_PACK`] beside French, English and Arabic ([`Msg::more`]'s
/// order).
const MORE: [&str; 6] = ["tr", "pt", "uk", "ru", "fa-AF", "fr-x-falc"];

/// The languages of the month and day names, in the order of [`MONTH_NAMES`] and [`DAY_NAMES`].
const NAMES_LANGS: [&str; 8] = ["fr", "en", "ar", "tr", "pt", "uk", "ru", "fa-AF"];

/// Month names, January first, in the form a date uses (Ukrainian and Russian: the genitive).
const MONTH_NAMES: [[&str; 12]; 8] = [
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    [
        "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
        "Kasım", "Aralık",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    [
        "جنوری",
        "فبروری",
        "مارچ",
        "اپریل",
        "می",
        "جون",
        "جولای",
        "اگست",
        "سپتمبر",
        "اکتوبر",
        "نومبر",
        "دسمبر",
    ],
];

/// Day names, Monday first.
const DAY_NAMES: [[&str; 7]; 8] = [
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    [
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
    ],
    [
        "Pazartesi",
        "Salı",
        "Çarşamba",
        "Perşembe",
        "Cuma",
        "Cumartesi",
        "Pazar",
    ],
    [
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ],
    [
        "понеділок",
        "вівторок",
        "середа",
        "четвер",
        "пʼятниця",
        "субота",
        "неділя",
    ],
    [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ],
    [
        "دوشنبه",
        "سه‌شنبه",
        "چهارشنبه",
        "پنجشنبه",
        "جمعه",
        "شنبه",
        "یکشنبه",
    ],
];

/// The row of `lang` in the name tables: English for a language without names, French for easy-read French.
fn lang_index(lang: &str) -> usize {
    match NAMES_LANGS.iter().position(|l| *l == lang) {
        Some(i) => i,
        None if lang.starts_with("fr-") => 0,
        None => 1,
    }
}
