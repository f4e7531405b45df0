//! Loads a pack from TOML files: includes merged, every problem located by file, line and column.

use crate::compile::compile;
use crate::errors::{PackError, PackErrors, PathSegment, key};
use crate::pack::Pack;
use crate::schema::PackFile;
pub use crate::toml_spans::{line_column, span_of, spans_of, toml_error};
use crate::toml_spans::{locate, locate_in, parsed_root};
use crate::translations::{LangFile, apply};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

/// A pack read from TOML: compiled, and merged.
#[derive(Clone, Debug)]
pub struct LoadedPack {
    /// The compiled pack.
    pub pack: Pack,
    /// All files merged into one, includes first.
    pub merged: PackFile,
    /// The translation files merged in: (file, language, review status).
    pub translations: Vec<(String, String, String)>,
    /// Where each item of `merged` was written, to locate later findings (freshness warnings).
    pub sources: Sources,
}

/// The files a pack was merged from, and where each item came from: locates a path in the merged pack
/// at its file, line and column.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Display name and text of each file, includes first, the pack's own file last.
    pub files: Vec<(String, String)>,
    /// For each section (`question`, `aid` …), the file and position there of each merged item.
    origins: Vec<(&'static str, Vec<(usize, usize)>)>,
    safety_file: Option<usize>,
}

impl Sources {
    /// Sets the file, line and column of `e`, whose path is in the merged pack.
    pub fn locate(&self, e: &mut PackError) {
        self.locate_all(core::slice::from_mut(e));
    }

    /// Locates every error of `errors`, reading each file once (the studio locates dozens after each edit).
    pub fn locate_all(&self, errors: &mut [PackError]) {
        let targets: Vec<Option<(usize, Vec<PathSegment>)>> =
            errors.iter().map(|e| self.target(e)).collect();
        for (f, (name, text)) in self.files.iter().enumerate() {
            let mut root = None;
            for (e, target) in errors.iter_mut().zip(&targets) {
                if let Some((file, local_path)) = target
                    && *file == f
                {
                    let root = root.get_or_insert_with(|| parsed_root(text));
                    locate_in(e, name, text, root.as_ref(), local_path);
                }
            }
        }
    }

    /// The file an error of the merged pack is in, and its path in that file.
    fn target(&self, e: &PackError) -> Option<(usize, Vec<PathSegment>)> {
        let root_index = self.files.len().checked_sub(1)?;
        // Find which file the item came from and its position there.
        Some(match (e.path.first(), e.path.get(1)) {
            (Some(PathSegment::Key(section)), Some(PathSegment::Index(i))) => {
                match self
                    .origins
                    .iter()
                    .find(|(s, _)| s == section)
                    .and_then(|(_, o)| o.get(*i))
                {
                    Some(&(f, local)) => {
                        let mut p = e.path.clone();
                        p[1] = PathSegment::Index(local);
                        (f, p)
                    }
                    None => (root_index, e.path.clone()),
                }
            }
            (Some(PathSegment::Key(section)), _) if section == "safety" => {
                (self.safety_file.unwrap_or(root_index), e.path.clone())
            }
            _ => (root_index, e.path.clone()),
        })
    }
}

/// Loads `path` and its includes (relative to it) from disk.
pub fn load_pack(path: &Path) -> Result<LoadedPack, PackErrors> {
    let (name, text) = read_source(path)?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut read = |include: &str| {
        let path = normalize(&base.join(include));
        let name = display_path(&path);
        std::fs::read_to_string(&path)
            .map(|text| (name.clone(), text))
            .map_err(|e| format!("cannot read {name}: {e}"))
    };
    let mut read_translation = read;
    load_pack_with_translations(&name, &text, &mut read, &mut read_translation)
}

/// Reads an include as written in `[pack] include`: its display name and text, or why not.
pub type IncludeReader<'a> = dyn FnMut(&str) -> Result<(String, String), String> + 'a;

/// Loads a pack from text; `read_include` returns a display name and the text of an include. No
/// translation file is read: every declared language must be inline.
pub fn load_pack_with(
    name: &str,
    text: &str,
    read_include: &mut IncludeReader<'_>,
) -> Result<LoadedPack, PackErrors> {
    load_pack_with_translations(name, text, read_include, &mut |path: &str| {
        Err(format!("{path}: no translation files here"))
    })
}

/// The same, with the translation files beside each file (`lang/<code>.toml`, relative to the pack's own
/// file like an include) from `read_translation`; one it cannot read is a language kept inline.
pub fn load_pack_with_translations(
    name: &str,
    text: &str,
    read_include: &mut IncludeReader<'_>,
    read_translation: &mut IncludeReader<'_>,
) -> Result<LoadedPack, PackErrors> {
    load_pack_cached(
        name,
        text,
        read_include,
        read_translation,
        &mut LoadCache::default(),
    )
}

/// What one loading can reuse from the one before, by file name and content: each pack file as read,
/// each translation file as read, and each pack file with its translations put in. The studio re-checks
/// the whole pack after each edit, where one file changed and the others (includes, a dozen translation
/// files) are as they were: read again, they would give the same thing. Only the files of the last
/// loading are kept.
#[derive(Debug, Default)]
pub struct LoadCache {
    last: CacheMaps,
    next: CacheMaps,
}

#[derive(Debug, Default)]
struct CacheMaps {
    /// (name, text) -> the file as [`parse_file_recovering`] reads it.
    read: HashMap<(String, String), Rc<Recovered>>,
    /// (name, language, text) -> the translation file as read.
    lang: HashMap<(String, String, String), LangRead>,
    /// (name, text, reference language, each translation file's name and text) -> the file with every
    /// text completed, and the paths it asked of each translation file.
    applied: HashMap<AppliedKey, Applied>,
}

type LangRead = Result<Rc<LangFile>, Vec<PackError>>;
type AppliedKey = (String, String, String, Vec<(String, String)>);
type Applied = Rc<(Result<PackFile, Vec<PackError>>, Vec<BTreeSet<String>>)>;

impl LoadCache {
    /// The value kept for `key` (by the last loading or this one), else `make`'s, kept for the next.
    fn get<K, V>(
        select: impl Fn(&mut CacheMaps) -> &mut HashMap<K, V>,
        cache: &mut LoadCache,
        key: K,
        make: impl FnOnce() -> V,
    ) -> V
    where
        K: Eq + std::hash::Hash,
        V: Clone,
    {
        if let Some(v) = select(&mut cache.next).get(&key) {
            return v.clone();
        }
        let v = select(&mut cache.last).remove(&key).unwrap_or_else(make);
        select(&mut cache.next).insert(key, v.clone());
        v
    }

    /// Ends a loading: what it did not use is dropped.
    fn finish(&mut self) {
        self.last = std::mem::take(&mut self.next);
    }
}

/// [`load_pack_with_translations`], reusing what `cache` kept of the last loading (same results).
pub fn load_pack_cached(
    name: &str,
    text: &str,
    read_include: &mut IncludeReader<'_>,
    read_translation: &mut IncludeReader<'_>,
    cache: &mut LoadCache,
) -> Result<LoadedPack, PackErrors> {
    let loaded = load(name, text, read_include, read_translation, cache);
    cache.finish();
    loaded
}

fn load(
    name: &str,
    text: &str,
    read_include: &mut IncludeReader<'_>,
    read_translation: &mut IncludeReader<'_>,
    cache: &mut LoadCache,
) -> Result<LoadedPack, PackErrors> {
    let mut read_file = |name: &str, text: &str| {
        LoadCache::get(
            |m| &mut m.read,
            cache,
            (name.to_string(), text.to_string()),
            || Rc::new(parse_file_recovering(name, text)),
        )
    };
    // Every file is read past its mistakes ([`parse_file_recovering`]): all of them are reported at once,
    // with the compiler's on what could be read, except echoes on a line already reported.
    let root_read = read_file(name, text);
    let mut errors = root_read.errors.clone();
    let mut replaced: Vec<(String, Vec<usize>)> =
        vec![(name.to_string(), root_read.replaced_lines.clone())];
    let text = root_read.text.as_str();
    let Some(root) = root_read.file.clone() else {
        return Err(PackErrors(errors));
    };
    let mut files: Vec<(String, String)> = Vec::new();
    let mut parsed: Vec<PackFile> = Vec::new();
    let mut unreadable = false;
    let includes = root
        .pack
        .as_ref()
        .map(|p| p.include.clone())
        .unwrap_or_default();
    for (i, include) in includes.iter().enumerate() {
        let path = vec![key("pack"), key("include"), PathSegment::Index(i)];
        match read_include(include) {
            Ok((inc_name, inc_text)) => {
                let read = read_file(&inc_name, &inc_text);
                errors.extend(read.errors.iter().cloned());
                replaced.push((inc_name.clone(), read.replaced_lines.clone()));
                match read.file.clone() {
                    Some(file) => {
                        if file.pack.is_some() || file.territory.is_some() {
                            errors.push(PackError::in_file(
                                Some(&inc_name),
                                Some(1),
                                Some(1),
                                "an included file cannot have [pack] or [territory]",
                            ));
                        }
                        files.push((inc_name, read.text.clone()));
                        parsed.push(file);
                    }
                    None => unreadable = true,
                }
            }
            Err(message) => {
                let mut e = PackError::at(path.clone(), None, message);
                locate(&mut e, name, text, &path);
                errors.push(e);
            }
        }
    }
    if unreadable || errors.iter().any(|e| e.path.first() == Some(&key("pack"))) {
        return Err(PackErrors(errors));
    }
    files.push((name.to_string(), text.to_string()));
    parsed.push(root);
    // A translation file's problems are reported with those of the pack files read so far.
    let translations =
        match add_translations(&includes, &files, &mut parsed, read_translation, cache) {
            Ok(translations) => translations,
            Err(e) => {
                errors.extend(e.0);
                return Err(PackErrors(errors));
            }
        };

    // Merge, remembering for each item the file and position it came from.
    let mut merged = PackFile::default();
    let mut origins: Vec<(&'static str, Vec<(usize, usize)>)> = [
        "question",
        "derived",
        "parameter",
        "place",
        "aid",
        "next_step",
        "glossary",
    ]
    .iter()
    .map(|s| (*s, Vec::new()))
    .collect();
    let mut safety_file = None;
    let root_index = parsed.len() - 1;
    for (f, file) in parsed.into_iter().enumerate() {
        let counts = [
            file.questions.len(),
            file.derived.len(),
            file.parameters.len(),
            file.places.len(),
            file.aids.len(),
            file.next_steps.len(),
            file.glossary.len(),
        ];
        for (section, count) in origins.iter_mut().zip(counts) {
            section.1.extend((0..count).map(|i| (f, i)));
        }
        merged.questions.extend(file.questions);
        merged.derived.extend(file.derived);
        merged.parameters.extend(file.parameters);
        merged.places.extend(file.places);
        merged.aids.extend(file.aids);
        merged.next_steps.extend(file.next_steps);
        merged.glossary.extend(file.glossary);
        if let Some(safety) = file.safety {
            if safety_file.is_some() {
                errors.push(PackError::in_file(
                    Some(&files[f].0),
                    None,
                    None,
                    "[safety] is already given in another file",
                ));
            }
            safety_file = Some(f);
            merged.safety = Some(safety);
        }
        if f != root_index && file.handover.is_some() {
            errors.push(PackError::in_file(
                Some(&files[f].0),
                None,
                None,
                "[handover] belongs in the pack's own file (pack.toml), not in an included file",
            ));
        }
        if f == root_index {
            merged.pack = file.pack;
            merged.territory = file.territory;
            merged.handover = file.handover;
        }
    }
    if let Some(meta) = &mut merged.pack {
        meta.include.clear();
    }
    let compiled = compile(&merged);
    let echo = |e: &PackError| {
        replaced.iter().any(|(file, lines)| {
            Some(file) == e.file.as_ref() && e.line.is_some_and(|l| lines.contains(&l))
        })
    };
    let sources = Sources {
        files,
        origins,
        safety_file,
    };
    match compiled {
        Ok(pack) if errors.is_empty() => Ok(LoadedPack {
            pack,
            merged,
            sources,
            translations,
        }),
        Ok(_) => Err(PackErrors(errors)),
        Err(compile_errors) => Err(PackErrors(
            errors
                .into_iter()
                .chain({
                    let mut compile_errors = compile_errors;
                    sources.locate_all(&mut compile_errors);
                    compile_errors.into_iter().filter(|e| !echo(e))
                })
                .collect(),
        )),
    }
}

/// Each folder's translation files (as read, with the paths the pack's texts asked of each), and their
/// names and texts (the key of what they give to a pack file).
type LangGroups<'d> =
    BTreeMap<&'d str, (Vec<(Rc<LangFile>, BTreeSet<String>)>, Vec<(String, String)>)>;

/// Completes the texts of each file (`includes` then the pack's own) with the translation files beside it
/// (`lang/<code>.toml`, for each declared language but the reference one; see [`crate::translations`]).
/// A language with no such file must be inline (the compiler then reports a text that lacks it).
fn add_translations(
    includes: &[String],
    files: &[(String, String)],
    parsed: &mut [PackFile],
    read_include: &mut IncludeReader<'_>,
    cache: &mut LoadCache,
) -> Result<Vec<(String, String, String)>, PackErrors> {
    let languages = parsed
        .last()
        .and_then(|f| f.pack.as_ref())
        .map(|p| p.languages.clone())
        .unwrap_or_default();
    let Some((reference, others)) = languages.split_first() else {
        return Ok(Vec::new());
    };
    let dirs: Vec<String> = includes
        .iter()
        .map(|inc| {
            inc.rsplit_once('/')
                .map_or(String::new(), |(d, _)| format!("{d}/"))
        })
        .chain([String::new()])
        .collect();
    let mut errors = Vec::new();
    // Each folder's translation files: as read, and their names and texts (the key of what they give).
    let mut groups: LangGroups = BTreeMap::new();
    for dir in &dirs {
        if groups.contains_key(dir.as_str()) {
            continue;
        }
        let mut group = (Vec::new(), Vec::new());
        for code in others {
            // No file: the language is inline in the pack files (or missing, which the compiler reports).
            if let Ok((name, text)) = read_include(&format!("{dir}lang/{code}.toml")) {
                let key = (name.clone(), code.clone(), text.clone());
                match LoadCache::get(
                    |m| &mut m.lang,
                    cache,
                    key,
                    || LangFile::parse(&name, code, &text).map(Rc::new),
                ) {
                    Ok(file) => group.0.push((file, BTreeSet::new())),
                    Err(e) => errors.extend(e),
                }
                group.1.push((name, text));
            }
        }
        groups.insert(dir, group);
    }
    for (f, dir) in dirs.iter().enumerate() {
        let Some((group, texts)) = groups.get_mut(dir.as_str()).filter(|g| !g.0.is_empty()) else {
            continue;
        };
        let (name, text) = &files[f];
        let key = (name.clone(), text.clone(), reference.clone(), texts.clone());
        let applied = LoadCache::get(
            |m| &mut m.applied,
            cache,
            key,
            || {
                // Applied to this file alone, to know which paths it asks of each translation file.
                let mut alone: Vec<LangFile> = group.iter().map(|(l, _)| (**l).clone()).collect();
                let file = match apply(name, text, reference, &mut alone) {
                    Ok(table) => toml::Value::Table(table)
                        .try_into::<PackFile>()
                        .map_err(|e| {
                            vec![PackError::in_file(Some(name), None, None, e.to_string())]
                        }),
                    Err(e) => Err(e),
                };
                Rc::new((file, alone.iter_mut().map(LangFile::take_used).collect()))
            },
        );
        let (file, used) = &*applied;
        for ((_, all_used), used) in group.iter_mut().zip(used) {
            all_used.extend(used.iter().cloned());
        }
        match file {
            Ok(file) => parsed[f] = file.clone(),
            Err(e) => errors.extend(e.iter().cloned()),
        }
    }
    errors.extend(
        groups
            .values()
            .flat_map(|g| &g.0)
            .flat_map(|(l, used)| l.unused(used)),
    );
    if errors.is_empty() {
        Ok(groups
            .values()
            .flat_map(|g| &g.0)
            .map(|(f, _)| (f.name.clone(), f.lang.clone(), f.review.clone()))
            .collect())
    } else {
        Err(PackErrors(errors))
    }
}

/// Parses one file into the schema; syntax and shape errors get a line and column. A file over
/// [`crate::limits::MAX_PACK_BYTES`] is refused before it is parsed.
pub fn parse_file(name: &str, text: &str) -> Result<PackFile, PackErrors> {
    use crate::limits::MAX_PACK_BYTES;
    if text.len() > MAX_PACK_BYTES {
        return Err(PackErrors(vec![PackError::in_file(
            Some(name),
            Some(1),
            Some(1),
            format!(
                "the file is {} bytes, more than the limit of {MAX_PACK_BYTES} bytes",
                text.len()
            ),
        )]));
    }
    toml::from_str::<PackFile>(text).map_err(|e| PackErrors(vec![toml_error(name, text, &e)]))
}

/// A file read as far as it could be: see [`parse_file_recovering`].
#[derive(Clone, Debug)]
pub struct Recovered {
    /// The file, when it could be read after its mistaken values were set aside.
    pub file: Option<PackFile>,
    /// The text actually read: the same lines, with each mistaken value replaced by a stand-in.
    pub text: String,
    /// The mistakes met while reading, at most one per line, in the order they were found.
    pub errors: Vec<PackError>,
    /// The lines (from 1) whose value was replaced: later problems there are echoes, not new mistakes.
    pub replaced_lines: Vec<usize>,
}

/// Stand-ins tried, in order, for a value the reader refuses, so that reading goes on past it.
const STAND_INS: [&str; 6] = ["", "0", "1970-01-01", "false", "[]", "{}"];

/// How many mistakes one file reports at most before reading stops.
const MAX_RECOVERED: usize = 20;

/// How many times one file is read at most while setting mistakes aside (each reading is a full parse:
/// this bounds the cost of a file full of mistakes, as the studio re-checks after each keystroke).
const MAX_READINGS: usize = 40;

/// Parses one file like [`parse_file`], but does not stop at the first mistake: the value the
/// reader refuses (a malformed date such as `from = 01/09/2026`, a number where text is expected …)
/// is reported, then replaced by a stand-in of another type (its own text quoted, `0`, a date, …)
/// until the file reads, so the mistakes after it, and the compiler's checks on the rest, are found
/// too. A mistake that is not a value (a missing field, an unclosed table) stops the reading there.
pub fn parse_file_recovering(name: &str, text: &str) -> Recovered {
    let mut recovered = Recovered {
        file: None,
        text: text.to_string(),
        errors: Vec::new(),
        replaced_lines: Vec::new(),
    };
    if text.len() > crate::limits::MAX_PACK_BYTES {
        if let Err(e) = parse_file(name, text) {
            recovered.errors = e.0;
        }
        return recovered;
    }
    let mut set_aside: Vec<SetAside> = Vec::new();
    let mut commented: Vec<usize> = Vec::new();
    for _ in 0..MAX_READINGS {
        let e = match toml::from_str::<PackFile>(&recovered.text) {
            Ok(file) => {
                recovered.file = Some(file);
                return recovered;
            }
            Err(e) => e,
        };
        let error = toml_error(name, &recovered.text, &e);
        let (Some(line), Some(span)) = (error.line, e.span()) else {
            recovered.errors.push(error);
            return recovered;
        };
        let line_start = line_start(&recovered.text, line);
        let Some(at) = span.start.checked_sub(line_start) else {
            recovered.errors.push(error);
            return recovered;
        };
        // A table that misses a field because its misspelt key was set aside: an echo; reading stops.
        // (The error points at the table's header: its keys run to the next header.)
        let (_, mut last_line) = line_column(&recovered.text, span.end);
        last_line = last_line.max(
            recovered
                .text
                .lines()
                .enumerate()
                .skip(line)
                .find(|(_, l)| l.trim_start().starts_with('['))
                .map_or(usize::MAX, |(i, _)| i),
        );
        if commented.iter().any(|c| (line..=last_line).contains(c)) {
            return recovered;
        }
        if let Some(i) = set_aside
            .iter()
            .position(|a| a.line == line && a.start == at)
        {
            // The stand-in is refused too: try the next one.
            let a = &mut set_aside[i];
            a.tried += 1;
            if a.tried >= STAND_INS.len() {
                return recovered;
            }
            let stand_in =
                stand_in_text(STAND_INS[(a.first + a.tried) % STAND_INS.len()], &a.value);
            let (start, old_len) = (a.start, a.len);
            a.len = stand_in.len();
            let Some(current) = line_text(&recovered.text, line) else {
                return recovered;
            };
            let (Some(head), Some(end)) = (current.get(..start), current.get(start + old_len..))
            else {
                return recovered;
            };
            let new_line = format!("{head}{stand_in}{end}");
            replace_line(&mut recovered.text, line, &new_line);
            // Values set aside after it on the same line moved.
            for b in set_aside.iter_mut() {
                if b.line == line && b.start > start {
                    b.start = (b.start + stand_in.len()).saturating_sub(old_len);
                }
            }
            continue;
        }
        recovered.errors.push(error);
        if recovered.errors.len() >= MAX_RECOVERED {
            return recovered;
        }
        // A misspelt key (`whne = …`): the line is set aside whole, as a comment.
        let after = recovered.text.get(span.end..).unwrap_or("");
        let rest_of_line = after.split('\n').next().unwrap_or("");
        if rest_of_line.trim_start().starts_with('=')
            && let Some(current) = line_text(&recovered.text, line)
        {
            replace_line(&mut recovered.text, line, &format!("#{current}"));
            commented.push(line);
            if !recovered.replaced_lines.contains(&line) {
                recovered.replaced_lines.push(line);
            }
            continue;
        }
        // Only a value on one line can be set aside.
        let Some((current, range)) = value_on_line(&recovered.text, line, span) else {
            return recovered;
        };
        let first = first_stand_in(&current[..range.start]);
        let value = current[range.clone()].to_string();
        let stand_in = stand_in_text(STAND_INS[first], &value);
        replace_line(
            &mut recovered.text,
            line,
            &format!(
                "{}{stand_in}{}",
                &current[..range.start],
                &current[range.end..]
            ),
        );
        for b in set_aside.iter_mut() {
            if b.line == line && b.start > range.start {
                b.start = (b.start + stand_in.len()).saturating_sub(range.end - range.start);
            }
        }
        if !recovered.replaced_lines.contains(&line) {
            recovered.replaced_lines.push(line);
        }
        set_aside.push(SetAside {
            line,
            start: range.start,
            len: stand_in.len(),
            value,
            first,
            tried: 0,
        });
    }
    recovered
}

/// A value set aside while reading a file: where its stand-in is, and which stand-ins were tried.
struct SetAside {
    /// Line, from 1.
    line: usize,
    /// Byte offset of the stand-in in its line.
    start: usize,
    /// Byte length of the stand-in in the line now.
    len: usize,
    /// The value as written.
    value: String,
    /// The first stand-in tried (index in [`STAND_INS`]).
    first: usize,
    /// How many more were tried after it.
    tried: usize,
}

/// Byte offset where line `line` (from 1) starts.
fn line_start(text: &str, line: usize) -> usize {
    text.split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum()
}

/// The text of line `line` (from 1), without its end of line.
fn line_text(text: &str, line: usize) -> Option<String> {
    text.get(line_start(text, line)..)?
        .lines()
        .next()
        .map(str::to_string)
}

/// The stand-in most likely to be accepted, from the key written before the value: a date for the
/// pack format's date fields, a number for `value`, else the value quoted as text.
fn first_stand_in(before_value: &str) -> usize {
    let key = before_value
        .trim_end()
        .trim_end_matches('=')
        .trim_end()
        .rsplit([' ', '{', ',', '\t'])
        .next()
        .unwrap_or("");
    match key {
        "from" | "verified" | "until" | "review_by" | "date" => 2,
        "value" | "min" | "max" | "max_months" => 1,
        _ => 0,
    }
}

/// The stand-in's text: `""` stands for the value itself, quoted as a string.
fn stand_in_text(stand_in: &str, value: &str) -> String {
    if stand_in.is_empty() {
        let inner = value.trim_matches('"').replace(['\\', '"'], "");
        format!("\"{inner}\"")
    } else {
        stand_in.to_string()
    }
}

/// The text of line `line` (from 1) and the byte range, inside it, of the value that starts at
/// `span.start`: up to the next `,`, `}`, `]`, `#` or the line's end, or the span itself when it is a
/// quoted string on this line.
fn value_on_line(
    text: &str,
    line: usize,
    span: core::ops::Range<usize>,
) -> Option<(String, core::ops::Range<usize>)> {
    let start_of_line = line_start(text, line);
    let content = line_text(text, line)?;
    let start = span.start.checked_sub(start_of_line)?;
    if start >= content.len() {
        return None;
    }
    let rest = &content[start..];
    // A table or a list is not a value that can be set aside (a missing field points at its table).
    if rest.starts_with(['{', '[']) {
        return None;
    }
    let len = if rest.starts_with('"')
        && span.end - span.start > 1
        && span.end - start_of_line <= content.len()
    {
        span.end - span.start
    } else {
        rest.find([',', '}', ']', '#']).unwrap_or(rest.len())
    };
    let value_len = rest[..len].trim_end().len();
    if value_len == 0 {
        return None;
    }
    Some((content, start..start + value_len))
}

/// Replaces the text of line `line` (from 1), keeping its end of line.
fn replace_line(text: &mut String, line: usize, new: &str) {
    let mut out = String::with_capacity(text.len() + new.len());
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            out.push_str(new);
            if l.ends_with("\r\n") {
                out.push_str("\r\n");
            } else if l.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(l);
        }
    }
    *text = out;
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A file's name as shown in messages, and its text; a file that cannot be read is a located error.
pub(crate) fn read_source(path: &Path) -> Result<(String, String), PackErrors> {
    let name = display_path(path);
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((name, text)),
        Err(e) => Err(PackErrors(vec![PackError::in_file(
            Some(&name),
            None,
            None,
            format!("cannot read the file: {e}"),
        )])),
    }
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
