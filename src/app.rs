use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    html! {
        <main id="main" class="app">
            <h1>{ "Eligo" }</h1>
            <p>{ "Vérifiez en quelques minutes les aides locales auxquelles vous pourriez avoir droit." }</p>
        </main>
    }
}
