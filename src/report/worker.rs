//! The report worker: writes the Markdown and JSON exports and the verdict's reach off the
//! page's thread and bundle; built a second time with only the device panel's fit table.
//!
//! The app starts the report worker the first time the visitor copies or downloads a report,
//! or a verdict quotes its reach, and the fit worker when the device panel shows its table; the
//! page's bundle holds only the message types (`protocol`), not the writers, the starter code
//! or the model list's parser.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::protocol::{ReportJob, ReportRequest};
use crate::device::fleet::FleetData;
use crate::device::model_list::{Catalogue, ModelList};
use crate::worker_serve::{Replier, Serve};

/// The generated model list and fleet surveys, relative to the worker's script (next to the page).
const MODEL_LIST: &str = "data/models.json";
const FLEET: &str = "data/fleet.json";

/// Every request carries the facts it needs; the model list and the surveys (which every report
/// quotes: the fit table's reach column, the verdict's reach) are read once, at the first
/// request, and kept. Requests that arrive while they are being read wait for that one read
/// rather than fetching them again. Built with every writer, or with the fit table's alone in
/// a bundle of its own.
pub struct ReportWorker {
    catalogue: Rc<RefCell<Kept>>,
    /// The writer: a plain function, so a bundle links only the writers it is given.
    write: Writer,
}

type Writer = fn(&ReportRequest, &Catalogue) -> String;

enum Kept {
    Unread,
    Reading(Vec<(ReportRequest, Replier<ReportJob>)>),
    Read(Rc<Catalogue>),
}

impl ReportWorker {
    /// Every report, the reach and the fit table.
    pub fn reports() -> Self {
        Self::new(ReportRequest::write)
    }

    /// The fit table alone: no report writer or engine is linked (any other request gets an
    /// empty text, which the app never sends it).
    pub fn fit_tables() -> Self {
        Self::new(|request, catalogue| request.fit_table(catalogue).unwrap_or_default())
    }

    fn new(write: Writer) -> Self {
        Self {
            catalogue: Rc::new(RefCell::new(Kept::Unread)),
            write,
        }
    }
}

impl Serve for ReportWorker {
    type Job = ReportJob;

    fn received(&mut self, request: ReportRequest, reply: Replier<ReportJob>) {
        let mut kept = self.catalogue.borrow_mut();
        match &mut *kept {
            Kept::Read(catalogue) => reply.send(&(self.write)(&request, catalogue)),
            Kept::Reading(waiting) => waiting.push((request, reply)),
            Kept::Unread => {
                *kept = Kept::Reading(vec![(request, reply)]);
                spawn_local(read_and_answer(self.catalogue.clone(), self.write));
            }
        }
    }
}

/// Reads the list and the surveys together, then answers every request that waited for them.
async fn read_and_answer(cell: Rc<RefCell<Kept>>, write: Writer) {
    let (list, fleet) = futures::future::join(read_list(), read_fleet()).await;
    let mut catalogue = match list {
        Ok(list) => Catalogue::from_list(list),
        Err(why) => Catalogue::built_in(why),
    };
    catalogue.fleet = fleet;
    let catalogue = Rc::new(catalogue);
    // A list that could not be read is tried again by the next request.
    let read = matches!(
        catalogue.source,
        crate::device::model_list::Source::File { .. }
    );
    let next = if read {
        Kept::Read(catalogue.clone())
    } else {
        Kept::Unread
    };
    let waiting = match std::mem::replace(&mut *cell.borrow_mut(), next) {
        Kept::Reading(waiting) => waiting,
        _ => Vec::new(),
    };
    for (request, reply) in waiting {
        reply.send(&write(&request, &catalogue));
    }
}

/// Fetches and reads the model list; the error says what went wrong, for the table's note.
async fn read_list() -> Result<ModelList, String> {
    let text = fetch_text(MODEL_LIST).await?;
    ModelList::parse(&text).map_err(|e| format!("{MODEL_LIST} is malformed: {e}"))
}

/// Fetches and reads the fleet surveys, likewise.
async fn read_fleet() -> Result<FleetData, String> {
    let text = fetch_text(FLEET).await?;
    FleetData::parse(&text).map_err(|e| format!("{FLEET} is malformed: {e}"))
}

async fn fetch_text(path: &str) -> Result<String, String> {
    let scope = crate::worker_scope::scope().ok_or("not inside a worker")?;
    let said = |value: wasm_bindgen::JsValue| {
        value
            .as_string()
            .unwrap_or_else(|| "the browser refused".into())
    };
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(path))
        .await
        .map_err(|_| format!("{path} could not be fetched"))?
        .dyn_into()
        .map_err(said)?;
    if !response.ok() {
        return Err(format!("{path} answered {}", response.status()));
    }
    Ok(JsFuture::from(response.text().map_err(said)?)
        .await
        .map_err(said)?
        .as_string()
        .unwrap_or_default())
}
