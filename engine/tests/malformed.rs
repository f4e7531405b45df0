//! Each file of `tests/malformed/` is a pack with one mistake; its header says where the
//! checker must point (`# expect-line`, `# expect-column`) and what it must say (`# expect-message`).

use eligo_engine::toml_source::load_pack;
use std::path::Path;

fn header(text: &str, key: &str) -> Option<String> {
    let prefix = format!("# {key}: ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(str::to_string)
        .filter(|v| v != "-")
}

#[test]
fn every_malformed_pack_gets_a_precise_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/malformed exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "only {} malformed fixtures", files.len());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let line: usize = header(&text, "expect-line")
            .expect("expect-line")
            .parse()
            .unwrap();
        let column: Option<usize> = header(&text, "expect-column").map(|c| c.parse().unwrap());
        let message = header(&text, "expect-message").expect("expect-message");
        let errors = match load_pack(path) {
            Ok(_) => panic!("{} was accepted", path.display()),
            Err(errors) => errors.0,
        };
        let first = &errors[0];
        let shown = first.to_string();
        assert!(
            first
                .file
                .as_deref()
                .is_some_and(|f| f.ends_with(path.file_name().unwrap().to_str().unwrap())),
            "{}: error names another file: {shown}",
            path.display()
        );
        assert_eq!(
            first.line,
            Some(line),
            "{}: wrong line in {shown}",
            path.display()
        );
        if let Some(column) = column {
            assert_eq!(
                first.column,
                Some(column),
                "{}: wrong column in {shown}",
                path.display()
            );
        }
        assert!(
            first.message.contains(&message),
            "{}: expected {message:?} in {shown}",
            path.display()
        );
        assert!(
            shown.starts_with(&format!("{}:{line}:", first.file.as_deref().unwrap())),
            "{shown}"
        );
    }
}

#[test]
fn semantic_errors_name_the_field() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let errors = load_pack(&dir.join("unknown_name.toml")).unwrap_err().0;
    assert_eq!(errors[0].field_path(), "aid[rme].criterion[1].when");
    assert_eq!(
        errors[0].human_path(),
        "aid \"rme\", criterion 1, field when"
    );
    let errors = load_pack(&dir.join("unordered_dates.toml")).unwrap_err().0;
    assert_eq!(errors[0].field_path(), "parameter[ceiling].values[2].from");
    let errors = load_pack(&dir.join("missing_translation.toml"))
        .unwrap_err()
        .0;
    assert_eq!(errors[0].field_path(), "aid[rme].criterion[1].label");
}

/// Issue 4, done when: "the test fails if an aid lacks a source, a verification date, or a
/// translation". Each of the three, as a fixture and as a mutation of the real Chenôve pack, is
/// refused with a located error, so `every_repository_pack_is_valid_and_passes_its_cases` (and
/// `eligo-rules check`) would fail on it.
#[test]
fn an_aid_without_source_verification_date_or_translation_is_refused() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    for (file, field, message) in [
        (
            "no_source.toml",
            "aid[rme].sources",
            "an aid needs at least one source",
        ),
        (
            "source_without_verified.toml",
            "",
            "missing field `verified`",
        ),
        (
            "value_without_verified.toml",
            "",
            "missing field `verified`",
        ),
        (
            "missing_translation.toml",
            "aid[rme].criterion[1].label",
            "missing \"en\" translation",
        ),
    ] {
        let errors = load_pack(&dir.join(file)).unwrap_err().0;
        assert!(errors[0].message.contains(message), "{file}: {}", errors[0]);
        assert!(errors[0].line.is_some(), "{file}: no line in {}", errors[0]);
        if !field.is_empty() {
            assert_eq!(errors[0].field_path(), field, "{file}");
        }
    }

    let packs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../packs");
    let chenove = std::fs::read_to_string(packs.join("chenove/pack.toml")).unwrap();
    let load = |text: &str| {
        // Includes and translation files (lang/<code>.toml) alike, from the pack's folder.
        let mut read = |include: &str| {
            let path = packs.join("chenove").join(include);
            Ok((
                include.to_string(),
                std::fs::read_to_string(path).map_err(|e| e.to_string())?,
            ))
        };
        let mut translations = read;
        eligo_engine::toml_source::load_pack_with_translations(
            "chenove/pack.toml",
            text,
            &mut read,
            &mut translations,
        )
    };
    assert!(load(&chenove).is_ok(), "the real pack loads");

    // 1. The RMG's sources removed.
    let rmg = chenove.find("id = \"rmg\"").unwrap();
    let start = rmg + chenove[rmg..].find("sources = [").unwrap();
    let end = start + chenove[start..].find("\n]\n").unwrap() + 3;
    let no_source = format!("{}{}", &chenove[..start], &chenove[end..]);
    // 2. The RME's first source without its verification date.
    let url = "url = \"https://www.chenove.fr/revenu-minimum-etudiant\", verified = 2026-11-23";
    assert!(chenove.contains(url));
    let no_date = chenove.replacen(
        url,
        "url = \"https://www.chenove.fr/revenu-minimum-etudiant\"",
        1,
    );
    // 3. The RME's name without its Arabic text.
    let name_line = chenove
        .lines()
        .find(|l| l.starts_with("name = { fr = \"Revenu Minimum Étudiant (RME)\""))
        .unwrap();
    let cut = name_line.find(", ar = ").unwrap();
    let no_arabic = chenove.replacen(name_line, &format!("{} }}", &name_line[..cut]), 1);

    for (text, message, field) in [
        (
            no_source,
            "an aid needs at least one source",
            "aid[rmg].sources",
        ),
        (no_date, "missing field `verified`", ""),
        (no_arabic, "missing \"ar\" translation", "aid[rme].name"),
    ] {
        let errors = match load(&text) {
            Ok(_) => panic!("accepted without: {message}"),
            Err(e) => e.0,
        };
        assert!(
            errors.iter().any(|e| e.message.contains(message)
                && e.line.is_some()
                && (field.is_empty() || e.field_path() == field)),
            "expected {message:?} at {field:?}: {errors:?}"
        );
    }
}
