//! The price file: the offered models' prices from genai-prices, their retirements, and the default model.

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

/// `xtask/data/cloud.json`: what the page offers, and the retirements, with their sources.
#[derive(Debug, Deserialize)]
pub struct CloudSources {
    pub dataset: Dataset,
    pub default_rule: DefaultRule,
    pub offered: Vec<Offered>,
    pub retirements: Vec<Retirement>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Dataset {
    pub name: String,
    pub version: String,
    /// The dataset release's year and month: the page's staleness flag counts from it.
    pub released: String,
    pub license: String,
    pub home: String,
}

/// The default cloud model: the cheapest current model of this provider for this request.
#[derive(Debug, Deserialize)]
pub struct DefaultRule {
    pub provider: String,
    pub input_tokens: u32,
    pub output_tokens: u32,
}

#[derive(Debug, Deserialize)]
pub struct Offered {
    pub id: String,
    pub provider: String,
    pub dataset: String,
    /// Kept for old links; never the default.
    #[serde(default)]
    pub legacy: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Retirement {
    pub model: String,
    #[serde(rename(deserialize = "shutdown"))]
    pub date: String,
    pub replacement: String,
    pub source: String,
    #[serde(default, skip_serializing)]
    pub announced: Option<String>,
}

/// One price and the date it took effect (None: the dataset gives no date).
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    pub from: Option<String>,
    pub input: f64,
    pub output: f64,
}

/// One offered model; written as one array in the order of [`COLUMNS`], which the app reads by
/// position (reading named fields one by one cost its bundle kilobytes).
#[derive(Debug, PartialEq)]
pub struct PriceRow {
    pub id: String,
    pub name: String,
    pub provider: String,
    /// Oldest first; the page uses the newest one in force on its date.
    pub history: Vec<Dated>,
    pub source: String,
    pub legacy: bool,
    pub shutdown: Option<Retirement>,
}

/// The order of each row's cells, written into the file for its readers.
pub const COLUMNS: [&str; 9] = [
    "id",
    "name",
    "provider",
    "source",
    "legacy",
    "shutdown_date",
    "replacement",
    "shutdown_source",
    "history [from, input, output] per 1M tokens",
];

impl Serialize for PriceRow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let shutdown = self.shutdown.as_ref();
        let history: Vec<(Option<&str>, f64, f64)> = self
            .history
            .iter()
            .map(|d| (d.from.as_deref(), d.input, d.output))
            .collect();
        (
            &self.id,
            &self.name,
            &self.provider,
            &self.source,
            self.legacy,
            shutdown.map(|r| &r.date),
            shutdown.map(|r| &r.replacement),
            shutdown.map(|r| &r.source),
            history,
        )
            .serialize(serializer)
    }
}

#[derive(Debug, PartialEq)]
pub struct PricesFile {
    pub dataset: Dataset,
    pub default_model: String,
    pub columns: [&'static str; 9],
    pub prices: Vec<PriceRow>,
}

impl PricesFile {
    /// The file's text: one row a line, so a reader (and a diff) sees one model per line.
    pub fn to_json(&self) -> Result<String> {
        let rows: Vec<String> = self
            .prices
            .iter()
            .map(|row| serde_json::to_string(row).map(|r| format!("    {r}")))
            .collect::<Result<_, _>>()?;
        Ok(format!(
            "{{\n  \"dataset\": {},\n  \"default_model\": {},\n  \"columns\": {},\n  \"prices\": [\n{}\n  ]\n}}\n",
            serde_json::to_string(&self.dataset)?,
            serde_json::to_string(&self.default_model)?,
            serde_json::to_string(&self.columns)?,
            rows.join(",\n")
        ))
    }
}

/// Joins the offered list with the dataset's export and picks the default model.
pub fn prices_file(sources: &CloudSources, dataset: &Value) -> Result<PricesFile> {
    let version = dataset["version"].as_str().unwrap_or_default();
    if version != sources.dataset.version {
        bail!(
            "genai-prices {version} is installed but cloud.json describes {}: update its version and release month together",
            sources.dataset.version
        );
    }
    let mut prices = Vec::new();
    for offered in &sources.offered {
        let provider = &dataset["providers"][&offered.provider];
        let model = &provider["models"][&offered.dataset];
        if model.is_null() {
            bail!(
                "genai-prices has no model {}/{}",
                offered.provider,
                offered.dataset
            );
        }
        let history =
            history(&model["history"]).with_context(|| format!("prices of {}", offered.id))?;
        prices.push(PriceRow {
            id: offered.id.clone(),
            name: model["name"].as_str().unwrap_or(&offered.id).to_owned(),
            provider: provider["name"]
                .as_str()
                .unwrap_or(&offered.provider)
                .to_owned(),
            history,
            source: provider["pricing_urls"][0]
                .as_str()
                .unwrap_or(&sources.dataset.home)
                .to_owned(),
            legacy: offered.legacy,
            shutdown: sources
                .retirements
                .iter()
                .find(|r| r.model == offered.id)
                .cloned(),
        });
    }
    for retirement in &sources.retirements {
        if !prices.iter().any(|p| p.id == retirement.replacement) {
            bail!(
                "{}'s replacement {} is not offered",
                retirement.model,
                retirement.replacement
            );
        }
    }
    let default_model = default_model(sources, &prices)?;
    Ok(PricesFile {
        dataset: sources.dataset.clone(),
        default_model,
        columns: COLUMNS,
        prices,
    })
}

fn history(rows: &Value) -> Result<Vec<Dated>> {
    let number = |v: &Value| -> Result<f64> {
        v.as_str()
            .and_then(|s| s.parse().ok())
            .context("a price that is not a number")
    };
    let mut out = Vec::new();
    for row in rows.as_array().context("no price history")? {
        out.push(Dated {
            from: row["from"].as_str().map(str::to_owned),
            input: number(&row["input"])?,
            output: number(&row["output"])?,
        });
    }
    // Undated first, then by date: ISO dates sort as text.
    out.sort_by(|a, b| a.from.cmp(&b.from));
    if out.is_empty() {
        bail!("no standard input and output price");
    }
    Ok(out)
}

/// The rule README states: the cheapest of the provider's offered models that is neither legacy
/// nor announced for shutdown, for the rule's request, at its newest listed price.
pub fn default_model(sources: &CloudSources, prices: &[PriceRow]) -> Result<String> {
    let rule = &sources.default_rule;
    let cost = |row: &PriceRow| {
        row.history.last().map_or(f64::INFINITY, |p| {
            f64::from(rule.input_tokens) * p.input + f64::from(rule.output_tokens) * p.output
        })
    };
    let provider_of = |row: &PriceRow| {
        sources
            .offered
            .iter()
            .find(|o| o.id == row.id)
            .map(|o| o.provider.as_str())
    };
    prices
        .iter()
        .filter(|row| provider_of(row) == Some(rule.provider.as_str()))
        .filter(|row| !row.legacy && row.shutdown.is_none())
        .min_by(|a, b| cost(a).total_cmp(&cost(b)))
        .map(|row| row.id.clone())
        .context("no current model of the default rule's provider is offered")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sources() -> CloudSources {
        serde_json::from_value(json!({
            "dataset": { "name": "genai-prices", "version": "9.9", "released": "2026-11", "license": "MIT", "home": "h" },
            "default_rule": { "provider": "openai", "input_tokens": 500, "output_tokens": 200 },
            "offered": [
                { "id": "cheap-old", "provider": "openai", "dataset": "cheap-old", "legacy": true },
                { "id": "retiring", "provider": "openai", "dataset": "retiring" },
                { "id": "current", "provider": "openai", "dataset": "current" },
                { "id": "dearer", "provider": "openai", "dataset": "dearer" },
                { "id": "other", "provider": "google", "dataset": "other" }
            ],
            "retirements": [ { "model": "retiring", "shutdown": "2026-12-11", "replacement": "current", "source": "s" } ]
        }))
        .expect("valid sources")
    }

    fn dataset(version: &str) -> Value {
        let model = |input: &str, output: &str| json!({ "name": "N", "history": [ { "from": null, "input": input, "output": output } ] });
        json!({ "version": version, "providers": {
            "openai": { "name": "OpenAI", "pricing_urls": ["https://openai.example/pricing"], "models": {
                "cheap-old": model("0.01", "0.01"),
                "retiring": model("0.02", "0.02"),
                "current": { "name": "Current", "history": [
                    { "from": "2026-07-30", "input": "0.1", "output": "0.5" },
                    { "from": null, "input": "1", "output": "6" }
                ] },
                "dearer": model("1", "5")
            } },
            "google": { "name": "Google", "pricing_urls": [], "models": { "other": model("0.001", "0.001") } }
        } })
    }

    #[test]
    fn the_default_is_the_cheapest_current_model_of_the_rules_provider() {
        let file = prices_file(&sources(), &dataset("9.9")).expect("joins");
        // Legacy and retiring rows are cheaper, and Google's cheaper still: none may be the default.
        assert_eq!(file.default_model, "current");
        let current = file
            .prices
            .iter()
            .find(|p| p.id == "current")
            .expect("offered");
        assert_eq!(current.history[0].from, None, "undated price first");
        assert_eq!(current.history[1].from.as_deref(), Some("2026-07-30"));
        assert_eq!(current.source, "https://openai.example/pricing");
        let retiring = file
            .prices
            .iter()
            .find(|p| p.id == "retiring")
            .expect("offered");
        assert_eq!(
            retiring.shutdown.as_ref().map(|r| r.date.as_str()),
            Some("2026-12-11")
        );
    }

    #[test]
    fn a_version_mismatch_or_a_missing_model_is_refused() {
        assert!(prices_file(&sources(), &dataset("9.8")).is_err());
        let mut data = dataset("9.9");
        data["providers"]["openai"]["models"]
            .as_object_mut()
            .expect("object")
            .remove("dearer");
        assert!(prices_file(&sources(), &data).is_err());
    }
}
