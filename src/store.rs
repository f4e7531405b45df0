//! The pack store: the one owner of loading. It knows the app's built-in territories (an index the build
//! embeds), holds the packs fetched so far ([`Rules`], a value kept in the app state), says where loading
//! stands ([`Loading`], one field of the app state), and fetches — from one effect, [`use_loading`], which
//! watches what the state needs: a city's own pack, or the file of a (territory, language).
//!
//! Nothing here decides what is needed: the reducer does (`crate::state`), from the resident's choices; the
//! store fetches it and reports back with an [`Arrival`].

use crate::i18n::Lang;
use crate::page_config::PageConfig;
use crate::rules::{Pack, Text, read_pack};
use std::rc::Rc;
use yew::prelude::*;

// `PACKS: &[(&str, &[u8])]`: (pack id, binary pack), written by build.rs from packs/*/pack.toml. Only
// the tests use it: the app fetches the pack it needs, so the packs stay out of the wasm.
include!(concat!(env!("OUT_DIR"), "/packs.rs"));
// `TERRITORIES`: (pack id, pack file by language, names by language), the small index the app embeds
// (build.rs). Each file holds the pack with its texts in one language only.
type Files = &'static [(&'static str, &'static str)];
type Names = &'static [(&'static str, &'static str)];
include!(concat!(env!("OUT_DIR"), "/territories.rs"));

/// How long the app waits for a city's pack before using the built-in ones (milliseconds).
pub const PACK_WAIT_MS: u32 = 10_000;

/// What the state needs and the store fetches: the file of a territory (its index) in a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Need {
    /// Index of the territory.
    pub territory: usize,
    /// Language of the file.
    pub lang: Lang,
}

/// Where loading stands: the one "loading" of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Loading {
    /// Nothing is being fetched.
    #[default]
    Ready,
    /// The page names a city's own pack: waiting for it (at most [`PACK_WAIT_MS`]).
    CityPack,
    /// Fetching this file.
    Fetching(Need),
    /// Fetching this file failed (the reasons went to the console).
    Failed(Need),
}

/// What the store reports back to the state.
#[derive(Clone, Debug)]
pub enum Arrival {
    /// The city's pack, or why it is not usable (for the webmaster).
    City(Result<Rc<Pack>, Vec<String>>),
    /// A built-in pack's file, or `None` when it could not be fetched.
    Pack(Need, Option<Rc<Pack>>),
}

/// A territory the app offers: its pack id and its name (known before its pack is fetched).
#[derive(Clone, Debug, PartialEq)]
pub struct TerritoryChoice {
    /// Pack id.
    pub id: String,
    /// Name of the territory, by language.
    pub name: Text,
}

/// The territories and the packs fetched so far (a value: a new pack makes a new `Rules`).
#[derive(Clone, Debug, Default)]
pub struct Rules {
    territories: Vec<TerritoryChoice>,
    /// By territory, the pack in each interface language (`Lang as usize`), filled as they arrive.
    packs: Vec<[Option<Rc<Pack>>; Lang::ALL.len()]>,
    /// Whether these are a city's own pack (one file, every language: nothing to fetch).
    pub city: bool,
    /// Packs of the build that could not be read (tests), shown in the console only.
    pub problems: Vec<String>,
    /// Why the city's pack named by the page was refused: the note for the webmaster.
    pub refused: Vec<String>,
}

impl PartialEq for Rules {
    fn eq(&self, other: &Rules) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Rules {
    /// The app's built-in territories, none of their packs fetched yet.
    pub fn built_in() -> Rules {
        Rules {
            territories: TERRITORIES
                .iter()
                .map(|(id, _, names)| TerritoryChoice {
                    id: id.to_string(),
                    name: Text::new(names.iter().copied()),
                })
                .collect(),
            packs: TERRITORIES.iter().map(|_| Default::default()).collect(),
            ..Rules::default()
        }
    }

    /// The packs of the build, all there in every language, as if fetched (tests: no server).
    pub fn embedded() -> Rules {
        let mut rules = Rules::default();
        for (id, bytes) in PACKS {
            match read_pack(id, bytes) {
                Ok(pack) => rules.push(Rc::new(pack)),
                Err(messages) => rules.problems.extend(messages),
            }
        }
        rules
    }

    /// A city's own pack, alone.
    pub fn single(pack: Rc<Pack>) -> Rules {
        let mut rules = Rules {
            city: true,
            ..Rules::default()
        };
        rules.push(pack);
        rules
    }

    fn push(&mut self, pack: Rc<Pack>) {
        self.territories.push(TerritoryChoice {
            id: pack.id.clone(),
            name: pack.territory.name.clone(),
        });
        self.packs.push(Lang::ALL.map(|_| Some(pack.clone())));
    }

    /// The same, with a city's pack refused for these reasons.
    pub fn with_refused(&self, messages: Vec<String>) -> Rules {
        Rules {
            refused: messages,
            ..self.clone()
        }
    }

    /// The same, with this file arrived.
    pub fn with(&self, need: Need, pack: Rc<Pack>) -> Rules {
        let mut rules = self.clone();
        if let Some(cells) = rules.packs.get_mut(need.territory) {
            cells[need.lang as usize] = Some(pack);
        }
        rules
    }

    /// Number of territories.
    pub fn len(&self) -> usize {
        self.territories.len()
    }

    /// Whether there is no territory.
    pub fn is_empty(&self) -> bool {
        self.territories.is_empty()
    }

    /// The territories, in order.
    pub fn territories(&self) -> &[TerritoryChoice] {
        &self.territories
    }

    /// Index of the territory with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.territories.iter().position(|t| t.id == id)
    }

    /// Whether the file `need` asks for is there.
    pub fn has(&self, need: Need) -> bool {
        self.packs
            .get(need.territory)
            .is_some_and(|cells| cells[need.lang as usize].is_some())
    }

    /// The pack of territory `index` in `lang`, else in a language already there (while `lang`'s file
    /// loads, or when it could not be fetched), if any.
    pub fn pack(&self, index: usize, lang: Lang) -> Option<&Rc<Pack>> {
        let cells = self.packs.get(index)?;
        std::iter::once(lang)
            .chain(Lang::ALL)
            .find_map(|l| cells[l as usize].as_ref())
    }

    /// The address of the file `need` asks for: that language's, else the pack's reference language's.
    pub fn file(&self, need: Need) -> Option<&'static str> {
        let id = &self.territories.get(need.territory)?.id;
        let (_, files, _) = TERRITORIES.iter().find(|(i, _, _)| i == id)?;
        files
            .iter()
            .find(|(l, _)| *l == need.lang.code())
            .or(files.first())
            .map(|(_, f)| *f)
    }
}

/// Fetches what `loading` asks for — the city's pack, or a built-in file — whenever it changes, and reports
/// to `arrived`. The one place where packs are fetched.
#[hook]
pub fn use_loading(
    loading: Loading,
    rules: Rc<Rules>,
    config: Rc<PageConfig>,
    arrived: Callback<Arrival>,
) {
    use_effect_with(loading, move |loading| match *loading {
        Loading::CityPack => {
            let done = arrived.clone();
            yew::platform::spawn_local(async move {
                let result = crate::city_pack::fetch(&config).await;
                if let Err(messages) = &result {
                    for m in messages {
                        gloo::console::warn!(format!("Eligo city pack: {m}"));
                    }
                }
                done.emit(Arrival::City(result.map(Rc::new)));
            });
            // A pack that arrives after the app gave up waiting is not used (the state ignores it).
            gloo::timers::callback::Timeout::new(PACK_WAIT_MS, move || {
                arrived.emit(Arrival::City(Err(vec![
                    "the pack took too long to load".into(),
                ])))
            })
            .forget();
        }
        Loading::Fetching(need) => {
            yew::platform::spawn_local(async move {
                let result = fetch(&rules, need).await;
                if let Err(messages) = &result {
                    for m in messages {
                        gloo::console::warn!(format!("Eligo: {m}"));
                    }
                }
                arrived.emit(Arrival::Pack(need, result.ok().map(Rc::new)));
            });
        }
        Loading::Ready | Loading::Failed(_) => {}
    });
}

/// Fetches and reads the file `need` asks for, from the app's folder; for a language fetched on demand,
/// its interface texts first (the language shows once both are there).
async fn fetch(rules: &Rules, need: Need) -> Result<Pack, Vec<String>> {
    if !need.lang.is_ready() {
        let code = need.lang.code();
        let Some((_, file)) = UI_FILES.iter().find(|(lang, _)| *lang == code) else {
            return Err(vec![format!("no interface texts for {code} in this build")]);
        };
        let bytes = crate::browser::fetch_bytes(file, false).await?;
        let text = String::from_utf8(bytes).map_err(|_| vec![format!("{file}: not UTF-8")])?;
        let entries = crate::i18n::Key::ALL.len();
        need.lang
            .install(&text, entries)
            .map_err(|e| vec![format!("{file}: {e}")])?;
    }
    let Some(file) = rules.file(need) else {
        return Err(vec![format!("territory {}: no such file", need.territory)]);
    };
    let bytes = crate::browser::fetch_bytes(file, false).await?;
    read_pack(file, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded index names every pack of the build, with its content-hashed file per language; a
    /// pack appears once its file arrived, in that language, and meanwhile in any language there.
    #[test]
    fn the_index_lists_every_pack_and_packs_appear_once_arrived() {
        let rules = Rules::built_in();
        let embedded = Rules::embedded();
        assert_eq!(rules.len(), PACKS.len());
        for (index, (id, files, _)) in TERRITORIES.iter().enumerate() {
            assert_eq!(PACKS[index].0, *id);
            assert_eq!(files[0].0, "fr", "the reference language's file first");
            for (lang, file) in *files {
                assert!(
                    file.starts_with(&format!("packs/{id}-{lang}-")) && file.ends_with(".pack")
                );
            }
            assert!(rules.pack(index, Lang::Fr).is_none(), "not fetched yet");
            assert_eq!(
                rules.territories()[index].name,
                embedded.territories()[index].name
            );
        }
        let full = Pack::from_bytes(PACKS[0].1).unwrap();
        let in_language = |lang: &str| Rc::new(Pack::from_bytes(&full.to_bytes_in(lang)).unwrap());
        let (fr, en) = (full.aids[0].name.get("fr"), full.aids[0].name.get("en"));
        assert_ne!(fr, en, "the test needs a translated aid name");
        let french = Need {
            territory: 0,
            lang: Lang::Fr,
        };
        let english = Need {
            lang: Lang::En,
            ..french
        };
        let rules = rules.with(french, in_language("fr"));
        assert!(rules.has(french) && !rules.has(english));
        assert_eq!(
            rules.pack(0, Lang::En).unwrap().aids[0].name.get("en"),
            fr,
            "the French file while the English one loads"
        );
        let rules = rules.with(english, in_language("en"));
        assert_eq!(rules.pack(0, Lang::En).unwrap().aids[0].name.get("en"), en);
        assert_eq!(rules.pack(0, Lang::Fr).unwrap().aids[0].name.get("fr"), fr);
        assert_ne!(rules.file(french), rules.file(english));
    }
}
