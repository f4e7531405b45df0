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
