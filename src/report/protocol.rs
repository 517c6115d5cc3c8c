//! The report worker's messages: which report to write from which facts, and in which format.
//!
//! The page sends the facts, never the finished recommendation: the worker re-scores them with
//! the same engine, so the page's bundle carries no report writer and the two cannot disagree.

use serde::{Deserialize, Serialize};

use crate::device::capability_report::CapabilityReport;
use crate::device::fit::Precision;
use crate::device::fit_table::{fit_table_html, FitQuery};
use crate::device::model_list::Catalogue;
use crate::device::profile::DeviceProfile;
use crate::device::runtime::RuntimeClass;
use crate::device::speed::{Measurement, Workload};
use std::rc::Rc;

use crate::engine::cost::{Price, PriceTable};
use crate::engine::{recommend, Input, Measured};
use crate::report::details::{
    plan_html, reach_html, reach_of, reach_sentence, stacks_html, stands_on_reach,
};
use crate::share::Shared;
use crate::worker_serve::Job;

/// The report worker's job: `report_worker.js`, started on the visitor's first export or a
/// verdict's reach; `fit_worker.js` serves it too, with the fit table as its only writer
/// (`ReportWorker::fit_tables`), so a wide screen's first view, whose device panel is open,
/// fetches neither the engine nor the report writers.
pub struct ReportJob;

impl Job for ReportJob {
    type Request = ReportRequest;
    /// The report's text.
    type Reply = String;
    const NAME: &'static str = "report";
}

/// The two ways out of the page (Markdown to copy, JSON to download), the device panel's
/// fit table as HTML text at one precision (for the capabilities only), and the result panel's
/// details as HTML text (for the advice only): a hybrid's plan, the verdict's reach across the
/// surveyed fleet (each where the verdict has one) and the recommended stacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Markdown,
    Json,
    FitTable(Precision, RuntimeClass),
    Details,
}

/// What a report is written from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReportSource {
    /// The advice: the shared answers, and the measured facts and price row the page scored
    /// them with.
    Advice {
        shared: Shared,
        measured: Measured,
        price: Option<Box<Price>>,
    },
    /// The device panel: what it shows, at the context length it shows.
    Capabilities {
        profile: Box<DeviceProfile>,
        context: u32,
        measurement: Option<Measurement>,
        workload: Workload,
    },
}

/// One report to write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    pub source: ReportSource,
    pub format: Format,
}

impl ReportRequest {
    /// The fit table's HTML text, for a `FitTable` request about a device; None for any other.
    pub fn fit_table(&self, catalogue: &Catalogue) -> Option<String> {
        let (
            ReportSource::Capabilities {
                profile,
                context,
                measurement,
                workload,
            },
            Format::FitTable(precision, runtime),
        ) = (&self.source, self.format)
        else {
            return None;
        };
        let query = FitQuery {
            profile,
            context: *context,
            precision,
            runtime,
            measured: measurement.as_ref(),
            work: *workload,
        };
        Some(fit_table_html(catalogue, &query))
    }

    /// The report's text: what the worker answers.
    pub fn write(&self, catalogue: &Catalogue) -> String {
        match &self.source {
            ReportSource::Advice {
                shared,
                measured,
                price,
            } => {
                let prices = Rc::new(PriceTable::of_one(price.as_deref().cloned()));
                let input =
                    Input::scored_on_page(&shared.answers, &shared.cost, &prices, measured.clone());
                let recommendation = recommend(&input);
                let answers = &shared.answers;
                let reach = catalogue.fleet.as_ref().ok().and_then(|fleet| {
                    stands_on_reach(&recommendation)
                        .then(|| {
                            reach_of(
                                &recommendation,
                                answers.model_size(),
                                answers.tooling(),
                                fleet,
                            )
                        })
                        .flatten()
                });
                match self.format {
                    Format::Markdown => {
                        let mut md = super::markdown(&recommendation, shared);
                        if let Some(reach) = &reach {
                            md += &format!("\n## Who can run it\n\n{}\n", reach_sentence(reach));
                        }
                        md
                    }
                    Format::Details => {
                        let plan = recommendation.hybrid.as_ref().map(plan_html);
                        let reach = reach.as_ref().map(reach_html);
                        plan.unwrap_or_default()
                            + &reach.unwrap_or_default()
                            + &stacks_html(&recommendation.stacks)
                    }
                    Format::Json | Format::FitTable(..) => {
                        super::json(&recommendation, shared, reach.as_ref())
                    }
                }
            }
            ReportSource::Capabilities {
                profile,
                context,
                measurement,
                workload,
            } => {
                if let Some(table) = self.fit_table(catalogue) {
                    return table;
                }
                let report = CapabilityReport::new(
                    catalogue.shapes(),
                    profile,
                    *context,
                    measurement.as_ref(),
                    *workload,
                );
                match self.format {
                    Format::Markdown => report.markdown(),
                    _ => report.json(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::catalogue::CATALOGUE;
    use crate::device::profile::{
        GpuAdapter, Network, Probe, StorageEstimate, WasmSupport, WebGpu,
    };
    use crate::device::speed::GpuBandwidth;
    use crate::engine::cost::CostInputs;
    use crate::engine::factor::Resources;
    use crate::engine::{DeviceClass, LocalEstimate};
    use crate::inference::bench::LayerTimings;
    use crate::inference::kernel_bench::KernelRates;
    use crate::inference::protocol::Benchmark;
    use crate::share;
    use crate::worker_codec::{from_bytes, to_bytes};

    fn built_in() -> Catalogue {
        Catalogue::built_in("tests".into())
    }

    /// A profile with every probe state: pending, found (both adapter kinds) and missing.
    fn profile() -> DeviceProfile {
        DeviceProfile {
            webgpu: Probe::Found(WebGpu::Adapter(GpuAdapter {
                vendor: "acme".into(),
                features: vec!["shader-f16".into()],
                max_buffer_size: 1 << 30,
                ..GpuAdapter::default()
            })),
            webnn: Probe::Missing("not exposed".into()),
            prompt_api: Probe::Pending,
            webgl_renderer: Probe::Found("ANGLE".into()),
            cores: Probe::Found(8),
            device_memory_gb: Probe::Found(8.0),
            storage: Probe::Found(StorageEstimate {
                quota: 10_000_000_000,
                usage: 1_000,
            }),
            cross_origin_isolated: Probe::Found(false),
            wasm: Probe::Found(WasmSupport {
                simd: true,
                threads_validate: true,
                shared_memory: false,
            }),
            network: Probe::Found(Network {
                online: true,
                effective_type: Some("4g".into()),
                rtt_ms: Some(50.0),
                downlink_mbps: None,
                save_data: Some(false),
            }),
        }
    }

    fn measurement() -> Measurement {
        let timings = LayerTimings {
            decode_short_ms: 4.2,
            short_context: 64,
            decode_long_ms: 5.6,
            long_context: 1_024,
            prefill_ms: 101.0,
            prefill_tokens: 32,
            runs: 40,
            total_ms: 2_500.0,
        };
        let kernels = KernelRates {
            stream_gb_s: 20.0,
            q4_weights_per_s: 1e10,
            q4_cached_weights_per_s: 1.1e10,
            f16_weights_per_s: 3e9,
            runs: 30,
            total_ms: 2_000.0,
        };
        let gpu = Some(GpuBandwidth {
            f32_gb_s: 40.0,
            f16_gb_s: Some(70.0),
        });
        let bench = Benchmark {
            timings,
            kernels,
            gpu,
        };
        Measurement::new(bench, "Chromium 140".into(), "2026-12-03".into())
    }

    fn advice() -> ReportSource {
        let (shared, notices) =
            share::parse("privacy=personal&model_size=large&connectivity=intermittent&describe=hi");
        assert!(notices.is_empty(), "{notices:?}");
        ReportSource::Advice {
            shared,
            measured: Measured {
                device: Some(DeviceClass {
                    resources: Resources::Gpu,
                    facts: vec!["8 logical CPU cores".into()],
                }),
                local: Some(LocalEstimate {
                    ms: 900.0,
                    what: "a 3.8 B model".into(),
                }),
                cloud_latency_ms: Some(640.0),
            },
            price: crate::engine::prices::committed()
                .table_on("2026-12-07")
                .row_for(&CostInputs::default())
                .map(Box::new),
        }
    }

    fn capabilities() -> ReportSource {
        ReportSource::Capabilities {
            profile: Box::new(profile()),
            context: 4_096,
            measurement: Some(measurement()),
            workload: Workload::default(),
        }
    }

    #[test]
    fn requests_cross_the_worker_boundary_unchanged() {
        let pending = ReportSource::Capabilities {
            profile: Box::new(DeviceProfile {
                webgpu: Probe::Found(WebGpu::NoAdapter),
                ..DeviceProfile::default()
            }),
            context: 2_048,
            measurement: None,
            workload: Workload::default(),
        };
        for source in [advice(), capabilities(), pending] {
            for format in [Format::Markdown, Format::Json] {
                let request = ReportRequest {
                    source: source.clone(),
                    format,
                };
                let bytes = to_bytes(&request).expect("encodes");
                assert_eq!(from_bytes::<ReportRequest>(&bytes), Ok(request));
            }
        }
    }

    #[test]
    fn the_worker_writes_what_the_page_would() {
        let ReportSource::Advice {
            shared, measured, ..
        } = advice()
        else {
            unreachable!()
        };
        // The page scores with the whole table; the worker with the one row it was sent.
        let table = Rc::new(crate::engine::prices::committed().table_on("2026-12-07"));
        let page = recommend(&Input::scored_on_page(
            &shared.answers,
            &shared.cost,
            &table,
            measured.clone(),
        ));
        let request = |format| ReportRequest {
            source: advice(),
            format,
        };
        assert_eq!(
            request(Format::Markdown).write(&built_in()),
            super::super::markdown(&page, &shared)
        );
        assert_eq!(
            request(Format::Json).write(&built_in()),
            super::super::json(&page, &shared, None)
        );
        let profile = profile();
        let m = measurement();
        let report = CapabilityReport::new(
            CATALOGUE.iter(),
            &profile,
            4_096,
            Some(&m),
            Workload::default(),
        );
        let request = |format| ReportRequest {
            source: capabilities(),
            format,
        };
        assert_eq!(
            request(Format::Markdown).write(&built_in()),
            report.markdown()
        );
        assert_eq!(request(Format::Json).write(&built_in()), report.json());
        assert!(report.markdown().contains("acme"));
    }
}
