//! "What would change the verdict": each smallest answer change as a link to the page with it applied.

use yew::prelude::*;

use crate::engine::flips::Flip;
use crate::engine::recommend::Verdict;
use crate::report::change_words;
use crate::share::{self, Shared};

fn headline(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Local => "on the device",
        Verdict::Hybrid => "hybrid",
        Verdict::Cloud => "in the cloud",
        Verdict::Undecided => "undecided",
    }
}

/// The list of flips; nothing when there are none.
pub fn flip_links(flips: &[Flip], shared: &Shared) -> Html {
    if flips.is_empty() {
        return Html::default();
    }
    html! {
        <div class="flips" id="flips">
            <h3>{ "What would change the verdict" }</h3>
            <ul>
                { for flips.iter().map(|flip| {
                    let href = format!("?{}", share::with_changes(shared, &flip.changes));
                    html! {
                        <li>
                            <a href={ href } data-flip-to={ flip.to.key() }>
                                { change_words(&flip.changes) }
                            </a>
                            { format!(" → {}", headline(flip.to)) }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
