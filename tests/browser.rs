//! Browser glue tests: wasm-bindgen-test runs these in headless Chromium (`cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn logical_cores_are_what_the_navigator_reports() {
    let window = web_sys::window().expect("a browser window");
    let reported = window.navigator().hardware_concurrency();
    assert!(reported >= 1.0, "Chromium always exposes its core count");
    assert_eq!(local_or_cloud::device::logical_cores(), Ok(reported as u32));
}
