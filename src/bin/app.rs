//! The app bundle's entry point: takes over the prerendered page and renders the advisor.

use local_or_cloud::app::{entered_before_start, focused_id, App, AppProps};

fn main() {
    console_error_panic_hook::set_once();
    // Read before mounting: Yew empties the body, and with it the prerendered form the visitor
    // may already have answered (and the control they are on) while this bundle was loading.
    let props = AppProps {
        entered: entered_before_start(),
        focused: focused_id(),
    };
    yew::Renderer::<App>::with_props(props).render();
}
