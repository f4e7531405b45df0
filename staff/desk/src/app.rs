//! The desk page's one component: the key (open it, or create one), reading a code, and what it holds. Its
//! state is the page's memory only; "next resident" forgets the code and what it showed, closing the tab
//! forgets the key too.

use crate::code::{self, Opened, Refusal};
use crate::js::{self, DeskKey};
use crate::texts::T;
use eligo::i18n::{Key, Lang};
use eligo::page_config::PageConfig;
use eligo::rules::{Group, Pack, group};
use eligo::store::{Need, Rules};
use eligo_engine::handover::CodeError;
use eligo_engine::{Answer, Question};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, HtmlVideoElement};
use yew::prelude::*;

/// Fewest characters of a new passphrase.
const MIN_PASSPHRASE: usize = 12;

/// The packs fetched so far, by territory and language (a city's own pack holds every language: its
/// territory is `""`). In memory only: once fetched, a code opens without the network.
type Packs = Rc<std::cell::RefCell<Vec<(String, Lang, Rc<Pack>)>>>;

/// The pack of `territory` in `lang`, from `packs` or fetched into it.
async fn desk_pack(
    packs: &Packs,
    config: &PageConfig,
    territory: &str,
    lang: Lang,
) -> Result<Rc<Pack>, Refusal> {
    let city = config.pack.is_some();
    let found = packs
        .borrow()
        .iter()
        .find(|(t, l, _)| (city && t.is_empty()) || (t == territory && *l == lang))
        .map(|(_, _, p)| p.clone());
    if let Some(pack) = found {
        return Ok(pack);
    }
    let pack = Rc::new(fetch_pack(config, territory, lang).await?);
    let key = if city {
        String::new()
    } else {
        territory.to_string()
    };
    packs.borrow_mut().push((key, lang, pack.clone()));
    Ok(pack)
}

/// The pack of `territory` in `lang`: the page's own pack (`data-pack`, `?pack=`) if it names one, else the
/// built-in one.
async fn fetch_pack(config: &PageConfig, territory: &str, lang: Lang) -> Result<Pack, Refusal> {
    let refused = |_| Refusal::Other(T::ErrPack);
    if config.pack.is_some() {
        return eligo::city_pack::fetch(config).await.map_err(refused);
    }
    let rules = Rules::built_in();
    let index = rules.position(territory).ok_or(Refusal::Code(
        CodeError::OtherTerritory(territory.to_string()),
        String::new(),
    ))?;
    let file = rules
        .file(Need {
            territory: index,
            lang,
        })
        .ok_or(Refusal::Other(T::ErrPack))?;
    let bytes = eligo::browser::fetch_bytes(file, false)
        .await
        .map_err(refused)?;
    eligo::rules::read_pack(file, &bytes).map_err(refused)
}

/// Opens `text` with `key`: the header checked (format, territory of this desk, key), the sealing opened,
/// the answers read and the verdicts worked out again with the current pack.
async fn open_code(
    packs: &Packs,
    config: &PageConfig,
    key: &DeskKey,
    text: &str,
    lang: Lang,
) -> Result<(Rc<Pack>, Opened), Refusal> {
    let city = match config.pack {
        Some(_) => Some(desk_pack(packs, config, "", lang).await?),
        None => None,
    };
    let territory = city
        .as_ref()
        .map(|p| p.id.clone())
        .or_else(|| config.territory.clone());
    let (bytes, header) = code::read(text, code::key_id(&key.public_key), territory.as_deref())?;
    let damaged = || Refusal::Code(CodeError::Damaged, String::new());
    let body = js::open(key, &bytes, header.len)
        .await
        .ok_or_else(damaged)?;
    let pack = match city {
        Some(pack) => pack,
        None => desk_pack(packs, config, &header.territory, lang).await?,
    };
    let opened = code::open(&pack, header, &body, eligo::rules::today())?;
    Ok((pack, opened))
}

fn input_value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn first_file(node: &NodeRef) -> Option<web_sys::File> {
    node.cast::<HtmlInputElement>()?.files()?.get(0)
}

/// The desk page.
#[component]
pub fn Desk() -> Html {
    let config = use_memo((), |_| eligo::page_config::from_page());
    let lang = use_state(|| {
        config
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_else(eligo::browser::browser_language)
            .built_in()
    });
    let key = use_state(|| None::<Rc<DeskKey>>);
    let key_problem = use_state(|| None::<Refusal>);
    let created = use_state(|| None::<(String, String)>);
    let busy = use_state(|| false);
    let code_text = use_state(|| None::<String>);
    let shown = use_state(|| None::<(Rc<Pack>, Rc<Opened>)>);
    let problem = use_state(|| None::<Refusal>);
    let camera = use_state(|| false);
    let round = use_state(|| 0u32);
    let (key_file, passphrase, pass1, pass2, typed, photo, video) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let packs: Packs = use_mut_ref(Vec::new);
    let l = *lang;
    use_effect_with(l, |l| eligo::browser::set_root_language(*l));
    // The territory this desk serves, fetched at once: then codes open offline.
    {
        let (packs, config) = (packs.clone(), config.clone());
        use_effect_with(l, move |l| {
            let l = *l;
            if config.pack.is_some() || config.territory.is_some() {
                yew::platform::spawn_local(async move {
                    let territory = config.territory.clone().unwrap_or_default();
                    let _ = desk_pack(&packs, &config, &territory, l).await;
                });
            }
        });
    }
    // A code (typed, scanned or from a photo), or a new language: open it again with the pack in that language.
    {
        let (packs, config, key, shown, problem, busy) = (
            packs.clone(),
            config.clone(),
            key.clone(),
            shown.clone(),
            problem.clone(),
            busy.clone(),
        );
        use_effect_with(((*code_text).clone(), l), move |(text, l)| {
            if let (Some(text), Some(desk_key)) = (text.clone(), (*key).clone()) {
                busy.set(true);
                let l = *l;
                yew::platform::spawn_local(async move {
                    match open_code(&packs, &config, &desk_key, &text, l).await {
                        Ok((pack, opened)) => {
                            problem.set(None);
                            shown.set(Some((pack, Rc::new(opened))));
                        }
                        Err(refusal) => {
                            shown.set(None);
                            problem.set(Some(refusal));
                        }
                    }
                    busy.set(false);
                });
            }
        });
    }

    let choose = {
        let lang = lang.clone();
        move |other: Lang| {
            let lang = lang.clone();
            Callback::from(move |_: MouseEvent| lang.set(other))
        }
    };
    let open_key = {
        let (key, key_problem, busy) = (key.clone(), key_problem.clone(), busy.clone());
        let (key_file, passphrase) = (key_file.clone(), passphrase.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (key, key_problem, busy) = (key.clone(), key_problem.clone(), busy.clone());
            let file = first_file(&key_file);
            let pass = passphrase.cast::<HtmlInputElement>();
            busy.set(true);
            yew::platform::spawn_local(async move {
                let text = match file {
                    Some(f) => wasm_bindgen_futures::JsFuture::from(f.text())
                        .await
                        .ok()
                        .and_then(|t| t.as_string()),
                    None => None,
                };
                let secret = pass.as_ref().map(|p| p.value()).unwrap_or_default();
                let loaded = match text {
                    Some(text) => js::load_key(&text, &secret).await,
                    None => Err("key-file".into()),
                };
                if let Some(p) = &pass {
                    p.set_value("");
                }
                match loaded {
                    Ok(k) => {
                        key_problem.set(None);
                        key.set(Some(Rc::new(k)));
                    }
                    Err(reason) => {
                        key_problem.set(Some(Refusal::Other(if reason == "passphrase" {
                            T::ErrPassphrase
                        } else {
                            T::ErrKeyFile
                        })))
                    }
                }
                busy.set(false);
            });
        })
    };
    let create = {
        let (created, key_problem, busy) = (created.clone(), key_problem.clone(), busy.clone());
        let (pass1, pass2) = (pass1.clone(), pass2.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (a, b) = (input_value(&pass1), input_value(&pass2));
            if a.chars().count() < MIN_PASSPHRASE {
                key_problem.set(Some(Refusal::Other(T::PassphraseShort)));
                return;
            }
            if a != b {
                key_problem.set(Some(Refusal::Other(T::PassphraseDiffers)));
                return;
            }
            let (created, key_problem, busy) = (created.clone(), key_problem.clone(), busy.clone());
            busy.set(true);
            yew::platform::spawn_local(async move {
                key_problem.set(None);
                created.set(js::create_key(&a).await);
                busy.set(false);
            });
        })
    };
    let open_typed = {
        let (code_text, typed) = (code_text.clone(), typed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = typed.cast::<HtmlTextAreaElement>() {
                code_text.set(Some(area.value()));
            }
        })
    };
    let open_photo = {
        let (code_text, problem, photo) = (code_text.clone(), problem.clone(), photo.clone());
        Callback::from(move |_: Event| {
            let Some(file) = first_file(&photo) else {
                return;
            };
            let (code_text, problem) = (code_text.clone(), problem.clone());
            yew::platform::spawn_local(async move {
                match js::scan_file(&file).await {
                    Some(text) => code_text.set(Some(text)),
                    None => problem.set(Some(Refusal::Other(T::ErrNoCodeInImage))),
                }
            });
        })
    };
    let toggle_camera = {
        let (camera, code_text, problem, video) = (
            camera.clone(),
            code_text.clone(),
            problem.clone(),
            video.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *camera {
                js::stop_camera();
                camera.set(false);
                return;
            }
            camera.set(true);
            let (camera, code_text, problem, video) = (
                camera.clone(),
                code_text.clone(),
                problem.clone(),
                video.clone(),
            );
            yew::platform::spawn_local(async move {
                // The video element appears with the camera's state: wait for that render.
                eligo::browser::next_task().await;
                let Some(element) = video.cast::<HtmlVideoElement>() else {
                    return;
                };
                match js::scan_camera(&element).await {
                    Ok(Some(text)) => code_text.set(Some(text)),
                    Ok(None) => {}
                    Err(()) => problem.set(Some(Refusal::Other(T::ErrCamera))),
                }
                camera.set(false);
            });
        })
    };
    let next = {
        let (code_text, shown, problem, camera, round) = (
            code_text.clone(),
            shown.clone(),
            problem.clone(),
            camera.clone(),
            round.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            js::stop_camera();
            camera.set(false);
            code_text.set(None);
            shown.set(None);
            problem.set(None);
            round.set(*round + 1);
        })
    };
    let save = {
        let created = created.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((_, file)) = &*created {
                js::save_file("eligo-ccas-key.json", file);
            }
        })
    };

    html! {
        <main id="main" class="app desk">
            { eligo::components::language_switch::language_buttons("Langue / Language / اللغة", &Lang::BUILT_IN, l, None, &choose) }
            <h1>{ T::Title.get(l) }</h1>
            <p class="hint">{ T::Intro.get(l) }</p>
            <section aria-labelledby="key-title" class="desk-key no-print">
                <h2 id="key-title">{ T::KeyTitle.get(l) }</h2>
                if let Some(problem) = &*key_problem {
                    <p class="error" role="alert">{ problem.message(l) }</p>
                }
                if key.is_some() {
                    <p class="key-loaded">{ T::KeyLoaded.get(l) }</p>
                } else {
                    <form class="open-key" onsubmit={open_key}>
                        <p><label for="key-file">{ T::KeyFile.get(l) }</label>
                        <input id="key-file" type="file" accept=".json,application/json" ref={key_file} /></p>
                        <p><label for="key-passphrase">{ T::Passphrase.get(l) }</label>
                        <input id="key-passphrase" type="password" autocomplete="off" ref={passphrase} /></p>
                        <p><button type="submit" class="primary" disabled={*busy}>{ T::OpenKey.get(l) }</button></p>
                    </form>
                    <details class="new-key">
                        <summary>{ T::NewKeyTitle.get(l) }</summary>
                        <p>{ T::NewKeyIntro.get(l) }</p>
                        <form onsubmit={create}>
                            <p><label for="new-passphrase">{ T::Passphrase.get(l) }</label>
                            <input id="new-passphrase" type="password" autocomplete="new-password" ref={pass1} /></p>
                            <p><label for="new-passphrase-2">{ T::PassphraseAgain.get(l) }</label>
                            <input id="new-passphrase-2" type="password" autocomplete="new-password" ref={pass2} /></p>
                            <p><button type="submit" class="secondary" disabled={*busy}>{ T::CreateKey.get(l) }</button></p>
                        </form>
                        if let Some((public_key, _)) = &*created {
                            <p>{ T::PublicKeyIs.get(l) }</p>
                            <pre class="public-key" dir="ltr">{ format!("[handover]\npublic_key = \"{public_key}\"") }</pre>
                            <p><button type="button" class="secondary save-key" onclick={save}>{ T::SaveKeyFile.get(l) }</button></p>
                        }
                    </details>
                }
            </section>
            if key.is_some() {
                <section aria-labelledby="scan-title" class="desk-scan no-print" key={format!("scan-{}", *round)}>
                    <h2 id="scan-title">{ T::ScanTitle.get(l) }</h2>
                    <div class="actions">
                        <button type="button" class="secondary" onclick={toggle_camera}>
                            { if *camera { T::StopCamera.get(l) } else { T::Camera.get(l) } }
                        </button>
                    </div>
                    if *camera { <video class="camera" ref={video} muted=true playsinline=true aria-label={T::Camera.get(l)}></video> }
                    <p><label for="code-photo">{ T::Photo.get(l) }</label>
                    <input id="code-photo" type="file" accept="image/*" ref={photo} onchange={open_photo} /></p>
                    <form onsubmit={open_typed}>
                        <p><label for="code-text">{ T::TypeCode.get(l) }</label></p>
                        <textarea id="code-text" rows="4" dir="ltr" spellcheck="false" autocomplete="off" ref={typed} />
                        <p><button type="submit" class="primary">{ T::OpenCode.get(l) }</button></p>
                    </form>
                </section>
            }
            <div aria-live="polite" class="desk-status">
                if *busy { <p>{ T::Working.get(l) }</p> }
                if let Some(problem) = &*problem { <p class="error" role="alert">{ problem.message(l) }</p> }
            </div>
            if let Some((pack, opened)) = &*shown { { summary(l, pack, opened) } }
            if key.is_some() && (shown.is_some() || problem.is_some()) {
                <div class="actions no-print">
                    <button type="button" class="secondary" onclick={Callback::from(|_: MouseEvent| eligo::browser::print())}>{ T::Print.get(l) }</button>
                    <button type="button" class="primary next" onclick={next}>{ T::Next.get(l) }</button>
                </div>
            }
        </main>
    }
}

fn group_of_code(code: u8) -> Group {
    match code {
        0 => Group::Ask,
        3 => Group::Not,
        _ => Group::Check,
    }
}

fn group_name(l: Lang, g: Group) -> &'static str {
    l.t(match g {
        Group::Ask => Key::AidsToAsk,
        Group::Check => Key::AidsToCheck,
        Group::Not => Key::GroupNot,
    })
}

fn group_id(g: Group) -> &'static str {
    match g {
        Group::Ask => "ask",
        Group::Check => "check",
        Group::Not => "not",
    }
}

/// An answer as the agent reads it.
fn answer_text(l: Lang, q: &Question, answer: &Answer) -> String {
    let option = |id: &str| {
        q.options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.label.get(l.code()).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    match answer {
        Answer::YesNo(yes) => l.t(if *yes { Key::Yes } else { Key::No }).to_string(),
        Answer::DontKnow => l.t(Key::DontKnow).to_string(),
        Answer::Declined => l.t(Key::PreferNotToAnswer).to_string(),
        Answer::Number(n) if q.is_amount() => eligo::rules::money_words(l, &n.to_string()),
        Answer::Number(n) => eligo::rules::number_words(l, &n.to_string()),
        Answer::Date(d) => eligo::rules::date_words(&d.to_string()),
        Answer::OneOf(id) => option(id),
        Answer::SeveralOf(ids) => ids
            .iter()
            .map(|id| option(id))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// What the code holds, with the verdicts worked out again: one printable page.
fn summary(l: Lang, pack: &Pack, opened: &Opened) -> Html {
    let code = l.code();
    let changed = opened.header.pack_version != pack.version;
    let mut papers: Vec<&str> = Vec::new();
    for (aid, (_, now)) in pack.aids.iter().zip(&opened.verdicts) {
        if group(now) != Group::Not {
            for d in &aid.documents {
                let text = d.get(code);
                if !papers.contains(&text) {
                    papers.push(text);
                }
            }
        }
    }
    let aids = |g: Group| {
        html! {
            <section class={classes!("group", group_id(g))}>
                <h3>{ group_name(l, g) }</h3>
                <ul>
                    { for pack.aids.iter().zip(&opened.verdicts).filter(|(_, (_, now))| group(now) == g).map(|(aid, (then, now))| {
                        let before = group_of_code(*then);
                        html! {
                            <li data-aid={aid.id.clone()} data-group={group_id(g)} data-resident-group={group_id(before)}>
                                <strong>{ aid.name.get(code) }</strong>
                                if before != group(now) || *then != code::kind(now) {
                                    <span class="verdict-changed">{ " — " }{ T::VerdictChanged.get(l) }{ " (" }{ T::ResidentSaw.get(l) }{ " " }{ group_name(l, before) }{ ")" }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
    };
    html! {
        <section class="desk-result" aria-labelledby="result-title">
            <h2 id="result-title" tabindex="-1">{ T::ResultTitle.get(l) }{ " — " }{ pack.territory.name.get(code) }</h2>
            <p class="checked-on">{ T::CheckedOn.fill(l, &[("date", &eligo::rules::date_words(&opened.date.to_string())), ("version", &opened.header.pack_version)]) }</p>
            <p class={classes!("pack-state", changed.then_some("changed"))}>
                { if changed { T::PackChanged.fill(l, &[("version", &pack.version)]) } else { T::PackSame.get(l).to_string() } }
            </p>
            { aids(Group::Ask) }
            { aids(Group::Check) }
            { aids(Group::Not) }
            <h3>{ T::PapersTitle.get(l) }</h3>
            <ul class="papers">{ for papers.iter().map(|p| html! { <li>{ "☐ " }{ *p }</li> }) }</ul>
            <h3>{ T::AnswersTitle.get(l) }</h3>
            <dl class="desk-answers">
                { for pack.questions.iter().filter_map(|q| opened.answers.get(&q.id).map(|a| (q, a))).map(|(q, a)| html! {
                    <div data-question={q.id.clone()}>
                        <dt>{ q.label.get(code) }</dt>
                        <dd>{ answer_text(l, q, a) }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
