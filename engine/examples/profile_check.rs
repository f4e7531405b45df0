// Temporary: where the studio's re-check spends its time (native, release).
use eligo_engine::toml_source::*;
use std::time::Instant;
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../packs");
    let read = |p: &str| {
        std::fs::read_to_string(root.join(p))
            .map(|t| (p.to_string(), t))
            .map_err(|e| e.to_string())
    };
    let (name, text) = read("chenove/pack.toml").unwrap();
    let cases = std::fs::read_to_string(root.join("chenove/cases.toml")).unwrap();
    let today = eligo_engine::Date::new(2026, 11, 26).unwrap();
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
    let mut cache = LoadCache::default();
    for i in 0..6 {
        let edited = text.replace("value = 420,", &format!("value = {},", 420 + i % 2));
        let t = Instant::now();
        let l2 = load_pack_cached(
            &name,
            &edited,
            &mut |i| read(&res(i)),
            &mut |i| read(&res(i)),
            &mut cache,
        )
        .unwrap();
        let cached = t.elapsed();
        assert_eq!(l2.pack.id, "chenove");
        let t = Instant::now();
        let r = parse_file_recovering(&name, &text);
        let a = t.elapsed();
        assert!(r.file.is_some());
        let t = Instant::now();
        for f in ["common/situation.toml", "common/national.toml"] {
            let (n, x) = read(f).unwrap();
            parse_file_recovering(&n, &x);
        }
        let b = t.elapsed();
        let t = Instant::now();
        let loaded = load_pack_with_translations(&name, &text, &mut |i| read(&res(i)), &mut |i| {
            read(&res(i))
        })
        .unwrap();
        let load = t.elapsed();
        let t = Instant::now();
        let rev = eligo_engine::review::to_review(&loaded, today);
        let review = t.elapsed();
        let t = Instant::now();
        let cs = eligo_engine::cases::parse_cases("cases.toml", &cases).unwrap();
        let pc = t.elapsed();
        let t = Instant::now();
        let _ = eligo_engine::cases::check_cases(&loaded.pack, &cs);
        let cc = t.elapsed();
        let t = Instant::now();
        for c in &cs {
            eligo_engine::cases::run_case(&loaded.pack, c);
        }
        let rc = t.elapsed();
        let t = Instant::now();
        let _p = loaded.pack.clone();
        let cl = t.elapsed();
        let t = Instant::now();
        let _ = eligo_engine::compile::compile(&loaded.merged);
        let comp = t.elapsed();
        println!(
            "CACHED LOAD {cached:?} root parse {a:?} includes parse {b:?} LOAD {load:?} (compile alone {comp:?}) review {rev_n} {review:?} parse_cases {pc:?} ({n} cases) check_cases {cc:?} run_cases {rc:?} pack clone {cl:?}",
            rev_n = rev.len(),
            n = cs.len()
        );
    }
}
