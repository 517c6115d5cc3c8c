//! The app bundle's entry point: takes over the prerendered page and renders the advisor.

use local_or_cloud::app::{entered_before_start, App, AppProps};

fn main() {
    console_error_panic_hook::set_once();
    // Read before mounting: Yew empties the body, and with it the prerendered form the visitor
    // may already have answered while this bundle was loading.
    let entered = entered_before_start();
    yew::Renderer::<App>::with_props(AppProps { entered }).render();
}
