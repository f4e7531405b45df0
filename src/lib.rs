//! Eligo, the browser app: thin Yew components over the rules engine.

pub mod app;
