//! The app bundle's entry point: renders the advisor into the page.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<local_or_cloud::app::App>::new().render();
}
