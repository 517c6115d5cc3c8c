//! The app bundle's entry point: takes over the prerendered page and renders the advisor.

use local_or_cloud::app::{entered_before_start, focused_id, read_at_start, App, AppProps};

// talc instead of the standard dlmalloc: about 2 KB brotli off the app bundle, which has a
// budget; the page runs on one thread, which the single-threaded cell requires.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    // The price file was requested by index.html before this bundle: it has usually arrived,
    // and the first render prices with it, as the prerendered page did.
    wasm_bindgen_futures::spawn_local(async {
        let prices = read_at_start().await;
        mount(prices);
    });
}

fn mount(prices: local_or_cloud::app::PriceStart) {
    // Read just before mounting: Yew empties its root, and with it the prerendered form the
    // visitor may already have answered (and the control they are on) while this bundle loaded.
    let props = AppProps {
        entered: entered_before_start(),
        focused: focused_id(),
        defer_evidence: true,
        prices,
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
