//! The Yew user interface: one component per file, shared state through context.

mod analyzer_state;
mod analyzer_worker;
mod browser;
mod clipboard;
mod cloud_comparison;
mod cloud_panel;
mod cloud_state;
mod cloud_worker;
mod cost_chart;
mod cost_panel;
mod describe;
mod device_bench;
mod device_panel;
mod device_probes;
mod embed;
mod export;
mod export_buttons;
mod factor_chart;
mod flip_links;
mod footer;
mod markup;
mod model_fit;
mod notices;
mod price_data;
mod question;
mod questionnaire;
mod recommendation;
mod report_worker;
mod result;
mod root;
mod state;
mod this_device;
mod urls;

pub use browser::{entered_before_start, focused_id};
pub use price_data::{read_at_start, PriceStart};
pub use root::{App, AppProps};
