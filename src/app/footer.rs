//! The page footer: the version that is running and where its source lives.

use yew::prelude::*;

#[function_component(Footer)]
pub fn footer() -> Html {
    html! {
        <footer class="site-footer">
            <span id="version">{ concat!("Local or Cloud v", env!("CARGO_PKG_VERSION")) }</span>
            { " · " }
            <a href={ env!("CARGO_PKG_REPOSITORY") } rel="noopener">{ "Source code" }</a>
            { " · MIT OR Apache-2.0" }
        </footer>
    }
}
