//! The Yew user interface: one component per file, shared state through context.

mod device_panel;
mod footer;
mod header;
mod inference_status;
mod root;
mod urls;

pub use root::App;
