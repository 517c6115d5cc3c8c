//! Resolves paths of the build (the worker, the models) against the page's base URL, so sub-path hosting works.

/// Resolves `path` against `document.baseURI`, falling back to the path itself.
pub fn resolve(path: &str) -> String {
    super::browser::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(path, &base).ok())
        .map_or_else(|| path.to_owned(), |url| url.href())
}
