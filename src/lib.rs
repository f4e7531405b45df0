//! Eligo, the browser app: thin Yew components over the rules engine.
//!
//! `state` holds what the resident did (a reducer with a pure `reduce`), `store` the packs and their
//! loading, `rules` is the only door to the engine, `i18n` the interface texts, `app` and `components` the
//! views: functions of the state's data and callbacks (docs/architecture.md).

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod rules;
pub mod state;
pub mod store;

// Kiosk, embedding, a city's pack, offline use, taking results away (see docs/embedding.md).
pub mod city_pack;
pub mod early;
pub mod embed;
pub mod handover;
pub mod kiosk;
pub mod offline;
pub mod page_config;
pub mod panic_screen;
pub mod shell;
pub mod speech;
pub mod take_away;
pub mod zero_on_free;

// Talc instead of the default dlmalloc: the same job in fewer bytes of wasm (docs/performance.md); every
// freed block zeroed, so that no typed text outlives its use in memory (src/zero_on_free.rs, issue 19).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: zero_on_free::ZeroOnFree<talc::wasm::WasmDynamicTalc> =
    zero_on_free::ZeroOnFree(talc::wasm::new_wasm_dynamic_allocator());
