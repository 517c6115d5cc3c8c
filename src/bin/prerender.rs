//! Prints the advisor's first screen as HTML, rendered natively by Yew's server renderer from the
//! same components the app mounts; `cargo xtask post-build` puts it into the build's index.html.

use local_or_cloud::app::App;

fn main() {
    // Outside a browser the app's browser glue sees no window, so this is the state of a first
    // visit: no answers, an undecided result, the panels before any probe has reported.
    // Not hydratable: the app replaces this markup with its own identical first render.
    let renderer = yew::ServerRenderer::<App>::new().hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    print!("{html}");
}
