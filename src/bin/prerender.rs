//! Prints the advisor's first screen as HTML, rendered natively by Yew's server renderer from the
//! same components the app mounts; `cargo xtask post-build` puts it into the build's index.html.

use local_or_cloud::app::{App, AppProps, PriceStart};

fn main() {
    // Outside a browser the app's browser glue sees no window, so this is the state of a first
    // visit: no answers, an undecided result, the panels before any probe has reported.
    // Not hydratable: the app replaces this markup with its own identical first render.
    // Priced with the committed price file, as the app is once it has read the same file.
    let renderer = yew::ServerRenderer::<App>::with_props(|| AppProps {
        prices: PriceStart::committed(),
        ..AppProps::default()
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    print!(
        "{}",
        disable_within(&html, "id=\"fold-cloud\"", "</details>")
    );
}

/// Disables every control between `start` and the next `end`. The cloud comparison works only
/// once the app runs, and the app renders its panel afresh, so anything typed into the
/// prerendered one would be lost: until then its fields say they cannot be used. (Answers and
/// cost figures are different: the app carries them over from the prerendered form.)
fn disable_within(html: &str, start: &str, end: &str) -> String {
    let Some(from) = html.find(start) else {
        return html.to_string();
    };
    let to = html[from..].find(end).map_or(html.len(), |i| from + i);
    let part = ["input", "select", "button", "textarea"]
        .iter()
        .fold(html[from..to].to_string(), |part, tag| {
            part.replace(&format!("<{tag} "), &format!("<{tag} disabled "))
        });
    format!("{}{part}{}", &html[..from], &html[to..])
}
