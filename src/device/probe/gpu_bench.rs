//! The GPU half of "Measure this device": memory bandwidth from a large matrix-vector product
//! in a WGSL compute shader, in f32 and, where the adapter has `shader-f16`, in f16. It runs in
//! the benchmark's worker, after the CPU's timings, so it is not in the page's bundle.
//!
//! Decoding one token reads every weight once, so a matrix-vector product over a matrix much
//! larger than any cache runs at the speed a GPU runtime's decode would. Everything goes
//! through the JavaScript API by name (as the other probes do), so no web-sys feature is needed.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use super::DeviceError;
use crate::device::speed::GpuBandwidth;
use crate::js::{call, get, global, navigator, settle};

/// The matrix is ROWS × COLS: 64 MiB in f32, 32 MiB in f16, far beyond any GPU cache.
const ROWS: u32 = 4096;
const COLS: u32 = 4096;
/// GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST.
const STORAGE_COPY_DST: u32 = 0x80 | 0x08;
/// The timed batches stop growing once one takes this long.
const TARGET_MS: f64 = 150.0;

fn shader(f16: bool) -> String {
    let (enable, t) = if f16 {
        ("enable f16;", "f16")
    } else {
        ("", "f32")
    };
    format!(
        "{enable}
@group(0) @binding(0) var<storage, read> a: array<vec4<{t}>>;
@group(0) @binding(1) var<storage, read> x: array<vec4<{t}>>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
var<workgroup> partial: array<f32, 256>;
const COLS4: u32 = {cols4}u;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) t: u32) {{
  let row = wg.x;
  var sum = 0.0;
  for (var i = t; i < COLS4; i += 256u) {{
    sum += dot(vec4<f32>(a[row * COLS4 + i]), vec4<f32>(x[i]));
  }}
  partial[t] = sum;
  workgroupBarrier();
  for (var s = 128u; s > 0u; s >>= 1u) {{
    if (t < s) {{ partial[t] += partial[t + s]; }}
    workgroupBarrier();
  }}
  if (t == 0u) {{ y[row] = partial[0]; }}
}}",
        cols4 = COLS / 4
    )
}

/// `{ key: value, ... }` as a JavaScript object.
fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn gpu_error(message: String) -> DeviceError {
    DeviceError::Gpu(message)
}

/// The clock of the page or of the worker, whichever this runs in: the app runs the benchmark in
/// its worker, the browser tests on a page, so `worker_scope::now_ms` (0 outside a worker) would
/// not do.
fn now_ms() -> f64 {
    get(&global(), "performance")
        .and_then(|p| call(&p, "now", &[]).ok())
        .and_then(|t| t.as_f64())
        .unwrap_or(0.0)
}

/// Bytes per second reading the matrix with `device`, in f16 or f32.
async fn bandwidth(device: &JsValue, f16: bool) -> Result<f64, DeviceError> {
    let element = if f16 { 2.0 } else { 4.0 };
    let matrix_bytes = f64::from(ROWS) * f64::from(COLS) * element;
    let buffer = |size: f64| {
        call(
            device,
            "createBuffer",
            &[object(&[
                ("size", size.into()),
                ("usage", STORAGE_COPY_DST.into()),
            ])],
        )
        .map_err(gpu_error)
    };
    let (a, x, y) = (
        buffer(matrix_bytes)?,
        buffer(f64::from(COLS) * element)?,
        buffer(f64::from(ROWS) * 4.0)?,
    );
    let module = call(
        device,
        "createShaderModule",
        &[object(&[("code", shader(f16).into())])],
    )
    .map_err(gpu_error)?;
    let compute = object(&[("module", module), ("entryPoint", "main".into())]);
    let pipeline = call(
        device,
        "createComputePipeline",
        &[object(&[("layout", "auto".into()), ("compute", compute)])],
    )
    .map_err(gpu_error)?;
    let layout = call(&pipeline, "getBindGroupLayout", &[0.into()]).map_err(gpu_error)?;
    let entries: Array = [a, x, y]
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            object(&[
                ("binding", (i as u32).into()),
                ("resource", object(&[("buffer", b)])),
            ])
        })
        .collect();
    let bind_group = call(
        device,
        "createBindGroup",
        &[object(&[("layout", layout), ("entries", entries.into())])],
    )
    .map_err(gpu_error)?;
    let queue = get(device, "queue").ok_or_else(|| gpu_error("the device has no queue".into()))?;
    let (pipeline, bind_group, queue) = (&pipeline, &bind_group, &queue);
    let run = |dispatches: u32| async move {
        let encoder = call(device, "createCommandEncoder", &[]).map_err(gpu_error)?;
        for _ in 0..dispatches {
            let pass = call(&encoder, "beginComputePass", &[]).map_err(gpu_error)?;
            call(&pass, "setPipeline", std::slice::from_ref(pipeline)).map_err(gpu_error)?;
            call(&pass, "setBindGroup", &[0.into(), bind_group.clone()]).map_err(gpu_error)?;
            call(&pass, "dispatchWorkgroups", &[ROWS.into()]).map_err(gpu_error)?;
            call(&pass, "end", &[]).map_err(gpu_error)?;
        }
        let commands = call(&encoder, "finish", &[]).map_err(gpu_error)?;
        let start = now_ms();
        call(queue, "submit", &[Array::of1(&commands).into()]).map_err(gpu_error)?;
        settle(call(queue, "onSubmittedWorkDone", &[]).map_err(gpu_error)?)
            .await
            .map_err(gpu_error)?;
        Ok::<f64, DeviceError>(now_ms() - start)
    };
    // The first run compiles the pipeline and touches the memory; it is not counted.
    run(1).await?;
    let mut dispatches = 2;
    loop {
        let elapsed = run(dispatches).await?;
        if elapsed >= TARGET_MS || dispatches >= 256 {
            return Ok(f64::from(dispatches) * matrix_bytes / (elapsed.max(0.1) / 1e3));
        }
        dispatches *= 4;
    }
}

/// Measures this device's GPU bandwidth, or says why it cannot.
pub async fn gpu_bandwidth() -> Result<GpuBandwidth, DeviceError> {
    let gpu = navigator()
        .and_then(|n| get(&n, "gpu"))
        .ok_or(DeviceError::NotExposed("WebGPU"))?;
    let adapter = settle(call(&gpu, "requestAdapter", &[]).map_err(gpu_error)?)
        .await
        .map_err(gpu_error)?;
    if adapter.is_null() || adapter.is_undefined() {
        return Err(gpu_error("the browser gave no WebGPU adapter".into()));
    }
    let has_f16 = get(&adapter, "features")
        .and_then(|set| call(&set, "has", &["shader-f16".into()]).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let features: Array = if has_f16 {
        Array::of1(&"shader-f16".into())
    } else {
        Array::new()
    };
    let descriptor = object(&[("requiredFeatures", features.into())]);
    let device = settle(call(&adapter, "requestDevice", &[descriptor]).map_err(gpu_error)?)
        .await
        .map_err(gpu_error)?;
    let f32_result = bandwidth(&device, false).await;
    let f16_result = if has_f16 {
        Some(bandwidth(&device, true).await)
    } else {
        None
    };
    // Give the memory back at once; the device is not kept.
    let _ = call(&device, "destroy", &[]);
    Ok(GpuBandwidth {
        f32_gb_s: f32_result? / 1e9,
        f16_gb_s: f16_result.transpose()?.map(|b| b / 1e9),
    })
}
