//! The limits of a pack, defined once. The checker (`compile`, so `eligo-rules check` and
//! `eligo-rules build`, which also reads its output back) enforces every one exactly; the binary reader ([`crate::Pack::from_bytes`], what the app runs) holds the
//! file size and the expression depth, bounds lists and texts by [`MAX_ITEMS`] and
//! [`MAX_TEXT_CHARS`] while reading, and refuses the same links. So every pack the
//! checker accepts builds, reads back equal and evaluates within them, and a hand-made binary pack
//! cannot bring a forbidden link or exhaust the stack.
//!
//! Why they matter: evaluation walks expression trees recursively (bounded by
//! [`MAX_EXPR_DEPTH`]) and follows dependencies between derived values and questions with an
//! explicit work list (so a chain costs no stack), but a page must also stay fast and small on an
//! old phone. Every limit is far above what a real territory needs (the repository's packs use a
//! few percent of each).
//!
//! A pack over a limit gets a message naming the item, the field and the limit.

use crate::errors::{PackError, PathSegment, key};
use crate::expr::ast::Node;
use crate::pack::Pack;
use crate::text::Text;

/// Largest pack file, in bytes: each TOML file the checker reads, and the binary file the app reads.
pub const MAX_PACK_BYTES: usize = 2_000_000;

/// Longest expression text (`when`, `ask_if`, `formula`), in characters.
pub const MAX_EXPR_CHARS: usize = 2000;

/// Deepest expression tree. Every operator, `not`, comparison and function call adds a level, so
/// that a flat chain counts: `a + b + c` has 3 levels, 150 terms joined by `+` (or 150 conditions
/// joined by `and`) have 150. Split a long formula into derived values.
pub const MAX_EXPR_DEPTH: usize = 64;

/// Deepest nesting of parentheses, brackets and unary operators the expression parser follows.
pub const MAX_EXPR_NESTING: usize = 40;

/// Longest chain of dependencies between derived values and questions (through `formula` and
/// `ask_if`), counted in values: `d1 = "d0 + 1"`, `d0 = "age + 1"` is a chain of 3 (d1, d0, age).
pub const MAX_CHAIN: usize = 64;

/// Most items of one kind in a pack: questions, derived values, parameters, places, aids.
pub const MAX_ITEMS: usize = 2000;

/// Most entries of one list inside an item: options of a question, dated values of a parameter,
/// criteria, advice, sources, documents and checks of an aid, places of an aid, safety contacts.
pub const MAX_LIST: usize = 200;

/// Most declared languages.
pub const MAX_LANGUAGES: usize = 10;

/// Longest text a resident may read (a label, a help, a summary…), per language, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Longest id (pack, question, option, derived value, parameter, place, aid), in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Longest other plain field (version, address, phone, e-mail, source title, web address), in
/// characters.
pub const MAX_FIELD_CHARS: usize = 2000;

/// The only link schemes a pack may hold (a place's `website`, a safety contact's `url`, a source's
/// or a dated value's `url`): anything else (`javascript:`, `data:`, `file:`…) could be turned against
/// the resident.
pub const LINK_SCHEMES: [&str; 4] = ["https:", "http:", "mailto:", "tel:"];

/// Why `link` cannot be a link in a pack, if it cannot.
///
/// Browsers drop tabs, new lines and leading spaces from an address before reading its scheme
/// (`java\tscript:` runs as `javascript:`), so no white space or control character is accepted
/// anywhere in it; the scheme is compared without case, as browsers do.
pub fn link_problem(link: &str) -> Option<String> {
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        // Not `{:?}`: its escaping would add Unicode tables to the browser's code.
        let shown: String = link
            .chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect();
        return Some(format!(
            "the link \"{shown}\" holds a space or a control character"
        ));
    }
    let allowed = LINK_SCHEMES.iter().any(|scheme| {
        link.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
            && link.len() > scheme.len()
    });
    if allowed {
        None
    } else {
        Some(format!(
            "the link \"{link}\" is not allowed: a link must start with https: http: mailto: tel: and go somewhere"
        ))
    }
}

/// Depth of an expression tree (a leaf is 1), without recursion.
pub(crate) fn node_depth(node: &Node) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(node, 1usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        node.for_each_child(|child| stack.push((child, depth + 1)));
    }
    deepest
}

/// `what` has `n` entries where at most `limit` are allowed.
pub(crate) fn too_many(n: usize, limit: usize, what: &str) -> Option<String> {
    (n > limit).then(|| format!("{n} {what}, more than the limit of {limit}"))
}

/// Collects the problems of one pack with their field paths (as the compiler's own errors).
struct Checker {
    errors: Vec<PackError>,
}

impl Checker {
    fn push(&mut self, path: &[PathSegment], item: Option<&str>, message: String) {
        self.errors
            .push(PackError::at(path.to_vec(), item, message));
    }

    fn count(
        &mut self,
        path: &[PathSegment],
        item: Option<&str>,
        n: usize,
        limit: usize,
        what: &str,
    ) {
        if let Some(message) = too_many(n, limit, what) {
            self.push(path, item, message);
        }
    }

    fn text(&mut self, text: &Text, path: &[PathSegment], item: Option<&str>) {
        let languages = text.languages().count();
        if languages > MAX_LANGUAGES {
            self.push(
                path,
                item,
                format!("{languages} languages, more than the limit of {MAX_LANGUAGES}"),
            );
        }
        for (lang, t) in text.pairs() {
            let n = t.chars().count();
            if n > MAX_TEXT_CHARS {
                self.push(
                    path,
                    item,
                    format!(
                        "the \"{lang}\" text has {n} characters, more than the limit of {MAX_TEXT_CHARS}"
                    ),
                );
            }
        }
    }

    fn field(&mut self, value: &str, limit: usize, path: &[PathSegment], item: Option<&str>) {
        let n = value.chars().count();
        if n > limit {
            self.push(
                path,
                item,
                format!("{n} characters, more than the limit of {limit}"),
            );
        }
    }

    fn link(&mut self, link: &str, path: &[PathSegment], item: Option<&str>) {
        self.field(link, MAX_FIELD_CHARS, path, item);
        if let Some(message) = link_problem(link) {
            self.push(path, item, message);
        }
    }

    fn expression(&mut self, node: &Node, path: &[PathSegment], item: Option<&str>) {
        let depth = node_depth(node);
        if depth > MAX_EXPR_DEPTH {
            self.push(
                path,
                item,
                format!(
                    "expression {depth} levels deep, more than the limit of {MAX_EXPR_DEPTH}: split it into derived values"
                ),
            );
        }
    }
}

/// The counts of a pack file checked before compiling it, so that the compiler never works on a
/// list beyond the limits (some of its checks compare each entry with the ones before).
pub(crate) fn check_file_counts(file: &crate::schema::PackFile) -> Vec<PackError> {
    let mut c = Checker { errors: Vec::new() };
    if let Some(meta) = &file.pack {
        c.count(
            &[key("pack"), key("languages")],
            None,
            meta.languages.len(),
            MAX_LANGUAGES,
            "languages",
        );
    }
    c.count(
        &[key("question")],
        None,
        file.questions.len(),
        MAX_ITEMS,
        "questions",
    );
    c.count(
        &[key("derived")],
        None,
        file.derived.len(),
        MAX_ITEMS,
        "derived values",
    );
    c.count(
        &[key("parameter")],
        None,
        file.parameters.len(),
        MAX_ITEMS,
        "parameters",
    );
    c.count(
        &[key("place")],
        None,
        file.places.len(),
        MAX_ITEMS,
        "places",
    );
    c.count(&[key("aid")], None, file.aids.len(), MAX_ITEMS, "aids");
    c.count(
        &[key("next_step")],
        None,
        file.next_steps.len(),
        MAX_ITEMS,
        "next steps",
    );
    c.count(
        &[key("glossary")],
        None,
        file.glossary.len(),
        MAX_ITEMS,
        "glossary terms",
    );
    for (i, q) in file.questions.iter().enumerate() {
        c.count(
            &at("question", i, &["options"]),
            Some(&q.id),
            q.options.len(),
            MAX_LIST,
            "options",
        );
    }
    for (i, p) in file.parameters.iter().enumerate() {
        c.count(
            &at("parameter", i, &["values"]),
            Some(&p.id),
            p.values.len(),
            MAX_LIST,
            "values",
        );
    }
    c.errors
}

/// `[section, index, field…]`, the shape of the compiler's paths.
fn at(section: &str, index: usize, fields: &[&str]) -> Vec<PathSegment> {
    let mut path = vec![key(section), PathSegment::Index(index)];
    path.extend(fields.iter().map(|f| key(f)));
    path
}

fn at_list(section: &str, index: usize, list: &str, n: usize, fields: &[&str]) -> Vec<PathSegment> {
    let mut path = at(section, index, &[list]);
    path.push(PathSegment::Index(n));
    path.extend(fields.iter().map(|f| key(f)));
    path
}

/// Every limit a compiled pack must respect, except the expression text limits (the parser holds
/// them; a compiled tree is within [`MAX_EXPR_DEPTH`] whenever its text was) and the file size.
/// Used by the compiler after compiling (natively: the browser runs [`check_read`] only).
pub(crate) fn check_pack(pack: &Pack) -> Vec<PackError> {
    let mut c = Checker { errors: Vec::new() };
    let top = |s: &str| vec![key(s)];
    c.field(&pack.id, MAX_ID_CHARS, &[key("pack"), key("id")], None);
    c.field(
        &pack.version,
        MAX_FIELD_CHARS,
        &[key("pack"), key("version")],
        None,
    );
    c.count(
        &[key("pack"), key("languages")],
        None,
        pack.languages.len(),
        MAX_LANGUAGES,
        "languages",
    );
    c.text(&pack.territory.name, &[key("territory"), key("name")], None);
    if let Some(d) = &pack.territory.department {
        c.text(d, &[key("territory"), key("department")], None);
    }
    c.field(
        &pack.territory.insee,
        MAX_FIELD_CHARS,
        &[key("territory"), key("insee")],
        None,
    );
    c.count(
        &top("question"),
        None,
        pack.questions.len(),
        MAX_ITEMS,
        "questions",
    );
    c.count(
        &top("derived"),
        None,
        pack.derived.len(),
        MAX_ITEMS,
        "derived values",
    );
    c.count(
        &top("parameter"),
        None,
        pack.parameters.len(),
        MAX_ITEMS,
        "parameters",
    );
    c.count(&top("place"), None, pack.places.len(), MAX_ITEMS, "places");
    c.count(&top("aid"), None, pack.aids.len(), MAX_ITEMS, "aids");

    for (i, q) in pack.questions.iter().enumerate() {
        let item = Some(q.id.as_str());
        c.field(&q.id, MAX_ID_CHARS, &at("question", i, &["id"]), item);
        c.text(&q.label, &at("question", i, &["label"]), item);
        if let Some(h) = &q.help {
            c.text(h, &at("question", i, &["help"]), item);
        }
        if let Some(node) = &q.ask_if_node {
            c.expression(node, &at("question", i, &["ask_if"]), item);
        }
        c.count(
            &at("question", i, &["options"]),
            item,
            q.options.len(),
            MAX_LIST,
            "options",
        );
        for (n, o) in q.options.iter().enumerate() {
            c.field(
                &o.id,
                MAX_ID_CHARS,
                &at_list("question", i, "options", n, &["id"]),
                item,
            );
            c.text(
                &o.label,
                &at_list("question", i, "options", n, &["label"]),
                item,
            );
            if o.exclusive && q.kind != crate::schema::QuestionKind::SeveralOf {
                c.push(
                    &at_list("question", i, "options", n, &["exclusive"]),
                    item,
                    "only an option of a several_of question can be exclusive".into(),
                );
            }
        }
    }
    for (i, d) in pack.derived.iter().enumerate() {
        let item = Some(d.id.as_str());
        c.field(&d.id, MAX_ID_CHARS, &at("derived", i, &["id"]), item);
        c.text(&d.label, &at("derived", i, &["label"]), item);
        c.expression(&d.node, &at("derived", i, &["formula"]), item);
    }
    for (i, p) in pack.parameters.iter().enumerate() {
        let item = Some(p.id.as_str());
        c.field(&p.id, MAX_ID_CHARS, &at("parameter", i, &["id"]), item);
        c.text(&p.label, &at("parameter", i, &["label"]), item);
        c.count(
            &at("parameter", i, &["values"]),
            item,
            p.values.len(),
            MAX_LIST,
            "values",
        );
        for (n, v) in p.values.iter().enumerate() {
            c.field(
                &v.source,
                MAX_FIELD_CHARS,
                &at_list("parameter", i, "values", n, &["source"]),
                item,
            );
            if let Some(url) = &v.url {
                c.link(url, &at_list("parameter", i, "values", n, &["url"]), item);
            }
        }
    }
    for (i, p) in pack.places.iter().enumerate() {
        let item = Some(p.id.as_str());
        c.field(&p.id, MAX_ID_CHARS, &at("place", i, &["id"]), item);
        c.text(&p.name, &at("place", i, &["name"]), item);
        if let Some(h) = &p.hours {
            c.text(h, &at("place", i, &["hours"]), item);
        }
        for (name, value) in [
            ("address", &p.address),
            ("phone", &p.phone),
            ("email", &p.email),
        ] {
            if let Some(v) = value {
                c.field(v, MAX_FIELD_CHARS, &at("place", i, &[name]), item);
            }
        }
        if let Some(w) = &p.website {
            c.link(w, &at("place", i, &["website"]), item);
        }
        if let Some(h) = &p.opening_hours {
            c.field(
                h,
                MAX_FIELD_CHARS,
                &at("place", i, &["opening_hours"]),
                item,
            );
        }
    }
    c.count(
        &[key("next_step")],
        None,
        pack.next_steps.len(),
        MAX_ITEMS,
        "next steps",
    );
    for (i, s) in pack.next_steps.iter().enumerate() {
        let item = Some(s.id.as_str());
        c.field(&s.id, MAX_ID_CHARS, &at("next_step", i, &["id"]), item);
        c.text(&s.text, &at("next_step", i, &["text"]), item);
        for (name, value) in [("place", &s.place), ("number", &s.number)] {
            if let Some(v) = value {
                c.field(v, MAX_FIELD_CHARS, &at("next_step", i, &[name]), item);
            }
        }
        if let Some(node) = &s.node {
            c.expression(node, &at("next_step", i, &["when"]), item);
        }
    }
    c.count(
        &[key("glossary")],
        None,
        pack.glossary.len(),
        MAX_ITEMS,
        "glossary terms",
    );
    for (i, g) in pack.glossary.iter().enumerate() {
        let item = Some(g.term.as_str());
        c.field(
            &g.term,
            MAX_FIELD_CHARS,
            &at("glossary", i, &["term"]),
            item,
        );
        c.text(&g.expansion, &at("glossary", i, &["expansion"]), item);
    }
    for (i, a) in pack.aids.iter().enumerate() {
        let item = Some(a.id.as_str());
        c.field(&a.id, MAX_ID_CHARS, &at("aid", i, &["id"]), item);
        for (name, t) in [
            ("name", &a.name),
            ("institution", &a.institution),
            ("summary", &a.summary),
        ] {
            c.text(t, &at("aid", i, &[name]), item);
        }
        if let Some(t) = &a.how_to_apply {
            c.text(t, &at("aid", i, &["how_to_apply"]), item);
        }
        for (list, what, n) in [
            ("places", "places", a.places.len()),
            ("documents", "documents", a.documents.len()),
            ("checks", "checks", a.checks.len()),
            ("sources", "sources", a.sources.len()),
            ("criterion", "criteria", a.criteria.len()),
            ("advice", "advice", a.advice.len()),
        ] {
            c.count(&at("aid", i, &[list]), item, n, MAX_LIST, what);
        }
        for (n, p) in a.places.iter().enumerate() {
            c.field(p, MAX_ID_CHARS, &at_list("aid", i, "places", n, &[]), item);
        }
        for (n, d) in a.documents.iter().enumerate() {
            c.text(
                &d.paper,
                &at_list("aid", i, "documents", n, &["paper"]),
                item,
            );
            if let Some(w) = &d.where_to_get {
                c.text(w, &at_list("aid", i, "documents", n, &["where"]), item);
            }
            if let Some(p) = &d.place {
                c.field(
                    p,
                    MAX_ID_CHARS,
                    &at_list("aid", i, "documents", n, &["place"]),
                    item,
                );
            }
        }
        for (n, t) in a.checks.iter().enumerate() {
            c.text(t, &at_list("aid", i, "checks", n, &[]), item);
        }
        for (n, s) in a.sources.iter().enumerate() {
            c.field(
                &s.title,
                MAX_FIELD_CHARS,
                &at_list("aid", i, "sources", n, &["title"]),
                item,
            );
            c.link(&s.url, &at_list("aid", i, "sources", n, &["url"]), item);
        }
        for (n, cr) in a.criteria.iter().enumerate() {
            c.text(
                &cr.label,
                &at_list("aid", i, "criterion", n, &["label"]),
                item,
            );
            c.expression(
                &cr.node,
                &at_list("aid", i, "criterion", n, &["when"]),
                item,
            );
        }
        for (n, adv) in a.advice.iter().enumerate() {
            c.text(&adv.text, &at_list("aid", i, "advice", n, &["text"]), item);
            c.expression(&adv.node, &at_list("aid", i, "advice", n, &["when"]), item);
        }
        if let Some(amount) = &a.amount {
            c.expression(&amount.node, &at("aid", i, &["amount", "formula"]), item);
            if let Some(up_to) = &amount.up_to_node {
                c.expression(up_to, &at("aid", i, &["amount", "up_to"]), item);
            }
        }
    }
    if let Some(s) = &pack.safety {
        c.text(&s.title, &[key("safety"), key("title")], None);
        c.text(&s.intro, &[key("safety"), key("intro")], None);
        c.count(
            &[key("safety"), key("contacts")],
            None,
            s.contacts.len(),
            MAX_LIST,
            "contacts",
        );
        for (n, contact) in s.contacts.iter().enumerate() {
            let path = |f: &str| {
                vec![
                    key("safety"),
                    key("contacts"),
                    PathSegment::Index(n),
                    key(f),
                ]
            };
            c.text(&contact.label, &path("label"), None);
            if let Some(number) = &contact.number {
                c.field(number, MAX_FIELD_CHARS, &path("number"), None);
            }
            if let Some(url) = &contact.url {
                c.link(url, &path("url"), None);
            }
        }
    }
    if let Some(error) = longest_chain_error(pack) {
        c.errors.push(error);
    }
    c.errors
}

/// The dependencies of each value, questions first then derived values (positions in that order).
pub(crate) fn dependencies(pack: &Pack) -> Vec<Vec<usize>> {
    let vertices = pack.questions.len() + pack.derived.len();
    let mut edges = crate::pack::value_edges(&pack.questions, &pack.derived);
    for out in &mut edges {
        out.retain(|&v| v < vertices);
    }
    edges
}

/// The longest chain of dependencies, when longer than [`MAX_CHAIN`], as an error on the value it
/// starts from. Circular definitions are reported elsewhere (a vertex met again counts once).
/// The dependencies of each value, the length of the longest chain from each, and the value the
/// longest chain of the pack starts from (its position and length), when the pack has values.
struct Chains {
    edges: Vec<Vec<usize>>,
    length: Vec<usize>,
    state: Vec<u8>,
    head: usize,
    longest: usize,
}

fn chains(pack: &Pack) -> Chains {
    let edges = dependencies(pack);
    // Length of the longest chain from each value, by an iterative depth-first search.
    let mut length: Vec<usize> = vec![0; edges.len()];
    let mut next: Vec<usize> = vec![0; edges.len()];
    let mut state: Vec<u8> = vec![0; edges.len()]; // 0 new, 1 on the path, 2 done
    for start in 0..edges.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack = vec![start];
        state[start] = 1;
        while let Some(&v) = stack.last() {
            if let Some(&w) = edges[v].get(next[v]) {
                next[v] += 1;
                if state[w] == 0 {
                    state[w] = 1;
                    stack.push(w);
                }
            } else {
                length[v] = 1 + edges[v]
                    .iter()
                    .filter(|&&w| state[w] == 2)
                    .map(|&w| length[w])
                    .max()
                    .unwrap_or(0);
                state[v] = 2;
                stack.pop();
            }
        }
    }
    let (head, longest) = length
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, usize::MAX - i))
        .map_or((0, 0), |(i, n)| (i, *n));
    Chains {
        edges,
        length,
        state,
        head,
        longest,
    }
}

/// What the binary reader checks beyond the shape of the file: the links, so that a hand-made file
/// cannot bring a `javascript:` link into the page. Lists, texts and expression depth are bounded
/// while reading (see `codec`); a chain of values, however long within those bounds, costs the
/// evaluator time but no stack, and an exclusive option outside a several-of question does
/// nothing. The checker holds every limit exactly ([`check_pack`]), within the reader's bounds;
/// this part of its work runs in the browser, so it stays small.
pub(crate) fn check_read(pack: &Pack) -> Result<(), String> {
    let mut links: Vec<&str> = Vec::new();
    for place in &pack.places {
        links.extend(place.website.as_deref());
    }
    for aid in &pack.aids {
        for source in &aid.sources {
            links.push(&source.url);
        }
    }
    for parameter in &pack.parameters {
        for value in &parameter.values {
            links.extend(value.url.as_deref());
        }
    }
    if let Some(safety) = &pack.safety {
        for contact in &safety.contacts {
            links.extend(contact.url.as_deref());
        }
    }
    match links.into_iter().find_map(link_problem) {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

fn longest_chain_error(pack: &Pack) -> Option<PackError> {
    let Chains {
        edges,
        length,
        state,
        head,
        longest,
    } = chains(pack);
    let nq = pack.questions.len();
    if longest <= MAX_CHAIN {
        return None;
    }
    let name = |v: usize| {
        if v < nq {
            pack.questions[v].id.as_str()
        } else {
            pack.derived[v - nq].id.as_str()
        }
    };
    // The chain itself, for the message: its first values, then its last one.
    let mut chain = vec![head];
    let mut v = head;
    while let Some(&w) = edges[v]
        .iter()
        .find(|&&w| state[w] == 2 && length[w] + 1 == length[v])
    {
        chain.push(w);
        v = w;
    }
    let shown = if chain.len() > 6 {
        let first: Vec<&str> = chain[..4].iter().map(|&v| name(v)).collect();
        format!(
            "{} -> … -> {}",
            first.join(" -> "),
            name(chain[chain.len() - 1])
        )
    } else {
        chain
            .iter()
            .map(|&v| name(v))
            .collect::<Vec<_>>()
            .join(" -> ")
    };
    let (path, item) = if head < nq {
        (at("question", head, &["ask_if"]), name(head))
    } else {
        (at("derived", head - nq, &["formula"]), name(head))
    };
    Some(PackError::at(
        path,
        Some(item),
        format!(
            "a chain of {longest} values depending on each other ({shown}), more than the limit of {MAX_CHAIN}: compute from fewer steps"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_four_link_schemes_pass() {
        for ok in [
            "https://example.org",
            "http://example.org/a?b=c",
            "mailto:ccas@example.org",
            "tel:+33380000000",
            "HTTPS://EXAMPLE.ORG",
        ] {
            assert_eq!(link_problem(ok), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "file:///etc/passwd",
            "//evil.example",
            "www.example.org",
            "https:",
            "",
            "https://example.org/\u{0}",
        ] {
            assert!(link_problem(bad).is_some(), "{bad:?}");
        }
    }
}

#[cfg(all(test, feature = "toml"))]
mod depth_tests {
    use super::MAX_EXPR_DEPTH;
    use crate::expr::ast::Node;
    use crate::{DecodeError, Pack};

    /// The binary reader holds the checker's expression depth: a hand-made tree one level deeper
    /// than the checker allows is refused, one at the limit reads back.
    #[test]
    fn the_reader_holds_the_checkers_expression_depth() {
        let mut pack = crate::toml_source::load_pack(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/demo/pack.toml"),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .pack;
        let chain = |depth: usize| {
            let mut node = Node::Bool(true);
            for _ in 1..depth {
                node = Node::And(Box::new(node), Box::new(Node::Bool(true)));
            }
            node
        };
        assert_eq!(super::node_depth(&chain(MAX_EXPR_DEPTH)), MAX_EXPR_DEPTH);
        pack.aids[0].criteria[0].node = chain(MAX_EXPR_DEPTH);
        assert_eq!(Pack::from_bytes(&pack.to_bytes()).as_ref(), Ok(&pack));
        pack.aids[0].criteria[0].node = chain(MAX_EXPR_DEPTH + 1);
        match Pack::from_bytes(&pack.to_bytes()) {
            Err(DecodeError::Inconsistent(why)) => assert!(why.contains("limit"), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}
