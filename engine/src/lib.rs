//! Eligo rules engine: loads rules packs and evaluates a resident's answers against them.
//! Pure Rust, no web dependency: it runs natively (tests, checker) and in the browser.
