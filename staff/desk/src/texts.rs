//! The desk page's texts, its one message table, in French (the reference), English and Arabic. The words it
//! shares with the resident app (yes, no, the verdict groups, documents) come from the app's table
//! (`eligo::i18n`), so a fact is worded once.

use eligo::i18n::Lang;

/// A desk text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    Title,
    Intro,
    KeyTitle,
    KeyFile,
    Passphrase,
    PassphraseAgain,
    OpenKey,
    KeyLoaded,
    NewKeyTitle,
    NewKeyIntro,
    CreateKey,
    PublicKeyIs,
    SaveKeyFile,
    PassphraseShort,
    PassphraseDiffers,
    ScanTitle,
    Camera,
    StopCamera,
    Photo,
    TypeCode,
    OpenCode,
    Working,
    ResultTitle,
    CheckedOn,
    PackSame,
    PackChanged,
    VerdictChanged,
    ResidentSaw,
    AnswersTitle,
    PapersTitle,
    Print,
    Next,
    ErrKeyFile,
    ErrPassphrase,
    ErrNotACode,
    ErrTruncated,
    ErrNewer,
    ErrTerritory,
    ErrOtherKey,
    ErrDamaged,
    ErrPackChanged,
    ErrPack,
    ErrCamera,
    ErrNoCodeInImage,
}

impl T {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let [fr, en, ar] = self.all();
        match lang {
            // Staff pages speak the three built-in languages only (the residents' others are fetched by
            // the resident app): easy-read French reads the French, any other the English.
            Lang::Fr | Lang::FrFalc => fr,
            Lang::Ar => ar,
            _ => en,
        }
    }

    fn all(self) -> [&'static str; 3] {
        use T::*;
        match self {
            Title => [
                "Accueil CCAS : codes des habitants",
                "CCAS desk: residents' codes",
                "مكتب المركز البلدي للعمل الاجتماعي: رموز السكان",
            ],
            Intro => [
                "Cette page ouvre les codes que les habitants créent dans Eligo. Rien n'est envoyé ni enregistré : fermer l'onglet ou « Habitant suivant » efface tout.",
                "This page opens the codes residents make in Eligo. Nothing is sent or saved: closing the tab or \"Next resident\" clears everything.",
                "تفتح هذه الصفحة الرموز التي ينشئها السكان في Eligo. لا يُرسَل ولا يُحفَظ أي شيء: إغلاق التبويب أو «الساكن التالي» يمحو كل شيء.",
            ],
            KeyTitle => ["Clé du CCAS", "CCAS key", "مفتاح المركز"],
            KeyFile => ["Fichier de clé", "Key file", "ملف المفتاح"],
            Passphrase => ["Phrase secrète", "Passphrase", "عبارة المرور"],
            PassphraseAgain => [
                "Phrase secrète (encore une fois)",
                "Passphrase (once more)",
                "عبارة المرور (مرة أخرى)",
            ],
            OpenKey => ["Ouvrir la clé", "Open the key", "فتح المفتاح"],
            KeyLoaded => [
                "Clé ouverte pour cette session.",
                "Key open for this session.",
                "المفتاح مفتوح لهذه الجلسة.",
            ],
            NewKeyTitle => [
                "Créer une nouvelle clé",
                "Create a new key",
                "إنشاء مفتاح جديد",
            ],
            NewKeyIntro => [
                "Une fois par CCAS. La clé publique va dans la table [handover] du pack du territoire ; le fichier de clé reste sur l'ordinateur de l'accueil, jamais dans un pack ni envoyé.",
                "Once per CCAS. The public key goes into the [handover] table of the territory's pack; the key file stays on the desk computer, never in a pack, never sent.",
                "مرة واحدة لكل مركز. يوضع المفتاح العام في جدول [handover] في حزمة الإقليم؛ ويبقى ملف المفتاح على حاسوب المكتب، لا في حزمة ولا يُرسَل.",
            ],
            CreateKey => ["Créer la clé", "Create the key", "إنشاء المفتاح"],
            PublicKeyIs => [
                "Clé publique à copier dans le pack :",
                "Public key to copy into the pack:",
                "المفتاح العام لنسخه في الحزمة:",
            ],
            SaveKeyFile => [
                "Enregistrer le fichier de clé",
                "Save the key file",
                "حفظ ملف المفتاح",
            ],
            PassphraseShort => [
                "La phrase secrète doit compter au moins 12 caractères.",
                "The passphrase must be at least 12 characters long.",
                "يجب أن تتكون عبارة المرور من 12 حرفًا على الأقل.",
            ],
            PassphraseDiffers => [
                "Les deux phrases secrètes sont différentes.",
                "The two passphrases differ.",
                "عبارتا المرور مختلفتان.",
            ],
            ScanTitle => [
                "Lire le code d'un habitant",
                "Read a resident's code",
                "قراءة رمز أحد السكان",
            ],
            Camera => [
                "Scanner avec la caméra",
                "Scan with the camera",
                "المسح بالكاميرا",
            ],
            StopCamera => ["Arrêter la caméra", "Stop the camera", "إيقاف الكاميرا"],
            Photo => [
                "Ouvrir une photo du code",
                "Open a photo of the code",
                "فتح صورة للرمز",
            ],
            TypeCode => [
                "Ou taper le code écrit sous le QR code",
                "Or type the code written under the QR code",
                "أو اكتب الرمز المكتوب تحت رمز QR",
            ],
            OpenCode => ["Ouvrir le code", "Open the code", "فتح الرمز"],
            Working => ["Ouverture…", "Opening…", "جارٍ الفتح…"],
            ResultTitle => [
                "Réponses de l'habitant",
                "The resident's answers",
                "إجابات الساكن",
            ],
            CheckedOn => [
                "Vérifié le {date}, règles version {version}.",
                "Checked on {date}, rules version {version}.",
                "تم التحقق في {date}، إصدار القواعد {version}.",
            ],
            PackSame => [
                "Les règles n'ont pas changé depuis.",
                "The rules have not changed since.",
                "لم تتغير القواعد منذ ذلك الحين.",
            ],
            PackChanged => [
                "Les règles ont changé depuis (version actuelle {version}) : les résultats ci-dessous sont recalculés avec les règles actuelles.",
                "The rules changed since (current version {version}): the results below are worked out again with the current rules.",
                "تغيرت القواعد منذ ذلك الحين (الإصدار الحالي {version}): أُعيد حساب النتائج أدناه بالقواعد الحالية.",
            ],
            VerdictChanged => [
                "Résultat différent de celui vu par l'habitant",
                "Not the result the resident saw",
                "نتيجة مختلفة عمّا رآه الساكن",
            ],
            ResidentSaw => [
                "L'habitant avait vu :",
                "The resident saw:",
                "كان الساكن قد رأى:",
            ],
            AnswersTitle => ["Réponses", "Answers", "الإجابات"],
            PapersTitle => ["Papiers à demander", "Papers to ask for", "الأوراق المطلوبة"],
            Print => ["Imprimer la fiche", "Print the summary", "طباعة الملخص"],
            Next => [
                "Habitant suivant (tout effacer)",
                "Next resident (clear everything)",
                "الساكن التالي (محو كل شيء)",
            ],
            ErrKeyFile => [
                "Ce fichier n'est pas un fichier de clé Eligo.",
                "This file is not an Eligo key file.",
                "هذا الملف ليس ملف مفتاح Eligo.",
            ],
            ErrPassphrase => [
                "Phrase secrète incorrecte (ou fichier de clé abîmé).",
                "Wrong passphrase (or a damaged key file).",
                "عبارة مرور خاطئة (أو ملف مفتاح تالف).",
            ],
            ErrNotACode => [
                "Ce n'est pas un code Eligo : vérifiez ce qui a été tapé.",
                "This is not an Eligo code: check what was typed.",
                "هذا ليس رمز Eligo: تحقق مما كُتب.",
            ],
            ErrTruncated => [
                "Le code est incomplet : une partie manque. Scannez-le à nouveau ou tapez-le en entier.",
                "The code is incomplete: part of it is missing. Scan it again or type all of it.",
                "الرمز غير مكتمل: جزء منه مفقود. امسحه مرة أخرى أو اكتبه كاملًا.",
            ],
            ErrNewer => [
                "Ce code vient d'une version plus récente d'Eligo (format {format}) : mettez à jour cette page.",
                "This code comes from a newer version of Eligo (format {format}): update this page.",
                "هذا الرمز من إصدار أحدث من Eligo (الصيغة {format}): حدّث هذه الصفحة.",
            ],
            ErrTerritory => [
                "Ce code a été fait pour un autre territoire ({territory}), pas pour celui de ce CCAS ({desk}).",
                "This code was made for another territory ({territory}), not this CCAS's ({desk}).",
                "صُنع هذا الرمز لإقليم آخر ({territory})، وليس لإقليم هذا المركز ({desk}).",
            ],
            ErrOtherKey => [
                "Ce code a été fait pour une autre clé du CCAS : ouvrez la clé publiée dans le pack de l'habitant.",
                "This code was made for another CCAS key: open the key published in the resident's pack.",
                "صُنع هذا الرمز لمفتاح آخر للمركز: افتح المفتاح المنشور في حزمة الساكن.",
            ],
            ErrDamaged => [
                "Le code ne s'ouvre pas : un caractère a changé, ou ce n'est pas la bonne clé. Scannez-le à nouveau.",
                "The code does not open: a character changed, or this is not the right key. Scan it again.",
                "لا يُفتح الرمز: تغيّر حرف، أو هذا ليس المفتاح الصحيح. امسحه مرة أخرى.",
            ],
            ErrPackChanged => [
                "Les questions du pack ont trop changé depuis ce code : demandez à l'habitant de refaire sa vérification.",
                "The pack's questions changed too much since this code: ask the resident to check again.",
                "تغيرت أسئلة الحزمة كثيرًا منذ هذا الرمز: اطلب من الساكن إعادة التحقق.",
            ],
            ErrPack => [
                "Les règles de ce territoire n'ont pas pu être chargées.",
                "This territory's rules could not be loaded.",
                "تعذّر تحميل قواعد هذا الإقليم.",
            ],
            ErrCamera => [
                "La caméra n'est pas disponible : ouvrez une photo ou tapez le code.",
                "The camera is not available: open a photo or type the code.",
                "الكاميرا غير متاحة: افتح صورة أو اكتب الرمز.",
            ],
            ErrNoCodeInImage => [
                "Aucun code trouvé dans cette image.",
                "No code found in this image.",
                "لم يُعثر على أي رمز في هذه الصورة.",
            ],
        }
    }

    /// The text with `{name}` placeholders filled.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.get(lang).to_string(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}
