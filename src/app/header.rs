//! The page header: the product's name and what it does, in one line.

use yew::prelude::*;

#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="site-header">
            <h1>{ "Local or Cloud" }</h1>
            <p class="tagline">
                { "Should your AI feature run on the device, in the cloud, or both? Answer a few questions and measure this device." }
            </p>
        </header>
    }
}
