//! Interface texts of the kiosk, take-away, embedding and city-pack pieces, in French (reference), English and
//! Arabic. Kept beside the main tables ([`crate::i18n`]) so those pieces stay self-contained; the same rule
//! holds: every text exists in every language (see the test).

use crate::i18n::Lang;

macro_rules! texts {
    ($($key:ident => ($fr:expr, $en:expr, $ar:expr)),* $(,)?) => {
        /// A text of the kiosk, take-away and embedding pieces.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($key),* }
        impl T {
            /// Every text, for the completeness test.
            pub const ALL: &'static [T] = &[$(T::$key),*];
            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Fr) => $fr, (T::$key, Lang::En) => $en, (T::$key, Lang::Ar) => $ar,)*
                }
            }
        }
    };
}

texts! {
    KioskLabel => ("Borne en libre service", "Self-service kiosk", "جهاز الخدمة الذاتية"),
    Finish => ("Terminer et tout effacer", "Finish and clear everything", "إنهاء ومسح كل شيء"),
    StillThereTitle => ("Êtes-vous toujours là ?", "Are you still there?", "هل ما زلت هنا؟"),
    StillThereText => (
        "Pour protéger vos réponses, tout sera effacé dans {n} secondes.",
        "To protect your answers, everything will be cleared in {n} seconds.",
        "لحماية إجاباتك، سيتم مسح كل شيء خلال {n} ثانية."
    ),
    StillHere => ("Je suis toujours là", "I'm still here", "ما زلت هنا"),
    Loading => ("Chargement…", "Loading…", "جارٍ التحميل…"),
    LoadFailed => (
        "Les règles de ce territoire n'ont pas pu être chargées. Vérifiez votre connexion à Internet, puis réessayez.",
        "The rules of this area could not be loaded. Check your Internet connection, then try again.",
        "تعذّر تحميل قواعد هذه المنطقة. تحقّق من اتصالك بالإنترنت، ثم أعد المحاولة."
    ),
    Retry => ("Réessayer", "Try again", "إعادة المحاولة"),
    PackProblemTitle => (
        "Note pour le webmestre : les règles de la ville n'ont pas pu être utilisées",
        "Note for the webmaster: the city's rules could not be used",
        "ملاحظة لمسؤول الموقع: تعذّر استخدام قواعد المدينة"
    ),
    PackProblemFallback => (
        "Les règles intégrées à l'outil sont utilisées à la place. Détails :",
        "The rules built into the tool are used instead. Details:",
        "تُستخدم القواعد المدمجة في الأداة بدلاً منها. التفاصيل:"
    ),
    ConfigProblemTitle => (
        "Note pour le webmestre : réglages ignorés",
        "Note for the webmaster: settings ignored",
        "ملاحظة لمسؤول الموقع: إعدادات تم تجاهلها"
    ),
    TakeAwayTitle => ("Emporter ce résumé", "Take this summary with you", "خذ هذا الملخص معك"),
    TakeAwayIntro => (
        "Le code et le ticket ne contiennent que la liste des aides à demander et la commune, jamais vos réponses.",
        "The code and the receipt only hold the list of aids to ask for and the town, never your answers.",
        "لا يحتوي الرمز والإيصال إلا على قائمة المساعدات التي يمكن طلبها والبلدية، وليس إجاباتك أبداً."
    ),
    ShowQr => ("Afficher un QR code pour mon téléphone", "Show a QR code for my phone", "عرض رمز QR لهاتفي"),
    HideQr => ("Masquer le QR code", "Hide the QR code", "إخفاء رمز QR"),
    QrAlt => (
        "QR code : ouvre la liste des aides à demander sur votre téléphone",
        "QR code: opens the list of aids to ask for on your phone",
        "رمز QR: يفتح قائمة المساعدات التي يمكن طلبها على هاتفك"
    ),
    QrHelp => (
        "Visez ce code avec l'appareil photo de votre téléphone.",
        "Point your phone's camera at this code.",
        "وجّه كاميرا هاتفك نحو هذا الرمز."
    ),
    QrLink => ("Ou tapez cette adresse :", "Or type this address:", "أو اكتب هذا العنوان:"),
    PrintReceipt => ("Imprimer un ticket", "Print a receipt", "طباعة إيصال"),
    ReceiptTitle => ("Mes démarches", "My next steps", "خطواتي القادمة"),
    SharedTitle => ("Aides à demander", "Aids to ask for", "المساعدات التي يمكن طلبها"),
    SharedIntro => (
        "Cette liste vient d'un QR code. Elle ne contient aucune de vos réponses.",
        "This list comes from a QR code. It holds none of your answers.",
        "تأتي هذه القائمة من رمز QR. ولا تحتوي على أي من إجاباتك."
    ),
    SharedAsk => ("Vous pouvez les demander", "You can ask for them", "يمكنك طلبها"),
    SharedCheck => ("À vérifier avec le CCAS", "To check with the CCAS", "يجب التحقق منها مع CCAS"),
    SharedNone => ("Aucune aide reconnue dans ce lien.", "No aid recognised in this link.", "لم يتم التعرف على أي مساعدة في هذا الرابط."),
    Documents => ("Documents à apporter", "Documents to bring", "الوثائق المطلوب إحضارها"),
    Where => ("Où aller", "Where to go", "إلى أين تذهب"),
    CheckMine => ("Vérifier mes propres droits", "Check my own eligibility", "التحقق من أهليتي"),
}

/// `{n}` replaced by `n`.
pub fn fill(text: T, lang: Lang, n: &str) -> String {
    text.get(lang).replace("{n}", n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_every_language() {
        for text in T::ALL {
            for lang in Lang::ALL {
                assert!(!text.get(lang).trim().is_empty(), "{text:?} in {lang:?}");
            }
            assert_ne!(
                text.get(Lang::Fr),
                text.get(Lang::Ar),
                "{text:?} is not translated into Arabic"
            );
        }
    }
}
