//! The studio's interface texts, in French (reference), English and Arabic: one table.

use eligo::i18n::Lang;

/// A text of the studio.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Title,
    Intro,
    Language,
    OpenHeading,
    BuiltIn,
    Open,
    OpenFiles,
    OpenFilesHelp,
    Tabs,
    Review,
    Edit,
    Cases,
    Preview,
    Board,
    Publish,
    ReviewIntro,
    NothingToReview,
    Files,
    Problems,
    NoProblem,
    Line,
    Column,
    FormValue,
    Parameter,
    Value,
    From,
    Source,
    ToConfirmBox,
    Apply,
    EditDone,
    EditFailed,
    CasesSummary,
    Passed,
    Failed,
    PreviewIntro,
    PreviewBlocked,
    BoardIntro,
    ChangedAids,
    AddedValues,
    FlippedCases,
    NoChange,
    Before,
    SaveCase,
    CaseFromPreview,
    CaseSaved,
    NoCasesFile,
    BadDate,
    Eligible,
    ToConfirm,
    Undetermined,
    NotEligible,
    AllChanges,
    After,
    Print,
    PublishIntro,
    PublishBlocked,
    DownloadPack,
    Webmaster,
    WebmasterSteps,
    NothingSent,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let [fr, en, ar] = texts(key);
    match lang {
        // Staff pages speak the three built-in languages only (the residents' others are fetched by
        // the resident app): easy-read French reads the French, any other the English.
        Lang::Fr | Lang::FrFalc => fr,
        Lang::Ar => ar,
        _ => en,
    }
}

fn texts(key: Key) -> [&'static str; 3] {
    use Key::*;
    match key {
        Title => [
            "Eligo Studio : les règles de votre CCAS",
            "Eligo Studio: your CCAS's rules",
            "استوديو إليغو: قواعد مركزكم",
        ],
        Intro => [
            "Modifiez, testez, prévisualisez et publiez les règles dans ce navigateur. Rien n'est envoyé ni enregistré, sauf les fichiers que vous téléchargez.",
            "Edit, test, preview and publish the rules in this browser. Nothing is sent or stored, except the files you download.",
            "عدّلوا القواعد واختبروها وعاينوها وانشروها في هذا المتصفح. لا يُرسل أي شيء ولا يُحفظ، باستثناء الملفات التي تنزّلونها.",
        ],
        Language => ["Langue", "Language", "اللغة"],
        OpenHeading => ["Ouvrir des règles", "Open rules", "فتح القواعد"],
        BuiltIn => ["Territoire intégré", "Built-in territory", "منطقة مدمجة"],
        Open => ["Ouvrir", "Open", "فتح"],
        OpenFiles => [
            "Fichiers de cet ordinateur (pack.toml, inclusions, cases.toml)",
            "Files from this computer (pack.toml, includes, cases.toml)",
            "ملفات من هذا الحاسوب (pack.toml والملفات المضمّنة وcases.toml)",
        ],
        OpenFilesHelp => [
            "Les fichiers sont lus ici, jamais envoyés.",
            "The files are read here, never sent.",
            "تُقرأ الملفات هنا ولا تُرسل أبدًا.",
        ],
        Tabs => ["Étapes", "Steps", "الخطوات"],
        Review => ["À revoir", "To review", "للمراجعة"],
        Edit => ["Modifier", "Edit", "تعديل"],
        Cases => ["Cas de test", "Test cases", "حالات الاختبار"],
        Preview => ["Aperçu", "Preview", "معاينة"],
        Board => ["Pour le conseil", "For the board", "للمجلس"],
        Publish => ["Publier", "Publish", "نشر"],
        ReviewIntro => [
            "Valeurs à confirmer ou à revérifier :",
            "Values to confirm or to check again:",
            "قيم يجب تأكيدها أو التحقق منها مجددًا:",
        ],
        NothingToReview => ["Rien à revoir.", "Nothing to review.", "لا شيء للمراجعة."],
        Files => ["Fichiers", "Files", "الملفات"],
        Problems => ["Problèmes", "Problems", "المشكلات"],
        NoProblem => [
            "Aucun problème : les règles sont valides.",
            "No problem: the rules are valid.",
            "لا توجد مشكلة: القواعد صالحة.",
        ],
        Line => ["ligne", "line", "السطر"],
        Column => ["colonne", "column", "العمود"],
        FormValue => [
            "Nouvelle valeur d'un paramètre à partir d'une date",
            "New value of a parameter from a date",
            "قيمة جديدة لمعامل ابتداءً من تاريخ",
        ],
        Parameter => ["Paramètre", "Parameter", "المعامل"],
        Value => ["Valeur", "Value", "القيمة"],
        From => [
            "À partir du (AAAA-MM-JJ)",
            "From (YYYY-MM-DD)",
            "ابتداءً من (YYYY-MM-DD)",
        ],
        Source => ["Source", "Source", "المصدر"],
        ToConfirmBox => [
            "À confirmer par le CCAS",
            "To be confirmed by the CCAS",
            "يجب أن يؤكدها المركز",
        ],
        Apply => [
            "Écrire dans le fichier",
            "Write into the file",
            "الكتابة في الملف",
        ],
        EditDone => [
            "Écrit dans le fichier.",
            "Written into the file.",
            "كُتبت في الملف.",
        ],
        EditFailed => ["Modification impossible :", "Cannot edit:", "تعذّر التعديل:"],
        CasesSummary => ["cas réussis sur", "cases passed out of", "حالات ناجحة من"],
        Passed => ["réussi", "passed", "ناجح"],
        Failed => ["échoué", "failed", "فاشل"],
        PreviewIntro => [
            "Le parcours d'un habitant avec les règles modifiées, dans les vues de l'application.",
            "A resident's journey with the edited rules, in the app's own views.",
            "مسار ساكن بالقواعد المعدّلة، في واجهات التطبيق نفسها.",
        ],
        PreviewBlocked => [
            "Corrigez d'abord les problèmes pour voir l'aperçu.",
            "Fix the problems first to see the preview.",
            "صحّحوا المشكلات أولًا لرؤية المعاينة.",
        ],
        BoardIntro => [
            "Règles modifiées comparées aux règles publiées.",
            "Edited rules compared with the published ones.",
            "القواعد المعدّلة مقارنةً بالمنشورة.",
        ],
        ChangedAids => [
            "Aides dont les règles changent",
            "Aids whose rules change",
            "مساعدات تتغيّر قواعدها",
        ],
        AddedValues => [
            "Valeurs ajoutées ou changées",
            "Values added or changed",
            "قيم مضافة أو معدّلة",
        ],
        FlippedCases => [
            "Cas dont le résultat change",
            "Cases whose result changes",
            "حالات تتغيّر نتيجتها",
        ],
        NoChange => ["Aucun changement.", "No change.", "لا تغيير."],
        BadDate => [
            "la date doit s'écrire AAAA-MM-JJ, par exemple 2027-09-01",
            "the date must be written YYYY-MM-DD, for example 2027-09-01",
            "يجب كتابة التاريخ بالشكل YYYY-MM-DD، مثل 2027-09-01",
        ],
        Eligible => ["droit ouvert", "eligible", "مؤهل"],
        ToConfirm => ["à confirmer", "to confirm", "للتأكيد"],
        Undetermined => ["indéterminé", "undetermined", "غير محدد"],
        NotEligible => ["pas de droit", "not eligible", "غير مؤهل"],
        AllChanges => ["Tous les changements", "Every change", "كل التغييرات"],
        SaveCase => [
            "Enregistrer ces réponses comme cas de test",
            "Save these answers as a test case",
            "حفظ هذه الإجابات كحالة اختبار",
        ],
        CaseFromPreview => [
            "Cas de l'aperçu du",
            "Case from the preview of",
            "حالة من معاينة",
        ],
        CaseSaved => [
            "Cas ajouté, avec les résultats actuels, à",
            "Case added, with the current results, to",
            "أُضيفت الحالة بنتائجها الحالية إلى",
        ],
        NoCasesFile => [
            "Aucun fichier cases.toml ouvert : ouvrez-le avec le pack.",
            "No cases.toml open: open it with the pack.",
            "لا يوجد ملف cases.toml مفتوح: افتحوه مع الحزمة.",
        ],
        Before => ["Avant", "Before", "قبل"],
        After => ["Après", "After", "بعد"],
        Print => [
            "Imprimer (une page)",
            "Print (one page)",
            "طباعة (صفحة واحدة)",
        ],
        PublishIntro => [
            "Téléchargez les fichiers à publier et les textes des règles à garder.",
            "Download the files to publish and the rules' texts to keep.",
            "نزّلوا الملفات المراد نشرها ونصوص القواعد للاحتفاظ بها.",
        ],
        PublishBlocked => [
            "Corrigez d'abord les problèmes : un pack invalide ne se publie pas.",
            "Fix the problems first: an invalid pack is not published.",
            "صحّحوا المشكلات أولًا: لا تُنشر حزمة غير صالحة.",
        ],
        DownloadPack => ["Télécharger", "Download", "تنزيل"],
        Webmaster => ["Pour le webmestre", "For the webmaster", "لمسؤول الموقع"],
        WebmasterSteps => [
            "Déposez le fichier .pack (toutes langues) dans le dossier du site qui héberge Eligo, par exemple packs/ville.pack, puis indiquez-le à la page : <html data-pack=\"packs/ville.pack\">. Le fichier doit être sur le même site (ou sur une origine listée dans data-pack-origins et autorisée par la politique de sécurité, connect-src). Les fichiers par langue (id-fr.pack…) sont ceux que l'application intégrée télécharge. Gardez les fichiers .toml : ce sont les règles à modifier la prochaine fois.",
            "Put the .pack file (all languages) in the folder of the site that hosts Eligo, for example packs/ville.pack, then name it in the page: <html data-pack=\"packs/ville.pack\">. The file must be on the same site (or on an origin listed in data-pack-origins and allowed by the security policy, connect-src). The per-language files (id-fr.pack…) are those the built-in app fetches. Keep the .toml files: they are the rules to edit next time.",
            "ضعوا ملف ‎.pack (كل اللغات) في مجلد الموقع الذي يستضيف إليغو، مثل packs/ville.pack، ثم اذكروه في الصفحة: <html data-pack=\"packs/ville.pack\">. يجب أن يكون الملف على الموقع نفسه (أو على أصل مذكور في data-pack-origins ومسموح به في سياسة الأمان connect-src). الملفات حسب اللغة (id-fr.pack…) هي التي يجلبها التطبيق المدمج. احتفظوا بملفات ‎.toml: إنها القواعد التي ستعدّلونها في المرة القادمة.",
        ],
        NothingSent => [
            "Rien n'a été envoyé : les fichiers sont créés dans ce navigateur.",
            "Nothing was sent: the files are made in this browser.",
            "لم يُرسل أي شيء: تُنشأ الملفات في هذا المتصفح.",
        ],
    }
}
