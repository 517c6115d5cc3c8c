//! The page shell: provides the advisor state, keeps the address bar and local storage in step with it.

use yew::prelude::*;

use super::browser;
use super::device_panel::DevicePanel;
use super::device_probes::use_device_probes;
use super::footer::Footer;
use super::header::Header;
use super::inference_status::InferenceStatus;
use super::notices::Notices;
use super::questionnaire::Questionnaire;
use super::result::ResultPanel;
use super::state::{Action, AdvisorContext, AdvisorState};
use crate::share;

/// The state a visit starts from: the link when it has answers, else what this device saved.
fn initial_state() -> AdvisorState {
    let search = browser::location_search();
    let from_link = !search.trim_start_matches('?').is_empty();
    let query = if from_link {
        search
    } else {
        browser::load_saved().unwrap_or_default()
    };
    let (shared, mut notices) = share::parse(&query);
    if !from_link && !notices.is_empty() {
        notices.insert(0, "Some saved answers could not be restored:".into());
    }
    AdvisorState {
        shared,
        notices,
        ..AdvisorState::default()
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    use_device_probes(&state);

    // The address bar and local storage follow the answers, so a copied link or a reload reproduces them.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.shared.clone(), move |shared| {
            let query = share::to_query(shared);
            browser::replace_query(&query);
            if let Err(error) = browser::save(&query) {
                dispatcher.dispatch(Action::Notice(format!(
                    "Your answers are not saved on this device: {error}. They are still in the link."
                )));
            }
        });
    }

    let embed = state.shared.embed;
    let full_link = embed.then(|| {
        let mut shared = state.shared.clone();
        shared.embed = false;
        format!("./?{}", share::to_query(&shared))
    });

    html! {
        <ContextProvider<AdvisorContext> context={ state.clone() }>
            <div class={ classes!("shell", embed.then_some("embed")) }>
                if !embed { <Header /> }
                <Notices />
                <main id="main" class="layout">
                    <Questionnaire />
                    <div class="side">
                        <ResultPanel />
                        if !embed {
                            <DevicePanel />
                            <InferenceStatus />
                        }
                    </div>
                </main>
                if let Some(link) = full_link {
                    <p class="open-full">
                        <a href={ link } target="_blank" rel="noopener">{ "Open the full advisor" }</a>
                    </p>
                } else {
                    <Footer />
                }
            </div>
        </ContextProvider<AdvisorContext>>
    }
}
