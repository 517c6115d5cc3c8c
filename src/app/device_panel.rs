//! The device area: what this device exposes to the page, measured in the browser.

use yew::prelude::*;

use crate::device;

#[function_component(DevicePanel)]
pub fn device_panel() -> Html {
    // Read once: the core count cannot change while the page is open.
    let cores = use_memo((), |_| device::logical_cores());
    let cores_text = match &*cores {
        Ok(cores) => cores.to_string(),
        Err(error) => error.to_string(),
    };
    html! {
        <section id="device" class="panel" aria-labelledby="device-title">
            <h2 id="device-title">{ "This device" }</h2>
            <dl class="facts">
                <dt>{ "Logical CPU cores" }</dt>
                <dd id="device-cores">{ cores_text }</dd>
            </dl>
        </section>
    }
}
