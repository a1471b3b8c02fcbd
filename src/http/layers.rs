//! `/api/layers`: the downloadable layers with their counts, and each layer as a streamed
//! GeoJSON or CSV download narrowed by the same filters as `/api/incidents`.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::params::ListParams;
use super::stream::layer_body;
use super::{ApiError, AppState, run_blocking};
use crate::export::Format;
use crate::layer::Layer;

/// Prefix of download file names.
const FILE_PREFIX: &str = "incident-atlas";

#[derive(Debug, Serialize)]
struct LayerSummary {
    name: String,
    title: String,
    count: u64,
    /// The GeoJSON download.
    href: String,
    /// The CSV download.
    csv_href: String,
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

#[get("/api/layers")]
async fn catalogue(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let summaries = run_blocking(move || {
        Layer::catalogue(today())
            .into_iter()
            .map(|layer| {
                Ok(LayerSummary {
                    count: store.count(&layer.filter)?,
                    href: format!("/api/layers/{}.geojson", layer.name),
                    csv_href: format!("/api/layers/{}.csv", layer.name),
                    name: layer.name,
                    title: layer.title,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()
    })
    .await?;
    Ok(HttpResponse::Ok().json(summaries))
}

#[get("/api/layers/{file}")]
async fn download(
    state: web::Data<AppState>,
    file: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let no_such = || ApiError::NotFound(format!("no layer file {file:?}; try /api/layers"));
    let (name, extension) = file.rsplit_once('.').ok_or_else(no_such)?;
    let format: Format = extension.parse().map_err(|_| no_such())?;
    let layer = Layer::named(name, today())?;
    let filter = layer.narrowed_by(&params.filter()?)?;
    let file_name = format!("{FILE_PREFIX}-{}.{}", layer.name, format.extension());
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(file_name)],
        })
        .streaming(layer_body(state.store.clone(), filter, format)))
}

pub(super) fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(catalogue).service(download);
}
