//! The network probe: online or not, the Network Information figures, and a watch for changes.

use gloo_events::EventListener;

use crate::device::profile::{Network, Probe};
use crate::js::{get, get_bool, get_f64, get_string, navigator};

/// The network as the browser reports it now.
pub fn network() -> Probe<Network> {
    let Some(navigator) = navigator() else {
        return Probe::Missing("there is no navigator to ask".into());
    };
    let connection = get(&navigator, "connection");
    Probe::Found(Network {
        // Browsers that cannot tell report online; only `false` is certain.
        online: get_bool(&navigator, "onLine").unwrap_or(true),
        effective_type: connection
            .as_ref()
            .and_then(|c| get_string(c, "effectiveType")),
        rtt_ms: connection.as_ref().and_then(|c| get_f64(c, "rtt")),
        downlink_mbps: connection.as_ref().and_then(|c| get_f64(c, "downlink")),
        save_data: connection.as_ref().and_then(|c| get_bool(c, "saveData")),
    })
}

/// Calls back with a fresh reading whenever the browser goes online or offline or the
/// connection changes; the listeners go when this is dropped.
pub struct NetworkWatch {
    _listeners: Vec<EventListener>,
}

impl NetworkWatch {
    pub fn start(on_change: impl Fn(Probe<Network>) + Clone + 'static) -> NetworkWatch {
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            for event in ["online", "offline"] {
                let on_change = on_change.clone();
                listeners.push(EventListener::new(&window, event, move |_| {
                    on_change(network())
                }));
            }
        }
        let connection = navigator()
            .and_then(|n| get(&n, "connection"))
            .and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::EventTarget>(c).ok());
        if let Some(connection) = connection {
            listeners.push(EventListener::new(&connection, "change", move |_| {
                on_change(network())
            }));
        }
        NetworkWatch {
            _listeners: listeners,
        }
    }
}
