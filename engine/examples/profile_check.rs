// Temporary (not committed): CPU time (not wall time: the machine is shared) of the studio's re-check
// after an edit of chenove/pack.toml, the old way (everything read again, cases located one parse each)
// and with the caches, alternately.
use eligo_engine::errors::PathSegment;
use eligo_engine::toml_source::*;
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split(' ').collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) * 10.0
}
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../packs");
    let read = |p: &str| {
        std::fs::read_to_string(root.join(p))
            .map(|t| (p.to_string(), t))
            .map_err(|e| e.to_string())
    };
    let res = |inc: &str| {
        let p = std::path::Path::new("chenove").join(inc);
        let mut parts: Vec<String> = vec![];
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    parts.pop();
                }
                std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into()),
                _ => {}
            }
        }
        parts.join("/")
    };
    let (name, text) = read("chenove/pack.toml").unwrap();
    let cases_text = std::fs::read_to_string(root.join("chenove/cases.toml")).unwrap();
    let n = 40;
    let mut cache = LoadCache::default();
    let mut cases_cache: Option<Vec<eligo_engine::cases::Case>> = None;
    for round in 0..3 {
        let t = cpu_ms();
        for i in 0..n {
            let edited = text.replace("value = 420,", &format!("value = {},", 420 + i % 2));
            let loaded =
                load_pack_with_translations(&name, &edited, &mut |i| read(&res(i)), &mut |i| {
                    read(&res(i))
                })
                .unwrap();
            let _ = eligo_engine::review::to_review(
                &loaded,
                eligo_engine::Date::new(2026, 11, 26).unwrap(),
            );
            let cases = eligo_engine::cases::parse_cases("cases.toml", &cases_text).unwrap();
            for k in 0..cases.len() {
                let _ = span_of(
                    &cases_text,
                    &[PathSegment::Key("case".into()), PathSegment::Index(k)],
                );
            }
            for c in &cases {
                eligo_engine::cases::run_case(&loaded.pack, c);
            }
        }
        let old = (cpu_ms() - t) / n as f64;
        let t = cpu_ms();
        for i in 0..n {
            let edited = text.replace("value = 420,", &format!("value = {},", 420 + i % 2));
            let loaded = load_pack_cached(
                &name,
                &edited,
                &mut |i| read(&res(i)),
                &mut |i| read(&res(i)),
                &mut cache,
            )
            .unwrap();
            let _ = eligo_engine::review::to_review(
                &loaded,
                eligo_engine::Date::new(2026, 11, 26).unwrap(),
            );
            let cases = cases_cache.get_or_insert_with(|| {
                eligo_engine::cases::parse_cases("cases.toml", &cases_text).unwrap()
            });
            for c in cases.iter() {
                eligo_engine::cases::run_case(&loaded.pack, c);
            }
        }
        let new = (cpu_ms() - t) / n as f64;
        println!(
            "round {round}: CPU per re-check, old way {old:.1} ms, with the caches {new:.1} ms"
        );
    }
}
