//! desk.html, the CCAS desk page (issue 18): a staff page, built apart from the resident app
//! (`scripts/build-staff.sh desk`) and never loaded by resident pages. It creates the CCAS key pair (the public
//! key for the pack's `[handover]` table, the private key saved to a file wrapped with a passphrase), opens the
//! key file once per session, reads residents' codes (camera, photo or typed), and shows their answers and the
//! verdicts worked out again with the current pack. Nothing is stored: the page's memory only.

mod app;
mod code;
mod js;
mod texts;

fn main() {
    yew::Renderer::<app::Desk>::with_root(
        gloo::utils::document()
            .get_element_by_id("desk")
            .expect("desk.html has <div id=\"desk\">"),
    )
    .render();
}
