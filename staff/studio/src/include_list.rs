//! The `include = [...]` list of a pack file's `[pack]` table, read plainly (the engine checks it properly
//! when it loads the pack). One reader for the build script, which embeds the built-in packs with their
//! includes (build.rs, through `#[path]`), and for the studio, which finds a pack's files in a folder
//! (workspace.rs): the two must agree on which files a pack uses.

/// The paths listed by `include = [...]`, as written.
pub fn includes(text: &str) -> Vec<String> {
    let Some(start) = text.find("\ninclude = [") else {
        return Vec::new();
    };
    let rest = &text[start + "\ninclude = [".len()..];
    let end = rest.find(']').unwrap_or(rest.len());
    rest[..end]
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}
