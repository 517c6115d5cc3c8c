//! The page shell: header, questionnaire area, device area, local inference status and footer.

use yew::prelude::*;

use super::device_panel::DevicePanel;
use super::footer::Footer;
use super::header::Header;
use super::inference_status::InferenceStatus;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <div class="shell">
            <Header />
            <main id="main" class="layout">
                <section id="questionnaire" class="panel" aria-labelledby="questionnaire-title">
                    <h2 id="questionnaire-title">{ "Your AI feature" }</h2>
                    <p class="muted">{ "Eleven questions about the feature will appear here." }</p>
                </section>
                <aside class="side">
                    <DevicePanel />
                    <InferenceStatus />
                </aside>
            </main>
            <Footer />
        </div>
    }
}
