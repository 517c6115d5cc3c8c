//! The page shell: provides the advisor state, keeps the address bar and local storage in step with it.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::analyzer_state::AnalyzerContext;
use super::analyzer_worker::use_analyzer_worker;
use super::browser;
use super::cloud_panel::CloudPanel;
use super::cost_panel::CostPanel;
use super::describe::Describe;
use super::device_panel::DevicePanel;
use super::device_probes::{use_device_probes, use_fold};
use super::embed::use_embed_resize;
use super::export::Export;
use super::footer::Footer;
use super::notices::Notices;
use super::price_data::PriceStart;
use super::questionnaire::Questionnaire;
use super::recommendation::RecommendationProvider;
use super::result::ResultPanel;
use super::state::{Action, AdvisorContext, AdvisorState};
use crate::device::probe;
use crate::share;

/// How long the answers must be still before the address bar follows them.
const WRITE_AFTER_MS: u32 = 350;

/// What the app starts from.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What the visitor answered in the prerendered page before the app started, in the
    /// share-link format; it goes over the link's or saved answers so none of it is lost.
    #[prop_or_default]
    pub entered: String,
    /// The id of the prerendered control that had the keyboard focus, to be given it again.
    #[prop_or_default]
    pub focused: Option<String>,
    /// Render the part below the questions and the verdict (the evidence, the export, the
    /// footer) one task after the rest, so that taking over the page is two shorter tasks
    /// rather than one long one. The prerenderer renders everything at once.
    #[prop_or_default]
    pub defer_evidence: bool,
    /// The price file, read before mounting, or why it could not be.
    #[prop_or_default]
    pub prices: PriceStart,
}

/// The state a visit starts from: the link when it has answers, else what this device saved,
/// then whatever the visitor entered in the prerendered page while the app was loading.
fn initial_state(entered: &str, prices: &PriceStart) -> AdvisorState {
    let search = browser::location_search();
    let from_link = !search.trim_start_matches('?').is_empty();
    let mut query = if from_link {
        search
    } else {
        browser::load_saved().unwrap_or_default()
    };
    if !entered.is_empty() {
        // Later parts of a query win, so the visitor's own clicks override the link's.
        query = format!("{}&{entered}", query.trim_start_matches('?'));
    }
    let (shared, mut notices) = share::parse(&query);
    if !from_link && !notices.is_empty() {
        notices.insert(0, "Some saved answers could not be restored:".into());
    }
    let table = match &prices.0 {
        Ok(table) => table.clone(),
        Err(error) => {
            notices.push(format!(
                "The list of cloud prices could not be read ({error}): type the model's prices in the cost panel to compare costs."
            ));
            Default::default()
        }
    };
    let mut state = AdvisorState {
        shared,
        notices,
        ..AdvisorState::default()
    }
    .with_prices(table);
    // The probes that answer at once are part of the first render (natively there is no
    // browser to ask: the prerendered page shows them pending).
    if browser::window().is_some() {
        probe::immediate()
            .into_iter()
            .for_each(|r| state.device.apply(r));
    }
    state
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let (entered, prices) = (props.entered.clone(), props.prices.clone());
        AdvisorContext(use_reducer(move || initial_state(&entered, &prices)))
    };
    use_device_probes(&state);
    // Everything below the questions and the verdict waits one task: the browser gets to handle
    // input (and paint) between the two halves of the takeover.
    let settled = use_state(|| !props.defer_evidence);
    {
        let settled = settled.clone();
        use_effect_with((), move |_| {
            let later = (!*settled).then(|| Timeout::new(0, move || settled.set(true)));
            move || drop(later)
        });
    }
    // The app has replaced the whole prerendered page: a keyboard user keeps their place, and
    // the page says it is running (end-to-end tests wait for this before measuring the layout).
    {
        let focused = props.focused.clone();
        // The focus goes back at the first render, before a key press can land on the body.
        use_effect_with(*settled, move |settled| {
            browser::app_started(focused.as_deref(), *settled)
        });
    }
    // An embedded advisor shows the description (and starts the analyzer, its heaviest part)
    // only when its link carries one; decided once, so clearing the text keeps the box.
    let describe_shown = *use_state(|| !state.shared.embed || state.shared.describe.is_some());
    // The analyzer's worker and model (2.8 MB) are fetched when the box is first used, or at
    // once for a link that carries a description; decided once, like the box.
    let analyze_now = *use_state(|| state.shared.describe.is_some());
    let analyzer = use_analyzer_worker(analyze_now);

    // A description in the link is analyzed once, as soon as the model is ready.
    {
        let (analyze, describe) = (analyzer.analyze.clone(), state.shared.describe.clone());
        let done = use_mut_ref(|| false);
        let ready = analyzer.state.load.is_some();
        use_effect_with(ready, move |ready| {
            if *ready && !*done.borrow() {
                *done.borrow_mut() = true;
                if let Some(text) = describe.filter(|t| !t.trim().is_empty()) {
                    analyze.emit(text);
                }
            }
        });
    }
    // Each finished analysis turns into suggested answers; an effect, so reduce stays pure.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(analyzer.state.last.clone(), move |last| {
            if let Some(last) = last {
                let suggestions = last
                    .heads
                    .iter()
                    .filter_map(|h| Some((h.suggestion?, (h.confidence * 100.0).round() as u8)))
                    .collect();
                dispatcher.dispatch(Action::Suggest(suggestions));
            }
        });
    }

    // The address bar and local storage follow the answers, so a copied link or a reload reproduces them.
    // An embedded advisor keeps its answers in its own address only: a docs page's prefilled
    // answers must not replace what the visitor saved in the full advisor.
    // Local storage follows every change; the address bar only once the answers have been still
    // for WRITE_AFTER_MS, not at every keystroke: Safari throws after 100 replaceState calls in
    // 30 s, and the address bar would silently stop following.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.shared.clone(), move |shared| {
            let query = share::to_query(shared);
            if !shared.embed {
                if let Err(error) = browser::save(&query) {
                    dispatcher.dispatch(Action::Notice(format!(
                        "Your answers are not saved on this device: {error}. They are still in the link."
                    )));
                }
            }
            let waiting = Timeout::new(WRITE_AFTER_MS, move || browser::replace_query(&query));
            move || drop(waiting)
        });
    }

    let embed = state.shared.embed;
    // Read once: a panel the visitor opens or closes stays as they left it.
    let wide = use_state(browser::is_wide_screen);
    let (device_shown, on_device_toggle) = use_fold(&state, *wide, true);
    let (cloud_shown, on_cloud_toggle) = use_fold(&state, *wide, false);
    use_embed_resize(state.shared.host.clone().filter(|_| embed));
    let full_link = embed.then(|| {
        let mut shared = state.shared.clone();
        shared.embed = false;
        shared.host = None;
        shared.theme = None;
        format!("./?{}", share::to_query(&shared))
    });

    html! {
        <ContextProvider<AdvisorContext> context={ state.clone() }>
        <ContextProvider<AnalyzerContext> context={ analyzer }>
            <div class={ classes!("shell", embed.then_some("embed")) }>
                <Notices />
                <RecommendationProvider>
                    // The order a person works in: describe, answer, read the verdict, check
                    // the evidence, export. Wide screens keep the verdict beside the questions.
                    <main id="main" class="layout">
                        <div class="main-column">
                            if describe_shown { <Describe /> }
                            <Questionnaire />
                        </div>
                        // On wide screens this column scrolls on its own, so it takes keyboard focus.
                        <div class="side" tabindex="0" role="region" aria-label="The verdict, beside the questions">
                            <ResultPanel />
                        </div>
                    </main>
                    if !embed && *settled {
                        <section class="evidence" id="evidence" aria-labelledby="evidence-title">
                            <h2 id="evidence-title">{ "The evidence" }</h2>
                            <div class="evidence-grid">
                                // This device first: on wide screens its table takes the
                                // whole width, with cost and the cloud side by side below.
                                <details class="fold" id="fold-device" open={ *wide } ontoggle={ on_device_toggle }>
                                    <summary>{ "This device: can it run a local model?" }</summary>
                                    if device_shown { <DevicePanel /> }
                                </details>
                                <section class="panel" aria-label="Cost"><CostPanel /></section>
                                <details class="fold" id="fold-cloud" open={ *wide } ontoggle={ on_cloud_toggle }>
                                    <summary>{ "Compare with a cloud model" }</summary>
                                    if cloud_shown { <CloudPanel /> }
                                </details>
                            </div>
                        </section>
                        <section class="panel export-panel" id="export" aria-labelledby="export-title">
                            <h2 id="export-title">{ "Export the decision record" }</h2>
                            <Export />
                        </section>
                    }
                </RecommendationProvider>
                if let Some(link) = full_link {
                    <p class="open-full">
                        <a href={ link } target="_blank" rel="noopener">{ "Open the full advisor" }</a>
                    </p>
                } else if *settled {
                    <Footer />
                }
            </div>
        </ContextProvider<AnalyzerContext>>
        </ContextProvider<AdvisorContext>>
    }
}
