//! Verdicts and reasons as sentences: the one place that words them, for `eligo-rules explain` (a CCAS agent
//! reading a resident's case, see [`explanation`]) and for the app's aid cards alike ([`confirm_notes`],
//! [`refusal`], [`document_line`], [`next_step_line`], [`hours_line`], [`from_line`], [`what_if_line`]), so
//! the two cannot drift apart. Pack texts (aid names, criteria, parameters) come from the pack.
//!
//! The tables of every language ([`Msg::get`], month and day names) stay native: each function takes the
//! [`Words`] of one language. `eligo-rules build` writes into each pack file the words of the languages it
//! holds ([`Words::of`], only the messages the app shows: [`Msg::IN_PACK`]), and the app words its cards
//! with the pack's ([`crate::Pack::words_in`]); its wasm carries no sentence table of its own. French,
//! English and Arabic have every message; Turkish, Portuguese, Ukrainian, Russian, Dari and easy-read French
//! have those a pack carries (translated from the French, to be reviewed by native speakers, like the
//! interface texts in `i18n/`), the others falling back to English (easy-read French: to French).

use crate::pack::{Aid, Pack};
use crate::report::{AidReport, ConfirmReason, RefusalReason, Verdict};
use crate::schema::{AidStatus, AmountKind, Period, Unit};
use crate::{Answer, Answers, CriterionStatus, Date, Decimal, FromDate, WhatIf, evaluate, outlook};

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
    fn french(&self) -> bool {
        self.lang == "fr" || self.lang.starts_with("fr-")
    }
}

/// The notes of an aid to confirm, in the language of `words`: a trial scheme, applications closed for now,
/// a value still to be confirmed (once, and only when no amount says it).
pub fn confirm_notes<'w>(report: &AidReport, words: &'w Words) -> Vec<&'w str> {
    let mut notes = Vec::new();
    if let Verdict::ToConfirm { reasons } = &report.verdict {
        for reason in reasons {
            let note = match reason {
                ConfirmReason::Experimental => Msg::Experimental,
                ConfirmReason::OutsideWindow => Msg::OutsideWindow,
                // With an amount, the amount line says it; otherwise a threshold is concerned.
                ConfirmReason::ParameterToConfirm(_) if report.amount.is_none() => {
                    Msg::AmountOrLimitToConfirm
                }
                ConfirmReason::ParameterToConfirm(_) | ConfirmReason::Checks => continue,
            };
            if !notes.contains(&words.get(note)) {
                notes.push(words.get(note));
            }
        }
    }
    notes
}

/// Why `aid` is refused, as one sentence in the language of `words`.
pub fn refusal(aid: &Aid, reason: &RefusalReason, words: &Words) -> String {
    match reason {
        RefusalReason::Status(AidStatus::UnderStudy) => words.get(Msg::UnderStudy).to_string(),
        // Only these two refuse by status.
        RefusalReason::Status(_) => words.get(Msg::Closed).to_string(),
        RefusalReason::Criterion(i) => format!(
            "{} {}",
            words.get(Msg::NotMet),
            aid.criteria
                .get(*i)
                .map_or("", |c| c.label.get(&words.lang))
        ),
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

/// The heading of a verdict.
pub fn verdict_msg(verdict: &Verdict) -> Msg {
    match verdict {
        Verdict::Eligible => Msg::Eligible,
        Verdict::ToConfirm { .. } => Msg::ToConfirm,
        Verdict::Undetermined { .. } => Msg::Undetermined,
        Verdict::NotEligible { .. } => Msg::NotEligible,
    }
}

/// A number as the language of `words` writes it ([`crate::numbers`]).
fn number(value: Decimal, words: &Words) -> String {
    crate::numbers::number(&words.lang, &value.to_string())
}

/// An amount in euros as the language of `words` writes it ([`crate::numbers`]).
fn money(value: Decimal, words: &Words) -> String {
    crate::numbers::money(&words.lang, &value.to_string())
}

/// The label of option `option` of question `question` in `lang` (the id when unknown).
fn option_label(pack: &Pack, question: &str, option: &str, lang: &str) -> String {
    pack.question(question)
        .and_then(|q| q.options.iter().find(|o| o.id == option))
        .map_or(option.to_string(), |o| o.label.get(lang).to_string())
}

/// An answer in words, in the language of `words` (what a what-if proposes).
pub fn answer_words(pack: &Pack, question: &str, answer: &Answer, words: &Words) -> String {
    let lang = words.lang.as_str();
    match answer {
        Answer::YesNo(b) => words.get(if *b { Msg::Yes } else { Msg::No }).to_string(),
        // An amount always shows its "€", also when the pack asks it as a number with a euro unit.
        Answer::Number(n) => match pack.question(question).map(|q| (q.kind, q.unit)) {
            Some((crate::schema::QuestionKind::Money, _))
            | Some((_, Some(Unit::Eur | Unit::EurMonth | Unit::EurYear | Unit::EurDay))) => {
                money(*n, words)
            }
            _ => number(*n, words),
        },
        Answer::OneOf(o) => option_label(pack, question, o, lang),
        Answer::SeveralOf(os) => os
            .iter()
            .map(|o| option_label(pack, question, o, lang))
            .collect::<Vec<_>>()
            .join(comma(lang)),
        Answer::Date(d) => date_words(*d, words),
        Answer::DontKnow | Answer::Declined => String::new(),
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// ", " between two parts of a line; "، " in the languages written in Arabic script.
pub fn comma(lang: &str) -> &'static str {
    match lang {
        "ar" | "fa-AF" => "، ",
        _ => ", ",
    }
}

/// A criterion with the resident's own answers to the questions it reads
/// ([`crate::criteria::criteria_answers`]): "Avoir moins de 27 ans — votre réponse : 20".
pub fn criterion_line(pack: &Pack, label: &str, read: &[(&str, &Answer)], words: &Words) -> String {
    let said: Vec<String> = read
        .iter()
        .map(|(q, a)| answer_words(pack, q, a, words))
        .filter(|a| !a.is_empty())
        .collect();
    if said.is_empty() {
        return label.to_string();
    }
    let m = if said.len() == 1 {
        Msg::YourAnswer
    } else {
        Msg::YourAnswers
    };
    let said = said.join(comma(&words.lang));
    format!("{} — {}", label.trim_end_matches('.'), words.with(m, &said))
}

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

/// A date in words: "1er septembre 2027", "1 September 2027", "1 de setembro de 2027".
pub fn date_words(date: Date, words: &Words) -> String {
    let month = words
        .months
        .get((date.month() as usize).saturating_sub(1))
        .map_or("", String::as_str);
    let day = match (words.french(), date.day()) {
        (true, 1) => "1er".to_string(),
        (_, d) => d.to_string(),
    };
    words
        .get(Msg::DateForm)
        .replace("{d}", &day)
        .replace("{m}", month)
        .replace("{y}", &date.year().to_string())
}

/// A time of day: "8 h 30" in French, "08:30" otherwise.
pub fn time_words(minute: u16, words: &Words) -> String {
    let (h, m) = (minute / 60 % 24, minute % 60);
    match (words.french(), m) {
        (true, 0) => format!("{h} h"),
        (true, _) => format!("{h} h {m:02}"),
        _ => format!("{h:02}:{m:02}"),
    }
}

/// "Open now, until 12:00" / "Closed now. Opens next: Monday 30 November 2026, 08:30": what a place's
/// opening hours say at a moment (`today`: the day the status was asked for).
pub fn hours_line(status: &crate::HoursStatus, today: Date, words: &Words) -> String {
    match *status {
        crate::HoursStatus::Open { until_date, until } => {
            let mut when = time_words(until, words);
            if until_date != today {
                when = format!("{} {when}", date_words(until_date, words));
            }
            words.with(Msg::OpenUntil, &when)
        }
        crate::HoursStatus::Closed {
            next: Some((date, minute)),
        } => {
            let day = words
                .days
                .get(usize::from(crate::opening_hours::weekday(date)))
                .map_or("", String::as_str);
            let when = format!(
                "{day} {}, {}",
                date_words(date, words),
                time_words(minute, words)
            );
            words.with(Msg::ClosedNextOpening, &when)
        }
        crate::HoursStatus::Closed { next: None } => words.get(Msg::ClosedNoOpening).to_string(),
    }
}

/// "You can ask for it from <date> (at the latest)": when a time-bound criterion will be met.
pub fn from_line(from: &FromDate, words: &Words) -> String {
    let mut line = words.with(Msg::From, &date_words(from.date, words));
    if from.at_the_latest {
        line.push_str(&format!(" ({})", words.get(Msg::AtTheLatest)));
    }
    line
}

/// "You would qualify if you answered “yes” to “<question>”": one answer change that opens the aid.
pub fn what_if_line(pack: &Pack, what_if: &WhatIf, words: &Words) -> String {
    let question = pack
        .question(&what_if.question)
        .map_or(what_if.question.as_str(), |q| q.label.get(&words.lang));
    let answer = answer_words(pack, &what_if.question, &what_if.answer, words);
    fill(
        words.get(Msg::WouldQualifyIf),
        &[("a", &answer), ("q", question)],
    )
}

/// One paper to bring in words: "Votre avis d'impôt — sur impots.gouv.fr (CCAS de Chenôve), à confirmer
/// par le CCAS".
pub fn document_line(pack: &Pack, document: &crate::guide::Document, words: &Words) -> String {
    let lang = words.lang.as_str();
    let mut line = document.paper.get(lang).to_string();
    let place = document
        .place
        .as_deref()
        .and_then(|p| pack.place(p))
        .map(|p| p.name.get(lang));
    // A sentence's own full stop would stand before the place or the note.
    let bare = |t: &str| t.trim_end_matches('.').to_string();
    match (&document.where_to_get, place) {
        (Some(w), Some(p)) => line.push_str(&format!(" — {} ({p})", bare(w.get(lang)))),
        (Some(w), None) => line.push_str(&format!(" — {}", bare(w.get(lang)))),
        (None, Some(p)) => line.push_str(&format!(" — {p}")),
        (None, None) => {}
    }
    if document.to_confirm {
        line.push_str(&format!(" ({})", words.get(Msg::PaperToConfirm)));
    }
    line
}

/// One next step in words, with its place (name and phone) or its number.
pub fn next_step_line(pack: &Pack, step: &crate::guide::NextStep, words: &Words) -> String {
    let lang = words.lang.as_str();
    let mut line = step.text.get(lang).to_string();
    if let Some(place) = step.place.as_deref().and_then(|p| pack.place(p)) {
        line.push_str(&format!(" — {}", place.name.get(lang)));
        if let Some(phone) = &place.phone {
            line.push_str(&format!("{}{phone}", comma(lang)));
        }
    }
    if let Some(number) = &step.number {
        line.push_str(&format!(" ({})", words.with(Msg::Call, number)));
    }
    line
}

/// The plain-text explanation of every aid (for a CCAS agent reading a resident's case), every
/// line in `lang`: the checker's words from [`Msg`], the pack's texts in that language.
pub fn explanation(pack: &Pack, answers: &Answers, date: Date, lang: &str) -> String {
    use std::fmt::Write;
    let words = &Words::of(lang);
    let report = evaluate(pack, answers, date);
    let outlook = outlook(pack, answers, date, &report);
    let question_label = |id: &str| {
        pack.question(id)
            .map_or(id.to_string(), |q| q.label.get(lang).to_string())
    };
    let questions = |ids: &[String]| -> String {
        ids.iter()
            .map(|q| question_label(q))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {date}\n",
        pack.territory.name.get(lang),
        pack.id
    );
    for ((aid, r), o) in pack.aids.iter().zip(&report.aids).zip(&outlook) {
        let _ = writeln!(out, "== {} [{}]", aid.name.get(lang), aid.id);
        let _ = writeln!(out, "   {}", verdict_msg(&r.verdict).get(lang));
        for (c, detail) in r.criteria.iter().zip(&o.criteria) {
            let mark = match detail.status {
                CriterionStatus::Met => "[x]",
                CriterionStatus::NotMet => "[ ]",
                CriterionStatus::NotKnown => "[?]",
                CriterionStatus::NotNeeded => "[-]",
            };
            let read: Vec<(&str, &Answer)> = (detail.answers.iter())
                .filter(|a| a.asked)
                .filter_map(|a| Some((a.question.as_str(), a.answer.as_ref()?)))
                .collect();
            let _ = write!(
                out,
                "   {mark} {}",
                criterion_line(pack, c.label.get(lang), &read, words)
            );
            if detail.status == CriterionStatus::NotNeeded {
                let _ = write!(out, " ({})", Msg::NotNeeded.get(lang));
            } else if !c.missing.is_empty() {
                let _ = write!(out, "  ({}: {})", Msg::Ask.get(lang), questions(&c.missing));
            }
            out.push('\n');
        }
        match &r.verdict {
            Verdict::ToConfirm { reasons } => {
                for note in confirm_notes(r, words) {
                    let _ = writeln!(out, "   ! {note}");
                }
                for reason in reasons {
                    let line = match reason {
                        ConfirmReason::Checks => aid
                            .checks
                            .iter()
                            .map(|c| c.get(lang))
                            .collect::<Vec<_>>()
                            .join(" "),
                        ConfirmReason::ParameterToConfirm(p) => {
                            let label = pack.parameter(p).map_or(p.as_str(), |x| x.label.get(lang));
                            format!("{}: {label}", Msg::ValueToConfirm.get(lang))
                        }
                        // Said by the notes above.
                        ConfirmReason::Experimental | ConfirmReason::OutsideWindow => continue,
                    };
                    let _ = writeln!(out, "   ! {line}");
                }
            }
            Verdict::Undetermined {
                unsettled,
                dont_know,
                ..
            } => {
                for p in unsettled {
                    let label = pack.parameter(p).map_or(p.as_str(), |x| x.label.get(lang));
                    let _ = writeln!(out, "   ! {}: {label}", Msg::UnknownValue.get(lang));
                }
                for q in dont_know {
                    let said = match answers.get(q) {
                        Some(Answer::Declined) => Msg::Declined,
                        _ => Msg::DontKnow,
                    };
                    let _ = writeln!(out, "   ! {}: {}", said.get(lang), question_label(q));
                }
            }
            Verdict::NotEligible { reasons } => {
                for reason in reasons {
                    let _ = writeln!(out, "   ! {}", refusal(aid, reason, words));
                }
            }
            Verdict::Eligible => {}
        }
        if let Some(amount) = &r.amount {
            let period = match amount.period {
                Period::Once => Msg::Once,
                Period::Month => Msg::PerMonth,
                Period::Quarter => Msg::PerQuarter,
                Period::Year => Msg::PerYear,
            };
            let up_to = match amount.kind {
                AmountKind::UpTo => format!("{} ", Msg::UpTo.get(lang)),
                AmountKind::Exact => String::new(),
            };
            let _ = write!(
                out,
                "   = {up_to}{} {}",
                money(amount.value, words),
                period.get(lang)
            );
            if let Some(m) = amount.max_months {
                let _ = write!(out, ", {}", Msg::MonthsAtMost.with(lang, m));
            }
            if amount.to_confirm {
                let _ = write!(out, " ({})", Msg::AmountToConfirm.get(lang));
            }
            out.push('\n');
        }
        if !r.amount_missing.is_empty() {
            let _ = writeln!(
                out,
                "   = {}: {}",
                Msg::AmountAsk.get(lang),
                questions(&r.amount_missing)
            );
        }
        if let Some(from) = &o.from {
            let _ = writeln!(out, "   -> {}", from_line(from, words));
        }
        for w in &o.would_qualify_if {
            let line = what_if_line(pack, w, words);
            match w.for_residents(pack) {
                true => writeln!(out, "   -> {line}"),
                false => writeln!(out, "   -> {line} {}", Msg::WhatIfForStaff.get(lang)),
            }
            .ok();
        }
        for advice in &r.advice {
            let _ = writeln!(out, "   > {}", advice.get(lang));
        }
        if !r.advice_missing.is_empty() {
            let _ = writeln!(
                out,
                "   > {}: {}",
                Msg::AdviceAsk.get(lang),
                questions(&r.advice_missing)
            );
        }
        if matches!(r.verdict, Verdict::Eligible | Verdict::ToConfirm { .. }) {
            for d in &aid.documents {
                let _ = writeln!(
                    out,
                    "   # {}: {}",
                    Msg::Bring.get(lang),
                    document_line(pack, d, words)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}:", Msg::NextSteps.get(lang));
    for step in crate::guide::next_steps(pack, answers, date, &report) {
        let _ = writeln!(out, "   * {}", next_step_line(pack, step, words));
    }
    out.push('\n');
    match &report.next_question {
        Some(q) => {
            let _ = writeln!(
                out,
                "{}: {} ({})",
                Msg::NextQuestion.get(lang),
                question_label(q),
                Msg::AtMost.with(lang, report.questions_left)
            );
        }
        None => {
            let _ = writeln!(out, "{}", Msg::NoQuestionLeft.get(lang));
        }
    }
    out
}
