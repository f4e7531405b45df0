//! The parts of the app with hooks of their own (start, question, take-away), as one component type: Yew
//! builds a whole lifecycle for each component type, this way once. Each kind is rendered under its own key
//! (a question's includes its id), so that an instance always runs the same hooks, and a new kind or question
//! mounts afresh, as a component of its own would.

use crate::components::{question::use_question_screen, start::use_start_screen};
use crate::state::StateProp;
use yew::functional::{Hook, HookContext};
use yew::prelude::*;

/// What a [`Screen`] shows.
#[derive(Clone, PartialEq)]
pub enum Kind {
    /// The start screen.
    Start,
    /// The question of this id.
    Question(AttrValue),
    /// The take-away block of the results.
    TakeAway,
}

/// Props of [`Screen`]: always given with a key that differs between kinds.
#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    /// The app state.
    pub state: StateProp,
    /// What to show.
    pub kind: Kind,
}

/// A part of the app with hooks of its own.
#[component]
pub fn Screen(props: &ScreenProps) -> Html {
    use_screen(props)
}

/// Runs the hooks and view of the screen's kind (never another for the same instance: see the keys).
fn use_screen(props: &ScreenProps) -> ScreenHook<'_> {
    ScreenHook(props)
}

struct ScreenHook<'a>(&'a ScreenProps);

impl Hook for ScreenHook<'_> {
    type Output = Html;

    fn run(self, ctx: &mut HookContext) -> Html {
        let state = &self.0.state;
        match &self.0.kind {
            Kind::Start => use_start_screen(state).run(ctx),
            Kind::Question(id) => use_question_screen(state, id).run(ctx),
            Kind::TakeAway => crate::take_away::use_take_away(state).run(ctx),
        }
    }
}
