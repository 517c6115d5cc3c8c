//! Display-only parts of a view written as HTML text: each element and attribute in `html!` is
//! code in the app bundle, which has a budget, while text compresses to almost nothing.
//!
//! Only for parts with nothing to click, type or keep open: the text replaces its DOM whenever
//! it changes. Every text that is not a literal goes through [`escape`].

use yew::{AttrValue, Html};

pub use crate::html_text::escape;

/// An optional child that keeps its place among its siblings when it is absent.
///
/// Yew matches an element's unkeyed children from the last one back, and `{ for option }` or
/// `{ option }` leave nothing when the option is `None`: a trailing child that comes and goes
/// then shifts every sibling before it, and Yew rebuilds them all, taking the keyboard focus
/// (a radio button just pressed, the description being typed) with them. One function rather
/// than `unwrap_or_default` at each place: it is code in the app bundle.
#[inline(never)]
pub fn slot(child: Option<Html>) -> Html {
    child.unwrap_or_default()
}

/// HTML text as a node; the caller has escaped everything in it that is not a literal.
pub fn raw(html: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(html))
}

/// A `<ul>` of escaped items, each `<li>` with the given attributes (already escaped).
pub fn list<'a>(ul_attributes: &str, items: impl IntoIterator<Item = (String, &'a str)>) -> String {
    let mut out = format!("<ul{ul_attributes}>");
    for (li_attributes, text) in items {
        out += &format!("<li{li_attributes}>{}</li>", escape(text));
    }
    out + "</ul>"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_markup() {
        assert_eq!(
            escape(r#"<img src=x onerror="a()"> & co"#),
            "&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; co"
        );
        assert_eq!(escape("Phi-4-mini (3.8B)"), "Phi-4-mini (3.8B)");
    }

    #[test]
    fn a_list_escapes_its_items() {
        let items = [(String::from(" data-x=\"1\""), "a < b")];
        assert_eq!(
            list(" class=\"c\"", items),
            "<ul class=\"c\"><li data-x=\"1\">a &lt; b</li></ul>"
        );
    }
}
