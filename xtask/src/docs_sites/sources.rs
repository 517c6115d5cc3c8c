//! What README's "Embedding in a docs site" tells a docs site to write, read at run time, and the
//! docs-site sources in `tests/e2e/docs_sites/` filled in with it.
//!
//! The judge follows README rather than a copy of it: when README's example changes (its heights,
//! its attributes, its reserving CSS), the sites the judge builds change with it.

use std::path::Path;

use anyhow::{bail, Context, Result};

/// The two prefilled answers the issue's target is stated for.
pub const ANSWERS: &str = "privacy=regulated&connectivity=offline";

/// README's example, taken apart, and where `embed.js` lives under the advisor's origin.
#[derive(Debug)]
pub struct Embed {
    /// The placeholder's attributes in README's order, `data-answers` replaced, `data-theme` left out.
    attributes: Vec<(String, Option<String>)>,
    /// The placeholder's contents (the fallback link), README's own lines.
    contents: Vec<String>,
    /// The script tag's line as README writes it.
    script: String,
    /// README's address of the deployed advisor (`https://example.org/tools/advisor/`).
    readme_base: String,
    /// The path part of that address: the judge serves dist/ under the same path.
    pub prefix: String,
    /// README's reserving CSS (`[data-local-or-cloud] { min-height: …px; }`), if it gives one.
    reserve_css: Option<String>,
}

impl Embed {
    /// Reads the first `html` example (and the first `css` one) of README's embedding section.
    pub fn from_readme(readme: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(readme).context("reading README.md")?;
        let section = section(&text, "## Embedding in a docs site")
            .context("README has no \"## Embedding in a docs site\" section")?;
        let html = code_block(section, "html")
            .context("README's embedding section has no html example")?;
        let open_start = html
            .find("<div")
            .context("README's example has no <div placeholder")?;
        let open_end = open_start + html[open_start..].find('>').context("unclosed <div")?;
        let close = html
            .find("</div>")
            .context("README's example has no </div>")?;
        let (script, readme_base, prefix) = script_tag(html)?;
        let mut attributes = parse_attributes(&html[open_start + 4..open_end]);
        // The judge checks that the frame follows the host's own toggle, which a pinned
        // `data-theme` (README's example pins dark) would switch off by design.
        attributes.retain(|(name, _)| name != "data-theme");
        match attributes
            .iter_mut()
            .find(|(name, _)| name == "data-answers")
        {
            Some((_, value)) => *value = Some(ANSWERS.to_owned()),
            None => attributes.push(("data-answers".into(), Some(ANSWERS.into()))),
        }
        let contents = html[open_end + 1..close]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect();
        let embed = Embed {
            attributes,
            contents,
            script,
            readme_base,
            prefix,
            reserve_css: code_block(section, "css").map(str::to_owned),
        };
        embed.height("data-min-height")?;
        embed.height("data-max-height")?;
        Ok(embed)
    }

    /// README's value of a height attribute, in CSS pixels.
    pub fn height(&self, name: &str) -> Result<u32> {
        let value = self
            .attributes
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
            .with_context(|| format!("README's example has no {name}"))?;
        value
            .parse()
            .with_context(|| format!("README's {name}=\"{value}\" is not a number"))
    }

    /// The placeholder for an advisor deployed at `advisor` (its address with the trailing slash).
    pub fn placeholder(&self, advisor: &str) -> String {
        let mut open = String::from("<div");
        for (name, value) in &self.attributes {
            open.push(' ');
            open.push_str(name);
            if let Some(value) = value {
                open.push_str(&format!("=\"{value}\""));
            }
        }
        open.push('>');
        let mut lines = vec![open];
        lines.extend(
            self.contents
                .iter()
                .map(|l| l.replace(&self.readme_base, advisor)),
        );
        lines.push("</div>".into());
        lines.join("\n")
    }

    /// README's script tag, loading `embed.js` from `advisor`.
    pub fn script(&self, advisor: &str) -> String {
        self.script.replace(&self.readme_base, advisor)
    }

    /// README's reserving CSS with the placeholder's own minimum height, or nothing.
    pub fn reserve_css(&self) -> String {
        let (Some(css), Ok(min)) = (&self.reserve_css, self.height("data-min-height")) else {
            return String::new();
        };
        // README's comment says the value is the placeholder's data-min-height.
        match css.find("min-height:") {
            Some(at) => {
                let rest = &css[at + "min-height:".len()..];
                let end = rest.find("px").unwrap_or(0);
                format!("{}min-height: {min}{}", &css[..at], &rest[end..])
            }
            None => css.clone(),
        }
    }
}

/// README's script tag, the deployed advisor's address it names, and that address's path (the
/// judge serves dist/ under the same path).
fn script_tag(html: &str) -> Result<(String, String, String)> {
    let script = html
        .lines()
        .find(|l| l.contains("<script"))
        .context("README's example has no script tag")?
        .trim()
        .to_owned();
    let src = attribute_value(&script, "src").context("README's script tag has no src")?;
    let base = src
        .strip_suffix("embed.js")
        .context("README's script is not embed.js")?
        .to_owned();
    let after_scheme = base.split_once("://").map_or("", |(_, rest)| rest);
    let prefix = match after_scheme.find('/') {
        Some(at) => after_scheme[at..].to_owned(),
        None => "/".to_owned(),
    };
    if !prefix.ends_with('/') {
        bail!("README's embed.js address has no directory: {base}");
    }
    Ok((script, base, prefix))
}

/// The text from a heading line to the next heading of the same level.
fn section<'a>(text: &'a str, heading: &str) -> Option<&'a str> {
    let start = text.find(&format!("\n{heading}\n"))? + 1;
    let body = &text[start + heading.len()..];
    Some(&text[start..start + heading.len() + body.find("\n## ").unwrap_or(body.len())])
}

/// The first fenced code block of a language in `text`.
fn code_block<'a>(text: &'a str, language: &str) -> Option<&'a str> {
    let fence = format!("```{language}\n");
    let start = text.find(&fence)? + fence.len();
    Some(&text[start..start + text[start..].find("```")?])
}

fn attribute_value(tag: &str, name: &str) -> Option<String> {
    parse_attributes(tag)
        .into_iter()
        .find(|(n, _)| n == name)
        .and_then(|(_, v)| v)
}

/// `name="value"` and bare `name` attributes, in order (README writes no single quotes).
fn parse_attributes(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches("<script").trim();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
            .unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        let mut value = None;
        if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').unwrap_or(after.len());
            value = Some(after[..close].to_owned());
            rest = &after[(close + 1).min(after.len())..];
        }
        if !name.is_empty() && !name.starts_with('<') && !name.starts_with('/') {
            out.push((name, value));
        }
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
    }
    out
}

/// Fills a source file: `@NAME@` anywhere is replaced by its value; a line that is only a marker
/// takes a many-line value with the marker's indentation on every line (reStructuredText needs it).
pub fn render(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::new();
    for line in template.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        match values
            .iter()
            .find(|(k, _)| trimmed.trim_end() == format!("@{k}@"))
        {
            Some((_, value)) => {
                for part in value.lines() {
                    out.push_str(indent);
                    out.push_str(part);
                    out.push('\n');
                }
            }
            None => {
                let mut line = line.to_owned();
                for (k, v) in values {
                    line = line.replace(&format!("@{k}@"), v);
                }
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// Copies a source tree, filling every text file with `values`.
pub fn copy_rendered(from: &Path, to: &Path, values: &[(&str, String)]) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_rendered(&entry.path(), &target, values)?;
        } else if let Ok(text) = std::fs::read_to_string(entry.path()) {
            std::fs::write(&target, render(&text, values))?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readmes_example_gives_the_placeholder_with_the_judges_answers() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let embed = Embed::from_readme(&root.join("README.md")).unwrap();
        let html = embed.placeholder("http://127.0.0.1:1/tools/advisor/");
        assert!(html.starts_with(
            "<div data-local-or-cloud data-answers=\"privacy=regulated&connectivity=offline\""
        ));
        assert!(!html.contains("data-theme"));
        assert!(html.contains("http://127.0.0.1:1/tools/advisor/"));
        assert!(embed
            .script("http://x/")
            .contains("src=\"http://x/embed.js\""));
        assert!(
            embed.height("data-max-height").unwrap() > embed.height("data-min-height").unwrap()
        );
    }

    #[test]
    fn a_marker_line_keeps_its_indentation() {
        let out = render(
            "a @X@ b\n   @Y@\n",
            &[("X", "1".into()), ("Y", "p\nq".into())],
        );
        assert_eq!(out, "a 1 b\n   p\n   q\n");
    }
}
