//! The studio's form edits, written into a pack file's TOML without disturbing its comments or layout
//! (`toml_edit` keeps every comment, blank line and spacing it does not touch): a new dated value of a
//! parameter; an aid's texts, status, documents and application window; a place's address, phone,
//! opening hours, e-mail and web site. Each function takes the file's text and returns the new text, or
//! why not (in English, the message table's key: see [`EditError::message`]). The result is not checked
//! here: the studio re-checks the whole pack after each edit, as after typing.

use crate::date::Date;
use core::fmt;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// Why an edit could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The text is not TOML (fix it in the editor first).
    NotToml(String),
    /// No `[[section]]` with this id in this file (it may be in an included file).
    NotFound {
        /// `parameter`, `aid` or `place`.
        section: &'static str,
        /// The id looked for.
        id: String,
    },
    /// A field of the found item does not have the shape the edit expects.
    BadShape(String),
    /// A value given to the edit is not valid.
    BadValue(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotToml(e) => {
                write!(f, "the file cannot be read as TOML: fix it first ({e})")
            }
            EditError::NotFound { section, id } => {
                write!(f, "no {section} \"{id}\" in this file")
            }
            EditError::BadShape(field) => {
                write!(
                    f,
                    "the field {field} is not written in a form the form can edit: edit it in the text"
                )
            }
            EditError::BadValue(what) => write!(f, "invalid value: {what}"),
        }
    }
}

impl EditError {
    /// The message in `lang`.
    pub fn message(&self, lang: &str) -> String {
        crate::messages::localize(&self.to_string(), lang)
    }
}

/// A new dated value of a parameter, as the form gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewValue {
    /// In force from.
    pub from: Date,
    /// The value, as written (`450`, `646.52`): kept exact.
    pub value: String,
    /// Its legal or official source.
    pub source: String,
    /// Link to the source.
    pub url: Option<String>,
    /// When it was verified.
    pub verified: Date,
    /// Found but to be confirmed by the institution.
    pub to_confirm: bool,
}

/// A text of an aid the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AidText {
    /// `name`.
    Name,
    /// `institution`.
    Institution,
    /// `summary`.
    Summary,
    /// `how_to_apply`.
    HowToApply,
}

impl AidText {
    fn key(self) -> &'static str {
        match self {
            AidText::Name => "name",
            AidText::Institution => "institution",
            AidText::Summary => "summary",
            AidText::HowToApply => "how_to_apply",
        }
    }
}

/// A field of a place the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceField {
    /// `address`.
    Address,
    /// `phone`.
    Phone,
    /// `opening_hours`, in OpenStreetMap syntax (`Mo-Fr 08:30-12:00`).
    OpeningHours,
    /// `email`.
    Email,
    /// `website`.
    Website,
}

impl PlaceField {
    fn key(self) -> &'static str {
        match self {
            PlaceField::Address => "address",
            PlaceField::Phone => "phone",
            PlaceField::OpeningHours => "opening_hours",
            PlaceField::Email => "email",
            PlaceField::Website => "website",
        }
    }
}

/// The statuses an aid may have (as in the pack format).
pub const AID_STATUSES: [&str; 4] = ["active", "experimental", "under_study", "closed"];

fn parse(text: &str) -> Result<DocumentMut, EditError> {
    text.parse::<DocumentMut>()
        .map_err(|e| EditError::NotToml(e.message().trim().to_string()))
}

/// The `[[section]]` table whose `id` is `id`.
fn item_mut<'d>(
    doc: &'d mut DocumentMut,
    section: &'static str,
    id: &str,
) -> Result<&'d mut Table, EditError> {
    let not_found = || EditError::NotFound {
        section,
        id: id.to_string(),
    };
    let tables: &mut ArrayOfTables = doc
        .get_mut(section)
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(not_found)?;
    tables
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
        .ok_or_else(not_found)
}

fn date_value(date: Date) -> Result<Value, EditError> {
    date.to_string()
        .parse::<toml_edit::Datetime>()
        .map(Value::from)
        .map_err(|_| EditError::BadValue(date.to_string()))
}

/// A number as TOML: an integer when whole, else a quoted decimal (exact, as the pack format allows).
fn number_value(written: &str) -> Result<Value, EditError> {
    let normal = written.trim().replace(',', ".");
    let exact = crate::decimal_input::parse_decimal(&normal)
        .map_err(|_| EditError::BadValue(written.to_string()))?;
    if exact.fract().is_zero()
        && let Ok(n) = i64::try_from(exact.trunc().mantissa())
        && exact.scale() == 0
    {
        return Ok(Value::from(n));
    }
    Ok(Value::from(exact.to_string()))
}

/// Sets `key` in an item, keeping the key's place and the comments around it when it exists.
fn set(table: &mut Table, key: &str, value: Value) {
    match table.get_mut(key) {
        Some(item) => {
            // Keep the value's own spacing (`key = value  # comment`).
            let decor = item.as_value().map(|v| v.decor().clone());
            let mut value = value;
            if let Some(decor) = decor {
                *value.decor_mut() = decor;
            }
            *item = Item::Value(value);
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Adds a dated value to parameter `id` (after its others; the checker says if dates do not increase).
pub fn add_parameter_value(text: &str, id: &str, new: &NewValue) -> Result<String, EditError> {
    if new.source.trim().is_empty() {
        return Err(EditError::BadValue("every value needs its source".into()));
    }
    let mut doc = parse(text)?;
    let table = item_mut(&mut doc, "parameter", id)?;
    let mut value = InlineTable::new();
    value.insert("from", date_value(new.from)?);
    value.insert("value", number_value(&new.value)?);
    if new.to_confirm {
        value.insert("to_confirm", Value::from(true));
    }
    value.insert("source", Value::from(new.source.trim()));
    if let Some(url) = new.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        value.insert("url", Value::from(url));
    }
    value.insert("verified", date_value(new.verified)?);
    value.fmt();
    if table.get("values").is_none() {
        table.insert("values", Item::Value(Value::Array(Array::new())));
    }
    let values = table
        .get_mut("values")
        .and_then(Item::as_array_mut)
        .ok_or_else(|| EditError::BadShape(format!("parameter \"{id}\" values")))?;
    // Lay the new value out like the last one (on its own line, same indent, in a multi-line list; the
    // comments above the last one stay its own).
    let prefix = values
        .iter()
        .last()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .and_then(|p| p.rfind('\n').map(|i| p[i..].to_string()))
        .filter(|p| p.trim().is_empty());
    let mut new_value = Value::InlineTable(value);
    match prefix {
        Some(p) => new_value.decor_mut().set_prefix(p),
        None => new_value
            .decor_mut()
            .set_prefix(if values.is_empty() { "" } else { " " }),
    }
    values.push_formatted(new_value);
    Ok(doc.to_string())
}

/// A text by language, `{ fr = "…", en = "…" }`, in the order given.
fn text_value(texts: &[(&str, &str)]) -> Value {
    let mut t = InlineTable::new();
    for (lang, text) in texts {
        t.insert(*lang, Value::from(*text));
    }
    t.fmt();
    Value::InlineTable(t)
}

/// Sets one language of one text of aid `id` (the other languages are kept).
pub fn set_aid_text(
    text: &str,
    id: &str,
    field: AidText,
    lang: &str,
    value: &str,
) -> Result<String, EditError> {
    let mut doc = parse(text)?;
    let table = item_mut(&mut doc, "aid", id)?;
    match table.get_mut(field.key()) {
        Some(item) => {
            let shape = || EditError::BadShape(format!("aid \"{id}\" {}", field.key()));
            if let Some(t) = item.as_inline_table_mut() {
                match t.get_mut(lang) {
                    Some(v) => {
                        let decor = v.decor().clone();
                        *v = Value::from(value);
                        *v.decor_mut() = decor;
                    }
                    None => {
                        t.insert(lang, Value::from(value));
                    }
                }
            } else if let Some(t) = item.as_table_mut() {
                set(t, lang, Value::from(value));
            } else {
                return Err(shape());
            }
        }
        None => {
            table.insert(field.key(), Item::Value(text_value(&[(lang, value)])));
        }
    }
    Ok(doc.to_string())
}

/// Sets the status of aid `id` (one of [`AID_STATUSES`]; `active` is written too, for clarity).
pub fn set_aid_status(text: &str, id: &str, status: &str) -> Result<String, EditError> {
    if !AID_STATUSES.contains(&status) {
        return Err(EditError::BadValue(format!(
            "\"{status}\" is not a status ({})",
            AID_STATUSES.join(", ")
        )));
    }
    let mut doc = parse(text)?;
    let table = item_mut(&mut doc, "aid", id)?;
    set(table, "status", Value::from(status));
    Ok(doc.to_string())
}

/// A document to bring, as the form gives it: the paper and where to get it (in the languages the form
/// shows), the place of the pack that gives it, whether the CCAS still has to confirm it; and which
/// document of the file it was (`None`: a new one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentEdit {
    /// Its position in the aid's `documents` as the form read them; `None` for a document added.
    pub was: Option<usize>,
    /// The paper, by language (`[("fr", "Un avis d'impôt")]`).
    pub paper: Vec<(String, String)>,
    /// Where to get it, by language; empty texts leave it out.
    pub where_to_get: Vec<(String, String)>,
    /// A place id of the pack, or `None`.
    pub place: Option<String>,
    /// No source lists this paper: the CCAS confirms it.
    pub to_confirm: bool,
}

/// Sets `lang = text` in the text table `key` of `t` (created when missing); an empty text removes that
/// language, and the table when it has none left. The other languages and the spacing are kept.
fn set_text_in(t: &mut InlineTable, key: &str, texts: &[(String, String)]) {
    if t.get(key).is_none() {
        let mut new = InlineTable::new();
        new.fmt();
        t.insert(key, Value::InlineTable(new));
    }
    let Some(table) = t.get_mut(key).and_then(Value::as_inline_table_mut) else {
        return;
    };
    for (lang, text) in texts {
        let text = text.trim();
        match table.get_mut(lang) {
            _ if text.is_empty() => {
                table.remove(lang);
            }
            Some(v) if v.as_str() == Some(text) => {}
            Some(v) => {
                let decor = v.decor().clone();
                *v = Value::from(text);
                *v.decor_mut() = decor;
            }
            None => {
                table.insert(lang, Value::from(text));
            }
        }
    }
    if table.is_empty() {
        t.remove(key);
    }
}

/// The last key of an inline table and the spacing after its value (before the closing `}`).
fn last_key(t: &InlineTable) -> Option<(String, Option<toml_edit::RawString>)> {
    t.iter()
        .last()
        .map(|(k, v)| (k.to_string(), v.decor().suffix().cloned()))
}

/// After keys were added or removed at the end of an inline table, the spacing before its `}` moves to
/// the new last value (`{ a = 1 }` stays `{ a = 1, b = 2 }`, not `{ a = 1 , b = 2}`).
fn keep_closing_space(t: &mut InlineTable, before: Option<(String, Option<toml_edit::RawString>)>) {
    let Some((old_last, Some(space))) = before else {
        return;
    };
    let Some((new_last, _)) = last_key(t) else {
        return;
    };
    if new_last == old_last {
        return;
    }
    if let Some(v) = t.get_mut(&old_last) {
        v.decor_mut().set_suffix("");
    }
    if let Some(v) = t.get_mut(&new_last) {
        v.decor_mut().set_suffix(space);
    }
}

/// Writes the documents to bring for aid `id` as the form lists them: a document kept as it was is left
/// byte for byte (its other languages, spacing and comments too); a changed one is changed field by field;
/// new ones go at the end of the list, each on its line; the others are removed. An empty list removes
/// the field. A document needs its paper in the first language given.
pub fn set_aid_documents(
    text: &str,
    id: &str,
    documents: &[DocumentEdit],
) -> Result<String, EditError> {
    for d in documents {
        if d.paper.first().is_none_or(|(_, p)| p.trim().is_empty()) {
            return Err(EditError::BadValue("a document needs its paper".into()));
        }
    }
    let mut doc = parse(text)?;
    let table = item_mut(&mut doc, "aid", id)?;
    if documents.is_empty() {
        table.remove("documents");
        return Ok(doc.to_string());
    }
    let shape = || EditError::BadShape(format!("aid \"{id}\" documents"));
    let old: Vec<Value> = match table.get("documents") {
        None => Vec::new(),
        Some(item) => item.as_array().ok_or_else(shape)?.iter().cloned().collect(),
    };
    let mut list = Array::new();
    for d in documents {
        let mut value = match d.was.and_then(|i| old.get(i)) {
            Some(v) => v.clone(),
            None => {
                let mut v = Value::InlineTable(InlineTable::new());
                v.decor_mut().set_prefix("\n  ");
                v
            }
        };
        let t = value.as_inline_table_mut().ok_or_else(shape)?;
        let last_before = last_key(t);
        set_text_in(t, "paper", &d.paper);
        set_text_in(t, "where", &d.where_to_get);
        match d.place.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            None => {
                t.remove("place");
            }
            Some(p) if t.get("place").and_then(Value::as_str) == Some(p) => {}
            Some(p) => {
                t.insert("place", Value::from(p));
            }
        }
        match (d.to_confirm, t.get("to_confirm").and_then(Value::as_bool)) {
            (true, Some(true)) => {}
            (true, _) => {
                t.insert("to_confirm", Value::from(true));
            }
            (false, _) => {
                t.remove("to_confirm");
            }
        }
        if d.was.is_none() {
            t.fmt();
        } else {
            keep_closing_space(t, last_before);
        }
        list.push_formatted(value);
    }
    list.set_trailing_comma(true);
    list.set_trailing("\n");
    match table.get_mut("documents").and_then(Item::as_array_mut) {
        // Keep what is around the list (a comment after it, its spacing).
        Some(current) => {
            let decor = current.decor().clone();
            *current = list;
            *current.decor_mut() = decor;
        }
        None => set(table, "documents", Value::Array(list)),
    }
    Ok(doc.to_string())
}

/// A translation file (`lang/<code>.toml`, texts by path) after the aid `id`'s papers were reordered,
/// removed or added by [`set_aid_documents`]: `was[n]` is the position the paper now at `n` had before
/// (`None` for a paper added). The translations keyed by position (`aid.<id>.documents.<n>.paper`) move
/// with their paper; those of a removed paper go; an added paper has none, and `check` lists it as
/// missing. Without this, reordering two papers would show each translated reader the other paper.
pub fn renumber_document_translations(
    text: &str,
    id: &str,
    was: &[Option<usize>],
) -> Result<String, EditError> {
    // Line by line, not through `toml_edit`: it would regroup a file's dotted keys by table, moving every
    // text of the file. The papers' lines are written back together, in their new order, where the first
    // of them was; every other line stays byte for byte.
    let prefix = format!("aid.{id}.documents.");
    let mut papers: Vec<(usize, usize, String)> = Vec::new();
    let mut lines: Vec<Option<&str>> = Vec::new();
    let mut first = None;
    let mut moves = false;
    for line in text.split_inclusive('\n') {
        let numbered = line
            .trim_start()
            .strip_prefix(&prefix)
            .and_then(|rest| rest.split_once('.'))
            .and_then(|(n, tail)| Some((n.parse::<usize>().ok()?, tail)));
        let Some((before, tail)) = numbered else {
            lines.push(Some(line));
            continue;
        };
        first.get_or_insert(lines.len());
        lines.push(None);
        let now = was.iter().position(|w| *w == Some(before));
        moves |= now != Some(before);
        if let Some(now) = now {
            papers.push((now, papers.len(), format!("{prefix}{now}.{tail}")));
        }
    }
    // No translated paper, or every one keeps its number (a paper added at the end, a text changed): the
    // file stays as it is, byte for byte.
    let Some(first) = first.filter(|_| moves) else {
        return Ok(text.to_string());
    };
    papers.sort();
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.into_iter().enumerate() {
        if i == first {
            papers.iter().for_each(|(_, _, paper)| out.push_str(paper));
        }
        out.extend(line);
    }
    // The same texts as the file read, the papers renumbered, or the file is not in the one-text-per-line
    // form this expects (a text over several lines): the form says so rather than write something else.
    let read = |t: &str| {
        t.parse::<toml::Table>()
            .map_err(|e| EditError::NotToml(e.message().trim().to_string()))
    };
    let mut expected = read(text)?;
    if let Some(toml::Value::Table(documents)) = expected
        .get_mut("aid")
        .and_then(|aids| aids.get_mut(id))
        .and_then(|aid| aid.get_mut("documents"))
    {
        let old = core::mem::take(documents);
        for (now, before) in was.iter().enumerate() {
            if let Some(paper) = before.and_then(|b| old.get(&b.to_string())) {
                documents.insert(now.to_string(), paper.clone());
            }
        }
        // No translated paper left: no `documents` (nor an aid with no other text) in the file either.
        let aids = expected.get_mut("aid").and_then(toml::Value::as_table_mut);
        if let Some(aids) = aids {
            let aid = aids.get_mut(id).and_then(toml::Value::as_table_mut);
            if let Some(aid) = aid.filter(|aid| {
                aid["documents"]
                    .as_table()
                    .is_some_and(toml::Table::is_empty)
            }) {
                aid.remove("documents");
                if aid.is_empty() {
                    aids.remove(id);
                }
            }
            if aids.is_empty() {
                expected.remove("aid");
            }
        }
    }
    if read(&out).ok() != Some(expected) {
        return Err(EditError::BadShape(format!(
            "aid \"{id}\" documents (translations)"
        )));
    }
    Ok(out)
}

/// Sets (or with `None` removes) the yearly application window of aid `id`, days as `MM-DD`.
pub fn set_aid_window(
    text: &str,
    id: &str,
    window: Option<(&str, &str)>,
) -> Result<String, EditError> {
    let mut doc = parse(text)?;
    let table = item_mut(&mut doc, "aid", id)?;
    match window {
        None => {
            table.remove("window");
        }
        Some((from, to)) => {
            for day in [from, to] {
                let ok = day.len() == 5
                    && day.as_bytes()[2] == b'-'
                    && Date::parse(&format!("2024-{day}")).is_some();
                if !ok {
                    return Err(EditError::BadValue(format!(
                        "\"{day}\" is not a day like \"09-01\""
                    )));
                }
            }
            let mut w = InlineTable::new();
            w.insert("from", Value::from(from));
            w.insert("to", Value::from(to));
            w.fmt();
            set(table, "window", Value::InlineTable(w));
        }
    }
    Ok(doc.to_string())
}

/// Sets (or with `None` or an empty text removes) one field of place `id`.
pub fn set_place_field(
    text: &str,
    id: &str,
    field: PlaceField,
    value: Option<&str>,
) -> Result<String, EditError> {
    let value = value.map(str::trim).filter(|v| !v.is_empty());
    if let (PlaceField::OpeningHours, Some(hours)) = (field, value) {
        check_opening_hours(hours)?;
    }
    let mut doc = parse(text)?;
    let table = item_mut(&mut doc, "place", id)?;
    match value {
        None => {
            table.remove(field.key());
        }
        Some(v) => set(table, field.key(), Value::from(v)),
    }
    Ok(doc.to_string())
}

/// Whether opening hours in the OpenStreetMap syntax can be read (the engine's own parser: what the app
/// will read); why not, with an example, when they cannot.
pub fn check_opening_hours(hours: &str) -> Result<(), EditError> {
    crate::opening_hours::OpeningHours::parse(hours.trim())
        .map(drop)
        .map_err(|e| {
            EditError::BadValue(format!(
                "opening hours cannot be read: {e}; write them like Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00"
            ))
        })
}

/// Appends a `[[case]]` to a cases file (the studio's "save these answers as a case"): its name, reference
/// date, the answers as given in the preview, and the expected verdict (and amount) of each aid listed.
/// The rest of the file is kept as written; a blank line separates the new case.
pub fn append_case(
    cases_text: &str,
    name: &str,
    date: Date,
    answers: &crate::Answers,
    expect: &[(&str, &str)],
    amounts: &[(&str, crate::Decimal)],
) -> Result<String, EditError> {
    use crate::Answer;
    if name.trim().is_empty() {
        return Err(EditError::BadValue("a case needs a name".into()));
    }
    if expect.is_empty() && amounts.is_empty() {
        return Err(EditError::BadValue(
            "a case needs at least one expected verdict or amount".into(),
        ));
    }
    let mut doc = parse(cases_text)?;
    let mut case = Table::new();
    case.insert("name", toml_edit::value(name.trim()));
    case.insert("date", Item::Value(date_value(date)?));
    let mut given = InlineTable::new();
    for (question, answer) in answers.iter() {
        let v = match answer {
            Answer::YesNo(b) => Value::from(*b),
            Answer::Number(n) => number_value(&n.to_string())?,
            Answer::Date(d) => date_value(*d)?,
            Answer::OneOf(o) => Value::from(o.as_str()),
            Answer::SeveralOf(list) => {
                Value::Array(list.iter().map(String::as_str).collect::<Array>())
            }
            Answer::DontKnow => Value::from("?"),
            // The cases file writes "prefer not to answer" as the word the reader takes for it.
            Answer::Declined => Value::from("declined"),
        };
        given.insert(question, v);
    }
    given.fmt();
    case.insert("answers", Item::Value(Value::InlineTable(given)));
    if !expect.is_empty() {
        let mut e = InlineTable::new();
        for (aid, verdict) in expect {
            e.insert(*aid, Value::from(*verdict));
        }
        e.fmt();
        case.insert("expect", Item::Value(Value::InlineTable(e)));
    }
    if !amounts.is_empty() {
        let mut a = InlineTable::new();
        for (aid, amount) in amounts {
            a.insert(*aid, Value::from(amount.to_string()));
        }
        a.fmt();
        case.insert("amounts", Item::Value(Value::InlineTable(a)));
    }
    case.decor_mut().set_prefix("\n");
    match doc.get_mut("case") {
        Some(item) => item
            .as_array_of_tables_mut()
            .ok_or_else(|| EditError::BadShape("case".into()))?
            .push(case),
        None => {
            let mut all = ArrayOfTables::new();
            all.push(case);
            doc.insert("case", Item::ArrayOfTables(all));
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = r#"# The pack's header comment.
[pack]
id = "t"   # an id

# Where to go.
[[place]]
id = "ccas"
name = { fr = "CCAS", en = "Social services" }  # the name
phone = "03 00 00 00 00"

# The ceiling, voted in 2025.
[[parameter]]
id = "ceiling"
unit = "eur_month"
values = [
  # first value
  { from = 2025-01-01, value = 900, source = "Délibération 1", verified = 2026-11-23 },
]

[[aid]]
id = "rme"
name = { fr = "Revenu", en = "Income" } # keep me
status = "active"   # status comment
"#;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn keeps_every_comment(before: &str, after: &str) {
        for line in before.lines().filter(|l| l.contains('#')) {
            assert!(
                after.contains(line.trim_start())
                    || after.contains(&line[line.find('#').unwrap()..]),
                "lost {line:?} in\n{after}"
            );
        }
    }

    /// A translation file as the packs write them: texts by path, one per line, an aid's papers between
    /// other texts.
    const TRANSLATION: &str = r#"# Türkçe
place.ccas.name = "CCAS"
aid.rme.name = "Gelir"
# Papers (issue 14).
aid.rme.documents.0.paper = "Kimlik"
aid.rme.documents.0.where = "Sizde"
aid.rme.documents.1.paper = "Vergi"
aid.rme.documents.2.paper = "Fatura"
aid.other.documents.0.paper = "Başka"
place.ccas.hours = "Pazartesi"
"#;

    #[test]
    fn translated_papers_follow_their_paper_when_papers_move() {
        // Paper 2 first, paper 0 second, paper 1 removed, a new paper last.
        let out =
            renumber_document_translations(TRANSLATION, "rme", &[Some(2), Some(0), None]).unwrap();
        let read: toml::Table = toml::from_str(&out).unwrap();
        let papers = &read["aid"]["rme"]["documents"];
        assert_eq!(papers["0"]["paper"].as_str(), Some("Fatura"), "{out}");
        assert_eq!(papers["1"]["paper"].as_str(), Some("Kimlik"), "{out}");
        assert_eq!(papers["1"]["where"].as_str(), Some("Sizde"), "{out}");
        assert!(
            papers.get("2").is_none(),
            "the new paper has no translation yet: {out}"
        );
        assert!(
            !out.contains("Vergi"),
            "the removed paper's text goes: {out}"
        );
        // Nothing else moves: the other aid, the other texts and the comments stay where they were.
        assert_eq!(
            read["aid"]["other"]["documents"]["0"]["paper"].as_str(),
            Some("Başka")
        );
        keeps_every_comment(TRANSLATION, &out);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[..3],
            TRANSLATION.lines().collect::<Vec<_>>()[..3],
            "{out}"
        );
        assert_eq!(
            lines.last(),
            Some(&"place.ccas.hours = \"Pazartesi\""),
            "{out}"
        );
        assert_eq!(
            out,
            TRANSLATION.replace(
                "aid.rme.documents.0.paper = \"Kimlik\"\naid.rme.documents.0.where = \"Sizde\"\naid.rme.documents.1.paper = \"Vergi\"\naid.rme.documents.2.paper = \"Fatura\"\n",
                "aid.rme.documents.0.paper = \"Fatura\"\naid.rme.documents.1.paper = \"Kimlik\"\naid.rme.documents.1.where = \"Sizde\"\n",
            )
        );
        // Every paper removed: their texts go, the rest stays.
        let out = renumber_document_translations(TRANSLATION, "other", &[]).unwrap();
        assert_eq!(
            out,
            TRANSLATION.replace("aid.other.documents.0.paper = \"Başka\"\n", "")
        );
        // A text over several lines is not moved by guess: the form says to edit the file by hand.
        let long = TRANSLATION.replace(
            "\"Vergi\"",
            "\"\"\"Vergi\naid.rme.documents.9.paper = x\"\"\"",
        );
        assert!(matches!(
            renumber_document_translations(&long, "rme", &[Some(1)]),
            Err(EditError::BadShape(_))
        ));
        // Nothing moves (a paper added at the end): the file is left as it is, even where its papers' lines
        // are apart or out of order.
        let apart = TRANSLATION.replace("aid.rme.documents.1.paper = \"Vergi\"\n", "")
            + "aid.rme.documents.1.paper = \"Vergi\"\n";
        assert_eq!(
            renumber_document_translations(&apart, "rme", &[Some(0), Some(1), Some(2), None])
                .unwrap(),
            apart
        );
        // A file without translated papers for this aid is left as it is.
        assert_eq!(
            renumber_document_translations(TRANSLATION, "none", &[None]).unwrap(),
            TRANSLATION
        );
    }

    #[test]
    fn a_new_value_goes_on_its_own_line_and_comments_stay() {
        let out = add_parameter_value(
            PACK,
            "ceiling",
            &NewValue {
                from: date("2027-09-01"),
                value: "950,50".into(),
                source: "Délibération 2".into(),
                url: None,
                verified: date("2026-11-26"),
                to_confirm: true,
            },
        )
        .unwrap();
        keeps_every_comment(PACK, &out);
        assert!(out.contains(
            "\n  { from = 2027-09-01, value = \"950.50\", to_confirm = true, source = \"Délibération 2\", verified = 2026-11-26 },\n]"
        ), "{out}");
        // Everything else is byte for byte the same.
        let added = out.lines().count() - PACK.lines().count();
        assert_eq!(added, 1, "{out}");
    }

    #[test]
    fn aid_and_place_edits_keep_the_rest() {
        let out = set_aid_text(PACK, "rme", AidText::Name, "fr", "Revenu minimum").unwrap();
        assert!(
            out.contains("name = { fr = \"Revenu minimum\", en = \"Income\" } # keep me"),
            "{out}"
        );
        let out = set_aid_status(&out, "rme", "closed").unwrap();
        assert!(
            out.contains("status = \"closed\"   # status comment"),
            "{out}"
        );
        let out = set_aid_window(&out, "rme", Some(("09-01", "12-31"))).unwrap();
        assert!(
            out.contains("window = { from = \"09-01\", to = \"12-31\" }"),
            "{out}"
        );
        let id_card = DocumentEdit {
            was: None,
            paper: vec![
                ("fr".into(), "Pièce d'identité".into()),
                ("en".into(), "ID".into()),
            ],
            where_to_get: vec![
                ("fr".into(), "Vous l'avez".into()),
                ("en".into(), "".into()),
            ],
            place: Some("ccas".into()),
            to_confirm: true,
        };
        let out = set_aid_documents(&out, "rme", std::slice::from_ref(&id_card)).unwrap();
        assert!(
            out.contains("documents = [\n  { paper = { fr = \"Pièce d'identité\", en = \"ID\" }, where = { fr = \"Vous l'avez\" }, place = \"ccas\", to_confirm = true },\n]"),
            "{out}"
        );
        let out = set_place_field(
            &out,
            "ccas",
            PlaceField::Address,
            Some("1 place de la Mairie"),
        )
        .unwrap();
        let out = set_place_field(
            &out,
            "ccas",
            PlaceField::OpeningHours,
            Some("Mo-Fr 08:30-12:00"),
        )
        .unwrap();
        let out = set_place_field(&out, "ccas", PlaceField::Phone, None).unwrap();
        assert!(
            out.contains(
                "address = \"1 place de la Mairie\"\nopening_hours = \"Mo-Fr 08:30-12:00\""
            ),
            "{out}"
        );
        assert!(!out.contains("phone"), "{out}");
        keeps_every_comment(PACK, &out);
    }

    #[test]
    fn documents_kept_as_they_were_stay_byte_for_byte() {
        let pack = "[[aid]]\nid = \"rme\"\ndocuments = [\n  # the form\n  { paper = { fr = \"Dossier\", en = \"Form\", ar = \"ملف\" }, place = \"ccas\" },\n  { paper = { fr = \"Identité\",  en = \"ID\" }, to_confirm = true },\n] # two papers\n";
        let keep = |i: usize, fr: &str| DocumentEdit {
            was: Some(i),
            paper: vec![("fr".into(), fr.into())],
            ..DocumentEdit::default()
        };
        // The second one changed (its French, and no longer to confirm); the first kept; a third added.
        let first = DocumentEdit {
            place: Some("ccas".into()),
            ..keep(0, "Dossier")
        };
        let new = DocumentEdit {
            was: None,
            paper: vec![("fr".into(), "RIB".into())],
            ..DocumentEdit::default()
        };
        let out = set_aid_documents(
            pack,
            "rme",
            &[first.clone(), keep(1, "Pièce d'identité"), new],
        )
        .unwrap();
        assert_eq!(
            out,
            "[[aid]]\nid = \"rme\"\ndocuments = [\n  # the form\n  { paper = { fr = \"Dossier\", en = \"Form\", ar = \"ملف\" }, place = \"ccas\" },\n  { paper = { fr = \"Pièce d'identité\",  en = \"ID\" } },\n  { paper = { fr = \"RIB\" } },\n] # two papers\n"
        );
        // Removing the second keeps the first as written.
        let out = set_aid_documents(pack, "rme", &[first]).unwrap();
        assert!(out.contains("  # the form\n  { paper = { fr = \"Dossier\", en = \"Form\", ar = \"ملف\" }, place = \"ccas\" },\n]"), "{out}");
        assert!(set_aid_documents(pack, "rme", &[keep(0, " ")]).is_err());
    }

    #[test]
    fn opening_hours_are_read_by_the_engine_before_they_are_written() {
        let e = set_place_field(PACK, "ccas", PlaceField::OpeningHours, Some("Lu-Ve 8h-12h"))
            .unwrap_err();
        assert_eq!(
            e.message("fr"),
            "valeur invalide : horaires illisibles : « Lu » n'est pas compris : les jours s'écrivent Mo, Tu, We, Th, Fr, Sa, Su ou PH ; écrivez-les comme Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00"
        );
        assert!(!e.message("ar").contains("cannot"), "{}", e.message("ar"));
        assert!(check_opening_hours("Mo-Fr 08:30-12:00; PH off").is_ok());
    }

    #[test]
    fn a_saved_case_reads_back_and_the_file_keeps_its_comments() {
        use crate::{Answer, Answers, Decimal};
        let cases = "# Cases of the demo pack.\n\n[[case]]\nname = \"first\"  # the first\ndate = 2026-10-01\nanswers = { age = 20 }\nexpect = { rme = \"eligible\" }\n";
        let mut answers = Answers::new();
        answers.set("age", Answer::Number(Decimal::new(20, 0)));
        answers.set("activity", Answer::OneOf("student".into()));
        answers.set(
            "receives",
            Answer::SeveralOf(vec!["rsa".into(), "css".into()]),
        );
        answers.set("has_bac", Answer::DontKnow);
        let out = append_case(
            cases,
            "saved from the preview",
            date("2027-10-01"),
            &answers,
            &[("rme", "to_confirm")],
            &[("rme", Decimal::new(15000, 2))],
        )
        .unwrap();
        assert!(out.starts_with(cases), "{out}");
        assert!(out.ends_with("\n[[case]]\nname = \"saved from the preview\"\ndate = 2027-10-01\nanswers = { activity = \"student\", age = 20, has_bac = \"?\", receives = [\"rsa\", \"css\"] }\nexpect = { rme = \"to_confirm\" }\namounts = { rme = \"150.00\" }\n"), "{out}");
        let read = crate::cases::parse_cases("cases.toml", &out).unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].expect["rme"], "to_confirm");
        assert_eq!(read[1].amounts["rme"].0, Decimal::new(150, 0));
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            set_aid_status(PACK, "nope", "closed")
                .unwrap_err()
                .to_string(),
            "no aid \"nope\" in this file"
        );
        assert!(set_aid_status(PACK, "rme", "maybe").is_err());
        assert!(set_aid_window(PACK, "rme", Some(("9/1", "12-31"))).is_err());
        assert!(matches!(
            set_aid_status("[[aid]\n", "rme", "closed"),
            Err(EditError::NotToml(_))
        ));
        assert_eq!(
            set_aid_status(PACK, "nope", "closed")
                .unwrap_err()
                .message("fr"),
            "pas d'aide « nope » dans ce fichier"
        );
    }
}
