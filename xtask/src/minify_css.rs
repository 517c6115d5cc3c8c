//! Minifies the release build's stylesheet: comments out, whitespace collapsed.
//!
//! The stylesheet is written for people, with a comment on every rule that needs a why; those
//! comments are a fifth of what a first visit fetches for it. Only what is safe everywhere in
//! CSS is removed: comments, runs of whitespace, and the spaces around `{`, `}`, `;` and `,`
//! (never around `:` or `>`, which would change selectors such as `a :hover`). Quoted strings
//! are copied as they are.

use std::path::Path;

use anyhow::{Context, Result};

/// Minifies every `style-*.css` Trunk staged in `dir` (release builds only).
pub fn styles(dir: &Path) -> Result<()> {
    if std::env::var("TRUNK_PROFILE").as_deref() != Ok("release") {
        return Ok(());
    }
    for (path, name) in crate::minify::staged(dir)? {
        if !(name.starts_with("style") && name.ends_with(".css")) {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        let small = stylesheet(&text);
        std::fs::write(&path, &small)?;
        rehash(&dir.join("index.html"), &name, small.as_bytes())?;
        println!("minify: {name} {} -> {} bytes", text.len(), small.len());
    }
    Ok(())
}

/// Writes the new content's hash into the page's `integrity` for `name`: Trunk hashed the
/// stylesheet before it was minified, and a browser refuses a file whose hash differs.
fn rehash(index: &Path, name: &str, content: &[u8]) -> Result<()> {
    use base64::Engine;
    use sha2::Digest;
    let page = std::fs::read_to_string(index)?;
    let link = format!("href=\"./{name}\" integrity=\"sha384-");
    let Some(at) = page.find(&link).map(|at| at + link.len()) else {
        return Ok(());
    };
    let end = page[at..].find('"').map(|end| at + end).with_context(|| {
        format!(
            "the integrity of {name} in {} is unterminated",
            index.display()
        )
    })?;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(content));
    std::fs::write(index, format!("{}{hash}{}", &page[..at], &page[end..]))?;
    Ok(())
}

/// The stylesheet without comments and needless whitespace.
pub fn stylesheet(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space before `next`, unless either side is punctuation that needs none.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    const TIGHT: [char; 4] = ['{', '}', ';', ','];
    if std::mem::take(space) && !out.is_empty() && !TIGHT.contains(&next) && !out.ends_with(TIGHT) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::stylesheet;

    #[test]
    fn comments_and_spaces_go_and_meaning_stays() {
        let css = "/* a */\n:root {\n  --bg: light-dark(#fff, #000);\n}\n.a :hover, .b > .c { margin: 0 auto; }\n";
        assert_eq!(
            stylesheet(css),
            ":root{--bg: light-dark(#fff,#000)}.a :hover,.b > .c{margin: 0 auto}"
        );
    }

    #[test]
    fn strings_are_kept_as_written() {
        let css =
            "td::before { content: attr(data-label) \": \"; }\n.x { content: '/* no */  x'; }";
        assert_eq!(
            stylesheet(css),
            "td::before{content: attr(data-label) \": \"}.x{content: '/* no */  x'}"
        );
    }

    #[test]
    fn a_comment_between_rules_leaves_no_space_and_one_inside_a_value_leaves_one() {
        assert_eq!(stylesheet("a{b:c}/* x */d{e:f}"), "a{b:c}d{e:f}");
        assert_eq!(stylesheet("a{margin:0/* x */1px}"), "a{margin:0 1px}");
    }
}
