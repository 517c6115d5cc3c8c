//! Share links: the query string that prefills the advisor, read defensively and written back.
//!
//! Everything here is plain Rust so it is tested natively. Bad input never fails the whole
//! link: each bad part becomes a notice naming what was ignored, and the rest still applies.

use serde::{Deserialize, Serialize};

use crate::engine::cost::CostInputs;
use crate::engine::{Answers, Choice, Factor};

mod field;
pub use field::{CostField, Field, Theme};

/// A value longer than this (other than a description) cannot be a real answer.
const MAX_VALUE_CHARS: usize = 100;
/// Descriptions are free text, but a share link is no place for an essay.
pub const MAX_DESCRIBE_CHARS: usize = 2_000;
/// Parts of a link past this many are ignored, so a hostile link cannot make the page spin.
const MAX_PARAMS: usize = 64;

/// What a link holds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Shared {
    pub answers: Answers,
    pub cost: CostInputs,
    pub describe: Option<String>,
    pub embed: bool,
    /// The embedding page's origin (`host=`): the only origin an embedded advisor posts to.
    pub host: Option<String>,
    /// A theme the embedding page pins (`theme=light` or `dark`); none follows the system.
    pub theme: Option<Theme>,
    /// `device=this`: the feature runs on the device that opens the link, so its measured
    /// profile stands in for the hardware answer.
    pub this_device: bool,
}

/// Reads a query string (with or without the leading `?`); returns what it holds and a notice per ignored part.
pub fn parse(query: &str) -> (Shared, Vec<String>) {
    let mut shared = Shared::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs = form_urlencoded::parse(query.as_bytes());
    for (key, value) in pairs.by_ref().take(MAX_PARAMS) {
        if let Err(notice) = apply_param(&mut shared, &key, &value) {
            notices.push(notice);
        }
    }
    if pairs.next().is_some() {
        notices.push(format!(
            "Ignored everything after the first {MAX_PARAMS} parts of the link."
        ));
    }
    (shared, notices)
}

/// Applies one `key=value` part of a link; the error is a notice for the visitor.
pub fn apply_param(shared: &mut Shared, key: &str, value: &str) -> Result<(), String> {
    let shown = format!("{}={}", clip(key), clip(value));
    if let Some(Field::Describe) = Field::from_key(key) {
        return apply_field(shared, Field::Describe, value);
    }
    if value.chars().count() > MAX_VALUE_CHARS {
        return Err(format!("Ignored {}: its value is far too long.", clip(key)));
    }
    if key == "embed" {
        shared.embed = match value {
            "1" | "true" => true,
            "0" | "false" => false,
            _ => return Err(format!("Ignored {shown}: embed takes 1 or 0.")),
        };
        return Ok(());
    }
    if key == "host" {
        shared.host = Some(origin(value).ok_or_else(|| {
            format!("Ignored {shown}: host takes an origin such as https://docs.example.org.")
        })?);
        return Ok(());
    }
    if key == "theme" {
        shared.theme = Some(
            Theme::from_key(value)
                .ok_or_else(|| format!("Ignored {shown}: theme takes light or dark."))?,
        );
        return Ok(());
    }
    if key == "device" {
        if value != "this" {
            return Err(format!("Ignored {shown}: device takes this."));
        }
        shared.this_device = true;
        return Ok(());
    }
    if let Some(field) = Field::from_key(key) {
        return apply_field(shared, field, value);
    }
    if let Some(factor) = Factor::from_key(key) {
        return shared.answers.set(factor, value).map_err(|_| {
            format!(
                "Ignored {shown}: {} takes {}.",
                factor.key(),
                factor.options().join(", ")
            )
        });
    }
    Err(format!(
        "Ignored {shown}: '{}' is not something this advisor knows.",
        clip(key)
    ))
}

/// Applies a typed field, from the form or a link; the error is a notice for the visitor.
pub fn apply_field(shared: &mut Shared, field: Field, value: &str) -> Result<(), String> {
    let key = field.key();
    let shown = format!("{key}={}", clip(value));
    match field {
        Field::Describe => {
            if value.chars().count() > MAX_DESCRIBE_CHARS {
                return Err(format!(
                    "Ignored the description: it is longer than {MAX_DESCRIBE_CHARS} characters."
                ));
            }
            shared.describe = Some(value.to_owned()).filter(|text| !text.trim().is_empty());
        }
        Field::CloudModel => {
            // Only the form is checked here: whether the price table lists the model is known
            // once the price file is read (`AdvisorState::with_prices`).
            let well_formed = (1..=64).contains(&value.len())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(&b));
            if !well_formed {
                return Err(format!("Ignored {shown}: that is not a model name."));
            }
            shared.cost.model = Some(value.to_owned());
        }
        Field::Cost(cost) => {
            let (min, max, whole) = cost.range();
            let number = crate::decimal::parse(value.trim())
                .filter(|n| n.is_finite() && *n >= min && *n <= max && (!whole || n.fract() == 0.0))
                .ok_or_else(|| {
                    let kind = if whole { "a whole number" } else { "a number" };
                    let (min, max) = (crate::decimal::Plain(min), crate::decimal::Plain(max));
                    format!("Ignored {shown}: {key} takes {kind} from {min} to {max}.")
                })?;
            cost.set(&mut shared.cost, number);
        }
    }
    Ok(())
}

/// The value when it is a bare http(s) origin (scheme, host, optional port; no path, no user),
/// the form `location.origin` has, since browsers compare message origins exactly so.
fn origin(value: &str) -> Option<String> {
    // Split at the first ':' then drop "//": a char pattern and a prefix keep the app bundle
    // free of the substring searcher that `split_once("://")` links.
    let (scheme, rest) = value.split_once(':')?;
    let rest = rest.strip_prefix("//")?;
    let host_chars = |c: char| c.is_ascii_alphanumeric() || ".-:[]".contains(c);
    let valid = matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && !rest.starts_with(':')
        && rest.chars().all(host_chars);
    valid.then(|| value.to_owned())
}

/// Shortens text for a notice and drops control characters, so a notice stays one short line.
fn clip(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > 40 {
        format!("{}…", clean.chars().take(40).collect::<String>())
    } else {
        clean
    }
}

/// The query string of this state with some answers changed: a "what would change the verdict" link.
pub fn with_changes(shared: &Shared, changes: &[Choice]) -> String {
    let mut changed = shared.clone();
    for choice in changes {
        changed.answers.choose(*choice);
    }
    to_query(&changed)
}

/// Writes the query string (without `?`) that reproduces this state; defaults are left out.
pub fn to_query(shared: &Shared) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for choice in shared.answers.iter() {
        out.append_pair(choice.factor().key(), choice.key());
    }
    let defaults = CostInputs::default();
    let cost = &shared.cost;
    if cost.users != defaults.users {
        out.append_pair("users", &cost.users.to_string());
    }
    if cost.requests_per_user_per_day != defaults.requests_per_user_per_day {
        out.append_pair(
            "requests_per_user_per_day",
            &crate::decimal::Plain(cost.requests_per_user_per_day).to_string(),
        );
    }
    if cost.input_tokens != defaults.input_tokens {
        out.append_pair("input_tokens", &cost.input_tokens.to_string());
    }
    if cost.output_tokens != defaults.output_tokens {
        out.append_pair("output_tokens", &cost.output_tokens.to_string());
    }
    if cost.upgrade_per_device != defaults.upgrade_per_device {
        out.append_pair(
            "upgrade_per_device",
            &crate::decimal::Plain(cost.upgrade_per_device).to_string(),
        );
    }
    if let Some(model) = &cost.model {
        out.append_pair("cloud_model", model);
    }
    if let Some(price) = cost.input_price {
        out.append_pair("price_in", &crate::decimal::Plain(price).to_string());
    }
    if let Some(price) = cost.output_price {
        out.append_pair("price_out", &crate::decimal::Plain(price).to_string());
    }
    if shared.this_device {
        out.append_pair("device", "this");
    }
    if let Some(describe) = &shared.describe {
        out.append_pair("describe", describe);
    }
    if shared.embed {
        out.append_pair("embed", "1");
    }
    if let Some(host) = &shared.host {
        out.append_pair("host", host);
    }
    if let Some(theme) = shared.theme {
        out.append_pair("theme", theme.key());
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_link_round_trips() {
        let query =
            "privacy=regulated&connectivity=offline&users=250&requests_per_user_per_day=3.5\
                     &input_tokens=800&output_tokens=120&upgrade_per_device=150&cloud_model=Phi-4\
                     &describe=notes+on+clinic+laptops&embed=1&device=this\
                     &host=http%3A%2F%2F127.0.0.1%3A9000&theme=dark";
        let (shared, notices) = parse(query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(shared.answers.key(Factor::Privacy), Some("regulated"));
        assert_eq!(shared.cost.users, 250);
        assert_eq!(shared.cost.requests_per_user_per_day, 3.5);
        assert_eq!(shared.describe.as_deref(), Some("notes on clinic laptops"));
        assert!(shared.embed);
        assert!(shared.this_device);
        assert_eq!(shared.host.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(shared.theme, Some(Theme::Dark));
        assert_eq!(parse(&to_query(&shared)), (shared, vec![]));
    }

    #[test]
    fn every_kind_of_bad_part_is_named_and_the_rest_still_applies() {
        let cases: &[(&str, &str)] = &[
            ("colour=blue", "'colour' is not something"),
            ("privacy=secret", "privacy takes public, internal"),
            ("users=-5", "users takes a whole number"),
            ("users=2.5", "users takes a whole number"),
            ("input_tokens=1e300", "input_tokens takes"),
            (
                "requests_per_user_per_day=NaN",
                "requests_per_user_per_day takes a number",
            ),
            ("embed=yes", "embed takes 1 or 0"),
            ("device=that", "device takes this"),
            ("cloud_model=gpt%209%3Cb%3E", "not a model name"),
            ("theme=pink", "theme takes light or dark"),
            ("host=docs.example.org", "host takes an origin"),
            (
                "host=https%3A%2F%2Fdocs.example.org%2Fpath",
                "host takes an origin",
            ),
            ("host=javascript%3A%2F%2Falert(1)", "host takes an origin"),
            (
                "host=https%3A%2F%2Fuser%40evil.example",
                "host takes an origin",
            ),
            ("host=https%3A%2F%2F", "host takes an origin"),
            ("%FF%FE=%00", "is not something"),
        ];
        for (bad, expected) in cases {
            let (shared, notices) = parse(&format!("{bad}&latency=batch"));
            assert_eq!(notices.len(), 1, "{bad}: {notices:?}");
            assert!(notices[0].contains(expected), "{bad}: {}", notices[0]);
            assert_eq!(shared.answers.key(Factor::Latency), Some("batch"), "{bad}");
        }
    }

    #[test]
    fn huge_and_hostile_links_are_cut_short() {
        let (_, notices) = parse(&format!("privacy={}", "x".repeat(100_000)));
        assert_eq!(notices, ["Ignored privacy: its value is far too long."]);
        let (_, notices) = parse(&format!("describe={}", "y".repeat(MAX_DESCRIBE_CHARS + 1)));
        assert!(notices[0].contains("description"));
        let many = vec!["latency=batch"; 500].join("&");
        let (shared, notices) = parse(&many);
        assert_eq!(shared.answers.answered(), 1);
        assert_eq!(notices.len(), 1);
        let (_, notices) = parse("<script>alert(1)</script>=1");
        assert!(notices[0].starts_with("Ignored <script>alert(1)</script>=1"));
    }

    #[test]
    fn an_empty_link_is_the_default_state() {
        assert_eq!(parse(""), (Shared::default(), vec![]));
        assert_eq!(parse("?"), (Shared::default(), vec![]));
        assert_eq!(to_query(&Shared::default()), "");
    }
}
