//! The local models the fit table judges, read from the generated `data/models.json`: WebLLM's
//! prebuilt list joined with each model's published shape (`cargo xtask refresh-data`).
//!
//! Read in the report worker, which writes the fit table, so the app links no JSON parser and
//! the list can grow without growing the app. A model without a shape is listed for memory
//! only, with WebLLM's figure and the reason.

use serde::Deserialize;

use super::catalogue::{ModelShape, CATALOGUE};
use super::fit::Precision;
use super::fleet::FleetData;

/// The file as the worker reads it; fields it does not use are ignored.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ModelList {
    pub dataset: String,
    pub version: String,
    pub shapes_read_on: String,
    pub models: Vec<ListedModel>,
}

/// One model: its shape where the speed model can place it, and WebLLM's builds of it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ListedModel {
    pub name: String,
    /// The figures of the published `config.json` the formulas need; the name is set on reading.
    pub shape: Option<ModelShape>,
    /// Why the model has no shape the speed model can use.
    pub memory_only: Option<String>,
    /// Where a model is not in WebLLM's list, the native runtimes it ships on.
    pub runtime: Option<String>,
    pub variants: Vec<Variant>,
}

/// One WebLLM build: its weights' bits and the video memory WebLLM says it needs, in MiB
/// (WebLLM's "MB" are bytes / 1024 / 1024).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Variant {
    pub model_id: String,
    pub weight_bits: u32,
    pub vram_required_mb: f64,
}

impl ModelList {
    /// Reads the file; a malformed one is an error the table states.
    pub fn parse(json: &str) -> Result<ModelList, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// The models the fit table judges, each once, as the worker keeps them.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    pub models: Vec<Entry>,
    /// Where the list came from, for the table's note.
    pub source: Source,
    /// The surveyed fleets the reach column reads, or why there is none.
    pub fleet: Result<FleetData, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The generated file: the dataset's version and the day the shapes were read.
    File {
        version: String,
        shapes_read_on: String,
    },
    /// The file could not be read (the message says why): the built-in catalogue stands in.
    BuiltIn(String),
}

/// One model of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: &'static str,
    pub shape: Option<ModelShape>,
    /// WebLLM's figure in GiB, 4-bit then 16-bit.
    pub webllm_gib: [Option<f64>; 2],
    pub memory_only: Option<String>,
}

impl Entry {
    pub fn webllm_gib(&self, precision: Precision) -> Option<f64> {
        self.webllm_gib[precision as usize]
    }
}

/// Why there is no reach column before the worker has read the fleet file.
const NO_FLEET: &str = "the survey file was not read";

impl Catalogue {
    /// The list's models. Names are leaked once: the worker keeps the catalogue for its life,
    /// as a static would be kept.
    pub fn from_list(list: ModelList) -> Catalogue {
        let models = list
            .models
            .iter()
            .map(|m| {
                let name: &'static str = Box::leak(m.name.clone().into_boxed_str());
                Entry {
                    name,
                    shape: m.shape.map(|shape| ModelShape { name, ..shape }),
                    webllm_gib: Precision::ALL.map(|p| m.webllm_gib(p)),
                    memory_only: m.memory_only.clone(),
                }
            })
            .collect();
        Catalogue {
            models,
            source: Source::File {
                version: list.version,
                shapes_read_on: list.shapes_read_on,
            },
            fleet: Err(NO_FLEET.into()),
        }
    }

    /// The built-in catalogue, where the file could not be read.
    pub fn built_in(why: String) -> Catalogue {
        let models = CATALOGUE
            .iter()
            .map(|shape| Entry {
                name: shape.name,
                shape: Some(*shape),
                webllm_gib: [None, None],
                memory_only: None,
            })
            .collect();
        Catalogue {
            models,
            source: Source::BuiltIn(why),
            fleet: Err(NO_FLEET.into()),
        }
    }

    /// The shapes, for the formulas.
    pub fn shapes(&self) -> impl Iterator<Item = &ModelShape> {
        self.models.iter().filter_map(|m| m.shape.as_ref())
    }
}

impl ListedModel {
    /// WebLLM's video memory for its smallest build at this precision, in GiB; None where it
    /// has no such build. Its 4-bit builds are q4f16 and q4f32 (16- or 32-bit activations).
    pub fn webllm_gib(&self, precision: Precision) -> Option<f64> {
        let bits = match precision {
            Precision::Q4 => 4,
            Precision::F16 => 16,
        };
        self.variants
            .iter()
            .filter(|v| v.weight_bits == bits)
            .map(|v| v.vram_required_mb / 1024.0)
            .reduce(f64::min)
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, clippy::disallowed_types)] // tests: the app bundle's size rules do not apply
pub(crate) mod tests {
    use super::*;

    /// The committed list, as the worker reads it.
    pub(crate) fn committed() -> Catalogue {
        let json = include_str!("../../static/data/models.json");
        Catalogue::from_list(ModelList::parse(json).expect("the committed file reads"))
    }

    #[test]
    fn the_committed_list_gives_the_table_at_least_thirty_placed_models() {
        let catalogue = committed();
        assert!(
            catalogue.shapes().count() >= 30,
            "{}",
            catalogue.shapes().count()
        );
        let memory_only: Vec<_> = catalogue
            .models
            .iter()
            .filter(|m| m.shape.is_none())
            .collect();
        assert!(memory_only.iter().all(|m| m.memory_only.is_some()));
        assert!(matches!(catalogue.source, Source::File { .. }));
    }

    #[test]
    fn the_list_agrees_with_the_built_in_shapes_where_both_name_a_model() {
        let catalogue = committed();
        let mut compared = 0;
        for built_in in CATALOGUE {
            if let Some(listed) = catalogue.shapes().find(|s| s.name == built_in.name) {
                assert_eq!(listed, built_in, "{}", built_in.name);
                compared += 1;
            }
        }
        assert!(compared >= 5, "{compared}");
    }

    #[test]
    fn webllm_figures_are_the_smallest_build_in_gib() {
        let catalogue = committed();
        let qwen = catalogue
            .models
            .iter()
            .find(|m| m.name == "Qwen2.5 0.5B")
            .expect("listed");
        // q4f16_1 needs 944.62 MiB, q4f32_1 1060.2; q0f16 1624.12.
        assert_eq!(qwen.webllm_gib(Precision::Q4), Some(944.62 / 1024.0));
        assert_eq!(qwen.webllm_gib(Precision::F16), Some(1624.12 / 1024.0));
    }

    #[test]
    fn a_malformed_file_is_an_error_and_the_built_in_list_stands_in() {
        assert!(ModelList::parse("{ \"models\": 3 }").is_err());
        assert!(ModelList::parse("").is_err());
        let fallback = Catalogue::built_in("no file".into());
        assert_eq!(fallback.shapes().count(), CATALOGUE.len());
    }
}
