//! Reach across a fleet: the survey's share of devices that hold each model, and its properties.
#![cfg(not(target_arch = "wasm32"))]

use local_or_cloud::device::catalogue::CATALOGUE;
use local_or_cloud::device::fit::{memory, Memory, Precision, GIB};
use local_or_cloud::device::fleet::{Bucket, FleetData};
use local_or_cloud::device::runtime::RuntimeClass;

fn survey() -> FleetData {
    FleetData::parse(include_str!("../static/data/fleet.json")).expect("the generated file parses")
}

fn needing(gib: f64) -> Memory {
    Memory {
        weights: gib * GIB,
        kv_cache: 0.0,
        overhead: 0.0,
        largest_buffer: 0.0,
    }
}

#[test]
fn every_share_is_between_0_and_1_and_a_bigger_model_never_reaches_more() {
    let fleet = survey();
    for class in RuntimeClass::ALL {
        let mut last = 1.0;
        for tenths in 1..=800 {
            let reach = fleet
                .memory_reach(class, &needing(f64::from(tenths) / 10.0))
                .expect("every class has a distribution");
            assert!(
                (0.0..=1.0).contains(&reach.share),
                "{class:?} {}",
                reach.share
            );
            assert!(reach.share <= last + 1e-12, "{class:?} at {tenths}");
            last = reach.share;
        }
    }
}

#[test]
fn adding_capable_devices_never_lowers_reach() {
    let mut fleet = survey();
    let model = needing(6.0);
    let before = fleet
        .memory_reach(RuntimeClass::NativeCpu, &model)
        .expect("RAM")
        .share;
    let ram = fleet
        .distributions
        .iter_mut()
        .find(|d| d.id == "steam_ram")
        .expect("RAM");
    ram.buckets.push(Bucket {
        share: 0.2,
        value_gib: Some(64.0),
        min_gib: None,
        max_gib: None,
        webgpu: None,
    });
    let after = fleet
        .memory_reach(RuntimeClass::NativeCpu, &model)
        .expect("RAM")
        .share;
    assert!(after >= before, "{before} -> {after}");
}

#[test]
fn the_survey_reach_of_four_models() {
    let fleet = survey();
    let names = [
        "Llama 3.2 1B",
        "Phi-4-mini (3.8B)",
        "Mistral 7B",
        "Qwen2.5 7B",
    ];
    let mut last_native = 1.0;
    for name in names {
        let model = CATALOGUE
            .iter()
            .find(|m| m.name == name)
            .expect("catalogued");
        let m = memory(model, Precision::Q4, 4096);
        let share = |class| fleet.memory_reach(class, &m).expect("covered").share;
        let (native, browser, gpu) = (
            share(RuntimeClass::NativeCpu),
            share(RuntimeClass::BrowserCpu),
            share(RuntimeClass::BrowserGpu),
        );
        println!(
            "{name}, 4-bit, 4,096 tokens ({:.1} GiB): native CPU {:.0}%, browser CPU {:.0}%, browser GPU {:.0}% of Steam-surveyed PCs",
            m.total() / GIB,
            native * 100.0,
            browser * 100.0,
            gpu * 100.0
        );
        assert!(native <= last_native + 1e-12);
        last_native = native;
        // A browser's WebAssembly never reaches more devices than a native app.
        assert!(browser <= native + 1e-12 || m.total() <= 4.0 * GIB);
    }
    let ram = fleet
        .distributions
        .iter()
        .find(|d| d.id == "steam_ram")
        .expect("RAM");
    assert!(ram.date.starts_with("2026-"));
    assert!(ram.source.starts_with("https://"));
}
