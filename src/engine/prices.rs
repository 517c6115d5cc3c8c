//! The price file (`static/data/prices.json`, written by `cargo xtask refresh-data`) and the table it gives on a date.
//!
//! The file carries each offered model's dated price history; the page uses the newest price
//! in force on its own date, so a scheduled change takes effect without a rebuild.

use serde::{Deserialize, Serialize};

use super::cost::{Price, PriceTable};

/// Where the prices come from: the dataset's name, pinned version and release month.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Dataset {
    pub name: String,
    pub version: String,
    /// `YYYY-MM`: the page's staleness flag counts from it.
    pub released: String,
    pub license: String,
    pub home: String,
}

/// One price and the day it took effect; `None` when the dataset gives no date.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    pub from: Option<String>,
    pub input: f64,
    pub output: f64,
}

/// A provider's announced shutdown of a model, with its named replacement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shutdown {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub replacement: String,
    pub source: String,
}

/// One offered model as the file lists it: a row of cells in the order of the file's
/// `columns` (the app reads them by position, which costs its bundle far less than names).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "RowCells")]
pub struct PriceRow {
    pub id: String,
    pub name: String,
    pub provider: String,
    /// Oldest first: undated, then by date.
    pub history: Vec<Dated>,
    pub source: String,
    /// Kept so old links keep their cost; never the default.
    pub legacy: bool,
    pub shutdown: Option<Shutdown>,
}

/// A row's cells: id, name, provider, source, legacy, shutdown date, replacement, shutdown
/// source, and the history as `[from, input, output]` triples.
#[derive(Deserialize)]
struct RowCells(
    String,
    String,
    String,
    String,
    bool,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<(Option<String>, f64, f64)>,
);

impl From<RowCells> for PriceRow {
    fn from(c: RowCells) -> Self {
        let shutdown = match (c.5, c.6, c.7) {
            (Some(date), Some(replacement), Some(source)) => Some(Shutdown {
                date,
                replacement,
                source,
            }),
            _ => None,
        };
        PriceRow {
            id: c.0,
            name: c.1,
            provider: c.2,
            source: c.3,
            legacy: c.4,
            shutdown,
            history: c
                .8
                .into_iter()
                .map(|(from, input, output)| Dated {
                    from,
                    input,
                    output,
                })
                .collect(),
        }
    }
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct PricesFile {
    pub dataset: Dataset,
    pub default_model: String,
    pub prices: Vec<PriceRow>,
}

impl PriceRow {
    /// The newest price in force on `today` (`YYYY-MM-DD`; ISO dates compare as text). An
    /// undated price counts as in force from the start.
    pub fn in_force(&self, today: &str) -> Option<&Dated> {
        self.history
            .iter()
            .rfind(|d| d.from.as_deref().is_none_or(|from| from <= today))
    }
}

impl PriceRow {
    /// The row as priced on `today`, dated with the dataset's release month; None when no
    /// price is in force yet. Takes the row, so the page keeps one copy of each text.
    pub fn into_price(self, released: &str, today: &str) -> Option<Price> {
        let price = self.in_force(today)?.clone();
        Some(Price {
            model: self.id,
            provider: self.provider,
            input_per_million: price.input,
            output_per_million: price.output,
            since: price.from,
            taken_on: released.to_owned(),
            source: self.source,
            legacy: self.legacy,
            shutdown: self.shutdown,
        })
    }
}

impl Dataset {
    /// The table's header for this dataset, before any row.
    pub fn empty_table(&self, default_model: String) -> PriceTable {
        PriceTable {
            taken_on: self.released.clone(),
            dataset: format!("{} {}", self.name, self.version),
            default_model,
            prices: Vec::new(),
        }
    }
}

impl PricesFile {
    /// The table the page prices with on `today`; a model with no price in force yet is left out.
    pub fn table_on(&self, today: &str) -> PriceTable {
        let mut table = self.dataset.empty_table(self.default_model.clone());
        table.prices = self
            .prices
            .iter()
            .filter_map(|row| row.clone().into_price(&self.dataset.released, today))
            .collect();
        table
    }
}

/// The committed price file, for the native prerenderer and tests; the app fetches it instead
/// (nothing in the app calls this, so the file is not linked into its bundle).
pub fn committed() -> PricesFile {
    serde_json::from_str(include_str!("../../static/data/prices.json")).expect(
        "static/data/prices.json is written by cargo xtask refresh-data and checked by its tests",
    )
}

/// The UTC calendar day (`YYYY-MM-DD`) of a time in milliseconds since 1970 (Howard Hinnant's
/// days-to-civil algorithm), so the page and the native prerenderer date prices alike.
pub fn civil_date(unix_ms: f64) -> String {
    let days = (unix_ms / 86_400_000.0).floor() as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Printed as u32: i64's printer is not otherwise linked into the app.
    let (year, month, day) = (year as u32, month as u32, day as u32);
    format!("{year:04}-{month:02}-{day:02}")
}

impl Shutdown {
    /// Whether the shutdown date has passed on `today`.
    pub fn passed(&self, today: &str) -> bool {
        self.date.as_str() <= today
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(history: Vec<Dated>) -> PriceRow {
        PriceRow {
            id: "m".into(),
            name: "M".into(),
            provider: "P".into(),
            history,
            source: "s".into(),
            legacy: false,
            shutdown: None,
        }
    }

    fn dated(from: Option<&str>, input: f64) -> Dated {
        Dated {
            from: from.map(str::to_owned),
            input,
            output: input * 5.0,
        }
    }

    #[test]
    fn the_newest_price_in_force_on_the_day_wins() {
        // GPT-5.6 Luna's history: $1 undated, cut to $0.20 on 2026-07-30.
        let luna = row(vec![dated(None, 1.0), dated(Some("2026-07-30"), 0.2)]);
        assert_eq!(luna.in_force("2026-07-29").map(|d| d.input), Some(1.0));
        assert_eq!(luna.in_force("2026-07-30").map(|d| d.input), Some(0.2));
        assert_eq!(luna.in_force("2026-12-07").map(|d| d.input), Some(0.2));
        // A model whose only price starts later has none yet.
        let later = row(vec![dated(Some("2027-01-01"), 1.5)]);
        assert!(later.in_force("2026-12-07").is_none());
        let file = PricesFile {
            prices: vec![luna, later],
            ..PricesFile::default()
        };
        let table = file.table_on("2026-12-07");
        assert_eq!(table.prices.len(), 1);
        assert_eq!(table.prices[0].since.as_deref(), Some("2026-07-30"));
    }

    #[test]
    fn days_since_1970_become_calendar_dates() {
        let day = 86_400_000.0;
        assert_eq!(civil_date(0.0), "1970-01-01");
        assert_eq!(civil_date(day * 59.0), "1970-03-01");
        // 2026-12-07 is day 20,794; 2000-02-29 is day 11,016 (a leap day of a century year).
        assert_eq!(civil_date(day * 20_794.0 + 3_600_000.0), "2026-12-07");
        assert_eq!(civil_date(day * 11_016.0), "2000-02-29");
        assert_eq!(civil_date(day * 20_794.0 - 1.0), "2026-12-06");
    }

    #[test]
    fn a_shutdown_has_passed_from_its_day_on() {
        let s = Shutdown {
            date: "2026-12-11".into(),
            replacement: "gpt-6-luna".into(),
            source: "s".into(),
        };
        assert!(!s.passed("2026-12-10"));
        assert!(s.passed("2026-12-11"));
    }

    #[test]
    fn the_committed_file_reads_and_is_current_on_its_own_terms() {
        let file = committed();
        let table = file.table_on("2026-12-07");
        let default = table
            .find(&table.default_model)
            .expect("the default is offered");
        assert!(!default.legacy && default.shutdown.is_none());
        // GPT-6 Luna at $0.10 / $0.50, the Luna price cut, and every old link's model.
        let luna = table.find("gpt-6-luna").expect("offered");
        assert_eq!(
            (luna.input_per_million, luna.output_per_million),
            (0.1, 0.5)
        );
        let old_luna = table.find("gpt-5.6-luna").expect("offered");
        assert_eq!(
            (old_luna.input_per_million, old_luna.output_per_million),
            (0.2, 1.2)
        );
        for old in [
            "gpt-5-nano",
            "gpt-5-mini",
            "gpt-4.1-nano",
            "gpt-4.1-mini",
            "gpt-4o-mini",
            "Phi-4-mini",
            "Phi-4",
        ] {
            assert!(table.find(old).is_some(), "{old}");
        }
        for provider in [
            "OpenAI",
            "Google",
            "Anthropic",
            "Deepseek",
            "Mistral",
            "Microsoft Azure",
        ] {
            assert!(
                table.prices.iter().any(|p| p.provider == provider),
                "{provider}"
            );
        }
        for shutdown in table.prices.iter().filter_map(|p| p.shutdown.as_ref()) {
            assert!(table.find(&shutdown.replacement).is_some());
            assert!(shutdown.source.starts_with("https://"));
        }
    }
}
