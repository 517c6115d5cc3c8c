//! GPU probes: the WebGPU adapter with its features and limits, and the WebGL renderer string.

use crate::device::profile::{GpuAdapter, Probe, WebGpu};
use crate::js::{call, get, get_bool, get_f64, get_string, navigator, settle};
use wasm_bindgen::JsValue;

/// Requests an adapter the way a model runtime would; no permission prompt is involved.
pub async fn webgpu() -> Probe<WebGpu> {
    let Some(gpu) = navigator().and_then(|n| get(&n, "gpu")) else {
        return Probe::Missing("WebGPU is not exposed by this browser".into());
    };
    let request = match call(&gpu, "requestAdapter", &[]) {
        Ok(request) => request,
        Err(error) => return Probe::Missing(format!("the WebGPU adapter request failed: {error}")),
    };
    match settle(request).await {
        Ok(adapter) if adapter.is_null() || adapter.is_undefined() => {
            Probe::Found(WebGpu::NoAdapter)
        }
        Ok(adapter) => Probe::Found(WebGpu::Adapter(read_adapter(&adapter))),
        Err(error) => Probe::Missing(format!("the WebGPU adapter request failed: {error}")),
    }
}

fn read_adapter(adapter: &JsValue) -> GpuAdapter {
    let info = get(adapter, "info").unwrap_or(JsValue::UNDEFINED);
    let text = |key| get_string(&info, key).unwrap_or_default();
    let limits = get(adapter, "limits").unwrap_or(JsValue::UNDEFINED);
    let limit = |key| get_f64(&limits, key).unwrap_or(0.0) as u64;
    let mut features: Vec<String> = get(adapter, "features")
        .and_then(|set| js_sys::try_iter(&set).ok().flatten())
        .map(|values| values.filter_map(|v| v.ok()?.as_string()).collect())
        .unwrap_or_default();
    crate::small_sort::sort_by(&mut features, |a, b| a < b);
    GpuAdapter {
        vendor: text("vendor"),
        architecture: text("architecture"),
        description: text("description"),
        // Newer browsers report this on `info`; older ones on the adapter itself.
        fallback: get_bool(&info, "isFallbackAdapter")
            .or_else(|| get_bool(adapter, "isFallbackAdapter"))
            .unwrap_or(false),
        features,
        max_buffer_size: limit("maxBufferSize"),
        max_storage_buffer_binding_size: limit("maxStorageBufferBindingSize"),
        max_compute_workgroup_storage_size: limit("maxComputeWorkgroupStorageSize"),
        max_storage_buffers_per_shader_stage: limit("maxStorageBuffersPerShaderStage"),
    }
}

/// `UNMASKED_RENDERER_WEBGL` from the `WEBGL_debug_renderer_info` extension.
const UNMASKED_RENDERER: f64 = 37_446.0;
/// `RENDERER`, which browsers that hide the real name answer with a generic one.
const RENDERER: f64 = 7_937.0;

/// The WebGL renderer: a description of the GPU that works even where WebGPU does not.
pub fn webgl_renderer() -> Probe<String> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Probe::Missing("there is no document to draw in".into());
    };
    let Ok(canvas) = document.create_element("canvas") else {
        return Probe::Missing("the browser refused to create a canvas".into());
    };
    let context = match call(&canvas, "getContext", &[JsValue::from_str("webgl")]) {
        Ok(context) if !context.is_null() => context,
        _ => return Probe::Missing("WebGL is not available in this browser".into()),
    };
    let unmasked = call(
        &context,
        "getExtension",
        &[JsValue::from_str("WEBGL_debug_renderer_info")],
    )
    .ok()
    .filter(|e| !e.is_null())
    .and_then(|_| {
        call(
            &context,
            "getParameter",
            &[JsValue::from_f64(UNMASKED_RENDERER)],
        )
        .ok()
    })
    .and_then(|v| v.as_string());
    let renderer = unmasked.or_else(|| {
        call(&context, "getParameter", &[JsValue::from_f64(RENDERER)])
            .ok()
            .and_then(|v| v.as_string())
    });
    // Give the context back at once: browsers cap how many a page may hold.
    if let Ok(lose) = call(
        &context,
        "getExtension",
        &[JsValue::from_str("WEBGL_lose_context")],
    ) {
        let _ = call(&lose, "loseContext", &[]);
    }
    renderer.map_or_else(
        || Probe::Missing("the WebGL renderer is hidden by this browser".into()),
        Probe::Found,
    )
}
