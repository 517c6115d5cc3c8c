//! The app bundle's entry point: takes over the prerendered page and renders the advisor.

use local_or_cloud::app::{entered_before_start, focused_id, App, AppProps};

fn main() {
    console_error_panic_hook::set_once();
    // Read before mounting: Yew empties its root, and with it the prerendered form the visitor
    // may already have answered (and the control they are on) while this bundle was loading.
    let props = AppProps {
        entered: entered_before_start(),
        focused: focused_id(),
        defer_evidence: true,
    };
    // The app's root is #app, below index.html's static header; a page without one (an older
    // cached index.html) gets the app in its body, as before.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
