//! Text made safe to place in HTML, for parts written as HTML text (the app's display-only
//! lists, the fit table the report worker writes).

/// `text` with `&`, `<`, `>` and `"` escaped, for element text and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
