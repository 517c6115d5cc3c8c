//! Thin browser probes of the device the app runs on; every probe answers "not exposed" rather than throwing.

use thiserror::Error;

/// Why a device fact could not be read.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum DeviceError {
    #[error("this page has no window (it is running outside a browser tab)")]
    NoWindow,
    #[error("{0} is not exposed by this browser")]
    NotExposed(&'static str),
}

/// The number of logical cores the browser reports (`navigator.hardwareConcurrency`).
pub fn logical_cores() -> Result<u32, DeviceError> {
    let window = web_sys::window().ok_or(DeviceError::NoWindow)?;
    let cores = window.navigator().hardware_concurrency();
    // Browsers report 0 or NaN when they hide the figure; NaN casts to 0 as well.
    if cores >= 1.0 {
        Ok(cores as u32)
    } else {
        Err(DeviceError::NotExposed("the number of CPU cores"))
    }
}
