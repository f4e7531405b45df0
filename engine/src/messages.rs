//! The checker's words in French, English and Arabic: ONE table ([`TABLE`]) for every message of the
//! loader, the TOML reader, the type checker, the compiler, the test cases and the answer reader, shared by
//! `eligo-rules` and the studio page so the two cannot drift apart.
//!
//! The engine writes its problems in English (the table's key, as a gettext `msgid`): [`localize`] finds
//! the entry whose pattern matches (`{}` stands for a quoted id, a number, a hint …), translates what the
//! holes hold when it is itself a message (a "did you mean" hint, "a number"), and fills the holes of the
//! entry in the asked language. A message no entry matches is shown in English, never as a Rust name;
//! [`is_known`] lets the tests prove that the malformed-pack corpus is fully translated.

use crate::errors::{PackError, PathSegment};

/// One message: English pattern (the key), French, Arabic. `{}` holes are filled in order.
type Entry = (&'static str, &'static str, &'static str);

/// Every message of the checker, in the three languages of the interface.
#[rustfmt::skip]
pub const TABLE: &[Entry] = &[
    // --- reading the TOML (the `toml` crate's own words, then the schema's) ---
    ("string values must be quoted, expected literal string", "une valeur texte doit être entre guillemets (une date s'écrit AAAA-MM-JJ, par exemple 2026-09-01)", "يجب وضع القيمة النصية بين علامتي تنصيص (يُكتب التاريخ بالشكل YYYY-MM-DD، مثل 2026-09-01)"),
    ("string values must be quoted, expected {}", "une valeur texte doit être entre guillemets (une date s'écrit AAAA-MM-JJ, par exemple 2026-09-01)", "يجب وضع القيمة النصية بين علامتي تنصيص (يُكتب التاريخ بالشكل YYYY-MM-DD، مثل 2026-09-01)"),
    ("invalid date-time, {}", "date invalide : écrivez-la AAAA-MM-JJ, par exemple 2026-09-01", "تاريخ غير صالح: اكتبه بالشكل YYYY-MM-DD، مثل 2026-09-01"),
    ("invalid {}", "écriture invalide : {}", "كتابة غير صالحة: {}"),
    ("unknown field `{}`, expected one of {}", "champ inconnu « {} » ; champs possibles : {}", "حقل غير معروف «{}»؛ الحقول الممكنة: {}"),
    ("unknown field `{}`, expected `{}` or `{}`", "champ inconnu « {} » ; champs possibles : « {} » ou « {} »", "حقل غير معروف «{}»؛ الحقلان الممكنان: «{}» أو «{}»"),
    ("unknown field `{}`, expected `{}`", "champ inconnu « {} » ; champ possible : « {} »", "حقل غير معروف «{}»؛ الحقل الممكن: «{}»"),
    ("unknown field `{}`, expected {}", "champ inconnu « {} » ; champ possible : {}", "حقل غير معروف «{}»؛ الحقل الممكن: {}"),
    ("unknown field `{}`, there are no fields", "champ inconnu « {} » : cette table n'a pas de champ", "حقل غير معروف «{}»: هذا الجدول بلا حقول"),
    ("missing field `{}`", "champ obligatoire manquant : « {} »", "حقل إلزامي ناقص: «{}»"),
    ("duplicate key `{}`", "clé « {} » donnée deux fois", "المفتاح «{}» مذكور مرتين"),
    ("duplicate key", "clé donnée deux fois", "مفتاح مذكور مرتين"),
    ("duplicate field `{}`", "champ « {} » donné deux fois", "الحقل «{}» مذكور مرتين"),
    ("unknown variant `{}`, expected one of {}", "valeur inconnue « {} » ; valeurs possibles : {}", "قيمة غير معروفة «{}»؛ القيم الممكنة: {}"),
    ("unknown variant `{}`, expected {}", "valeur inconnue « {} » ; valeur possible : {}", "قيمة غير معروفة «{}»؛ القيمة الممكنة: {}"),
    ("invalid type: {}, expected {}", "type invalide : {} au lieu de {}", "نوع غير صالح: {} بدلًا من {}"),
    ("invalid value: {}, expected {}", "valeur invalide : {} au lieu de {}", "قيمة غير صالحة: {} بدلًا من {}"),
    ("invalid length {}, expected {}", "longueur invalide {} au lieu de {}", "طول غير صالح {} بدلًا من {}"),
    ("expected {}", "attendu : {}", "المتوقع: {}"),
    ("unclosed array, expected `]`", "liste non fermée : il manque « ] »", "قائمة غير مغلقة: ينقص «]»"),
    ("unclosed inline table, expected `}`", "table non fermée : il manque « } »", "جدول غير مغلق: ينقص «}»"),
    ("invalid basic string, expected `\"`", "texte non fermé : il manque le guillemet « \" » final", "نص غير مغلق: تنقص علامة التنصيص «\"» الأخيرة"),
    ("invalid table header", "en-tête de table invalide", "عنوان جدول غير صالح"),
    ("invalid key", "clé invalide", "مفتاح غير صالح"),
    ("key with no value, expected `=`", "clé sans valeur : il manque « = »", "مفتاح بلا قيمة: تنقص «=»"),
    ("string", "un texte", "نص"),
    ("string \"{}\"", "le texte \"{}\"", "النص \"{}\""),
    ("integer `{}`", "le nombre entier {}", "العدد الصحيح {}"),
    ("floating point `{}`", "le nombre décimal {}", "العدد العشري {}"),
    ("boolean `{}`", "la valeur oui/non {}", "القيمة نعم/لا {}"),
    ("a sequence", "une liste", "قائمة"),
    ("sequence", "une liste", "قائمة"),
    ("map", "une table", "جدول"),
    ("a map", "une table", "جدول"),
    ("a string", "un texte", "نص"),
    ("a boolean", "oui ou non (true ou false)", "نعم أو لا (true أو false)"),
    ("u32", "un nombre entier positif", "عدد صحيح موجب"),
    ("a date YYYY-MM-DD", "une date AAAA-MM-JJ", "تاريخ بالشكل YYYY-MM-DD"),
    ("invalid date \"{}\", expected YYYY-MM-DD", "date invalide « {} » : écrivez-la AAAA-MM-JJ", "تاريخ غير صالح «{}»: اكتبه بالشكل YYYY-MM-DD"),
    ("expected a date YYYY-MM-DD", "une date AAAA-MM-JJ est attendue", "المتوقع تاريخ بالشكل YYYY-MM-DD"),
    ("expected a date YYYY-MM-DD without time, found {}", "une date AAAA-MM-JJ sans heure est attendue, trouvé {}", "المتوقع تاريخ بالشكل YYYY-MM-DD بلا ساعة، وُجد {}"),
    ("a decimal number like 646.52 or \"646.52\"", "un nombre décimal comme 646.52 ou \"646.52\"", "عدد عشري مثل 646.52 أو \"646.52\""),
    ("a number too large or not exact", "un nombre trop grand ou inexact", "عدد كبير جدًا أو غير دقيق"),
    ("\"{}\" is not a decimal number", "« {} » n'est pas un nombre décimal", "«{}» ليس عددًا عشريًا"),
    ("a number, a date or \"today\"", "un nombre, une date ou \"today\"", "عدد أو تاريخ أو \"today\""),
    ("number too large", "nombre trop grand", "عدد كبير جدًا"),
    ("\"{}\" is not a number, a date or \"today\"", "« {} » n'est ni un nombre, ni une date, ni \"today\"", "«{}» ليس عددًا ولا تاريخًا ولا \"today\""),
    ("a table of texts by language, like { fr = \"…\", en = \"…\" }", "une table de textes par langue, comme { fr = \"…\", en = \"…\" }", "جدول نصوص حسب اللغة، مثل { fr = \"…\", en = \"…\" }"),
    ("language \"{}\" given twice", "langue « {} » donnée deux fois", "اللغة «{}» مذكورة مرتين"),
    ("a date YYYY-MM-DD or \"none\"", "une date AAAA-MM-JJ ou \"none\"", "تاريخ بالشكل YYYY-MM-DD أو \"none\""),
    ("\"{}\" is not a date YYYY-MM-DD nor \"none\"", "« {} » n'est ni une date AAAA-MM-JJ ni \"none\"", "«{}» ليس تاريخًا بالشكل YYYY-MM-DD ولا \"none\""),
    ("the file is {} bytes, more than the limit of {} bytes", "le fichier fait {} octets, plus que la limite de {} octets", "حجم الملف {} بايت، أكثر من الحد البالغ {} بايت"),
    ("cannot read the file: {}", "impossible de lire le fichier : {}", "تعذّرت قراءة الملف: {}"),
    ("cannot read {}: {}", "impossible de lire {} : {}", "تعذّرت قراءة {}: {}"),
    ("an included file cannot have [pack] or [territory]", "un fichier inclus ne peut pas avoir [pack] ni [territory]", "لا يمكن أن يحتوي ملف مُضمَّن على [pack] أو [territory]"),
    ("[safety] is already given in another file", "[safety] est déjà donné dans un autre fichier", "[safety] مذكور بالفعل في ملف آخر"),
    ("valid pack \"{}\" ({}): {} aids, {} questions, {} derived values, {} parameters, languages {}", "pack valide « {} » ({}) : {} aides, {} questions, {} valeurs calculées, {} paramètres, langues {}", "حزمة صالحة «{}» ({}): {} مساعدة، {} سؤال، {} قيمة محسوبة، {} معامل، اللغات {}"),
    // --- the compiler ---
    ("missing \"{}\" translation", "traduction « {} » manquante", "الترجمة «{}» ناقصة"),
    // --- translation files (lang/<code>.toml) ---
    ("missing \"{}\" translation: add `{} = \"…\"` to {} (reference text: \"{}\")", "traduction « {} » manquante : ajoutez `{} = \"…\"` à {} (texte de référence : \"{}\")", "الترجمة «{}» ناقصة: أضف `{} = \"…\"` إلى {} (النص المرجعي: \"{}\")"),
    ("`{}` is not the path of any text of the pack (a typo, or a text since removed?)", "`{}` n'est le chemin d'aucun texte du pack (une faute de frappe, ou un texte retiré depuis ?)", "`{}` ليس مسار أي نص في الحزمة (خطأ مطبعي، أو نص حُذف منذ ذلك الحين؟)"),
    ("`{}` is already translated in the pack file itself: keep one of the two", "`{}` est déjà traduit dans le fichier du pack lui-même : gardez l'un des deux", "`{}` مترجم بالفعل في ملف الحزمة نفسه: احتفظ بواحد من الاثنين"),
    ("language \"{}\" is not declared in [pack] languages ({})", "la langue « {} » n'est pas déclarée dans [pack] languages ({})", "اللغة «{}» غير مُعلنة في [pack] languages ({})"),
    ("id \"{}\" must start with a lowercase letter and use only a-z, 0-9 and _", "l'identifiant « {} » doit commencer par une minuscule et n'utiliser que a-z, 0-9 et _", "يجب أن يبدأ المعرّف «{}» بحرف صغير وألا يستعمل إلا a-z و0-9 و_"),
    ("\"{}\" is a reserved word of expressions", "« {} » est un mot réservé des expressions", "«{}» كلمة محجوزة في التعابير"),
    ("no [pack] table (with id, version and languages)", "pas de table [pack] (avec id, version et languages)", "لا يوجد جدول [pack] (مع id وversion وlanguages)"),
    ("pack id \"{}\" must use only a-z, 0-9, _ and -", "l'identifiant du pack « {} » ne doit utiliser que a-z, 0-9, _ et -", "يجب ألا يستعمل معرّف الحزمة «{}» إلا a-z و0-9 و_ و-"),
    ("declare at least one language, like [\"fr\"]", "déclarez au moins une langue, comme [\"fr\"]", "أعلن لغة واحدة على الأقل، مثل [\"fr\"]"),
    ("\"{}\" is not a language code like \"fr\"", "« {} » n'est pas un code de langue comme \"fr\"", "«{}» ليس رمز لغة مثل \"fr\""),
    ("language \"{}\" declared twice", "langue « {} » déclarée deux fois", "اللغة «{}» مُعلنة مرتين"),
    ("no [territory] table (with name and insee)", "pas de table [territory] (avec name et insee)", "لا يوجد جدول [territory] (مع name وinsee)"),
    ("id \"{}\" is already used by {}", "l'identifiant « {} » est déjà utilisé par {}", "المعرّف «{}» مستعمل بالفعل في {}"),
    ("question \"{}\"", "la question « {} »", "السؤال «{}»"),
    ("derived value \"{}\"", "la valeur calculée « {} »", "القيمة المحسوبة «{}»"),
    ("parameter \"{}\"", "le paramètre « {} »", "المعامل «{}»"),
    ("place id \"{}\" is used twice", "l'identifiant de lieu « {} » est utilisé deux fois", "معرّف المكان «{}» مستعمل مرتين"),
    ("aid id \"{}\" is used twice", "l'identifiant d'aide « {} » est utilisé deux fois", "معرّف المساعدة «{}» مستعمل مرتين"),
    ("no [safety] table: {}", "pas de table [safety] : un pack de territoire doit donner les contacts d'aide aux victimes de violences (title, intro, contacts), ou inclure un fichier qui les donne, comme packs/common/national.toml", "لا يوجد جدول [safety]: يجب أن تعطي حزمة الإقليم جهات الاتصال لمساعدة ضحايا العنف (title وintro وcontacts)، أو أن تُضمِّن ملفًا يعطيها، مثل packs/common/national.toml"),
    ("a contact needs a number or a url", "un contact a besoin d'un numéro ou d'une adresse web", "تحتاج جهة الاتصال إلى رقم أو عنوان ويب"),
    ("a one_of or several_of question needs options", "une question one_of ou several_of a besoin d'options", "يحتاج سؤال one_of أو several_of إلى خيارات"),
    ("only one_of and several_of questions have options", "seules les questions one_of et several_of ont des options", "وحدها أسئلة one_of وseveral_of لها خيارات"),
    ("option id \"{}\" must use only a-z, 0-9 and _", "l'identifiant d'option « {} » ne doit utiliser que a-z, 0-9 et _", "يجب ألا يستعمل معرّف الخيار «{}» إلا a-z و0-9 و_"),
    ("option \"{}\" is listed twice", "l'option « {} » est donnée deux fois", "الخيار «{}» مذكور مرتين"),
    ("{} must be a number", "{} doit être un nombre", "يجب أن يكون {} عددًا"),
    ("{} must be a date or \"today\"", "{} doit être une date ou \"today\"", "يجب أن يكون {} تاريخًا أو \"today\""),
    ("{} only applies to integer, money and date questions", "{} ne s'applique qu'aux questions integer, money et date", "لا ينطبق {} إلا على أسئلة integer وmoney وdate"),
    ("max {} is below min {}", "max {} est inférieur à min {}", "القيمة max {} أقل من min {}"),
    ("only an integer question with unit \"years\" or \"months\" can grow with time", "seule une question integer d'unité \"years\" ou \"months\" peut grandir avec le temps", "وحده سؤال integer بوحدة \"years\" أو \"months\" يمكن أن يزيد مع الوقت"),
    ("only number and money values can be rounded", "seules les valeurs number et money s'arrondissent", "وحدها قيم number وmoney تُقرَّب"),
    ("a parameter with status \"not_found\" must not have values", "un paramètre au statut \"not_found\" ne doit pas avoir de valeurs", "يجب ألا تكون لمعامل بالحالة \"not_found\" قيم"),
    ("no values: add dated values, or write status = \"not_found\"", "aucune valeur : ajoutez des valeurs datées, ou écrivez status = \"not_found\"", "لا قيم: أضف قيمًا مؤرخة، أو اكتب status = \"not_found\""),
    ("dates must strictly increase: {} does not come after {}", "les dates doivent croître : {} ne vient pas après {}", "يجب أن تتزايد التواريخ: {} لا يأتي بعد {}"),
    ("every value needs its source", "chaque valeur a besoin de sa source", "تحتاج كل قيمة إلى مصدرها"),
    ("unknown place \"{}\"{}", "lieu inconnu « {} »{}", "مكان غير معروف «{}»{}"),
    ("an aid needs places or how_to_apply", "une aide a besoin de lieux (places) ou de how_to_apply", "تحتاج المساعدة إلى أماكن (places) أو إلى how_to_apply"),
    ("an aid needs at least one source (title, url, verified)", "une aide a besoin d'au moins une source (title, url, verified)", "تحتاج المساعدة إلى مصدر واحد على الأقل (title وurl وverified)"),
    ("\"{}\" is not a web address", "« {} » n'est pas une adresse web", "«{}» ليس عنوان ويب"),
    ("\"{}\" is not a day like \"09-01\"", "« {} » n'est pas un jour comme \"09-01\"", "«{}» ليس يومًا مثل \"09-01\""),
    ("\"{}\" is not a day like \"12-31\"", "« {} » n'est pas un jour comme \"12-31\"", "«{}» ليس يومًا مثل \"12-31\""),
    ("max_months must be at least 1", "max_months doit valoir au moins 1", "يجب أن تكون max_months على الأقل 1"),
    ("an amount of kind \"up_to\" is already a ceiling: give up_to only with an exact formula", "un montant de type \"up_to\" est déjà un plafond : ne donnez up_to qu'avec une formule exacte", "المبلغ من نوع \"up_to\" سقف بالفعل: لا تعطِ up_to إلا مع صيغة دقيقة"),
    // --- results data (pack format 3): opening hours, next steps, glossary ---
    ("opening hours \"{}\" cannot be read: {} (keep the hours in words in `hours`, and leave opening_hours out)", "horaires « {} » illisibles : {} (gardez les horaires en mots dans `hours` et retirez opening_hours)", "تعذّرت قراءة المواعيد «{}»: {} (اترك المواعيد مكتوبة بالكلمات في `hours` واحذف opening_hours)"),
    ("empty opening hours", "horaires vides", "مواعيد فارغة"),
    ("fallback rules (\"||\") are not supported: write the hours as rules separated by \";\"", "les règles de repli (« || ») ne sont pas acceptées : écrivez les horaires en règles séparées par « ; »", "قواعد البديل («||») غير مقبولة: اكتب المواعيد كقواعد تفصل بينها «;»"),
    ("unclosed comment in \"{}\"", "commentaire non fermé dans « {} »", "تعليق غير مغلق في «{}»"),
    ("two lists of times in \"{}\": separate them with a comma", "deux listes d'heures dans « {} » : séparez-les par une virgule", "قائمتا ساعات في «{}»: افصل بينهما بفاصلة"),
    ("in \"{}\", months come before days and times", "dans « {} », les mois viennent avant les jours et les heures", "في «{}»، تأتي الأشهر قبل الأيام والساعات"),
    ("in \"{}\", days come before times", "dans « {} », les jours viennent avant les heures", "في «{}»، تأتي الأيام قبل الساعات"),
    ("\"{}\" gives times and says closed", "« {} » donne des heures et dit fermé", "«{}» يذكر ساعات ويقول مغلق"),
    ("\"{}\" gives no times: add them (\"09:00-12:00\") or write \"off\"", "« {} » ne donne pas d'heures : ajoutez-les (« 09:00-12:00 ») ou écrivez « off »", "«{}» لا يذكر ساعات: أضفها («09:00-12:00») أو اكتب «off»"),
    ("\"{}\" is not a month like Jan, Feb … Dec", "« {} » n'est pas un mois comme Jan, Feb … Dec", "«{}» ليس شهرًا مثل Jan وFeb … Dec"),
    ("school holidays (\"SH\") are not supported: give the hours in the free-text hours", "les vacances scolaires (« SH ») ne sont pas acceptées : donnez ces horaires en mots dans hours", "العطل المدرسية («SH») غير مقبولة: اكتب هذه المواعيد بالكلمات في hours"),
    ("\"{}\" is not understood: days are Mo, Tu, We, Th, Fr, Sa, Su or PH", "« {} » n'est pas compris : les jours s'écrivent Mo, Tu, We, Th, Fr, Sa, Su ou PH", "«{}» غير مفهوم: تُكتب الأيام Mo وTu وWe وTh وFr وSa وSu أو PH"),
    ("\"{}\": the week of the month is written [1] to [5] or [-1] to [-5]", "« {} » : la semaine du mois s'écrit de [1] à [5] ou de [-1] à [-5]", "«{}»: يُكتب أسبوع الشهر من [1] إلى [5] أو من [-1] إلى [-5]"),
    ("\"{}\": a week of the month goes with one day", "« {} » : une semaine du mois va avec un seul jour", "«{}»: أسبوع الشهر يرافق يومًا واحدًا"),
    ("\"{}\" is not a time like 08:30", "« {} » n'est pas une heure comme 08:30", "«{}» ليس وقتًا مثل 08:30"),
    ("\"{}\" is not a time span like 08:30-12:00", "« {} » n'est pas une plage horaire comme 08:30-12:00", "«{}» ليس فترة زمنية مثل 08:30-12:00"),
    ("\"{}\" starts at midnight at the end of the day", "« {} » commence à minuit en fin de journée", "«{}» يبدأ عند منتصف الليل في آخر اليوم"),
    // --- the CCAS handover key (issue 18) ---
    ("the public key is empty: paste the public key exactly as the desk page (desk.html) shows it, on one line", "la clé publique est vide : collez la clé publique exactement comme la page du guichet (desk.html) l'affiche, sur une seule ligne", "المفتاح العام فارغ: الصق المفتاح العام تمامًا كما تعرضه صفحة الشبّاك (desk.html)، في سطر واحد"),
    ("the public key is not in base64url (only letters, digits, - and _): paste the public key exactly as the desk page (desk.html) shows it, on one line", "la clé publique n'est pas en base64url (seulement des lettres, des chiffres, - et _) : collez la clé publique exactement comme la page du guichet (desk.html) l'affiche, sur une seule ligne", "المفتاح العام ليس بصيغة base64url (حروف وأرقام و- و_ فقط): الصق المفتاح العام تمامًا كما تعرضه صفحة الشبّاك (desk.html)، في سطر واحد"),
    ("the public key is {} bytes, not a P-256 public key (65 bytes starting with 4): paste the public key exactly as the desk page (desk.html) shows it, on one line", "la clé publique fait {} octets : ce n'est pas une clé publique P-256 (65 octets commençant par 4) ; collez la clé publique exactement comme la page du guichet (desk.html) l'affiche, sur une seule ligne", "طول المفتاح العام {} بايت، وهو ليس مفتاحًا عامًا P-256 (65 بايت تبدأ بـ 4): الصق المفتاح العام تمامًا كما تعرضه صفحة الشبّاك (desk.html)، في سطر واحد"),
    ("[handover] belongs in the pack's own file (pack.toml), not in an included file", "[handover] va dans le fichier du pack lui-même (pack.toml), pas dans un fichier inclus", "يوضع [handover] في ملف الحزمة نفسه (pack.toml)، لا في ملف مُضمَّن"),
    ("next step id \"{}\" is used twice", "l'identifiant d'étape suivante « {} » est utilisé deux fois", "معرّف الخطوة التالية «{}» مستعمل مرتين"),
    ("a next step needs a place or a number to call", "une étape suivante a besoin d'un lieu (place) ou d'un numéro à appeler (number)", "تحتاج الخطوة التالية إلى مكان (place) أو رقم للاتصال (number)"),
    ("no [[next_step]] that always applies (without `when` or `if_no_aid`): every results page must end with something to do, like going to the CCAS", "aucune [[next_step]] ne s'applique toujours (sans `when` ni `if_no_aid`) : chaque page de résultats doit finir par une chose à faire, comme aller au CCAS", "لا توجد [[next_step]] تنطبق دائمًا (بلا `when` ولا `if_no_aid`): يجب أن تنتهي كل صفحة نتائج بشيء يمكن فعله، مثل الذهاب إلى المركز (CCAS)"),
    ("a glossary term must be non-empty, without spaces around it", "un terme du glossaire ne doit être ni vide ni entouré d'espaces", "يجب ألا يكون مصطلح المسرد فارغًا ولا محاطًا بمسافات"),
    ("glossary term \"{}\" is listed twice", "le terme « {} » figure deux fois dans le glossaire", "المصطلح «{}» مذكور مرتين في المسرد"),
    ("circular definition: {}", "définition circulaire : {}", "تعريف دائري: {}"),
    // --- expressions: words, syntax, types ---
    (" (did you mean \"{}\"?)", " (vouliez-vous dire « {} » ?)", " (هل تقصد «{}»؟)"),
    ("a yes/no condition", "une condition oui/non", "شرط نعم/لا"),
    ("a number", "un nombre", "عدد"),
    ("a date", "une date", "تاريخ"),
    ("the answer to \"{}\" (one of its options)", "la réponse à « {} » (une de ses options)", "الإجابة عن «{}» (أحد خياراته)"),
    ("the answers to \"{}\" (several options)", "les réponses à « {} » (plusieurs options)", "الإجابات عن «{}» (عدة خيارات)"),
    ("expected an option id in quotes, like 'student'", "une option entre apostrophes est attendue, comme 'student'", "المتوقع معرّف خيار بين علامتي تنصيص، مثل 'student'"),
    ("'{}' is not an option of \"{}\"{} (options: {})", "'{}' n'est pas une option de « {} »{} (options : {})", "'{}' ليس خيارًا من خيارات «{}»{} (الخيارات: {})"),
    ("expected {}, found {}", "{} attendu, trouvé {}", "المتوقع {}، وُجد {}"),
    ("expected {}, but the expression ends", "{} attendu, mais l'expression s'arrête", "المتوقع {}، لكن التعبير ينتهي"),
    ("a quoted option '{}' can only follow ==, !=, `in` or `has` after a question", "une option entre apostrophes '{}' ne peut suivre que ==, !=, `in` ou `has` après une question", "لا يأتي الخيار '{}' إلا بعد == أو != أو `in` أو `has` بعد سؤال"),
    ("a list [..] can only follow `in`", "une liste [..] ne peut suivre que `in`", "لا تأتي القائمة [..] إلا بعد `in`"),
    ("unknown name \"{}\"{}", "nom inconnu « {} »{}", "اسم غير معروف «{}»{}"),
    ("`in` needs a one-of question on its left, found {}", "`in` demande à sa gauche une question à choix unique, trouvé {}", "تحتاج `in` إلى سؤال باختيار واحد على يسارها، وُجد {}"),
    ("`in` needs a list of options, like ['a', 'b']", "`in` demande une liste d'options, comme ['a', 'b']", "تحتاج `in` إلى قائمة خيارات، مثل ['a', 'b']"),
    ("`has` needs a several-of question on its left, found {}", "`has` demande à sa gauche une question à choix multiples, trouvé {}", "تحتاج `has` إلى سؤال متعدد الاختيارات على يسارها، وُجد {}"),
    ("a quoted option can only be compared with a one-of question, not {}", "une option entre apostrophes ne se compare qu'à une question à choix unique, pas à {}", "لا يُقارَن الخيار إلا بسؤال باختيار واحد، لا بـ{}"),
    ("options can only be compared with == or !=", "les options ne se comparent qu'avec == ou !=", "لا تُقارَن الخيارات إلا بـ== أو !="),
    ("cannot compare {} with {}", "impossible de comparer {} avec {}", "لا يمكن مقارنة {} بـ{}"),
    ("{}() takes {} argument(s), found {}", "{}() prend {} argument(s), trouvé {}", "تأخذ {}() {} وسيطًا، وُجد {}"),
    ("{}() needs at least one argument", "{}() demande au moins un argument", "تحتاج {}() إلى وسيط واحد على الأقل"),
    ("if() can choose between numbers, dates or conditions", "if() choisit entre des nombres, des dates ou des conditions", "تختار if() بين أعداد أو تواريخ أو شروط"),
    ("unknown function {}(){}; functions: {}", "fonction inconnue {}(){} ; fonctions : {}", "دالة غير معروفة {}(){}؛ الدوال: {}"),
    ("empty expression", "expression vide", "تعبير فارغ"),
    ("unexpected {} after a complete expression", "{} inattendu après une expression complète", "{} غير متوقع بعد تعبير كامل"),
    ("number {}", "le nombre {}", "العدد {}"),
    ("date {}", "la date {}", "التاريخ {}"),
    ("text '{}'", "le texte '{}'", "النص '{}'"),
    ("a value", "une valeur", "قيمة"),
    ("expected a value, found \"{}\"", "une valeur est attendue, trouvé « {} »", "المتوقع قيمة، وُجد «{}»"),
    ("expression more than {} levels deep {}", "expression de plus de {} niveaux : découpez-la en valeurs calculées (derived)", "تعبير بأكثر من {} مستوى: قسّمه إلى قيم محسوبة (derived)"),
    ("expression nested too deeply: {}", "expression trop imbriquée : {}", "تعبير متداخل أكثر من اللازم: {}"),
    ("expression longer than {} characters", "expression de plus de {} caractères", "تعبير أطول من {} حرفًا"),
    ("write == to compare (a single = is not allowed)", "écrivez == pour comparer (un seul = n'est pas permis)", "اكتب == للمقارنة (لا يُسمح بـ= واحدة)"),
    ("unexpected \"!\": write `not` or !=", "« ! » inattendu : écrivez `not` ou !=", "«!» غير متوقع: اكتب `not` أو !="),
    ("quote not closed", "apostrophe non fermée", "علامة تنصيص غير مغلقة"),
    ("invalid date {}", "date invalide {}", "تاريخ غير صالح {}"),
    ("invalid number {}", "nombre invalide {}", "عدد غير صالح {}"),
    ("a name cannot start with a digit", "un nom ne peut pas commencer par un chiffre", "لا يمكن أن يبدأ الاسم برقم"),
    ("unexpected character \"{}\"", "caractère inattendu « {} »", "حرف غير متوقع «{}»"),
    // --- limits ---
    ("the link \"{}\" holds a space or a control character", "le lien « {} » contient une espace ou un caractère de contrôle", "الرابط «{}» يحتوي على مسافة أو حرف تحكم"),
    ("the link \"{}\" is not allowed: {}", "le lien « {} » n'est pas permis : un lien doit commencer par https: http: mailto: tel: et mener quelque part", "الرابط «{}» غير مسموح: يجب أن يبدأ الرابط بـhttps: أو http: أو mailto: أو tel: وأن يؤدي إلى مكان ما"),
    ("{} {}, more than the limit of {}", "{} {}, plus que la limite de {}", "{} {}، أكثر من الحد البالغ {}"),
    ("{} languages, more than the limit of {}", "{} langues, plus que la limite de {}", "{} لغات، أكثر من الحد البالغ {}"),
    ("the \"{}\" text has {} characters, more than the limit of {}", "le texte « {} » a {} caractères, plus que la limite de {}", "النص «{}» فيه {} حرفًا، أكثر من الحد البالغ {}"),
    ("{} characters, more than the limit of {}", "{} caractères, plus que la limite de {}", "{} حرفًا، أكثر من الحد البالغ {}"),
    ("expression {} levels deep, more than the limit of {}: split it into derived values", "expression de {} niveaux, plus que la limite de {} : découpez-la en valeurs calculées (derived)", "تعبير بعمق {} مستوى، أكثر من الحد البالغ {}: قسّمه إلى قيم محسوبة (derived)"),
    ("only an option of a several_of question can be exclusive", "seule une option d'une question several_of peut être exclusive", "وحده خيار سؤال several_of يمكن أن يكون حصريًا"),
    // --- test cases and answers ---
    ("{} case(s) run from {} (pack \"{}\" version {}): {} passed, {} failed", "{} cas lancés depuis {} (pack « {} » version {}) : {} réussis, {} en échec", "{} حالة شُغّلت من {} (الحزمة «{}» النسخة {}): {} ناجحة، {} فاشلة"),
    ("no [[case]] in the file", "aucun [[case]] dans le fichier", "لا يوجد [[case]] في الملف"),
    ("case {} \"{}\" checks nothing: {}", "le cas {} « {} » ne vérifie rien : donnez `expect`, `amounts`, `from` ou `would_qualify_if`", "الحالة {} «{}» لا تتحقق من شيء: أعطِ `expect` أو `amounts` أو `from` أو `would_qualify_if`"),
    ("case {} has the same name as case {}: \"{}\"", "le cas {} a le même nom que le cas {} : « {} »", "للحالة {} الاسم نفسه الذي للحالة {}: «{}»"),
    ("line {}, case \"{}\", {}: unknown aid \"{}\"{}", "ligne {}, cas « {} », {} : aide inconnue « {} »{}", "السطر {}، الحالة «{}»، {}: مساعدة غير معروفة «{}»{}"),
    ("line {}, case \"{}\", would_qualify_if: aid \"{}\": unknown question \"{}\"{}", "ligne {}, cas « {} », would_qualify_if : aide « {} » : question inconnue « {} »{}", "السطر {}، الحالة «{}»، would_qualify_if: المساعدة «{}»: سؤال غير معروف «{}»{}"),
    ("line {}, case \"{}\", expect: aid \"{}\": unknown verdict \"{}\" (use {})", "ligne {}, cas « {} », expect : aide « {} » : verdict inconnu « {} » (utilisez {})", "السطر {}، الحالة «{}»، expect: المساعدة «{}»: حكم غير معروف «{}» (استعمل {})"),
    ("answer to unknown question \"{}\"{}", "réponse à une question inconnue « {} »{}", "إجابة عن سؤال غير معروف «{}»{}"),
    ("answer to \"{}\" refused: {}", "réponse à « {} » refusée : {}", "الإجابة عن «{}» مرفوضة: {}"),
    ("aid \"{}\": unknown verdict \"{}\" (use {})", "aide « {} » : verdict inconnu « {} » (utilisez {})", "المساعدة «{}»: حكم غير معروف «{}» (استعمل {})"),
    ("unknown aid \"{}\"", "aide inconnue « {} »", "مساعدة غير معروفة «{}»"),
    ("aid \"{}\": expected {}, got {} ({})", "aide « {} » : {} attendu, obtenu {} ({})", "المساعدة «{}»: المتوقع {}، والنتيجة {} ({})"),
    ("aid \"{}\": expected amount {}, got none", "aide « {} » : montant {} attendu, aucun obtenu", "المساعدة «{}»: المتوقع مبلغ {}، ولا مبلغ"),
    ("aid \"{}\": expected amount {}, got {}", "aide « {} » : montant {} attendu, obtenu {}", "المساعدة «{}»: المتوقع مبلغ {}، والنتيجة {}"),
    ("aid \"{}\": expected from {}, got {}", "aide « {} » : date {} attendue, obtenu {}", "المساعدة «{}»: المتوقع التاريخ {}، والنتيجة {}"),
    ("aid \"{}\": expected would_qualify_if {}, got {}", "aide « {} » : would_qualify_if {} attendu, obtenu {}", "المساعدة «{}»: المتوقع would_qualify_if {}، والنتيجة {}"),
    ("every condition met", "toutes les conditions remplies", "كل الشروط مستوفاة"),
    ("to confirm: {}", "à confirmer : {}", "للتأكيد: {}"),
    ("checks by the institution", "vérifications par l'organisme", "تحققات من الجهة المانحة"),
    ("trial scheme", "dispositif expérimental", "برنامج تجريبي"),
    ("outside the application window", "hors de la période de demande", "خارج فترة تقديم الطلبات"),
    ("unsettled by: {}", "dépend de : {}", "متوقف على: {}"),
    ("refused by: {}", "refusé par : {}", "مرفوض بسبب: {}"),
    ("the aid's status", "le statut de l'aide", "حالة المساعدة"),
    ("criterion {}", "la condition {}", "الشرط {}"),
    ("nothing is written", "rien n'est écrit", "لم يُكتب شيء"),
    ("the number is too long", "le nombre est trop long", "العدد طويل جدًا"),
    ("the date is too long", "la date est trop longue", "التاريخ طويل جدًا"),
    ("the number can be read as {} or as {}: {}", "le nombre peut se lire {} ou {} : écrivez-le sans séparateur de milliers, ou avec une espace", "يمكن قراءة العدد {} أو {}: اكتبه بلا فاصل آلاف، أو بمسافة"),
    ("not a number", "ce n'est pas un nombre", "ليس عددًا"),
    ("a whole number is expected", "un nombre entier est attendu", "المتوقع عدد صحيح"),
    ("an amount has at most two decimals", "un montant a au plus deux décimales", "للمبلغ رقمان عشريان على الأكثر"),
    ("the number cannot be negative", "le nombre ne peut pas être négatif", "لا يمكن أن يكون العدد سالبًا"),
    ("the number is below the minimum, {}", "le nombre est sous le minimum, {}", "العدد أقل من الحد الأدنى، {}"),
    ("the number is above the maximum, {}", "le nombre dépasse le maximum, {}", "العدد أكبر من الحد الأقصى، {}"),
    ("the amount is above {}", "le montant dépasse {}", "المبلغ أكبر من {}"),
    ("not a date (DD/MM/YYYY or YYYY-MM-DD)", "ce n'est pas une date (JJ/MM/AAAA ou AAAA-MM-JJ)", "ليس تاريخًا (DD/MM/YYYY أو YYYY-MM-DD)"),
    ("the date is in the future", "la date est dans le futur", "التاريخ في المستقبل"),
    ("the date is before 1900", "la date est avant 1900", "التاريخ قبل 1900"),
    ("the date is before {}", "la date est avant le {}", "التاريخ قبل {}"),
    ("the date is after {}", "la date est après le {}", "التاريخ بعد {}"),
    ("yes or no is expected", "oui ou non est attendu", "المتوقع نعم أو لا"),
    ("\"{}\" is not an option", "« {} » n'est pas une option", "«{}» ليس خيارًا"),
    ("\"{}\" is given twice", "« {} » est donné deux fois", "«{}» مذكور مرتين"),
    ("\"{}\" cannot be given with other options", "« {} » ne peut pas être donné avec d'autres options", "لا يمكن إعطاء «{}» مع خيارات أخرى"),
    ("\"I don't know\" is not offered", "« Je ne sais pas » n'est pas proposé", "«لا أعرف» غير مقترح"),
    ("true/false, a number, a date, a text or a list of option ids", "true/false, un nombre, une date, un texte ou une liste d'options", "true/false أو عدد أو تاريخ أو نص أو قائمة خيارات"),
    ("bad number", "nombre invalide", "عدد غير صالح"),
    // --- freshness (warnings) ---
    ("the source stopped applying on {}: find the new value or rule", "la source ne s'applique plus depuis le {} : trouvez la nouvelle valeur ou règle", "توقف تطبيق المصدر منذ {}: ابحث عن القيمة أو القاعدة الجديدة"),
    ("to review since {}", "à revoir depuis le {}", "للمراجعة منذ {}"),
    ("last verified on {}", "vérifié pour la dernière fois le {}", "آخر تحقق في {}"),
    ("never verified: add verified = YYYY-MM-DD", "jamais vérifié : ajoutez verified = AAAA-MM-JJ", "لم يُتحقق منه قط: أضف verified = YYYY-MM-DD"),
    ("used by no rule", "utilisé par aucune règle", "لا تستعمله أي قاعدة"),
    ("no documents to bring", "aucune pièce à apporter (documents)", "لا وثائق مطلوبة (documents)"),
    ("no place to go", "aucun lieu où aller (places)", "لا مكان للذهاب إليه (places)"),
    ("no address", "pas d'adresse", "لا عنوان"),
    ("no opening hours", "pas d'horaires d'ouverture", "لا مواعيد عمل"),
    ("review_by {} is before verified {}", "review_by {} est avant verified {}", "review_by {} قبل verified {}"),
    // --- diff ---
    ("aid \"{}\" added", "aide « {} » ajoutée", "أُضيفت المساعدة «{}»"),
    ("aid \"{}\" removed", "aide « {} » retirée", "حُذفت المساعدة «{}»"),
    ("aid \"{}\": changed {}", "aide « {} » : modifié : {}", "المساعدة «{}»: تغيّر: {}"),
    ("rules", "règles", "القواعد"),
    ("texts", "textes", "النصوص"),
    ("status", "statut", "الحالة"),
    ("application window", "période de demande", "فترة تقديم الطلبات"),
    ("documents", "pièces à apporter", "الوثائق المطلوبة"),
    ("places", "lieux", "الأماكن"),
    ("sources", "sources", "المصادر"),
    ("freshness dates", "dates de vérification", "تواريخ التحقق"),
    ("parameter \"{}\" added", "paramètre « {} » ajouté", "أُضيف المعامل «{}»"),
    ("parameter \"{}\" removed", "paramètre « {} » retiré", "حُذف المعامل «{}»"),
    ("parameter \"{}\": value {} from {} added (source: {})", "paramètre « {} » : valeur {} à partir du {} ajoutée (source : {})", "المعامل «{}»: أُضيفت القيمة {} ابتداءً من {} (المصدر: {})"),
    ("parameter \"{}\": value {} from {} removed", "paramètre « {} » : valeur {} à partir du {} retirée", "المعامل «{}»: حُذفت القيمة {} ابتداءً من {}"),
    ("case \"{}\", aid \"{}\": {} before, {} after", "cas « {} », aide « {} » : {} avant, {} après", "الحالة «{}»، المساعدة «{}»: {} قبل، {} بعد"),
    ("case \"{}\", aid \"{}\": {} before, {} after; amount {} before, {} after", "cas « {} », aide « {} » : {} avant, {} après ; montant {} avant, {} après", "الحالة «{}»، المساعدة «{}»: {} قبل، {} بعد؛ المبلغ {} قبل، {} بعد"),
    ("case \"{}\" cannot run on both versions (its answers do not fit one of them)", "le cas « {} » ne peut pas tourner sur les deux versions (ses réponses ne conviennent pas à l'une d'elles)", "لا يمكن تشغيل الحالة «{}» على النسختين (إجاباتها لا تناسب إحداهما)"),
    ("eligible", "éligible", "مؤهل"),
    ("to_confirm", "à confirmer", "للتأكيد"),
    ("undetermined", "indéterminé", "غير محدد"),
    ("not_eligible", "non éligible", "غير مؤهل"),
    ("none", "aucun", "لا شيء"),
    ("no change", "aucun changement", "لا تغيير"),
    // --- the studio's form edits ---
    ("the file cannot be read as TOML: fix it first ({})", "le fichier n'est pas lisible en TOML : corrigez-le d'abord ({})", "لا يمكن قراءة الملف بصيغة TOML: صحّحه أولًا ({})"),
    ("no parameter \"{}\" in this file", "pas de paramètre « {} » dans ce fichier", "لا يوجد المعامل «{}» في هذا الملف"),
    ("no aid \"{}\" in this file", "pas d'aide « {} » dans ce fichier", "لا توجد المساعدة «{}» في هذا الملف"),
    ("no place \"{}\" in this file", "pas de lieu « {} » dans ce fichier", "لا يوجد المكان «{}» في هذا الملف"),
    ("the field {} is not written in a form the form can edit: edit it in the text", "le champ {} n'est pas écrit sous une forme que le formulaire sait modifier : modifiez-le dans le texte", "الحقل {} غير مكتوب بشكل يستطيع النموذج تعديله: عدّله في النص"),
    ("invalid value: {}", "valeur invalide : {}", "قيمة غير صالحة: {}"),
    ("a case needs a name", "un cas a besoin d'un nom", "تحتاج الحالة إلى اسم"),
    ("a case needs at least one expected verdict or amount", "un cas a besoin d'au moins un verdict ou un montant attendu", "تحتاج الحالة إلى حكم أو مبلغ متوقع واحد على الأقل"),
    ("opening hours cannot be read: {}; write them like {}", "horaires illisibles : {} ; écrivez-les comme {}", "تعذّرت قراءة المواعيد: {}؛ اكتبها مثل {}"),
    ("a document needs its paper", "un document a besoin de son intitulé (le papier à apporter)", "تحتاج الوثيقة إلى اسمها (الورقة المطلوبة)"),
    ("\"{}\" is not a status ({})", "« {} » n'est pas un statut ({})", "«{}» ليست حالة ({})"),
];

/// Position of a language in the table's columns: 0 English, 1 French, 2 Arabic (others: English).
fn column(lang: &str) -> usize {
    match lang {
        "fr" => 1,
        "ar" => 2,
        _ => 0,
    }
}

/// The holes' contents when `message` matches `pattern` entirely, or `None`.
fn captures<'m>(pattern: &str, message: &'m str) -> Option<Vec<&'m str>> {
    let mut pieces = pattern.split("{}");
    let first = pieces.next().unwrap_or("");
    let mut rest = message.strip_prefix(first)?;
    let pieces: Vec<&str> = pieces.collect();
    let mut out = Vec::with_capacity(pieces.len());
    for (i, piece) in pieces.iter().enumerate() {
        if i + 1 == pieces.len() {
            out.push(rest.strip_suffix(piece)?);
            rest = "";
        } else if piece.is_empty() {
            // Two holes side by side: the first one takes nothing it could share (a hint follows an id).
            out.push("");
        } else {
            let at = rest.find(piece)?;
            out.push(&rest[..at]);
            rest = &rest[at + piece.len()..];
        }
    }
    // Without holes, the message must be the pattern itself.
    rest.is_empty().then_some(out)
}

/// The most specific entry matching `message` (the one with the most fixed text) and its holes.
fn best_match(message: &str) -> Option<(&'static Entry, Vec<&str>)> {
    TABLE
        .iter()
        .filter_map(|e| captures(e.0, message).map(|c| (e, c)))
        .max_by_key(|(e, _)| e.0.len() - 2 * e.0.matches("{}").count())
}

/// Whether the table has an entry for `message` (an English message of the engine).
pub fn is_known(message: &str) -> bool {
    best_match(message.trim()).is_some()
}

/// `message` (an English message of the engine) in `lang`; English when the table has no entry.
pub fn localize(message: &str, lang: &str) -> String {
    localize_depth(message.trim(), lang, 0)
}

fn localize_depth(message: &str, lang: &str, depth: usize) -> String {
    let col = column(lang);
    if col == 0 || depth > 4 {
        return message.to_string();
    }
    // The `toml` crate adds a second line on some messages ("invalid table header\nduplicate key …").
    if let Some((head, tail)) = message.split_once('\n') {
        return format!(
            "{}\n{}",
            localize_depth(head.trim(), lang, depth + 1),
            localize_depth(tail.trim(), lang, depth + 1)
        );
    }
    let Some((entry, holes)) = best_match(message) else {
        return message.to_string();
    };
    let target = [entry.0, entry.1, entry.2][col];
    // A hole between quotes holds an id or a value, never words to translate ("map" may be an id).
    let pieces: Vec<&str> = entry.0.split("{}").collect();
    let quoted: Vec<bool> = pieces
        .windows(2)
        .map(|w| {
            ['"', '\'', '`']
                .iter()
                .any(|q| w[0].ends_with(*q) && w[1].starts_with(*q))
        })
        .collect();
    let mut out = String::new();
    let mut holes = holes.into_iter().zip(quoted);
    let mut pieces = target.split("{}").peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece);
        if pieces.peek().is_some() {
            let (hole, quoted) = holes.next().unwrap_or(("", true));
            // A hole that is itself a message (a hint, "a number") is translated too.
            if !quoted && best_match(hole).is_some() {
                out.push_str(&localize_depth(hole, lang, depth + 1));
            } else if !quoted && hole.split(", ").all(|part| best_match(part).is_some()) {
                // A list of reasons: each one is a message.
                let parts: Vec<String> = hole
                    .split(", ")
                    .map(|part| localize_depth(part, lang, depth + 1))
                    .collect();
                out.push_str(&parts.join(if lang == "ar" { "، " } else { ", " }));
            } else {
                out.push_str(hole);
            }
        }
    }
    out
}

/// The words of field paths, by language: section or field key (singular), then French and Arabic.
#[rustfmt::skip]
const PATH_WORDS: &[(&str, &str, &str)] = &[
    ("aid", "aide", "المساعدة"),
    ("question", "question", "السؤال"),
    ("derived", "valeur calculée", "القيمة المحسوبة"),
    ("parameter", "paramètre", "المعامل"),
    ("place", "lieu", "المكان"),
    ("value", "valeur", "القيمة"),
    ("option", "option", "الخيار"),
    ("document", "pièce", "الوثيقة"),
    ("check", "vérification", "التحقق"),
    ("source", "source", "المصدر"),
    ("contact", "contact", "جهة الاتصال"),
    ("language", "langue", "اللغة"),
    ("criterion", "condition", "الشرط"),
    ("advice", "conseil", "النصيحة"),
    ("case", "cas", "الحالة"),
    ("include", "inclusion", "التضمين"),
    ("field", "champ", "الحقل"),
    ("item", "élément", "العنصر"),
    ("at character", "au caractère", "عند الحرف"),
];

fn path_word(word: &str, lang: &str) -> String {
    let col = column(lang);
    PATH_WORDS
        .iter()
        .find(|w| w.0 == word)
        .map_or(word, |w| [w.0, w.1, w.2][col])
        .to_string()
}

/// The path of `error` for people, in `lang`: `aide "rme", condition 2, champ when`.
pub fn human_path(error: &PackError, lang: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let path = &error.path;
    let mut i = 0;
    while i < path.len() {
        match (&path[i], path.get(i + 1)) {
            (PathSegment::Key(key), Some(PathSegment::Index(n))) => {
                let word = path_word(crate::errors::singular(key), lang);
                match (i, &error.item) {
                    (0, Some(item)) => parts.push(format!("{word} \"{item}\"")),
                    _ => parts.push(format!("{word} {}", n + 1)),
                }
                i += 2;
            }
            (PathSegment::Key(key), None) => {
                parts.push(format!("{} {key}", path_word("field", lang)));
                i += 1;
            }
            (PathSegment::Key(key), Some(PathSegment::Key(_))) => {
                parts.push(key.clone());
                i += 1;
            }
            (PathSegment::Index(n), _) => {
                parts.push(format!("{} {}", path_word("item", lang), n + 1));
                i += 1;
            }
        }
    }
    parts.join(if lang == "ar" { "، " } else { ", " })
}

/// `error` as one line in `lang`: `file:line:column: path: message` (the CLI's and the studio's form).
pub fn render(error: &PackError, lang: &str) -> String {
    let mut out = String::new();
    if let Some(file) = &error.file {
        out.push_str(file);
        out.push(':');
    }
    if let Some(line) = error.line {
        out.push_str(&format!("{line}:"));
        if let Some(column) = error.column {
            out.push_str(&format!("{column}:"));
        }
    }
    if error.file.is_some() || error.line.is_some() {
        out.push(' ');
    }
    let path = human_path(error, lang);
    if !path.is_empty() {
        out.push_str(&path);
        out.push_str(": ");
    }
    if let (None, Some(col)) = (error.line, error.expr_column) {
        out.push_str(&format!("{} {col}: ", path_word("at character", lang)));
    }
    out.push_str(&localize(&error.message, lang));
    out
}

/// "N problem(s) found in FILE" in `lang`.
pub fn problems_found(count: usize, file: &str, lang: &str) -> String {
    match lang {
        "fr" => format!("{count} problème(s) trouvé(s) dans {file}"),
        "ar" => format!("{count} مشكلة في {file}"),
        _ => format!("{count} problem(s) found in {file}"),
    }
}

/// "N warning(s), to review" in `lang`.
pub fn warnings_found(count: usize, lang: &str) -> String {
    match lang {
        "fr" => format!("{count} avertissement(s) : à revoir (la vérification réussit quand même)"),
        "ar" => format!("{count} تنبيه: للمراجعة (ينجح الفحص رغم ذلك)"),
        _ => format!("{count} warning(s): to review (the check still passes)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_are_filled_and_hints_translated() {
        assert_eq!(
            localize("unknown name \"agee\" (did you mean \"age\"?)", "fr"),
            "nom inconnu « agee » (vouliez-vous dire « age » ?)"
        );
        assert_eq!(
            localize("cannot compare a number with a date", "fr"),
            "impossible de comparer un nombre avec une date"
        );
        assert_eq!(
            localize("the number is above the maximum, 120", "ar"),
            "العدد أكبر من الحد الأقصى، 120"
        );
        assert_eq!(
            localize("missing \"ar\" translation", "en"),
            "missing \"ar\" translation"
        );
    }

    #[test]
    fn unknown_messages_stay_in_english() {
        assert!(!is_known("something the table does not hold"));
        assert_eq!(localize("something new", "fr"), "something new");
    }

    #[test]
    fn every_entry_has_as_many_holes_in_each_language() {
        for (en, fr, ar) in TABLE {
            let n = en.matches("{}").count();
            // A translation may leave out a hole only when it rewords the whole tail (a fixed hint).
            assert!(fr.matches("{}").count() <= n, "{en}");
            assert!(ar.matches("{}").count() <= n, "{en}");
            assert!(!fr.is_empty() && !ar.is_empty(), "{en}");
        }
    }
}

#[cfg(test)]
mod results_data_words {
    use super::*;

    /// A text a translation file lacks (a paper added in the studio, not yet translated) reads in French.
    #[test]
    fn translation_file_problems_are_translated() {
        let missing = "missing \"tr\" translation: add `aid.rme.documents.8.paper = \"…\"` to chenove/lang/tr.toml (reference text: \"Un RIB\")";
        assert_eq!(
            localize(missing, "fr"),
            "traduction « tr » manquante : ajoutez `aid.rme.documents.8.paper = \"…\"` à chenove/lang/tr.toml (texte de référence : \"Un RIB\")"
        );
        assert!(localize(missing, "ar").starts_with("الترجمة «tr» ناقصة"));
        let stray = "`aid.rme.documents.9.paper` is not the path of any text of the pack (a typo, or a text since removed?)";
        assert!(localize(stray, "fr").contains("n'est le chemin d'aucun texte"));
    }

    /// The pack-format-3 checks (opening hours, next steps, glossary) speak French and Arabic too.
    #[test]
    fn opening_hours_and_next_step_problems_are_translated() {
        for message in [
            "opening hours \"Lu-Ve 8h\" cannot be read: \"Lu-Ve\" is not understood: days are Mo, Tu, We, Th, Fr, Sa, Su or PH (keep the hours in words in `hours`, and leave opening_hours out)",
            "a next step needs a place or a number to call",
            "glossary term \"CCAS\" is listed twice",
            "\"25:00\" is not a time like 08:30",
        ] {
            assert!(is_known(message), "{message}");
            let fr = localize(message, "fr");
            assert_ne!(fr, message, "{message}");
        }
        let fr = localize(
            "opening hours \"Lu-Ve 8h\" cannot be read: \"Lu-Ve\" is not understood: days are Mo, Tu, We, Th, Fr, Sa, Su or PH (keep the hours in words in `hours`, and leave opening_hours out)",
            "fr",
        );
        assert!(fr.contains("les jours s'écrivent"), "{fr}");
    }
}
